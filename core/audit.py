"""The sharing history: every change of who can see a person's data, in that person's log.

Domain functions call `record` at each such change, inside the transaction that makes it, so
the log and the change are saved together or not at all. The views and the API route only read
`history(person)`. What is recorded, and for whom, is described in docs/apps/audit.md.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import owned
from core.models import SharingEvent

Action = SharingEvent.Action
Effect = SharingEvent.Effect

DESCRIPTION_LENGTH = SharingEvent._meta.get_field("object_description").max_length


def record(
    owner: AbstractBaseUser,
    action: str,
    *,
    actor: AbstractBaseUser | None,
    effect: str,
    counterpart: AbstractBaseUser | None = None,
    obj: models.Model | None = None,
    description: str = "",
) -> SharingEvent:
    """Add one line to `owner`'s sharing history and return it.

    `actor` is who made the change (None: the site's administration, e.g. on the command line);
    `counterpart` the person who gains or loses access, if it is a person; `obj` the record
    concerned (its kind and id are kept) and `description` a short text that says which one.
    Call it inside the transaction of the change.
    """
    line = event(
        owner,
        action,
        actor=actor,
        effect=effect,
        counterpart=counterpart,
        obj=obj,
        description=description,
    )
    line.save()
    return line


def event(
    owner: AbstractBaseUser,
    action: str,
    *,
    actor: AbstractBaseUser | None,
    effect: str,
    counterpart: AbstractBaseUser | None = None,
    obj: models.Model | None = None,
    description: str = "",
    gone: AbstractBaseUser | None = None,
) -> SharingEvent:
    """The line `record` adds, unsaved (for a bulk_create of many).

    `gone` is a person whose account is being deleted: named as who made the change and who
    loses access, but not linked, since the line outlives the account.
    """
    return SharingEvent(
        owner=owner,
        actor=actor,
        actor_name=_name(gone if gone is not None else actor),
        action=action,
        effect=effect,
        counterpart=counterpart,
        counterpart_name=_name(gone if gone is not None else counterpart),
        object_kind=obj._meta.label_lower if obj is not None else "",
        object_id=obj.pk if obj is not None else None,
        object_description=_short(description),
    )


def _short(text):
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def _name(person):
    if person is None:
        return ""
    return str(person)[: SharingEvent._meta.get_field("actor_name").max_length]


def history(person: AbstractBaseUser) -> models.QuerySet[SharingEvent]:
    """`person`'s sharing history, newest first: only the events about their own data."""
    return owned(SharingEvent, person).order_by("-created_at", "-id")


def who(event: SharingEvent) -> str:
    """Who made the change, as the owner reads it."""
    if event.by_owner:
        return _("You")
    if event.actor_name:
        return event.actor_name
    return _("Site administration")


# Who gains or loses access when the change is not about a person.
NOT_A_PERSON = {
    Action.FEED_LINK_CREATED: gettext_lazy("Anyone with the calendar link"),
    Action.FEED_LINK_REPLACED: gettext_lazy("Anyone with the calendar link"),
    Action.FEED_LINK_REVOKED: gettext_lazy("Anyone with the calendar link"),
    Action.API_TOKEN_CREATED: gettext_lazy("Anyone with the token"),
    Action.API_TOKEN_REVOKED: gettext_lazy("Anyone with the token"),
    Action.DATA_EXPORTED: gettext_lazy("Whoever holds the file"),
    Action.ORG_JOINED: gettext_lazy("The organisation's members"),
    Action.ORG_LEFT: gettext_lazy("The organisation's members"),
}


def with_whom(event: SharingEvent) -> str:
    """Who gains or loses access, as the owner reads it."""
    if event.counterpart_name:
        return event.counterpart_name
    return str(NOT_A_PERSON.get(event.action, ""))


def data_exported(person: AbstractBaseUser, *, actor: AbstractBaseUser | None) -> SharingEvent:
    """A copy of everything `person` keeps left Parcours (`actor` None: made on the server)."""
    return record(person, Action.DATA_EXPORTED, actor=actor, effect=Effect.COPIED)
