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


_handlers = {}


def register(key, label, handle, kinds=None):
    """Register (or replace) the handler `key`; `label` is the button text."""
    kinds = frozenset(kinds or KINDS)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown suggestion kinds: {sorted(unknown)}")
    _handlers[key] = ActionHandler(key=key, label=label, handle=handle, kinds=kinds)


def unregister(key):
    _handlers.pop(key, None)


def handlers():
    """Registered handlers, in registration order."""
    return list(_handlers.values())


def handlers_for(kind):
    return [handler for handler in _handlers.values() if handler.accepts(kind)]


def get(key):
    return _handlers.get(key)
