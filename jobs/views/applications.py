"""Pages of the jobs app: the board of applications and an application's page (see
jobs/views/__init__.py). Another person's application is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.access import get_owned_or_404, owned
from core.views.owned import OwnedDeleteView
from jobs import applications, postings, tasks
from jobs.forms import (
    ApplicationForm,
    StatusForm,
)
from jobs.models import (
    Application,
    DetectedSkill,
    Interview,
    Status,
)
from jobs.occupations import find_occupations, search_available


def owned_application(request, pk):
    return get_owned_or_404(Application.objects.select_related("occupation"), request.user, pk=pk)


def is_htmx(request):
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
    application = owned_application(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        application.move_to(form.cleaned_data["status"])
        if not is_htmx(request):
            messages.success(
                request,
                _("“%(title)s” moved to %(status)s.")
                % {"title": application.title, "status": application.get_status_display()},
            )
    elif not is_htmx(request):
        messages.error(request, form.errors["status"][0])
    if is_htmx(request):
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
        application = applications.save_application(
            form.save(commit=False),
            request.user,
            posting_changed=bool({"posting_text", "posting_language"} & set(form.changed_data)),
        )
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
    return _application_form_view(request, owned_application(request, pk))


class ApplicationDelete(OwnedDeleteView):
    model = Application
    template_name = "jobs/confirm_delete.html"
    success_url = "jobs:index"
    success_message = gettext_lazy("Application deleted.")


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
        "skills_pending": tasks.detection_pending(application),
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
    application = owned_application(request, pk)
    if tasks.request_detection(application):
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
