"""The mentoring API's mentorship routes: a request, its answer and end, feedback and
reflections, thanks (see mentoring/api/__init__.py).
"""

import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from core.access import owned, visible
from core.api_schemas import ErrorOut, RowId
from mentoring import access, lifecycle
from mentoring.lifecycle import LifecycleError
from mentoring.models import MentorProfile, Mentorship

router = Router()  # tagged "mentoring" by the package


def call_rule(function, *args, **kwargs):
    """Run a mentoring.lifecycle rule; a refusal (LifecycleError) answers 400 with its sentence."""
    try:
        return function(*args, **kwargs)
    except LifecycleError as error:
        raise HttpError(400, str(error)) from error


# Schemas --------------------------------------------------------------------------------------


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


@router.post("/mentoring/requests", response={201: MentorshipOut, 404: ErrorOut})
def create_request(request, payload: RequestIn):
    from goals.models import Goal

    profile = get_object_or_404(MentorProfile.objects.select_related("user"), pk=payload.mentor_id)
    goals = list(owned(Goal, request.auth).filter(pk__in=payload.goal_ids))
    if len(goals) != len(set(payload.goal_ids)):
        raise HttpError(400, _("You can only share your own goals."))
    mentorship = call_rule(
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
    call_rule(lifecycle.accept, mentorship, request.auth)
    return _mentorship_out(mentorship, request.auth)


@router.post("/mentoring/mentorships/{int:mentorship_id}/decline", response=MentorshipOut)
def decline(request, mentorship_id: int, payload: DeclineIn):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    call_rule(lifecycle.decline, mentorship, request.auth, payload.message)
    return _mentorship_out(mentorship, request.auth)


@router.post("/mentoring/mentorships/{int:mentorship_id}/end", response=MentorshipOut)
def end(request, mentorship_id: int, payload: EndIn):
    mentorship = access.mentorship_for(request.auth, mentorship_id)
    if payload.outcome == "completed":
        call_rule(lifecycle.complete, mentorship, request.auth, payload.reason)
    else:
        call_rule(lifecycle.end_early, mentorship, request.auth, payload.reason)
    return _mentorship_out(mentorship, request.auth)


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
    feedback = call_rule(
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
    reflection = call_rule(
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
    thanks = call_rule(lifecycle.thank, mentorship, request.auth, payload.message)
    return Status(
        201,
        {
            "id": thanks.pk,
            "author": request.auth.display_name,
            "message": thanks.message,
            "created_at": thanks.created_at,
        },
    )
