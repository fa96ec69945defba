"""The interview coach: preparing answers, checking a career-goals answer against the posting,
timed practice attempts and the techniques noted after past interviews.

The alignment rule itself lives in `jobs.alignment.check_answer`; this module decides when it
applies and keeps its result with the answer or the attempt.
"""

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from jobs.models import Application, PracticeAttempt, PreparedAnswer, Technique
from jobs.questions import COMMON_QUESTIONS


class CheckUnavailable(Exception):
    """The alignment check cannot run for this answer; the message says why, for a person."""


def _check_answer():
    try:
        from jobs.alignment import check_answer
    except ImportError as error:
        raise CheckUnavailable(_("The alignment check is not available yet.")) from error
    return check_answer


def can_check(answer: PreparedAnswer) -> bool:
    """The alignment check applies to a career-goals answer of an application with a posting."""
    return (
        answer.is_career_goals
        and answer.application_id is not None
        and bool(answer.application.posting_text.strip())
    )


def run_check(answer: PreparedAnswer, text: str | None = None) -> dict:
    """Check `text` (default: the answer's text) against the application's posting."""
    if not answer.is_career_goals:
        raise CheckUnavailable(_("Only answers to “What are your career goals?” are checked."))
    if answer.application_id is None:
        raise CheckUnavailable(
            _("Prepare this answer for an application: the check compares it with the posting.")
        )
    posting = answer.application.posting_text
    if not posting.strip():
        raise CheckUnavailable(
            _("Paste the job posting in the application first: the check compares with it.")
        )
    text = answer.text if text is None else text
    if not text.strip():
        raise CheckUnavailable(_("Write your answer first."))
    check_answer = _check_answer()
    result = check_answer(posting, text, answer.language)
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def check_prepared_answer(answer: PreparedAnswer) -> dict:
    """Run the check on the saved answer and keep the result with the text it judged."""
    result = run_check(answer)
    answer.last_check = result
    answer.checked_text = answer.text
    answer.save(update_fields=["last_check", "checked_text", "updated_at"])
    return result


def answers_for(user: User, application: Application | None) -> list[tuple]:
    """Every common question with the person's answer, if any, then their own questions.

    Returns a list of (key, question, PreparedAnswer | None) in the order of the common list.
    """
    answers = PreparedAnswer.objects.owned_by(user).filter(application=application)
    by_key = {}
    own = []
    for answer in answers.select_related("application"):
        if answer.question_key:
            by_key.setdefault(answer.question_key, answer)
        else:
            own.append(answer)
    rows = [(key, text, by_key.get(key)) for key, text in COMMON_QUESTIONS]
    rows += [("", answer.custom_question, answer) for answer in own]
    return rows


def answer_for(
    user: User,
    application: Application | None,
    question_key: str = "",
    custom_question: str = "",
) -> PreparedAnswer:
    """The person's answer to a common question (created empty if new), or a new own question."""
    language = user.language if user.language in ("en", "fr") else "en"
    if question_key:
        answer, _created = PreparedAnswer.objects.get_or_create(
            user=user,
            application=application,
            question_key=question_key,
            defaults={"language": language},
        )
        return answer
    return PreparedAnswer.objects.create(
        user=user, application=application, custom_question=custom_question, language=language
    )


def start_attempt(answer: PreparedAnswer) -> PracticeAttempt:
    """Start a timed practice attempt now (the server keeps the clock)."""
    return PracticeAttempt.objects.create(answer=answer, started_at=timezone.now())


@transaction.atomic
def finish_attempt(attempt: PracticeAttempt, text: str) -> PracticeAttempt:
    """Stop the clock, keep what was said and, for a career-goals answer, how it checks."""
    if attempt.finished_at is None:
        attempt.finished_at = timezone.now()
    attempt.text = text
    attempt.check_result = None
    if text.strip() and can_check(attempt.answer):
        try:
            attempt.check_result = run_check(attempt.answer, text)
        except CheckUnavailable:
            attempt.check_result = None
    attempt.save(update_fields=["finished_at", "text", "check_result"])
    return attempt


def techniques_to_try(user: User) -> list[Technique]:
    """Techniques noted after past interviews: the untried first, most recent first."""
    return list(Technique.objects.to_show(user))


def present(result: Mapping | None) -> dict | None:
    """A check result shaped for a page: the issues, the advice, and the rewritten example apart.

    check_answer gives suggestions as sentences, the last one being an example answer built
    from the posting when the answer is not aligned.
    """
    if not result:
        return None
    suggestions = [str(s) for s in result.get("suggestions") or []]
    example = ""
    if suggestions and not result.get("aligned"):
        example = suggestions.pop()
    return {
        "aligned": bool(result.get("aligned")),
        "issues": [
            {"code": issue.get("code", ""), "message": issue.get("message", "")}
            for issue in result.get("issues") or []
            if isinstance(issue, dict)
        ],
        "suggestions": suggestions,
        "example": example,
    }
