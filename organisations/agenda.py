"""Organisations in the agenda (and its calendar feed): 1:1 conversations for both sides, one's
own action items, and the steps of open development cycles. Seven queries whatever the data."""

import datetime
from collections import Counter

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from agenda.items import AgendaItem
from core.access import visible
from organisations.models import (
    ActionItem,
    Assessment,
    Conversation,
    Cycle,
    ManagerLink,
    Membership,
)


def items(user: User, start: datetime.date, end: datetime.date) -> list[AgendaItem]:
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    last = datetime.datetime.combine(end, datetime.time.max, tzinfo=zone)
    found = []
    memberships = Membership.objects.active().filter(user=user)
    mine = memberships.values("organisation")

    conversations = (
        visible(Conversation, user)
        .filter(status=Conversation.Status.PLANNED, scheduled_at__gte=first, scheduled_at__lte=last)
        .filter(link__organisation__in=mine)
        .select_related("link__manager", "link__report", "link__organisation")
        .order_by("scheduled_at")
    )
    for conversation in conversations:
        local = timezone.localtime(conversation.scheduled_at)
        other = conversation.link.other(user)
        found.append(
            AgendaItem(
                uid=f"organisations-conversation-{conversation.pk}",
                date=local.date(),
                time=local.time().replace(second=0, microsecond=0),
                duration_minutes=conversation.duration_minutes,
                title=_("1:1 with %(name)s") % {"name": other.display_name},
                url=conversation.get_absolute_url(),
                kind="session",
                description=str(conversation.link.organisation),
            )
        )

    actions = (
        visible(ActionItem, user)
        .filter(owner=user, done=False, due_date__isnull=False, due_date__lte=end)
        .filter(conversation__link__organisation__in=mine)
        .select_related("conversation__link__organisation")
    )
    for action in actions:
        found.append(
            AgendaItem(
                uid=f"organisations-action-{action.pk}",
                date=action.due_date,
                title=action.title,
                url=action.conversation.get_absolute_url(),
                kind="step",
                overdue=action.due_date < today,
            )
        )

    cycles = list(
        Cycle.objects.filter(
            status=Cycle.Status.OPEN,
            organisation__in=mine,
            starts_on__lte=end,
            ends_on__gte=start,
        ).select_related("organisation")
    )
    if not cycles:
        return found
    with_role = set(
        memberships.filter(job_role__isnull=False).values_list("organisation_id", flat=True)
    )
    done = set()
    reviewed = Counter()
    for cycle_id, kind, _subject in (
        Assessment.objects.filter(cycle__in=cycles, status=Assessment.Status.SUBMITTED, author=user)
        .values_list("cycle_id", "kind", "subject_id")
        .distinct()
    ):
        if kind == Assessment.Kind.SELF:
            done.add((cycle_id, "self"))
        else:
            reviewed[cycle_id] += 1
    managing = Counter(
        ManagerLink.objects.filter(
            manager=user,
            status=ManagerLink.Status.ACTIVE,
            organisation_id__in={c.organisation_id for c in cycles},
        ).values_list("organisation_id", flat=True)
    )
    for cycle in cycles:
        url = reverse("organisations:cycle", args=[cycle.organisation.slug, cycle.pk])
        steps = []
        if cycle.organisation_id in with_role:  # a self-review is against one's job role
            steps.append(("self", cycle.self_review_due, _("Write your self-review: %(cycle)s")))
        if managing[cycle.organisation_id]:
            if reviewed[cycle.pk] >= managing[cycle.organisation_id]:
                done.add((cycle.pk, "manager"))
            steps.append(("manager", cycle.manager_review_due, _("Review your team: %(cycle)s")))
        for kind, due, title in steps:
            is_done = (cycle.pk, kind) in done
            if start <= due <= end or (due < start and not is_done):
                found.append(
                    AgendaItem(
                        uid=f"organisations-cycle-{cycle.pk}-{kind}",
                        date=due,
                        title=title % {"cycle": cycle.name},
                        url=url,
                        kind="review",
                        done=is_done,
                        overdue=due < today and not is_done,
                    )
                )
    return found
