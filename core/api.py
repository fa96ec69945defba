"""JSON API routes of the core app, mounted under /api/ by parcours.api."""

import datetime

from django.utils import timezone
from ninja import Query, Router, Schema

from core import audit

router = Router(tags=["core"])

MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000


class SharingEventOut(Schema):
    id: int
    created_at: datetime.datetime
    action: str
    action_label: str
    effect: str
    effect_label: str
    by_you: bool
    who: str
    with_whom: str
    object_kind: str
    object_id: int | None
    description: str


class SharingEventsPage(Schema):
    count: int
    page: int
    per_page: int
    pages: int
    results: list[SharingEventOut]


def _event_out(event):
    return {
        "id": event.pk,
        "created_at": timezone.localtime(event.created_at),
        "action": event.action,
        "action_label": event.get_action_display(),
        "effect": event.effect,
        "effect_label": event.get_effect_display(),
        "by_you": event.by_owner,
        "who": audit.who(event),
        "with_whom": audit.with_whom(event),
        "object_kind": event.object_kind,
        "object_id": event.object_id,
        "description": event.object_description,
    }


@router.get("/me/sharing-events", response=SharingEventsPage, summary="Your sharing history")
def sharing_events(
    request,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
):
    """Every change of who can see your data, newest first, `per_page` at a time.

    Times are in your time zone; labels in your language. A page past the end is empty.
    """
    events = audit.history(request.auth)
    count = events.count()
    start = (page - 1) * per_page
    return {
        "count": count,
        "page": page,
        "per_page": per_page,
        "pages": max(1, -(-count // per_page)),
        "results": [_event_out(event) for event in events[start : start + per_page]],
    }
