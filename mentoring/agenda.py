"""Mentoring in the agenda: sessions, a gentle thank-you reminder, keep-in-touch moments.

Three queries whatever the number of mentorships and sessions.
"""

import datetime

from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from agenda.items import AgendaItem
from core.access import visible
from mentoring.models import Mentorship, Session


def _day_bounds(start, end):
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    last = datetime.datetime.combine(end, datetime.time.max, tzinfo=zone)
    return first, last


def items(user: User, start: datetime.date, end: datetime.date) -> list[AgendaItem]:
    today = timezone.localdate()
    found = []
    first, last = _day_bounds(start, end)
    sessions = (
        Session.objects.filter(
            Q(mentorship__mentor=user) | Q(mentorship__mentee=user),
            mentorship__status=Mentorship.Status.ACTIVE,
            scheduled_at__gte=first,
            scheduled_at__lte=last,
        )
        .select_related("mentorship__mentor", "mentorship__mentee")
        .order_by("scheduled_at")
    )
    for session in sessions:
        local = timezone.localtime(session.scheduled_at)
        other = session.mentorship.other(user)
        found.append(
            AgendaItem(
                uid=f"mentoring-session-{session.pk}",
                date=local.date(),
                time=local.time().replace(second=0, microsecond=0),
                duration_minutes=session.duration_minutes,
                title=_("Mentoring session with %(name)s") % {"name": other.display_name},
                url=reverse("mentoring:session", args=[session.pk]),
                kind="session",
                description=session.questions,
            )
        )

    # A gentle reminder to thank one's mentor when none was said for a while (mentee side).
    active = (
        Mentorship.objects.filter(mentee=user, status=Mentorship.Status.ACTIVE)
        .annotate(last_thanks=Max("thanks__created_at", filter=Q(thanks__author=F("mentee"))))
        .select_related("mentor")
    )
    for mentorship in active:
        due = mentorship.gratitude_due_on(mentorship.last_thanks)
        if due <= end:
            found.append(
                AgendaItem(
                    uid=f"mentoring-thanks-{mentorship.pk}-{due:%Y%m%d}",
                    date=due,
                    title=_("Say thank you to %(name)s") % {"name": mentorship.mentor.display_name},
                    url=reverse("mentoring:mentorship", args=[mentorship.pk]),
                    kind="gratitude",
                    overdue=due < today,
                )
            )

    # After the goals are met: keep in touch on a cadence (both sides).
    alumni = (
        visible(Mentorship, user)
        .filter(status=Mentorship.Status.COMPLETED)
        .annotate(last_contact=Max("contacts__created_at"))
        .select_related("mentor", "mentee")
    )
    for mentorship in alumni:
        due = mentorship.keep_in_touch_due_on(mentorship.last_contact)
        if due <= end:
            other = mentorship.other(user)
            if user.pk == mentorship.mentee_id:
                title = _("Keep in touch with %(name)s: share a success or ask advice") % {
                    "name": other.display_name
                }
            else:
                title = _("Keep in touch with %(name)s: ask how things are going") % {
                    "name": other.display_name
                }
            found.append(
                AgendaItem(
                    uid=f"mentoring-touch-{mentorship.pk}-{due:%Y%m%d}",
                    date=due,
                    title=title,
                    url=reverse("mentoring:mentorship", args=[mentorship.pk]),
                    kind="keep-in-touch",
                    overdue=due < today,
                )
            )
    return found
