"""What the growth app puts in the agenda: follow-ups, membership renewals, learning dates.

Three queries whatever the amount of data.
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from agenda.items import AgendaItem
from growth import networking
from growth.models import Contact, LearningItem


def items(user: User, start: datetime.date, end: datetime.date) -> list[AgendaItem]:
    today = timezone.localdate()
    found = []

    contacts = Contact.objects.for_user(user).filter(follow_up_days__isnull=False)
    for contact, due in networking.due_follow_ups(contacts.with_last_interaction(), today, end):
        if due < start and due >= today:
            continue
        found.append(
            AgendaItem(
                uid=f"growth-follow-up-{contact.pk}-{due.isoformat()}",
                date=due,
                title=_("Follow up with %(name)s") % {"name": contact.name},
                url=reverse("growth:contact_detail", args=[contact.pk]),
                kind="follow-up",
                overdue=due < today,
                description=", ".join(p for p in (contact.organisation, contact.role) if p),
            )
        )

    for membership in networking.current_memberships(user):
        due = membership.renews_on
        if due is None or due > end or (due < start and due >= today):
            continue
        found.append(
            AgendaItem(
                uid=f"growth-renewal-{membership.pk}",
                date=due,
                title=_("Renew your membership: %(name)s") % {"name": membership.association.name},
                url=reverse("growth:association_detail", args=[membership.association_id]),
                kind="renewal",
                overdue=due < today,
            )
        )

    learning = LearningItem.objects.for_user(user).filter(
        status__in=[LearningItem.Status.PLANNED, LearningItem.Status.IN_PROGRESS],
        end_date__isnull=False,
        end_date__lte=end,
    )
    for item in learning:
        if item.end_date < start and item.end_date >= today:
            continue
        found.append(
            AgendaItem(
                uid=f"growth-learning-{item.pk}",
                date=item.end_date,
                title=_("Learning plan ends: %(title)s") % {"title": item.title},
                url=reverse("growth:learning_detail", args=[item.pk]),
                kind="learning",
                overdue=item.end_date < today,
            )
        )
    found.sort(key=lambda agenda_item: (agenda_item.date, agenda_item.title))
    return found
