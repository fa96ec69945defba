"""JSON API routes of the jobs app, mounted under /api/ by parcours.api.

Every route works on the caller's own data: another person's application, interview, answer,
attempt or reflection answers 404 {"detail"}.
"""

from datetime import datetime

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from core.access import get_owned_or_404, owned
from core.api_schemas import ErrorOut
from jobs import coaching, postings
from jobs.models import (
    Application,
    DetectedSkill,
    Interview,
    InterviewKind,
    InterviewReflection,
    PracticeAttempt,
    PreparedAnswer,
    Technique,
)
from jobs.models import Status as Pipeline
from jobs.questions import COMMON_QUESTIONS, QUESTION_KEYS

router = Router(tags=["jobs"])

# Schemas --------------------------------------------------------------------------------------


class StatusChangeOut(Schema):
    from_status: str
    to_status: str
    changed_at: datetime


class DetectedSkillOut(Schema):
    id: int
    skill_id: int
    skill_uri: str
    label: str
    confidence: float
    matched_text: str
    removed: bool
    in_profile: bool
    near_profile: bool  # the profile holds a broader, narrower or related skill


class ApplicationOut(Schema):
    id: int
    title: str
    organisation: str
    posting_url: str
    posting_text: str
    posting_language: str
    occupation_id: int | None
    status: str
    notes: str
    created_at: datetime
    updated_at: datetime


class ApplicationDetailOut(ApplicationOut):
    skills_pending: bool  # the posting's skills are being detected in the background
    history: list[StatusChangeOut]
    skills: list[DetectedSkillOut]


class ApplicationIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    organisation: str = Field(..., min_length=1, max_length=200)
    posting_url: str = Field("", max_length=500)
    posting_text: str = Field("", max_length=50_000)
    posting_language: str | None = Field(None, pattern="^(en|fr)$")
    occupation_id: int | None = None
    status: str = Field("saved", pattern="^(saved|applied|interview|offer|rejected|withdrawn)$")
    notes: str = ""


class ApplicationPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    organisation: str | None = Field(None, min_length=1, max_length=200)
    posting_url: str | None = Field(None, max_length=500)
    posting_text: str | None = Field(None, max_length=50_000)
    posting_language: str | None = Field(None, pattern="^(en|fr)$")
    occupation_id: int | None = None
    notes: str | None = None


class StatusIn(Schema):
    status: str = Field(..., pattern="^(saved|applied|interview|offer|rejected|withdrawn)$")
    note: str = Field("", max_length=300)


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


class QuestionOut(Schema):
    key: str
    text: str


class AnswerIn(Schema):
    application_id: int | None = None
    question_key: str = ""
    custom_question: str = Field("", max_length=300)
    text: str = ""
    language: str | None = Field(None, pattern="^(en|fr)$")


class AnswerPatch(Schema):
    text: str | None = None
    language: str | None = Field(None, pattern="^(en|fr)$")


class AnswerOut(Schema):
    id: int
    application_id: int | None
    question_key: str
    question: str
    text: str
    language: str
    last_check: dict | None
    check_is_current: bool


class AttemptIn(Schema):
    text: str = ""


class AttemptOut(Schema):
    id: int
    answer_id: int
    text: str
    started_at: datetime
    finished_at: datetime | None
    duration_seconds: int | None
    check_result: dict | None


# Helpers --------------------------------------------------------------------------------------


def _application(request, application_id):
    return get_owned_or_404(Application, request.auth, pk=application_id)


def _occupation(occupation_id):
    from taxonomy.models import Occupation

    if occupation_id is None:
        return None
    occupation = Occupation.objects.filter(pk=occupation_id).first()
    if occupation is None:
        raise HttpError(422, _("No occupation has this id."))
    return occupation


def _url(value):
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator

    if value:
        try:
            URLValidator()(value)
        except ValidationError as error:
            raise HttpError(422, _("Enter a full web address, starting with https://.")) from error
    return value


def _language(user):
    return user.language if user.language in ("en", "fr") else "en"


def _detail(application, user):
    skills = list(application.detected_skills.select_related("skill"))
    gap = postings.posting_gap(user, skills)
    have = {item.skill_id for item, _mine in gap.has}
    near = {item.skill_id for item, _mine in gap.partial}
    return {
        **ApplicationOut.from_orm(application).model_dump(),
        "skills_pending": postings.detection_pending(application),
        "history": list(application.history.all()),
        "skills": [
            {
                "id": d.pk,
                "skill_id": d.skill_id,
                "skill_uri": d.skill.uri,
                "label": d.skill.label(),
                "confidence": d.confidence,
                "matched_text": d.matched_text,
                "removed": d.removed,
                "in_profile": d.skill_id in have,
                "near_profile": d.skill_id in near,
            }
            for d in skills
        ],
    }


def _detect(application):
    """Detect the posting's skills in the background; GET the application again to see them
    (`skills_pending` turns false), or POST .../skills/detect to wait for them."""
    postings.request_detection(application)


# Applications ---------------------------------------------------------------------------------


@router.get("/jobs/applications", response=list[ApplicationOut])
def list_applications(request, status: str | None = None):
    applications = owned(Application, request.auth)
    if status is not None:
        if status not in Pipeline.values:
            raise HttpError(
                422,
                _("Unknown status: use one of %(values)s.")
                % {"values": ", ".join(Pipeline.values)},
            )
        applications = applications.filter(status=status)
    return applications


@router.post("/jobs/applications", response={201: ApplicationDetailOut})
def create_application(request, payload: ApplicationIn):
    with transaction.atomic():
        application = Application.objects.create(
            user=request.auth,
            title=payload.title.strip(),
            organisation=payload.organisation.strip(),
            posting_url=_url(payload.posting_url),
            posting_text=payload.posting_text,
            posting_language=payload.posting_language or _language(request.auth),
            occupation=_occupation(payload.occupation_id),
            status=payload.status,
            notes=payload.notes,
        )
        application.record_creation()
        _detect(application)
    return Status(201, _detail(application, request.auth))


@router.get("/jobs/applications/{application_id}", response=ApplicationDetailOut)
def get_application(request, application_id: int):
    return _detail(_application(request, application_id), request.auth)


@router.patch("/jobs/applications/{application_id}", response=ApplicationDetailOut)
def update_application(request, application_id: int, payload: ApplicationPatch):
    application = _application(request, application_id)
    changes = payload.dict(exclude_unset=True)
    if "occupation_id" in changes:
        application.occupation = _occupation(changes.pop("occupation_id"))
    if "posting_url" in changes:
        _url(changes["posting_url"])
    for name, value in changes.items():
        if value is None:
            raise HttpError(422, _("%(field)s cannot be empty.") % {"field": name})
        setattr(application, name, value.strip() if name in ("title", "organisation") else value)
    application.save()
    if "posting_text" in changes or "posting_language" in changes:
        _detect(application)
    return _detail(application, request.auth)


@router.delete("/jobs/applications/{application_id}", response={204: None})
def delete_application(request, application_id: int):
    _application(request, application_id).delete()
    return Status(204, None)


@router.post("/jobs/applications/{application_id}/status", response=ApplicationDetailOut)
def change_status(request, application_id: int, payload: StatusIn):
    application = _application(request, application_id)
    application.move_to(payload.status, note=payload.note)
    return _detail(application, request.auth)


@router.post(
    "/jobs/applications/{application_id}/skills/detect",
    response={200: ApplicationDetailOut, 409: ErrorOut},
)
def detect_skills(request, application_id: int):
    application = _application(request, application_id)
    try:
        postings.detect_skills(application)
    except postings.ExtractionUnavailable as error:
        raise HttpError(409, _("Skill detection is not available in this installation.")) from error
    return _detail(application, request.auth)


@router.delete("/jobs/applications/{application_id}/skills/{detected_id}", response={204: None})
def remove_skill(request, application_id: int, detected_id: int):
    """Mark a detected skill as wrong: it stays out of later detections."""
    detected = get_owned_or_404(
        DetectedSkill,
        request.auth,
        application__pk=application_id,
        pk=detected_id,
    )
    detected.removed = True
    detected.save(update_fields=["removed"])
    return Status(204, None)


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
    application = _application(request, application_id)
    return [_interview_out(i) for i in application.interviews.select_related("reflection")]


@router.post("/jobs/applications/{application_id}/interviews", response={201: InterviewOut})
def create_interview(request, application_id: int, payload: InterviewIn):
    application = _application(request, application_id)
    interview = Interview.objects.create(application=application, **payload.dict())
    if application.status in (Pipeline.SAVED, Pipeline.APPLIED):
        application.move_to(Pipeline.INTERVIEW)
    return Status(201, _interview_out(interview))


@router.get("/jobs/interviews/{interview_id}", response=InterviewOut)
def get_interview(request, interview_id: int):
    return _interview_out(_interview(request, interview_id))


@router.put("/jobs/interviews/{interview_id}", response=InterviewOut)
def update_interview(request, interview_id: int, payload: InterviewIn):
    interview = _interview(request, interview_id)
    for name, value in payload.dict().items():
        setattr(interview, name, value)
    interview.save()
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
    techniques = [t.strip() for t in payload.techniques if t.strip()]
    if any(len(t) > 500 for t in techniques):
        raise HttpError(422, _("Keep each technique under 500 characters."))
    if not (payload.went_well.strip() or payload.do_differently.strip() or techniques):
        raise HttpError(
            422, _("Write at least one thing: what went well, what to change, or a technique.")
        )
    with transaction.atomic():
        reflection, _created = InterviewReflection.objects.update_or_create(
            interview=interview,
            defaults={"went_well": payload.went_well, "do_differently": payload.do_differently},
        )
        reflection.set_techniques(list(dict.fromkeys(techniques)))
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


# Coach ----------------------------------------------------------------------------------------


def _answer(request, answer_id):
    return get_owned_or_404(
        PreparedAnswer.objects.select_related("application"),
        request.auth,
        pk=answer_id,
    )


def _answer_out(answer):
    return {
        "id": answer.pk,
        "application_id": answer.application_id,
        "question_key": answer.question_key,
        "question": str(answer.question),
        "text": answer.text,
        "language": answer.language,
        "last_check": answer.last_check,
        "check_is_current": answer.check_is_current,
    }


@router.get("/jobs/questions", response=list[QuestionOut], auth=None)
def list_questions(request):
    """The common interview questions, in the request's language."""
    return [{"key": key, "text": str(text)} for key, text in COMMON_QUESTIONS]


@router.get("/jobs/answers", response={200: list[AnswerOut], 404: ErrorOut})
def list_answers(request, application_id: int | None = None):
    answers = owned(PreparedAnswer, request.auth).select_related("application")
    if application_id is not None:
        answers = answers.filter(application=_application(request, application_id))
    return [_answer_out(a) for a in answers]


@router.post("/jobs/answers", response={201: AnswerOut, 404: ErrorOut})
def create_answer(request, payload: AnswerIn):
    application = _application(request, payload.application_id) if payload.application_id else None
    if payload.question_key and payload.question_key not in QUESTION_KEYS:
        raise HttpError(
            422, _("Unknown question: use one of %(keys)s.") % {"keys": ", ".join(QUESTION_KEYS)}
        )
    if not payload.question_key and not payload.custom_question.strip():
        raise HttpError(422, _("Give a question_key or your own custom_question."))
    answer = coaching.answer_for(
        request.auth,
        application,
        question_key=payload.question_key,
        custom_question=payload.custom_question.strip(),
    )
    answer.text = payload.text
    if payload.language:
        answer.language = payload.language
    answer.save()
    return Status(201, _answer_out(answer))


@router.get("/jobs/answers/{answer_id}", response=AnswerOut)
def get_answer(request, answer_id: int):
    return _answer_out(_answer(request, answer_id))


@router.patch("/jobs/answers/{answer_id}", response=AnswerOut)
def update_answer(request, answer_id: int, payload: AnswerPatch):
    answer = _answer(request, answer_id)
    if payload.text is not None:
        answer.text = payload.text
    if payload.language is not None:
        answer.language = payload.language
    answer.save()
    return _answer_out(answer)


@router.delete("/jobs/answers/{answer_id}", response={204: None})
def delete_answer(request, answer_id: int):
    _answer(request, answer_id).delete()
    return Status(204, None)


@router.post("/jobs/answers/{answer_id}/check", response={200: AnswerOut, 400: ErrorOut})
def check_answer(request, answer_id: int):
    """Check a career-goals answer against its application's posting; the result is kept."""
    answer = _answer(request, answer_id)
    try:
        coaching.check_prepared_answer(answer)
    except coaching.CheckUnavailable as error:
        raise HttpError(400, str(error)) from error
    return _answer_out(answer)


@router.get("/jobs/answers/{answer_id}/attempts", response=list[AttemptOut])
def list_attempts(request, answer_id: int):
    return list(_answer(request, answer_id).attempts.all())


@router.post("/jobs/answers/{answer_id}/attempts", response={201: AttemptOut})
def start_attempt(request, answer_id: int):
    """Start a timed attempt now; finish it with POST /jobs/attempts/{id}/finish."""
    return Status(201, coaching.start_attempt(_answer(request, answer_id)))


def _attempt(request, attempt_id):
    return get_owned_or_404(
        PracticeAttempt.objects.select_related("answer__application"),
        request.auth,
        pk=attempt_id,
    )


@router.post("/jobs/attempts/{attempt_id}/finish", response={200: AttemptOut, 409: ErrorOut})
def finish_attempt(request, attempt_id: int, payload: AttemptIn):
    attempt = _attempt(request, attempt_id)
    if attempt.is_finished:
        raise HttpError(409, _("This attempt is already finished: start a new one."))
    return coaching.finish_attempt(attempt, payload.text)


@router.delete("/jobs/attempts/{attempt_id}", response={204: None})
def delete_attempt(request, attempt_id: int):
    _attempt(request, attempt_id).delete()
    return Status(204, None)


# The alignment check of any posting and answer (jobs/api_check.py, the text-check engineer's).
from jobs.api_check import router as check_router  # noqa: E402

router.add_router("", check_router)
