"""The jobs API's interview coach routes: the common questions, prepared answers, their
alignment check and timed practice. Another person's answer or attempt answers 404.
"""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from core.access import get_owned_or_404, owned
from core.api_schemas import ErrorOut
from jobs import coaching
from jobs.api.applications import owned_application
from jobs.models import (
    PracticeAttempt,
    PreparedAnswer,
)
from jobs.questions import COMMON_QUESTIONS, QUESTION_KEYS

router = Router()  # tagged "jobs" by the package


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
        answers = answers.filter(application=owned_application(request, application_id))
    return [_answer_out(a) for a in answers]


@router.post("/jobs/answers", response={201: AnswerOut, 404: ErrorOut})
def create_answer(request, payload: AnswerIn):
    application = (
        owned_application(request, payload.application_id) if payload.application_id else None
    )
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
