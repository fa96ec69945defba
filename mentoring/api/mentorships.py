"""JSON API routes of the mentoring app, mounted under /api/ by parcours.api.

The same rules as the pages (mentoring.lifecycle, mentoring.access): another person's mentorship,
session or feedback answers 404; private notes only ever come back to their author.
"""

import datetime
from typing import Literal

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from core.access import get_owned_or_404, owned, visible
from core.api_schemas import ErrorOut, RowId
from core.api_validation import form_invalid, form_value
from mentoring import access, history, lifecycle, selectors
from mentoring.choices import LANGUAGE_CODES, Approach, Channel, Frequency, Structure, Value
from mentoring.forms import MentorProfileForm
from mentoring.lifecycle import LifecycleError
from mentoring.models import MentorProfile, Mentorship, PrivateNote

router = Router(tags=["mentoring"])


def _call(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except LifecycleError as error:
        raise HttpError(400, str(error)) from error


# Schemas --------------------------------------------------------------------------------------


class ProfileIn(Schema):
    headline: str = Field("", max_length=200)
    bio: str = ""
    skill_ids: list[RowId] = []
    occupation_ids: list[RowId] = []
    industries: str = Field("", max_length=300)
    years_of_experience: int = Field(0, ge=0, le=70)
    values: list[Value] = []
    values_other: str = Field("", max_length=300)
    approach: Approach = Approach.EITHER
    structure: Structure = Structure.EITHER
    frequency: Frequency = Frequency.EITHER
    channel: Channel = Channel.EITHER
    languages: list[Literal[tuple(LANGUAGE_CODES)]] = Field(..., min_length=1)
    capacity: int = Field(2, ge=1, le=20)
    availability: str = Field("", max_length=300)
    accepting_requests: bool = True


class ProfileOut(Schema):
    id: int
    name: str
    headline: str
    bio: str
    skill_ids: list[int]
    occupation_ids: list[int]
    industries: str
    years_of_experience: int
    values: list[str]
    values_other: str
    approach: str
    structure: str
    frequency: str
    channel: str
    languages: list[str]
    capacity: int
    places_left: int
    availability: str
    accepting_requests: bool


class PartOut(Schema):
    key: str
    title: str
    points: float
    max_points: int
    sentence: str
    items: list[str]


class MatchOut(Schema):
    mentor_id: int
    name: str
    headline: str
    score: float
    parts: list[PartOut]


class RequestIn(Schema):
    mentor_id: int
    hoped_gain: str = Field(..., max_length=4000)
    goal_ids: list[RowId] = []
    objectives: str = Field("", max_length=4000)


class MentorshipOut(Schema):
    id: int
    mentor: str
    mentee: str
    role: str
    status: str
    objectives: str
    hoped_gain: str
    decline_message: str
    end_reason: str
    keep_sharing: bool
    shared_goal_ids: list[int]
    created_at: datetime.datetime
    accepted_at: datetime.datetime | None
    ended_at: datetime.datetime | None


class DeclineIn(Schema):
    message: str = Field(..., max_length=4000)


class EndIn(Schema):
    outcome: Literal["completed", "ended"]
    reason: str = Field("", max_length=4000)


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


class FeedbackIn(Schema):
    observation: str = Field(..., max_length=4000)
    suggestion: str = Field(..., max_length=4000)
    goal_id: RowId | None = None
    session_id: RowId | None = None


class ReflectionOut(Schema):
    text: str
    action_taken: str
    shared: bool


class FeedbackOut(Schema):
    id: int
    goal_id: int | None
    session_id: int | None
    observation: str
    suggestion: str
    created_at: datetime.datetime
    reflection: ReflectionOut | None


class ReflectionIn(Schema):
    text: str = Field(..., max_length=4000)
    action_taken: str = Field("", max_length=4000)
    shared: bool = False


class ThanksIn(Schema):
    message: str = Field(..., max_length=2000)


class ThanksOut(Schema):
    id: int
    author: str
    message: str
    created_at: datetime.datetime


# Output helpers -------------------------------------------------------------------------------


def _profile_out(profile):
    return {
        "id": profile.pk,
        "name": profile.user.display_name,
        "headline": profile.headline,
        "bio": profile.bio,
        "skill_ids": [s.pk for s in profile.skills.all()],
        "occupation_ids": [o.pk for o in profile.occupations.all()],
        "industries": profile.industries,
        "years_of_experience": profile.years_of_experience,
        "values": profile.values,
        "values_other": profile.values_other,
        "approach": profile.approach,
        "structure": profile.structure,
        "frequency": profile.frequency,
        "channel": profile.channel,
        "languages": profile.languages,
        "capacity": profile.capacity,
        "places_left": profile.places_left,
        "availability": profile.availability,
        "accepting_requests": profile.accepting_requests,
    }


def _mentorship_out(mentorship, user):
    return {
        "id": mentorship.pk,
        "mentor": mentorship.mentor.display_name,
        "mentee": mentorship.mentee.display_name,
        "role": "mentee" if user.pk == mentorship.mentee_id else "mentor",
        "status": mentorship.status,
        "objectives": mentorship.objectives,
        "hoped_gain": mentorship.hoped_gain,
        "decline_message": mentorship.decline_message,
        "end_reason": mentorship.end_reason,
        "keep_sharing": mentorship.keep_sharing,
        "shared_goal_ids": [
            link.goal_id for link in access.visible_links(mentorship, user).only("goal_id")
        ],
        "created_at": mentorship.created_at,
        "accepted_at": mentorship.accepted_at,
        "ended_at": mentorship.ended_at,
    }


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


def _feedback_out(feedback):
    reflection = feedback.reflection
    return {
        "id": feedback.pk,
        "goal_id": feedback.link.goal_id if feedback.link else None,
        "session_id": feedback.session_id,
        "observation": feedback.observation,
        "suggestion": feedback.suggestion,
        "created_at": feedback.created_at,
        "reflection": {
            "text": reflection.text,
            "action_taken": reflection.action_taken,
            "shared": reflection.shared,
        }
        if reflection
        else None,
    }


# Routes ---------------------------------------------------------------------------------------


@router.get("/mentoring/profile", response={200: ProfileOut, 404: ErrorOut})
def get_profile(request):
    profile = get_owned_or_404(
        MentorProfile.objects.select_related("user").prefetch_related("skills", "occupations"),
        request.auth,
    )
    return _profile_out(profile)


@router.put("/mentoring/profile", response=ProfileOut)
def put_profile(request, payload: ProfileIn):
    """Create or replace your mentor profile; checked by the profile page's form."""
    data = payload.dict()
    data["skills"], data["occupations"] = data.pop("skill_ids"), data.pop("occupation_ids")
    profile = owned(MentorProfile, request.auth).first() or MentorProfile(user=request.auth)
    form = MentorProfileForm({k: form_value(v) for k, v in data.items()}, instance=profile)
    if not form.is_valid():
        raise form_invalid(form)
    return _profile_out(form.save())


@router.get("/mentoring/matches", response=list[MatchOut])
def matches(request, limit: int = 20):
    """Mentors for the caller, best first, with the explanation of each score (limit 1–200)."""
    limit = max(1, min(limit, 200))
    return [
        {
            "mentor_id": match.mentor.pk,
            "name": match.mentor.user.display_name,
            "headline": match.mentor.headline,
            "score": match.score,
            "parts": match.as_dict()["parts"],
        }
        for match in selectors.rank_mentors(request.auth, limit=limit)
    ]


@router.post("/mentoring/requests", response={201: MentorshipOut, 404: ErrorOut})
def create_request(request, payload: RequestIn):
    from goals.models import Goal

    profile = get_object_or_404(MentorProfile.objects.select_related("user"), pk=payload.mentor_id)
    goals = list(owned(Goal, request.auth).filter(pk__in=payload.goal_ids))
    if len(goals) != len(set(payload.goal_ids)):
        raise HttpError(400, _("You can only share your own goals."))
    mentorship = _call(
        lifecycle.send_request,
        request.auth,
        profile,
        payload.hoped_gain,
        goals=goals,
        objectives=payload.objectives,
    )
    return Status(201, _mentorship_out(mentorship, request.auth))


@router.get("/mentoring/mentorships", response=list[MentorshipOut])
def list_mentorships(request):
    rows = visible(Mentorship, request.auth).select_related("mentor", "mentee")
    return [_mentorship_out(m, request.auth) for m in rows]


@router.get("/mentoring/mentorships/{int:mentorship_id}", response=MentorshipOut)
def get_mentorship(request, mentorship_id: int):
    return _mentorship_out(access.mentorship_for(request.auth, mentorship_id), request.auth)


@router.post(
    "/mentoring/mentorships/{int:mentorship_id}/accept",
    response={200: MentorshipOut, 400: ErrorOut},
)
def accept(request, mentorship_id: int):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    _call(lifecycle.accept, mentorship, request.auth)
    return _mentorship_out(mentorship, request.auth)


@router.post("/mentoring/mentorships/{int:mentorship_id}/decline", response=MentorshipOut)
def decline(request, mentorship_id: int, payload: DeclineIn):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    _call(lifecycle.decline, mentorship, request.auth, payload.message)
    return _mentorship_out(mentorship, request.auth)


@router.post("/mentoring/mentorships/{int:mentorship_id}/end", response=MentorshipOut)
def end(request, mentorship_id: int, payload: EndIn):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    if payload.outcome == "completed":
        _call(lifecycle.complete, mentorship, request.auth, payload.reason)
    else:
        _call(lifecycle.end_early, mentorship, request.auth, payload.reason)
    return _mentorship_out(mentorship, request.auth)


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
    session = _call(
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
            _call(lifecycle.prepare_questions, session, request.auth, payload.questions)
        if payload.shared_notes is not None:
            _call(lifecycle.write_shared_notes, session, request.auth, payload.shared_notes)
        if payload.private_notes is not None:
            _call(lifecycle.write_private_note, session, request.auth, payload.private_notes)
    return _session_out(session, request.auth)


@router.get("/mentoring/mentorships/{int:mentorship_id}/feedback", response=list[FeedbackOut])
def list_feedback(request, mentorship_id: int):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    return [_feedback_out(f) for f in access.feedback_list(mentorship, request.auth)]


@router.post("/mentoring/mentorships/{int:mentorship_id}/feedback", response={201: FeedbackOut})
def create_feedback(request, mentorship_id: int, payload: FeedbackIn):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    link = None
    if payload.goal_id is not None:
        link = (
            access.visible_links(mentorship, request.auth).filter(goal_id=payload.goal_id).first()
        )
        if link is None:
            raise HttpError(400, _("This goal is not shared with this mentorship."))
    session = None
    if payload.session_id is not None:
        session = mentorship.sessions.filter(pk=payload.session_id).first()
        if session is None:
            raise HttpError(400, _("This session is not part of this mentorship."))
    feedback = _call(
        lifecycle.give_feedback,
        mentorship,
        request.auth,
        payload.observation,
        payload.suggestion,
        link=link,
        session=session,
    )
    feedback.reflection = None
    return Status(201, _feedback_out(feedback))


@router.put("/mentoring/feedback/{int:feedback_id}/reflection", response=ReflectionOut)
def put_reflection(request, feedback_id: int, payload: ReflectionIn):
    feedback = access.feedback_for(request.auth, feedback_id)
    reflection = _call(
        lifecycle.reflect,
        feedback,
        request.auth,
        payload.text,
        payload.action_taken,
        payload.shared,
    )
    return {
        "text": reflection.text,
        "action_taken": reflection.action_taken,
        "shared": reflection.shared,
    }


@router.get("/mentoring/mentorships/{int:mentorship_id}/thanks", response=list[ThanksOut])
def list_thanks(request, mentorship_id: int):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    return [
        {
            "id": t.pk,
            "author": t.author.display_name,
            "message": t.message,
            "created_at": t.created_at,
        }
        for t in mentorship.thanks.select_related("author")
    ]


@router.post("/mentoring/mentorships/{int:mentorship_id}/thanks", response={201: ThanksOut})
def create_thanks(request, mentorship_id: int, payload: ThanksIn):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    thanks = _call(lifecycle.thank, mentorship, request.auth, payload.message)
    return Status(
        201,
        {
            "id": thanks.pk,
            "author": request.auth.display_name,
            "message": thanks.message,
            "created_at": thanks.created_at,
        },
    )


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
