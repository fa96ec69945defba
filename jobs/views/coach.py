"""The interview coach: prepared answers, their alignment check, timed practice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404, owned
from core.views.owned import OwnedDeleteView
from jobs import coaching
from jobs.forms import (
    AnswerForm,
    AttemptForm,
    OwnQuestionForm,
)
from jobs.models import (
    Application,
    PracticeAttempt,
    PreparedAnswer,
)
from jobs.questions import QUESTION_KEYS
from jobs.views.applications import is_htmx, owned_application

# Coach ----------------------------------------------------------------------------------------


def _coach(request, application):
    return render(
        request,
        "jobs/coach.html",
        {
            "application": application,
            "rows": coaching.answers_for(request.user, application),
            "techniques": coaching.techniques_to_try(request.user),
            "own_form": OwnQuestionForm(),
            "applications": owned(Application, request.user).only("id", "title", "organisation"),
        },
    )


@login_required
def coach(request):
    """General preparation, for any interview."""
    return _coach(request, None)


@login_required
def application_coach(request, pk):
    """Preparation for the interviews of one application."""
    return _coach(request, owned_application(request, pk))


@login_required
@require_POST
def answer_start(request, pk=None):
    """Open (or create) the answer to a common question, or add a question of one's own."""
    application = owned_application(request, pk) if pk is not None else None
    key = request.POST.get("question_key", "")
    if key:
        if key not in QUESTION_KEYS:
            messages.error(request, _("Choose one of the questions in the list."))
            return redirect(_coach_url(application))
        answer = coaching.answer_for(request.user, application, question_key=key)
    else:
        form = OwnQuestionForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["custom_question"][0])
            return redirect(_coach_url(application))
        answer = coaching.answer_for(
            request.user, application, custom_question=form.cleaned_data["custom_question"]
        )
    return redirect("jobs:answer", pk=answer.pk)


def _coach_url(application):
    if application is None:
        return reverse("jobs:coach")
    return reverse("jobs:application_coach", args=[application.pk])


def _answer(request, pk):
    return get_owned_or_404(
        PreparedAnswer.objects.select_related("application"), request.user, pk=pk
    )


def _check_context(answer, result=None, error=None):
    return {
        "answer": answer,
        "result": coaching.present(result if result is not None else answer.last_check),
        "check_error": error,
        "can_check": coaching.can_check(answer),
        "stale": answer.last_check is not None and not answer.check_is_current,
    }


@login_required
def answer(request, pk):
    """Write an answer; a career-goals answer can be checked against the posting."""
    answer = _answer(request, pk)
    form = AnswerForm(request.POST if request.method == "POST" else None, instance=answer)
    error = None
    if request.method == "POST" and form.is_valid():
        answer = form.save()
        if "check" in request.POST and answer.is_career_goals:
            try:
                coaching.check_prepared_answer(answer)
            except coaching.CheckUnavailable as unavailable:
                error = str(unavailable)
        if error is None and not is_htmx(request):
            messages.success(request, _("Answer saved."))
            return redirect("jobs:answer", pk=answer.pk)
    context = {"form": form, **_check_context(answer, error=error)}
    context["back_url"] = _coach_url(answer.application)
    context["techniques"] = coaching.techniques_to_try(request.user)[:5]
    return render(request, "jobs/answer.html", context)


@login_required
@require_POST
def answer_check(request, pk):
    """htmx: save the edited text and check it; returns the result panel."""
    answer = _answer(request, pk)
    form = AnswerForm(request.POST, instance=answer)
    error = None
    if form.is_valid():
        answer = form.save()
        try:
            coaching.check_prepared_answer(answer)
        except coaching.CheckUnavailable as unavailable:
            error = str(unavailable)
    else:
        error = _("Your answer could not be saved: check the language and the text.")
    context = _check_context(answer, error=error)
    if not is_htmx(request):
        if error:
            messages.error(request, error)
        return redirect("jobs:answer", pk=answer.pk)
    return render(request, "jobs/_check_result.html", context)


class AnswerDelete(OwnedDeleteView):
    queryset = PreparedAnswer.objects.select_related("application")
    template_name = "jobs/confirm_delete.html"
    success_message = gettext_lazy("Answer deleted.")

    def get_success_url(self):
        return _coach_url(self.object.application)


@login_required
def practice(request, pk):
    """Timed attempts at one answer, side by side."""
    answer = _answer(request, pk)
    attempts = list(answer.attempts.all())
    current = next((a for a in reversed(attempts) if not a.is_finished), None)
    for attempt in attempts:
        attempt.result = coaching.present(attempt.check_result)
    return render(
        request,
        "jobs/practice.html",
        {
            "answer": answer,
            "attempts": [a for a in attempts if a.is_finished],
            "current": current,
            "attempt_form": AttemptForm(),
            "can_check": coaching.can_check(answer),
        },
    )


@login_required
@require_POST
def practice_start(request, pk):
    answer = _answer(request, pk)
    answer.attempts.filter(finished_at__isnull=True).delete()
    coaching.start_attempt(answer)
    return redirect("jobs:practice", pk=answer.pk)


@login_required
@require_POST
def attempt_finish(request, pk):
    attempt = get_owned_or_404(
        PracticeAttempt.objects.select_related("answer__application"),
        request.user,
        pk=pk,
    )
    form = AttemptForm(request.POST, instance=attempt)
    if form.is_valid():
        coaching.finish_attempt(attempt, form.cleaned_data["text"])
        messages.success(
            request,
            _("Attempt kept: %(seconds)d seconds.") % {"seconds": attempt.duration_seconds},
        )
    return redirect("jobs:practice", pk=attempt.answer_id)


class AttemptDelete(OwnedDeleteView):
    model = PracticeAttempt
    http_method_names = ["post"]
    success_message = gettext_lazy("Attempt deleted.")

    def get_success_url(self):
        return reverse("jobs:practice", args=[self.object.answer_id])
