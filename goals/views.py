"""Pages of the goals app. Every query is scoped to the signed-in person: others get 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404, owned
from goals import context as work_context
from goals import plan
from goals.forms import (
    CheckInForm,
    DecisionForm,
    GoalForm,
    ObstacleForm,
    ReflectionForm,
    RequirementForm,
    ReviewSettingsForm,
    StageForm,
    StageProposalFormSet,
    StatementAnswerForm,
    StatementTextForm,
    StepForm,
)
from goals.models import (
    CheckIn,
    Goal,
    GoalStatus,
    Obstacle,
    Reflection,
    Requirement,
    Review,
    Stage,
    Statement,
    StatementVersion,
    Step,
)


def _data(request):
    """The posted data, even when empty (an empty POST must still show the form's errors)."""
    return request.POST if request.method == "POST" else None


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


@login_required
def create(request):
    initial = {"statement": request.GET.get("statement", "")[:500]}
    form = GoalForm(_data(request), user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        goal = form.save(commit=False)
        goal.owner = request.user
        plan.save_new_goal(goal, save_related=form.save_m2m)
        messages.success(request, _("Goal saved."))
        return redirect(goal)
    return render(request, "goals/goal_form.html", {"form": form})


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
    before = goal.snapshot()
    form = GoalForm(_data(request), instance=goal, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            goal = form.save(commit=False)
            plan.save_goal_change(goal, before, form.cleaned_data.get("reason", ""))
            form.save_m2m()
            plan.record_smart_result(goal)
        messages.success(request, _("Goal updated; the previous version is in its history."))
        return redirect(goal)
    return render(request, "goals/goal_form.html", {"form": form, "goal": goal})


@login_required
def delete(request, pk):
    goal = _goal(request, pk)
    if request.method == "POST":
        goal.delete()
        messages.success(request, _("Goal deleted."))
        return redirect("goals:index")
    return render(request, "goals/confirm_delete.html", {"object": goal, "goal": goal})


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
    form = StageForm(_data(request), goal=goal)
    return _child_form(request, goal, form, "goals/child_form.html", _("Add a stage"))


@login_required
def stage_edit(request, pk):
    stage = get_owned_or_404(Stage.objects.select_related("goal"), request.user, pk=pk)
    form = StageForm(_data(request), instance=stage, goal=stage.goal)
    return _child_form(request, stage.goal, form, "goals/child_form.html", _("Edit the stage"))


@login_required
def step_add(request, pk):
    goal = _goal(request, pk)
    form = StepForm(_data(request), goal=goal, initial={"stage": request.GET.get("stage")})
    return _child_form(request, goal, form, "goals/child_form.html", _("Add a step"))


@login_required
def step_edit(request, pk):
    step = get_owned_or_404(Step.objects.select_related("goal"), request.user, pk=pk)
    form = StepForm(_data(request), instance=step, goal=step.goal)
    return _child_form(request, step.goal, form, "goals/child_form.html", _("Edit the step"))


@login_required
@require_POST
def step_toggle(request, pk):
    step = get_owned_or_404(Step.objects.select_related("goal"), request.user, pk=pk)
    plan.toggle_step(step)
    return redirect(request.POST.get("next") or step.goal.get_absolute_url())


@login_required
def obstacle_add(request, pk):
    goal = _goal(request, pk)
    form = ObstacleForm(_data(request), instance=Obstacle(goal=goal))
    return _child_form(request, goal, form, "goals/child_form.html", _("Add an obstacle"))


@login_required
def requirement_add(request, pk):
    goal = _goal(request, pk)
    form = RequirementForm(_data(request), instance=Requirement(goal=goal))
    return _child_form(
        request, goal, form, "goals/child_form.html", _("Add a required skill or qualification")
    )


@login_required
def checkin_add(request, pk):
    goal = _goal(request, pk)
    form = CheckInForm(
        _data(request), instance=CheckIn(goal=goal), initial={"date": timezone.localdate()}
    )
    return _child_form(request, goal, form, "goals/child_form.html", _("Check in"))


DELETABLE = {
    "stage": Stage,
    "step": Step,
    "obstacle": Obstacle,
    "requirement": Requirement,
    "checkin": CheckIn,
}


@login_required
def child_delete(request, kind, pk):
    if kind not in DELETABLE:
        raise Http404
    model = DELETABLE[kind]
    obj = get_owned_or_404(model.objects.select_related("goal"), request.user, pk=pk)
    if request.method == "POST":
        obj.delete()
        messages.success(request, _("Deleted."))
        return redirect(obj.goal)
    return render(request, "goals/confirm_delete.html", {"object": obj, "goal": obj.goal})


# Reflection ---------------------------------------------------------------------------------


@login_required
def reflection_index(request):
    versions = list(owned(Reflection, request.user))
    return render(request, "goals/reflection_index.html", {"versions": versions})


@login_required
def reflection_new(request):
    latest = owned(Reflection, request.user).first()
    initial = latest.answers() if latest else {}
    form = ReflectionForm(_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        reflection = form.save(commit=False)
        reflection.owner = request.user
        reflection.save()
        messages.success(request, _("Reflection saved as a new version."))
        return redirect(reflection)
    return render(request, "goals/reflection_form.html", {"form": form})


@login_required
def reflection_detail(request, pk):
    reflection = get_owned_or_404(Reflection, request.user, pk=pk)
    others = owned(Reflection, request.user).exclude(pk=pk)
    compare = None
    if request.GET.get("compare", "").isdigit():
        compare = get_object_or_404(others, pk=request.GET["compare"])
    rows = []
    for name in Reflection.QUESTIONS:
        rows.append(
            {
                "label": Reflection._meta.get_field(name).verbose_name,
                "value": getattr(reflection, name),
                "earlier": getattr(compare, name) if compare else None,
                "changed": compare is not None
                and getattr(compare, name).strip() != getattr(reflection, name).strip(),
            }
        )
    return render(
        request,
        "goals/reflection_detail.html",
        {
            "reflection": reflection,
            "rows": rows,
            "compare": compare,
            "others": others,
            "suggestions": plan.suggestions_from_reflection(reflection),
        },
    )


# Reviews ------------------------------------------------------------------------------------


@login_required
def review_index(request):
    settings = plan.review_settings_for(request.user)
    form = ReviewSettingsForm(_data(request), instance=settings)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Review cadence saved."))
        return redirect("goals:review_index")
    return render(
        request,
        "goals/review_index.html",
        {
            "form": form,
            "settings": settings,
            "reviews": owned(Review, request.user).prefetch_related("decisions"),
            "due": plan.goals_due_for_review(request.user),
        },
    )


@login_required
def review_new(request):
    goals = list(
        owned(Goal, request.user)
        .filter(status__in=[GoalStatus.ACTIVE, GoalStatus.PAUSED])
        .prefetch_related("stages")
    )
    if not goals:
        messages.info(request, _("You have no active goal to review yet."))
        return redirect("goals:index")
    data = request.POST if request.method == "POST" else None
    forms = [
        (goal, DecisionForm(data, goal=goal, prefix=f"g{goal.pk}", initial={"decision": "keep"}))
        for goal in goals
    ]
    note = request.POST.get("note", "")
    if data is not None and all(form.is_valid() for _goal, form in forms):
        with transaction.atomic():
            review = Review.objects.create(owner=request.user, note=note)
            for goal, form in forms:
                plan.apply_decision(
                    review,
                    goal,
                    form.cleaned_data["decision"],
                    form.cleaned_data["reason"],
                    form.changes(),
                )
            plan.complete_review(review)
        messages.success(request, _("Review recorded."))
        return redirect(review)
    return render(request, "goals/review_form.html", {"forms": forms, "note": note})


@login_required
def review_detail(request, pk):
    review = get_owned_or_404(
        Review.objects.prefetch_related("decisions__goal"), request.user, pk=pk
    )
    return render(request, "goals/review_detail.html", {"review": review})


# Statement writer ---------------------------------------------------------------------------


def _step_text(step):
    # Marked for translation here so makemessages sees every prompt.
    prompts = {
        "passions": (
            _("What are you passionate about?"),
            _("The activities, subjects and problems that give you energy."),
        ),
        "research": (
            _("What did you learn about your target?"),
            _("Read job postings, talk to people in the occupation, note the skills asked for."),
        ),
        "questions": (
            _("What important questions remain?"),
            _("Salary, training needed, work conditions, what a typical day looks like."),
        ),
        "smart": (
            _("Write your goal through the SMART lens"),
            _("Specific, measurable, achievable, relevant and time-bound."),
        ),
        "plan": (
            _("What is your action plan?"),
            _("The first stages and steps, the skills to acquire and the obstacles to overcome."),
        ),
    }
    return prompts[step]


@login_required
def statement_index(request):
    statements = owned(Statement, request.user).prefetch_related("versions")
    return render(request, "goals/statement_index.html", {"statements": statements})


@login_required
@require_POST
def statement_new(request):
    reflection = owned(Reflection, request.user).first()
    answers = {}
    if reflection:
        answers["passions"] = reflection.passions
    statement = Statement.objects.create(
        owner=request.user, language=(get_language() or "en")[:2], answers=answers
    )
    return redirect("goals:statement_step", pk=statement.pk, step="passions")


@login_required
def statement_step(request, pk, step):
    statement = get_owned_or_404(Statement, request.user, pk=pk)
    if step not in plan.STATEMENT_STEPS:
        raise Http404
    index = plan.STATEMENT_STEPS.index(step)
    if step == "adjust":
        return _statement_adjust(request, statement)
    key = "goal" if step == "smart" else step
    form = StatementAnswerForm(_data(request), initial={"answer": statement.answers.get(key, "")})
    smart = None
    if step == "smart" and statement.answers.get("goal"):
        smart = plan.smart_check(statement.answers["goal"], request.user)
    roles = work_context.role_contexts(request.user) if step in ("research", "smart") else []
    if request.method == "POST" and form.is_valid():
        statement.answers[key] = form.cleaned_data["answer"].strip()
        if step == "research":
            offered = {name for role in roles for name in role.competencies}
            chosen = [name for name in request.POST.getlist("competencies") if name in offered]
            statement.answers["competencies"] = ", ".join(dict.fromkeys(chosen))
        statement.save(update_fields=["answers", "updated_at"])
        if step == "smart" and request.POST.get("action") == "check":
            return redirect("goals:statement_step", pk=pk, step=step)
        return redirect("goals:statement_step", pk=pk, step=plan.STATEMENT_STEPS[index + 1])
    question, hint = _step_text(step)
    return render(
        request,
        "goals/statement_step.html",
        {
            "statement": statement,
            "step": step,
            "number": index + 1,
            "total": len(plan.STATEMENT_STEPS),
            "previous": plan.STATEMENT_STEPS[index - 1] if index else None,
            "question": question,
            "hint": hint,
            "form": form,
            "smart": smart,
            "roles": roles,
            "chosen": statement.answers.get("competencies", "").split(", "),
        },
    )


def _statement_adjust(request, statement):
    latest = statement.versions.first()
    text = latest.text if latest else plan.compose_statement(statement.answers, statement.language)
    form = StatementTextForm(_data(request), initial={"text": text})
    if request.method == "POST" and form.is_valid():
        StatementVersion.objects.create(
            statement=statement, text=form.cleaned_data["text"], note=form.cleaned_data["note"]
        )
        statement.save(update_fields=["updated_at"])
        messages.success(request, _("Statement saved as a new version."))
        return redirect(statement)
    return render(
        request,
        "goals/statement_step.html",
        {
            "statement": statement,
            "step": "adjust",
            "number": len(plan.STATEMENT_STEPS),
            "total": len(plan.STATEMENT_STEPS),
            "previous": "plan",
            "question": _("Adjust your statement"),
            "hint": _("Reword it until it sounds like you; every save keeps a version."),
            "form": form,
        },
    )


@login_required
def statement_detail(request, pk):
    statement = get_owned_or_404(
        Statement.objects.prefetch_related("versions"), request.user, pk=pk
    )
    return render(
        request,
        "goals/statement_detail.html",
        {"statement": statement, "versions": list(statement.versions.all())},
    )
