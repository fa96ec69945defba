"""What other apps know about a person's work, given to the SMART check and the statement writer.

An app that knows what a person's job role expects (the organisations app: the competencies of
the role she holds or aims at) registers a provider in its AppConfig.ready():

    from goals import context

    context.register(my_roles)  # my_roles(user) -> list[RoleContext]

The goals app never imports such an app: it receives plain data through here, so the SMART
"relevant" criterion can say "Builds the competency “Teamwork” your role expects" and the
statement writer can show the role's competencies.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RoleContext:
    role: str  # e.g. "Care aide II (Les Érables)", in the person's language
    competencies: tuple[str, ...]  # the names of the competencies the role expects
    aim: bool = False  # a role the person aims at (the next level), not the one she holds


_providers = []


def register(provider: Callable[[object], list[RoleContext]]) -> None:
    """Add `provider(user) -> list[RoleContext]` (once)."""
    if provider not in _providers:
        _providers.append(provider)


def role_contexts(user: object) -> list[RoleContext]:
    """Every role context the registered providers know for `user`."""
    found = []
    for provider in _providers:
        found.extend(provider(user))
    return found
