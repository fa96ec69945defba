"""The mentoring API's imported history: read-only records of their owner."""

import datetime
from typing import Literal

from ninja import Field, Router, Schema

from core.api_schemas import RowId
from mentoring import history

router = Router()  # tagged "mentoring" by the package


# Imported history (read-only) ------------------------------------------------------------------


class HistoryOut(Schema):
    id: int
    role: str
    counterpart_name: str
    counterpart_email: str
    status: str
    created_at: datetime.datetime
    ended_at: datetime.datetime | None
    imported_at: datetime.datetime


class HistoryGoalOut(Schema):
    goal_id: int | None = Field(description="your goal's id; null if deleted or a mentee's goal")
    co_owned: bool
    indicators_agreed: bool
    agreed_on: datetime.date | None
    shared_at: datetime.datetime


class HistoryNoteOut(Schema):
    text: str
    heard: str
    updated_at: datetime.datetime


class HistoryActionOut(Schema):
    title: str
    due_date: datetime.date | None
    done: bool
    step_id: int | None
    created_at: datetime.datetime


class HistoryReviewOut(Schema):
    goal_link: int = Field(description="position in goals")
    note: str
    created_at: datetime.datetime


class HistorySessionOut(Schema):
    scheduled_at: datetime.datetime
    duration_minutes: int
    questions: str
    shared_notes: str
    created_at: datetime.datetime
    private_note: HistoryNoteOut | None
    actions: list[HistoryActionOut]
    goal_reviews: list[HistoryReviewOut]


class HistoryReflectionOut(Schema):
    text: str
    action_taken: str
    shared: bool
    updated_at: datetime.datetime


class HistoryFeedbackOut(Schema):
    goal_link: int | None = Field(description="position in goals")
    session: int | None = Field(description="position in sessions")
    observation: str
    suggestion: str
    created_at: datetime.datetime
    reflection: HistoryReflectionOut | None


class HistoryThanksOut(Schema):
    author: Literal["me", "counterpart"] | None
    message: str
    created_at: datetime.datetime


class HistoryTouchOut(Schema):
    author: Literal["me", "counterpart"] | None
    kind: str
    message: str
    created_at: datetime.datetime


class HistoryDetailOut(HistoryOut):
    objectives: str
    hoped_gain: str
    decline_message: str
    end_reason: str
    ended_by: Literal["me", "counterpart"] | None
    keep_sharing: bool
    accepted_at: datetime.datetime | None
    goals: list[HistoryGoalOut]
    sessions: list[HistorySessionOut]
    feedback: list[HistoryFeedbackOut]
    thanks: list[HistoryThanksOut]
    keep_in_touch: list[HistoryTouchOut]


def _history_out(record):
    return {
        "id": record.pk,
        "role": record.role,
        "counterpart_name": record.counterpart_name,
        "counterpart_email": record.counterpart_email,
        "status": record.status,
        "created_at": record.created_at,
        "ended_at": record.ended_at,
        "imported_at": record.imported_at,
    }


@router.get("/mentoring/history", response=list[HistoryOut])
def history_list(request):
    """Mentorships brought in by an import: your read-only history."""
    return [_history_out(record) for record in history.records_for(request.auth)]


@router.get("/mentoring/history/{int:record_id}", response=HistoryDetailOut)
def history_detail(request, record_id: RowId):
    record = history.record_for(request.auth, record_id)
    return {**history.read(record, request.auth), **_history_out(record)}
