"""POST /api/jobs/check-answer: is an interview answer aligned with its posting (jobs.alignment)."""

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from accounts.api_auth import api_auth
from jobs.alignment import check_answer

router = Router(tags=["jobs"], auth=api_auth())

MAX_CHARS = 20_000


class CheckAnswerIn(Schema):
    posting: str
    answer: str
    lang: str | None = None


class AlignmentIssueOut(Schema):
    code: str
    message: str


class CheckAnswerOut(Schema):
    aligned: bool
    issues: list[AlignmentIssueOut]
    suggestions: list[str]


@router.post("/jobs/check-answer", response=CheckAnswerOut)
def check_answer_route(request, payload: CheckAnswerIn):
    """Whether an answer to "What are your career goals?" fits the posting, with reasons."""
    if not payload.posting.strip():
        raise HttpError(422, _("Paste the job posting."))
    if not payload.answer.strip():
        raise HttpError(422, _("Write the answer to check."))
    if len(payload.posting) > MAX_CHARS or len(payload.answer) > MAX_CHARS:
        raise HttpError(422, _("The posting and the answer are at most 20000 characters each."))
    lang = payload.lang or request.auth.language or "en"
    if lang not in ("en", "fr"):
        raise HttpError(422, _("The language must be “en” or “fr”."))
    return check_answer(payload.posting, payload.answer, lang=lang)
