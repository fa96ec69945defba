"""The jobs API's interview routes: interviews, post-interview reflections and the techniques
to try next time. Another person's interview or reflection answers 404 {"detail"}.
"""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from core.access import get_owned_or_404
from core.api_validation import form_invalid
from jobs import applications, coaching
from jobs.api.applications import owned_application, valid_form
from jobs.forms import InterviewForm, ReflectionForm
from jobs.models import (
    Interview,
    InterviewKind,
    InterviewReflection,
    Technique,
)

router = Router()  # tagged "jobs" by the package


class InterviewIn(Schema):
    scheduled_at: datetime
    duration_minutes: int = Field(60, ge=5, le=600)
    kind: str = Field("video", pattern="^(" + "|".join(InterviewKind.values) + ")$")
    with_whom: str = Field("", max_length=300)
    location: str = Field("", max_length=300)
    notes: str = ""


class InterviewOut(Schema):
    id: int
    application_id: int
    scheduled_at: datetime
    duration_minutes: int
    kind: str
    with_whom: str
    location: str
    notes: str
    has_reflection: bool


class TechniqueOut(Schema):
    id: int
    text: str
    tried: bool
    created_at: datetime
    interview_id: int
    application_id: int


class ReflectionIn(Schema):
    went_well: str = ""
    do_differently: str = ""
    techniques: list[str] = Field(default_factory=list, max_length=50)


class ReflectionOut(Schema):
    id: int
    interview_id: int
    went_well: str
    do_differently: str
    techniques: list[TechniqueOut]


class TriedIn(Schema):
    tried: bool


# Interviews and reflections -------------------------------------------------------------------


def _interview_out(interview):
    return {
        "id": interview.pk,
        "application_id": interview.application_id,
        "scheduled_at": interview.scheduled_at,
        "duration_minutes": interview.duration_minutes,
        "kind": interview.kind,
        "with_whom": interview.with_whom,
        "location": interview.location,
        "notes": interview.notes,
        "has_reflection": hasattr(interview, "reflection"),
    }


def _interview(request, interview_id):
    return get_owned_or_404(
        Interview.objects.select_related("reflection"), request.auth, pk=interview_id
    )


@router.get("/jobs/applications/{application_id}/interviews", response=list[InterviewOut])
def list_interviews(request, application_id: int):
    application = owned_application(request, application_id)
    return [_interview_out(i) for i in application.interviews.select_related("reflection")]


@router.post("/jobs/applications/{application_id}/interviews", response={201: InterviewOut})
def create_interview(request, application_id: int, payload: InterviewIn):
    application = owned_application(request, application_id)
    form = valid_form(InterviewForm, payload.dict())
    interview = applications.schedule_interview(form.save(commit=False), application)
    return Status(201, _interview_out(interview))


@router.get("/jobs/interviews/{interview_id}", response=InterviewOut)
def get_interview(request, interview_id: int):
    return _interview_out(_interview(request, interview_id))


@router.put("/jobs/interviews/{interview_id}", response=InterviewOut)
def update_interview(request, interview_id: int, payload: InterviewIn):
    interview = _interview(request, interview_id)
    valid_form(InterviewForm, payload.dict(), interview).save()
    return _interview_out(interview)


@router.delete("/jobs/interviews/{interview_id}", response={204: None})
def delete_interview(request, interview_id: int):
    _interview(request, interview_id).delete()
    return Status(204, None)


def _reflection_out(reflection):
    interview = reflection.interview
    return {
        "id": reflection.pk,
        "interview_id": interview.pk,
        "went_well": reflection.went_well,
        "do_differently": reflection.do_differently,
        "techniques": [
            _technique_out(t, interview) for t in reflection.techniques.order_by("created_at", "id")
        ],
    }


def _technique_out(technique, interview):
    return {
        "id": technique.pk,
        "text": technique.text,
        "tried": technique.tried,
        "created_at": technique.created_at,
        "interview_id": interview.pk,
        "application_id": interview.application_id,
    }


@router.get("/jobs/interviews/{interview_id}/reflection", response=ReflectionOut)
def get_reflection(request, interview_id: int):
    interview = _interview(request, interview_id)
    reflection = get_object_or_404(InterviewReflection, interview=interview)
    return _reflection_out(reflection)


@router.put("/jobs/interviews/{interview_id}/reflection", response=ReflectionOut)
def put_reflection(request, interview_id: int, payload: ReflectionIn):
    interview = _interview(request, interview_id)
    instance = InterviewReflection.objects.filter(interview=interview).first()
    form = ReflectionForm(
        {
            "went_well": payload.went_well,
            "do_differently": payload.do_differently,
            "techniques": "\n".join(payload.techniques),
        },
        instance=instance,
    )
    if not form.is_valid():
        raise form_invalid(form)
    reflection = applications.save_reflection(
        form.save(commit=False), interview, form.cleaned_data["techniques"]
    )
    return _reflection_out(reflection)


@router.delete("/jobs/interviews/{interview_id}/reflection", response={204: None})
def delete_reflection(request, interview_id: int):
    interview = _interview(request, interview_id)
    get_object_or_404(InterviewReflection, interview=interview).delete()
    return Status(204, None)


@router.get("/jobs/techniques", response=list[TechniqueOut])
def list_techniques(request):
    """Techniques from past reflections, most recent first."""
    return [
        _technique_out(t, t.reflection.interview) for t in coaching.techniques_to_try(request.auth)
    ]


@router.post("/jobs/techniques/{technique_id}/tried", response=TechniqueOut)
def mark_technique(request, technique_id: int, payload: TriedIn):
    technique = get_owned_or_404(
        Technique.objects.select_related("reflection__interview"),
        request.auth,
        pk=technique_id,
    )
    technique.mark_tried(payload.tried)
    return _technique_out(technique, technique.reflection.interview)
