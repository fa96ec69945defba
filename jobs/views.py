"""Views of the jobs app: the board of applications, an application's page, interviews and
reflections, and the interview coach. Each view is scoped to the signed-in person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access import get_owned_or_404, owned
from jobs import coaching, postings
from jobs.forms import (
    AnswerForm,
    ApplicationForm,
    AttemptForm,
    InterviewForm,
    OwnQuestionForm,
    ReflectionForm,
    StatusForm,
)
from jobs.models import (
    Application,
    DetectedSkill,
    Interview,
    InterviewReflection,
    PracticeAttempt,
    PreparedAnswer,
    Status,
    Technique,
)
from jobs.occupations import find_occupations, search_available
from jobs.questions import QUESTION_KEYS


def _application(request, pk):
    return get_owned_or_404(Application.objects.select_related("occupation"), request.user, pk=pk)


def _is_htmx(request):
    return request.headers.get("HX-Request") == "true"


# Board ----------------------------------------------------------------------------------------


def _board_columns(user):
    applications = list(Application.objects.for_board(user))
    return [
        {
            "status": value,
            "label": label,
            "applications": [a for a in applications if a.status == value],
        }
        for value, label in Status.choices
    ]


@login_required
def index(request):
    """The board: one column per status."""
    return render(
        request,
        "jobs/board.html",
        {"columns": _board_columns(request.user), "statuses": Status.choices},
    )


@login_required
@require_POST
def change_status(request, pk):
    """Move an application; htmx gets the board back, a plain form goes back where it was."""
    application = _application(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        application.move_to(form.cleaned_data["status"])
        if not _is_htmx(request):
            messages.success(
                request,
                _("“%(title)s” moved to %(status)s.")
                % {"title": application.title, "status": application.get_status_display()},
            )
    elif not _is_htmx(request):
        messages.error(request, form.errors["status"][0])
    if _is_htmx(request):
        if request.POST.get("from") == "detail":
            return redirect_htmx(reverse("jobs:detail", args=[pk]))
        response = render(
            request,
            "jobs/_board_columns.html",
            {"columns": _board_columns(request.user), "statuses": Status.choices},
            status=200 if form.is_valid() else 422,
        )
        return response
    if request.POST.get("from") == "detail":
        return redirect("jobs:detail", pk=pk)
    return redirect("jobs:index")


def redirect_htmx(url):
    from django.http import HttpResponse

    response = HttpResponse(status=204)
    response["HX-Redirect"] = url
    return response


# Applications ---------------------------------------------------------------------------------


def _occupation_context(request, form):
    query = (form.data.get("occupation_search") or "").strip() if form.is_bound else ""
    return {
        "occupation_results": find_occupations(query, request.user.language) if query else [],
        "occupation_query": query,
        "search_available": search_available(),
    }


def _save_application(request, form, creating):
    application = form.save(commit=False)
    if creating:
        application.user = request.user
        application.save()
        application.record_creation()
    else:
        previous = Application.objects.get(pk=application.pk).status
        new_status = application.status
        application.status = previous
        application.save()
        application.move_to(new_status)
    if "posting_text" in form.changed_data or "posting_language" in form.changed_data or creating:
        postings.request_detection(application)  # in the background: the page polls for them
    return application


def _application_form_view(request, instance=None):
    creating = instance is None
    if creating:
        initial = {"posting_language": request.user.language}
        form = ApplicationForm(request.POST if request.method == "POST" else None, initial=initial)
    else:
        form = ApplicationForm(
            request.POST if request.method == "POST" else None, instance=instance
        )
    searching = "search_occupation" in request.POST
    if request.method == "POST" and not searching and form.is_valid():
        application = _save_application(request, form, creating)
        messages.success(request, _("Application saved."))
        return redirect(application)
    context = {"form": form, "application": instance, **_occupation_context(request, form)}
    selected = None
    if form.is_bound and str(form.data.get("occupation", "")).isdigit():
        from taxonomy.models import Occupation

        selected = Occupation.objects.filter(pk=form.data["occupation"]).first()
    elif instance is not None:
        selected = instance.occupation
    context["selected_occupation"] = selected
    return render(request, "jobs/application_form.html", context)


@login_required
def application_new(request):
    return _application_form_view(request)


@login_required
def application_edit(request, pk):
    return _application_form_view(request, _application(request, pk))


@login_required
def application_delete(request, pk):
    application = _application(request, pk)
    if request.method == "POST":
        application.delete()
        messages.success(request, _("Application deleted."))
        return redirect("jobs:index")
    return render(
        request, "jobs/confirm_delete.html", {"object": application, "kind": "application"}
    )


@login_required
@require_GET
def occupation_search(request):
    """Occupation choices for the picker (htmx fragment)."""
    query = request.GET.get("occupation_search", "").strip()
    return render(
        request,
        "jobs/_occupation_results.html",
        {
            "occupation_results": find_occupations(query, request.user.language) if query else [],
            "occupation_query": query,
            "search_available": search_available(),
        },
    )


@login_required
def detail(request, pk):
    application = get_object_or_404(
        owned(Application, request.user)
        .select_related("occupation")
        .prefetch_related(
            "history",
            Prefetch(
                "detected_skills",
                queryset=DetectedSkill.objects.select_related("skill"),
            ),
            Prefetch(
                "interviews",
                queryset=Interview.objects.select_related("reflection").prefetch_related(
                    "reflection__techniques"
                ),
            ),
        ),
        pk=pk,
    )
    target = None
    if application.occupation_id:
        from taxonomy.models import TargetOccupation

        target = (
            owned(TargetOccupation, request.user)
            .filter(occupation_id=application.occupation_id)
            .first()
        )
    return render(
        request,
        "jobs/detail.html",
        {
            "target": target,
            **_skills_context(request, application),
            "status_form": StatusForm(initial={"status": application.status}),
            "statuses": Status.choices,
            "now": timezone.now(),
        },
    )


def _skills_context(request, application):
    """What the "Skills in the posting" section shows (detail page and its htmx fragment)."""
    detected = [d for d in application.detected_skills.all() if not d.removed]
    removed = [d for d in application.detected_skills.all() if d.removed]
    return {
        "application": application,
        "skills_pending": postings.detection_pending(application),
        "detected": detected,
        "removed": removed,
        "gap": postings.posting_gap(request.user, detected),
        "extraction_available": postings.extraction_available(),
    }


@login_required
def skills_section(request, pk):
    """The "Skills in the posting" section alone: htmx asks for it again while the skills are
    being detected in the background, and swaps it in when they are ready."""
    application = get_object_or_404(
        owned(Application, request.user).prefetch_related(
            Prefetch("detected_skills", queryset=DetectedSkill.objects.select_related("skill"))
        ),
        pk=pk,
    )
    return render(request, "jobs/_skills_section.html", _skills_context(request, application))


@login_required
@require_POST
def detect_skills(request, pk):
    application = _application(request, pk)
    if postings.request_detection(application):
        messages.success(request, _("The skills of the posting are being detected."))
    else:
        messages.error(request, _("Skill detection is not available in this installation."))
    return redirect(reverse("jobs:detail", args=[pk]) + "#skills")


@login_required
@require_POST
def remove_skill(request, pk, skill_pk):
    """Remove a wrongly detected skill (or put it back); it stays out of later detections."""
    detected = get_owned_or_404(DetectedSkill, request.user, application_id=pk, pk=skill_pk)
    detected.removed = request.POST.get("restore") != "1"
    detected.save(update_fields=["removed"])
    return redirect(reverse("jobs:detail", args=[pk]) + "#skills")


# Interviews and reflections -------------------------------------------------------------------


def _interview(request, pk):
    return get_owned_or_404(Interview.objects.select_related("application"), request.user, pk=pk)


@login_required
def interview_new(request, pk):
    application = _application(request, pk)
    form = InterviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        interview = form.save(commit=False)
        interview.application = application
        interview.save()
        if application.status in (Status.SAVED, Status.APPLIED):
            application.move_to(Status.INTERVIEW)
        messages.success(request, _("Interview scheduled."))
        return redirect(application)
    return render(request, "jobs/interview_form.html", {"form": form, "application": application})


@login_required
def interview_edit(request, pk):
    interview = _interview(request, pk)
    form = InterviewForm(request.POST if request.method == "POST" else None, instance=interview)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Interview saved."))
        return redirect(interview.application)
    return render(
        request,
        "jobs/interview_form.html",
        {"form": form, "application": interview.application, "interview": interview},
    )


@login_required
def interview_delete(request, pk):
    interview = _interview(request, pk)
    if request.method == "POST":
        interview.delete()
        messages.success(request, _("Interview deleted."))
        return redirect(interview.application)
    return render(request, "jobs/confirm_delete.html", {"object": interview, "kind": "interview"})


@login_required
def reflection(request, pk):
    """Write or edit the post-interview reflection."""
    interview = _interview(request, pk)
    instance = InterviewReflection.objects.filter(interview=interview).first()
    form = ReflectionForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.interview = interview
        saved.save()
        saved.set_techniques(form.cleaned_data["techniques"])
        messages.success(request, _("Reflection saved."))
        return redirect(interview.application)
    return render(request, "jobs/reflection_form.html", {"form": form, "interview": interview})


@login_required
@require_POST
def technique_tried(request, pk):
    """Toggle "tried it" on a technique; htmx gets the row back."""
    technique = get_owned_or_404(
        Technique.objects.select_related("reflection__interview__application"),
        request.user,
        pk=pk,
    )
    technique.mark_tried(request.POST.get("tried") == "1")
    if _is_htmx(request):
        return render(request, "jobs/_technique.html", {"technique": technique})
    return redirect(request.POST.get("next_url") or reverse("jobs:coach"))


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
    return _coach(request, _application(request, pk))


@login_required
@require_POST
def answer_start(request, pk=None):
    """Open (or create) the answer to a common question, or add a question of one's own."""
    application = _application(request, pk) if pk is not None else None
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
        if error is None and not _is_htmx(request):
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
    if not _is_htmx(request):
        if error:
            messages.error(request, error)
        return redirect("jobs:answer", pk=answer.pk)
    return render(request, "jobs/_check_result.html", context)


@login_required
def answer_delete(request, pk):
    answer = _answer(request, pk)
    if request.method == "POST":
        back = _coach_url(answer.application)
        answer.delete()
        messages.success(request, _("Answer deleted."))
        return redirect(back)
    return render(request, "jobs/confirm_delete.html", {"object": answer, "kind": "answer"})


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


@login_required
@require_POST
def attempt_delete(request, pk):
    attempt = get_owned_or_404(PracticeAttempt, request.user, pk=pk)
    attempt.delete()
    messages.success(request, _("Attempt deleted."))
    return redirect("jobs:practice", pk=attempt.answer_id)
