"""The sharing history: every change of who can see a person's data, in that person's log.

Domain functions call `record` at each such change, inside the transaction that makes it, so
the log and the change are saved together or not at all. The views and the API route only read
`history(person)`. What is recorded, and for whom, is described in docs/apps/audit.md.
"""

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import owned
from core.models import SharingEvent

Action = SharingEvent.Action
Effect = SharingEvent.Effect

DESCRIPTION_LENGTH = SharingEvent._meta.get_field("object_description").max_length


def record(owner, action, *, actor, effect, counterpart=None, obj=None, description=""):
    """Add one line to `owner`'s sharing history and return it.

    `actor` is who made the change (None: the site's administration, e.g. on the command line);
    `counterpart` the person who gains or loses access, if it is a person; `obj` the record
    concerned (its kind and id are kept) and `description` a short text that says which one.
    Call it inside the transaction of the change.
    """
    return SharingEvent.objects.create(
        owner=owner,
        actor=actor,
        actor_name=_name(actor),
        action=action,
        effect=effect,
        counterpart=counterpart,
        counterpart_name=_name(counterpart),
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


def history(person):
    """`person`'s sharing history, newest first: only the events about their own data."""
    return owned(SharingEvent, person).order_by("-created_at", "-id")


def who(event):
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


def with_whom(event):
    """Who gains or loses access, as the owner reads it."""
    if event.counterpart_name:
        return event.counterpart_name
    return str(NOT_A_PERSON.get(event.action, ""))


def data_exported(person, *, actor):
    """A copy of everything `person` keeps left Parcours (`actor` None: made on the server)."""
    return record(person, Action.DATA_EXPORTED, actor=actor, effect=Effect.COPIED)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="core.audit.account_deleted")
def account_deleted(sender, instance, origin=None, **kwargs):
    """A mentor deletes her account: each of her mentees' histories says she no longer sees
    anything of theirs. (Her own history goes with her account.)

    Runs in the deletion's transaction, after Django listed the rows pointing at the account:
    the new rows must not point at it, so they keep the names only.
    """
    from mentoring.models import Mentorship

    mentorships = Mentorship.objects.filter(mentor=instance).select_related("mentee")
    if isinstance(origin, QuerySet) and origin.model is sender:
        # People deleted together: no history for a mentee who is going too.
        mentorships = mentorships.exclude(mentee__in=origin)
    SharingEvent.objects.bulk_create(
        SharingEvent(
            owner=mentorship.mentee,
            actor_name=_name(instance),
            action=Action.MENTOR_ACCOUNT_DELETED,
            effect=Effect.REMOVED,
            counterpart_name=_name(instance),
            object_kind=Mentorship._meta.label_lower,
            object_id=mentorship.pk,
            object_description=_short(mentorship.objectives or mentorship.hoped_gain),
        )
        for mentorship in mentorships
    )
