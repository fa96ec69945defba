"""Interview pages: schedule, edit, reflect afterwards, mark a technique tried."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404
from core.views.owned import OwnedDeleteView, OwnedUpdateView
from jobs import applications
from jobs.forms import (
    InterviewForm,
    ReflectionForm,
)
from jobs.models import (
    Interview,
    InterviewReflection,
    Technique,
)
from jobs.views.applications import is_htmx, owned_application

# Interviews and reflections -------------------------------------------------------------------


def _interview(request, pk):
    return get_owned_or_404(Interview.objects.select_related("application"), request.user, pk=pk)


@login_required
def interview_new(request, pk):
    application = owned_application(request, pk)
    form = InterviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        applications.schedule_interview(form.save(commit=False), application)
        messages.success(request, _("Interview scheduled."))
        return redirect(application)
    return render(request, "jobs/interview_form.html", {"form": form, "application": application})


class InterviewEdit(OwnedUpdateView):
    queryset = Interview.objects.select_related("application")
    form_class = InterviewForm
    template_name = "jobs/interview_form.html"
    success_message = gettext_lazy("Interview saved.")

    def get_success_url(self):
        return self.object.application.get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.object.application, **kwargs)


class InterviewDelete(OwnedDeleteView):
    queryset = Interview.objects.select_related("application")
    template_name = "jobs/confirm_delete.html"
    success_message = gettext_lazy("Interview deleted.")

    def get_success_url(self):
        return self.object.application.get_absolute_url()


@login_required
def reflection(request, pk):
    """Write or edit the post-interview reflection."""
    interview = _interview(request, pk)
    instance = InterviewReflection.objects.filter(interview=interview).first()
    form = ReflectionForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        applications.save_reflection(
            form.save(commit=False), interview, form.cleaned_data["techniques"]
        )
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
    if is_htmx(request):
        return render(request, "jobs/_technique.html", {"technique": technique})
    return redirect(request.POST.get("next_url") or reverse("jobs:coach"))
