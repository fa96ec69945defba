"""The extension point that turns a development suggestion into another app's object.

The gap analysis (taxonomy.gap) suggests, for each missing skill, actions of four kinds:
training, project, mentoring, reading. An app that can hold such an action (a goal step, a
learning-plan item) registers a handler, typically in its AppConfig.ready():

    from taxonomy import actions

    def add_step(user, suggestion):
        step = Step.objects.create(owner=user, title=suggestion.text, ...)
        return step.get_absolute_url()

    actions.register(
        "goals.step",
        label=_("Add as a goal step"),
        handle=add_step,
        kinds={"project", "mentoring"},   # omit for every kind
    )

The gap page then shows one button per registered handler under each suggestion; a click
posts to the taxonomy, which rebuilds the suggestion on the server (the browser never sends
its text), calls `handle(user, suggestion)` and redirects to the URL it returns. A handler
raises `ActionRefused(message)` to refuse with a message for the person.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

TRAINING = "training"
PROJECT = "project"
MENTORING = "mentoring"
READING = "reading"
KINDS = {
    TRAINING: _("Training"),
    PROJECT: _("Project"),
    MENTORING: _("Mentoring"),
    READING: _("Reading"),
}


@dataclass(frozen=True)
class Suggestion:
    """One suggested action for one missing skill of a target occupation."""

    kind: str  # one of KINDS
    text: str  # in the person's language
    skill_id: int
    skill_uri: str
    skill_label: str  # in the person's language
    target_id: int | None  # the target occupation (None: another aim, e.g. a job role)
    occupation_id: int | None
    occupation_label: str
    essential: bool

    @property
    def kind_label(self):
        return KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class ActionHandler:
    key: str
    label: str
    handle: object  # callable(user, Suggestion) -> URL str
    kinds: frozenset

    def accepts(self, kind):
        return kind in self.kinds


class ActionRefused(Exception):
    """A handler could not create its object; the message is shown to the person."""


class NoSuchAction(LookupError):
    """The posted handler, skill or kind names no suggestion of the gap (the page answers 404)."""


_handlers = {}


def register(key: str, label: str, handle: Callable, kinds: Iterable[str] | None = None) -> None:
    """Register (or replace) the handler `key`; `label` is the button text."""
    kinds = frozenset(kinds or KINDS)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown suggestion kinds: {sorted(unknown)}")
    _handlers[key] = ActionHandler(key=key, label=label, handle=handle, kinds=kinds)


def unregister(key: str) -> None:
    _handlers.pop(key, None)


def handlers() -> list[ActionHandler]:
    """Registered handlers, in registration order."""
    return list(_handlers.values())


def get(key: str) -> ActionHandler | None:
    return _handlers.get(key)


def perform(user: object, gap: object, data: Mapping) -> tuple[Suggestion, str | None]:
    """Run the handler that `data` (a page's POST: handler, skill, kind) names on the matching
    suggestion of `gap`, rebuilt on the server; return (suggestion, URL the handler gives).

    Raises NoSuchAction when nothing matches, ActionRefused when the handler refuses. Any gap
    with a `suggestion(skill_id, kind)` method works: an occupation's, a job role's.
    """
    handler = get(data.get("handler", ""))
    try:
        skill_id = int(data.get("skill", ""))
    except (TypeError, ValueError):
        raise NoSuchAction from None
    suggestion = gap.suggestion(skill_id, data.get("kind"))
    if handler is None or suggestion is None or not handler.accepts(suggestion.kind):
        raise NoSuchAction
    return suggestion, handler.handle(user, suggestion)
