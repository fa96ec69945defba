"""The mentoring API's session routes: plan, read and change a session (questions, shared and
private notes); mentoring.lifecycle's refusals answer 400.
"""

import datetime

from django.db import transaction
from ninja import Field, Router, Schema, Status

from core.access import owned
from mentoring import access, lifecycle
from mentoring.api.mentorships import call_rule
from mentoring.models import PrivateNote

router = Router()  # tagged "mentoring" by the package


class SessionIn(Schema):
    scheduled_at: datetime.datetime
    duration_minutes: int = Field(60, ge=5, le=480)
    questions: str = Field("", max_length=8000)


class SessionPatch(Schema):
    questions: str | None = Field(None, max_length=8000)
    shared_notes: str | None = Field(None, max_length=20000)
    private_notes: str | None = Field(None, max_length=20000)


class SessionOut(Schema):
    id: int
    mentorship_id: int
    scheduled_at: datetime.datetime
    duration_minutes: int
    questions: str
    shared_notes: str
    my_private_notes: str  # the caller's own; the other person's are never returned


def _session_out(session, user):
    note = access.private_note(session, user)
    return {
        "id": session.pk,
        "mentorship_id": session.mentorship_id,
        "scheduled_at": session.scheduled_at,
        "duration_minutes": session.duration_minutes,
        "questions": session.questions,
        "shared_notes": session.shared_notes,
        "my_private_notes": note.text if note else "",
    }


@router.get("/mentoring/mentorships/{int:mentorship_id}/sessions", response=list[SessionOut])
def list_sessions(request, mentorship_id: int):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    sessions = list(mentorship.sessions.all())
    notes = {
        n.session_id: n.text for n in owned(PrivateNote, request.auth).filter(session__in=sessions)
    }
    return [{**_session_out_plain(s), "my_private_notes": notes.get(s.pk, "")} for s in sessions]


def _session_out_plain(session):
    return {
        "id": session.pk,
        "mentorship_id": session.mentorship_id,
        "scheduled_at": session.scheduled_at,
        "duration_minutes": session.duration_minutes,
        "questions": session.questions,
        "shared_notes": session.shared_notes,
    }


@router.post("/mentoring/mentorships/{int:mentorship_id}/sessions", response={201: SessionOut})
def create_session(request, mentorship_id: int, payload: SessionIn):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    session = call_rule(
        lifecycle.schedule,
        mentorship,
        request.auth,
        payload.scheduled_at,
        payload.duration_minutes,
        payload.questions,
    )
    return Status(201, _session_out(session, request.auth))


@router.get("/mentoring/sessions/{int:session_id}", response=SessionOut)
def get_session(request, session_id: int):
    return _session_out(access.session_for(request.auth, session_id), request.auth)


@router.patch("/mentoring/sessions/{int:session_id}", response=SessionOut)
def update_session(request, session_id: int, payload: SessionPatch):
    """Change a session's questions (the mentee), shared notes (while the mentorship is active)
    or your private notes; a change the rules refuse answers 400 and nothing is saved."""
    session = access.session_for(request.auth, session_id)
    with transaction.atomic():
        if payload.questions is not None:
            call_rule(lifecycle.prepare_questions, session, request.auth, payload.questions)
        if payload.shared_notes is not None:
            call_rule(lifecycle.write_shared_notes, session, request.auth, payload.shared_notes)
        if payload.private_notes is not None:
            call_rule(lifecycle.write_private_note, session, request.auth, payload.private_notes)
    return _session_out(session, request.auth)
