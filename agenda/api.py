"""JSON API routes of the agenda app, mounted under /api/ by parcours.api."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from agenda.collect import collect, user_time_zone
from core.api_schemas import ErrorOut

router = Router(tags=["agenda"])

MAX_DAYS = 366


class AgendaItemOut(Schema):
    uid: str
    date: datetime.date
    title: str
    url: str
    kind: str
    done: bool
    overdue: bool
    time: datetime.time | None = None
    duration_minutes: int | None = None
    description: str = ""


@router.get("/agenda", response={200: list[AgendaItemOut], 400: ErrorOut})
def agenda(request, start: datetime.date | None = None, end: datetime.date | None = None):
    """What is due between `start` and `end` (default: the next 30 days), overdue first."""
    with timezone.override(user_time_zone(request.auth)):
        today = timezone.localdate()
    start = start or today
    end = end or start + datetime.timedelta(days=30)
    if end < start:
        raise HttpError(400, _("The end date must not come before the start date."))
    if (end - start).days > MAX_DAYS:
        raise HttpError(400, _("Ask for at most %(days)s days at a time.") % {"days": MAX_DAYS})
    with timezone.override(user_time_zone(request.auth)):
        return collect(request.auth, start, end)
