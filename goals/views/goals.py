"""Goal pages: the list, a goal and its action plan (stages, steps, obstacles, requirements,
check-ins), its history. Every query is scoped to the signed-in person: others get 404."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404, owned
from core.views.owned import OwnedDeleteView, OwnedUpdateView, posted
from goals import plan
from goals.forms import (
    CheckInForm,
    GoalForm,
    ObstacleForm,
    RequirementForm,
    StageForm,
    StageProposalFormSet,
    StepForm,
)
from goals.models import (
    CheckIn,
    Goal,
    GoalStatus,
    Obstacle,
    Reflection,
    Requirement,
    Stage,
    Step,
)
from goals.views import check


def _goal(request, pk):
    return get_owned_or_404(Goal, request.user, pk=pk)


# Goals --------------------------------------------------------------------------------------


@login_required
def index(request):
    goals = list(plan.goals_with_progress(request.user))
    settings = plan.review_settings_for(request.user)
    today = timezone.localdate()
    for goal in goals:
        goal.review_due = (
            goal.status == GoalStatus.ACTIVE and goal.next_review_on(settings) <= today
        )
    reflection = owned(Reflection, request.user).first()
    return render(
        request,
        "goals/index.html",
        {
            "active": [g for g in goals if g.status == GoalStatus.ACTIVE],
            "others": [g for g in goals if g.status != GoalStatus.ACTIVE],
            "reflection": reflection,
            "suggestions": plan.suggestions_from_reflection(reflection),
            "review_due": any(g.review_due for g in goals),
        },
    )


def _form_page(request, form, goal=None):
    """The goal form; after a refused save, with the live feedback (and the choice between
    two deadlines) already shown, so the page works without JavaScript too."""
    context = {"form": form, "goal": goal, "feedback_url": check.feedback_url(goal)}
    if form.is_bound:
        context.update(feedback=True, **check.feedback(request, request.POST, goal))
    return render(request, "goals/goal_form.html", context)


def _tell_settled(request, form):
    """Say what the save did to the statement or the deadline field (goals.statement_deadline)."""
    if form.settled is not None and form.settled.message():
        messages.info(request, form.settled.message())


@login_required
def create(request):
    initial = {"statement": request.GET.get("statement", "")[:500]}
    form = GoalForm(posted(request), user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        goal = form.save(commit=False)
        goal.owner = request.user
        plan.save_new_goal(goal, save_related=form.save_m2m)
        messages.success(request, _("Goal saved."))
        _tell_settled(request, form)
        return redirect(goal)
    return _form_page(request, form)


@login_required
def detail(request, pk):
    goal = get_object_or_404(plan.goals_with_progress(request.user, detail=True), pk=pk)
    today = timezone.localdate()
    steps = list(goal.steps.all())
    for step in steps:
        step.done_today = any(c.date == today for c in step.completions.all())
    stages = list(goal.stages.all())
    for stage in stages:
        stage.step_list = [s for s in steps if s.stage_id == stage.pk]
    return render(
        request,
        "goals/goal_detail.html",
        {
            "goal": goal,
            "stages": stages,
            "loose_steps": [s for s in steps if s.stage_id is None],
            "chart": plan.chart(goal),
            "checkins": goal.checkins.all()[::-1],
            "checkin_form": CheckInForm(initial={"date": today}),
            "stage_form": StageForm(goal=goal),
            "step_form": StepForm(goal=goal),
            "obstacle_form": ObstacleForm(),
            "requirement_form": RequirementForm(),
            "smart": goal.smart_result,
            "today": today,
        },
    )


@login_required
def edit(request, pk):
    goal = _goal(request, pk)
    before, saved = goal.snapshot(), copy.copy(goal)  # the form changes `goal` as it validates
    form = GoalForm(posted(request), instance=goal, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            goal = form.save(commit=False)
            plan.save_goal_change(goal, before, form.cleaned_data.get("reason", ""))
            form.save_m2m()
            plan.record_smart_result(goal)
        messages.success(request, _("Goal updated; the previous version is in its history."))
        _tell_settled(request, form)
        return redirect(goal)
    return _form_page(request, form, saved)


class GoalDelete(OwnedDeleteView):
    model = Goal
    template_name = "goals/confirm_delete.html"
    success_url = "goals:index"
    success_message = gettext_lazy("Goal deleted.")


@login_required
def history(request, pk):
    goal = _goal(request, pk)
    return render(request, "goals/history.html", {"goal": goal, "timeline": plan.timeline(goal)})


# Stages -------------------------------------------------------------------------------------


@login_required
def propose_stages(request, pk):
    """Offer evenly spaced stages for a long goal; the person edits them before saving."""
    goal = _goal(request, pk)
    if goal.deadline is None:
        messages.error(request, _("Give the goal a deadline first, then split it into stages."))
        return redirect("goals:edit", pk=goal.pk)
    if request.method == "POST":
        formset = StageProposalFormSet(request.POST, form_kwargs={"goal": goal})
        if formset.is_valid():
            with transaction.atomic():
                for form in formset:
                    if form.cleaned_data:
                        Stage.objects.create(goal=goal, **form.cleaned_data)
            messages.success(request, _("Stages added."))
            return redirect(goal)
    else:
        formset = StageProposalFormSet(
            initial=plan.propose_stages(goal), form_kwargs={"goal": goal}
        )
    return render(request, "goals/propose_stages.html", {"goal": goal, "formset": formset})


def _child_form(request, goal, form, template, title):
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(goal)
    return render(request, template, {"goal": goal, "form": form, "title": title})


@login_required
def stage_add(request, pk):
    goal = _goal(request, pk)
    form = StageForm(posted(request), goal=goal)
    return _child_form(request, goal, form, "goals/child_form.html", _("Add a stage"))


class GoalPartEdit(OwnedUpdateView):
    """Edit a part of a goal's action plan; back to the goal's page."""

    template_name = "goals/child_form.html"
    success_message = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "goal": self.object.goal}

    def get_success_url(self):
        return self.object.goal.get_absolute_url()

    get_cancel_url = get_success_url

    def get_context_data(self, **kwargs):
        return super().get_context_data(goal=self.object.goal, **kwargs)


class StageEdit(GoalPartEdit):
    queryset = Stage.objects.select_related("goal")
    form_class = StageForm
    title = gettext_lazy("Edit the stage")


@login_required
def step_add(request, pk):
    goal = _goal(request, pk)
    form = StepForm(posted(request), goal=goal, initial={"stage": request.GET.get("stage")})
    return _child_form(request, goal, form, "goals/child_form.html", _("Add a step"))


class StepEdit(GoalPartEdit):
    queryset = Step.objects.select_related("goal")
    form_class = StepForm
    title = gettext_lazy("Edit the step")


@login_required
@require_POST
def step_toggle(request, pk):
    step = get_owned_or_404(Step.objects.select_related("goal"), request.user, pk=pk)
    plan.toggle_step(step)
    return redirect(request.POST.get("next") or step.goal.get_absolute_url())


@login_required
def obstacle_add(request, pk):
    goal = _goal(request, pk)
    form = ObstacleForm(posted(request), instance=Obstacle(goal=goal))
    return _child_form(request, goal, form, "goals/child_form.html", _("Add an obstacle"))


@login_required
def requirement_add(request, pk):
    goal = _goal(request, pk)
    form = RequirementForm(posted(request), instance=Requirement(goal=goal))
    return _child_form(
        request, goal, form, "goals/child_form.html", _("Add a required skill or qualification")
    )


@login_required
def checkin_add(request, pk):
    goal = _goal(request, pk)
    form = CheckInForm(
        posted(request), instance=CheckIn(goal=goal), initial={"date": timezone.localdate()}
    )
    return _child_form(request, goal, form, "goals/child_form.html", _("Check in"))


DELETABLE = {
    "stage": Stage,
    "step": Step,
    "obstacle": Obstacle,
    "requirement": Requirement,
    "checkin": CheckIn,
}


class GoalPartDelete(OwnedDeleteView):
    """Delete a part of a goal's action plan (`kind` in the URL names which); back to the goal."""

    template_name = "goals/confirm_delete.html"
    success_message = gettext_lazy("Deleted.")

    def get_queryset(self):
        model = DELETABLE.get(self.kwargs["kind"])
        if model is None:
            raise Http404
        return owned(model.objects.select_related("goal"), self.request.user)

    def get_success_url(self):
        return self.object.goal.get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(goal=self.object.goal, **kwargs)
