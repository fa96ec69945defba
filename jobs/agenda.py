"""Interviews in the agenda (contract: agenda/items.py)."""

import datetime
import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from agenda.items import AgendaItem
from jobs.models import Interview


def items(user: User, start: datetime.date, end: datetime.date) -> list[AgendaItem]:
    """Interviews between `start` and `end` (dates, inclusive), in the person's time zone.

    An interview is never "overdue": past ones are only shown inside the range asked for.
    """
    try:
        tz = zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = datetime.UTC
    start_at = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    end_at = datetime.datetime.combine(end, datetime.time.max, tzinfo=tz)
    interviews = (
        Interview.objects.owned_by(user)
        .filter(scheduled_at__range=(start_at, end_at))
        .select_related("application")
        .order_by("scheduled_at", "id")
    )
    now = timezone.now()
    result = []
    for interview in interviews:
        local = timezone.localtime(interview.scheduled_at, tz)
        application = interview.application
        details = [interview.get_kind_display()]
        if interview.with_whom:
            details.append(_("With: %(people)s") % {"people": interview.with_whom})
        if interview.location:
            details.append(_("Where: %(place)s") % {"place": interview.location})
        result.append(
            AgendaItem(
                uid=f"jobs-interview-{interview.pk}",
                date=local.date(),
                time=local.time().replace(second=0, microsecond=0),
                duration_minutes=interview.duration_minutes,
                title=_("Interview: %(title)s, %(organisation)s")
                % {"title": application.title, "organisation": application.organisation},
                url=reverse("jobs:detail", args=[application.pk]) + "#interviews",
                kind="interview",
                done=interview.scheduled_at <= now,
                description=" · ".join(str(d) for d in details),
            )
        )
    return result
