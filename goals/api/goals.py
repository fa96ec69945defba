"""The goals API's routes for goals, stages, steps, check-ins and reviews (see
goals/api/__init__.py). Everything is scoped to the caller: another person's goal answers 404
{"detail"}.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from core.access import get_owned_or_404, owned
from core.api_schemas import ErrorOut, RowId
from core.api_validation import check_model, form_invalid, form_value
from goals import plan
from goals.forms import DecisionForm
from goals.models import (
    Cadence,
    CheckIn,
    Decision,
    Goal,
    GoalRevision,
    GoalStatus,
    Recurrence,
    Review,
    Stage,
    Step,
)
from taxonomy.models import Horizon

router = Router()  # tagged "goals" by the package


class GoalIn(Schema):
    statement: str = Field(..., min_length=1, max_length=500)
    description: str = ""
    horizon: Horizon | None = None
    indicator_name: str = Field("", max_length=200)
    indicator_unit: str = Field("", max_length=50)
    baseline: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    target_value: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    start_date: datetime.date | None = None
    deadline: datetime.date | None = None
    estimated_effort_hours: Decimal | None = Field(None, ge=0, max_digits=7, decimal_places=1)
    review_cadence: Cadence | None = None


class GoalPatch(Schema):
    statement: str | None = Field(None, min_length=1, max_length=500)
    description: str | None = None
    horizon: Horizon | None = None
    indicator_name: str | None = Field(None, max_length=200)
    indicator_unit: str | None = Field(None, max_length=50)
    baseline: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    target_value: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    deadline: datetime.date | None = None
    status: GoalStatus | None = None
    estimated_effort_hours: Decimal | None = Field(None, ge=0, max_digits=7, decimal_places=1)
    review_cadence: Cadence | None = None
    reason: str = Field(..., min_length=1, description="Why the goal changes; kept in history.")


class StageOut(Schema):
    id: int
    title: str
    description: str
    deadline: datetime.date
    done: bool


class StepOut(Schema):
    id: int
    stage_id: int | None
    title: str
    description: str
    due_date: datetime.date | None
    recurrence: str
    recurrence_until: datetime.date | None
    estimated_effort_hours: Decimal | None
    done: bool


class CheckInOut(Schema):
    id: int
    date: datetime.date
    kind: str
    note: str
    lesson: str
    indicator_value: Decimal | None


class GoalOut(Schema):
    id: int
    statement: str
    description: str
    horizon: str
    indicator_name: str
    indicator_unit: str
    baseline: Decimal | None
    target_value: Decimal | None
    latest_value: Decimal | None
    progress: float
    start_date: datetime.date
    deadline: datetime.date | None
    status: str
    estimated_effort_hours: Decimal | None
    review_cadence: str
    needs_stages: bool
    smart: dict = Field(..., alias="smart_result")
    created_at: datetime.datetime
    updated_at: datetime.datetime


class StageIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    description: str = ""
    deadline: datetime.date
    done: bool = False


class StagePatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = None
    deadline: datetime.date | None = None
    done: bool | None = None


class StepIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    description: str = ""
    stage_id: int | None = None
    due_date: datetime.date | None = None
    recurrence: Recurrence = Recurrence.NONE
    recurrence_until: datetime.date | None = None
    estimated_effort_hours: Decimal | None = Field(None, ge=0, max_digits=6, decimal_places=1)


class StepPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = None
    stage_id: int | None = None
    due_date: datetime.date | None = None
    recurrence: Recurrence | None = None
    recurrence_until: datetime.date | None = None
    estimated_effort_hours: Decimal | None = Field(None, ge=0, max_digits=6, decimal_places=1)
    done: bool | None = None


class CheckInIn(Schema):
    date: datetime.date | None = None
    kind: CheckIn.Kind = CheckIn.Kind.PROGRESS
    note: str = Field(..., min_length=1)
    lesson: str = ""
    indicator_value: Decimal | None = Field(None, max_digits=12, decimal_places=2)


class RevisionOut(Schema):
    id: int
    snapshot: dict
    reason: str
    source: str
    review_id: int | None
    created_at: datetime.datetime


class DecisionIn(Schema):
    goal_id: RowId
    decision: Decision
    reason: str = Field(..., min_length=1)
    statement: str | None = Field(None, min_length=1, max_length=500)
    deadline: datetime.date | None = None
    target_value: Decimal | None = Field(None, max_digits=12, decimal_places=2)


class ReviewIn(Schema):
    note: str = ""
    decisions: list[DecisionIn] = Field(..., min_length=1)


class DecisionOut(Schema):
    goal_id: int
    decision: str
    reason: str


class ReviewOut(Schema):
    id: int
    note: str
    created_at: datetime.datetime
    decisions: list[DecisionOut]


def _goal(request, goal_id):
    return get_object_or_404(plan.goals_with_progress(request.auth), pk=goal_id)


# Goals --------------------------------------------------------------------------------------
# Reviews come first: "/goals/reviews" must not be read as a goal id.


@router.get("/goals/reviews", response=list[ReviewOut])
def list_reviews(request):
    return owned(Review, request.auth).prefetch_related("decisions")


@router.post("/goals/reviews", response={201: ReviewOut, 404: ErrorOut})
def create_review(request, payload: ReviewIn):
    """Record a review: one decision per goal (keep, adjust, pause, drop, done) and why."""
    ids = [d.goal_id for d in payload.decisions]
    if len(set(ids)) != len(ids):
        raise HttpError(422, _("Give one decision per goal."))
    goals = {
        g.pk: g for g in owned(Goal, request.auth).filter(pk__in=ids).prefetch_related("stages")
    }
    if len(goals) != len(ids):
        raise HttpError(404, _("Not found."))
    # Each decision is checked by the review page's form, before anything is written.
    forms = []
    for item in payload.decisions:
        form = DecisionForm(
            {k: form_value(v) for k, v in item.dict(exclude={"goal_id"}).items()},
            goal=goals[item.goal_id],
        )
        if not form.is_valid():
            raise form_invalid(form)
        forms.append(form)
    with transaction.atomic():
        review = Review.objects.create(owner=request.auth, note=payload.note)
        for form in forms:
            plan.apply_decision(
                review,
                form.goal,
                form.cleaned_data["decision"],
                form.cleaned_data["reason"],
                form.changes(),
            )
        plan.complete_review(review)
    return Status(201, Review.objects.prefetch_related("decisions").get(pk=review.pk))


@router.get("/goals/reviews/{int:review_id}", response=ReviewOut)
def get_review(request, review_id: int):
    return get_owned_or_404(
        Review.objects.prefetch_related("decisions"), request.auth, pk=review_id
    )


@router.get("/goals", response=list[GoalOut])
def list_goals(request, status: GoalStatus | None = None):
    goals = plan.goals_with_progress(request.auth)
    if status:
        goals = goals.filter(status=status)
    return goals


@router.post("/goals", response={201: GoalOut})
def create_goal(request, payload: GoalIn):
    data = payload.dict(exclude_none=True)
    goal = Goal(owner=request.auth, **data)
    check_model(goal, exclude=["target_occupation"])
    plan.save_new_goal(goal)
    return Status(201, _goal(request, goal.pk))


@router.get("/goals/{int:goal_id}", response=GoalOut)
def get_goal(request, goal_id: int):
    return _goal(request, goal_id)


@router.patch("/goals/{int:goal_id}", response=GoalOut)
def update_goal(request, goal_id: int, payload: GoalPatch):
    """Change a goal; the previous version is kept with `reason`."""
    goal = _goal(request, goal_id)
    before = goal.snapshot()
    data = payload.dict(exclude_unset=True)
    reason = data.pop("reason")
    for name, value in data.items():
        if value is None and name in ("statement", "status"):
            continue
        setattr(
            goal,
            name,
            "" if value is None and name in ("horizon", "review_cadence", "description") else value,
        )
    check_model(goal, exclude=["owner", "target_occupation"])
    with transaction.atomic():
        plan.save_goal_change(goal, before, reason, source=GoalRevision.Source.API)
        plan.record_smart_result(goal)
    return _goal(request, goal.pk)


@router.delete("/goals/{int:goal_id}", response={204: None})
def delete_goal(request, goal_id: int):
    _goal(request, goal_id).delete()
    return Status(204, None)


@router.get("/goals/{int:goal_id}/revisions", response=list[RevisionOut])
def list_revisions(request, goal_id: int):
    return _goal(request, goal_id).revisions.all()


# Stages -------------------------------------------------------------------------------------


@router.get("/goals/{int:goal_id}/stages", response=list[StageOut])
def list_stages(request, goal_id: int):
    return _goal(request, goal_id).stages.all()


@router.post("/goals/{int:goal_id}/stages", response={201: StageOut})
def create_stage(request, goal_id: int, payload: StageIn):
    stage = Stage(goal=_goal(request, goal_id), **payload.dict())
    check_model(stage)
    stage.save()
    return Status(201, stage)


def _stage(request, goal_id, stage_id):
    return get_owned_or_404(
        Stage.objects.select_related("goal"), request.auth, pk=stage_id, goal__pk=goal_id
    )


@router.patch("/goals/{int:goal_id}/stages/{int:stage_id}", response=StageOut)
def update_stage(request, goal_id: int, stage_id: int, payload: StagePatch):
    stage = _stage(request, goal_id, stage_id)
    for name, value in payload.dict(exclude_unset=True).items():
        if value is not None:
            setattr(stage, name, value)
    check_model(stage)
    stage.save()
    return stage


@router.delete("/goals/{int:goal_id}/stages/{int:stage_id}", response={204: None})
def delete_stage(request, goal_id: int, stage_id: int):
    _stage(request, goal_id, stage_id).delete()
    return Status(204, None)


# Steps --------------------------------------------------------------------------------------


def _step(request, goal_id, step_id):
    return get_owned_or_404(
        Step.objects.select_related("goal"), request.auth, pk=step_id, goal__pk=goal_id
    )


def _check_step(step):
    # Step.clean holds the rules (the stage is the goal's, dates in order); an unknown stage id
    # gets that message rather than the field's "does not exist".
    check_model(step, exclude=["stage"])


@router.get("/goals/{int:goal_id}/steps", response=list[StepOut])
def list_steps(request, goal_id: int):
    return _goal(request, goal_id).steps.all()


@router.post("/goals/{int:goal_id}/steps", response={201: StepOut})
def create_step(request, goal_id: int, payload: StepIn):
    step = Step(goal=_goal(request, goal_id), **payload.dict())
    _check_step(step)
    step.save()
    return Status(201, step)


@router.patch("/goals/{int:goal_id}/steps/{int:step_id}", response=StepOut)
def update_step(request, goal_id: int, step_id: int, payload: StepPatch):
    step = _step(request, goal_id, step_id)
    data = payload.dict(exclude_unset=True)
    done = data.pop("done", None)
    for name, value in data.items():
        setattr(step, name, "" if value is None and name == "recurrence" else value)
    _check_step(step)
    step.save()
    if done is not None and done != step.done and not step.is_recurring:
        plan.toggle_step(step)
    return step


@router.post("/goals/{int:goal_id}/steps/{int:step_id}/done", response=StepOut)
def complete_step(request, goal_id: int, step_id: int, date: datetime.date | None = None):
    """Mark a step done or not done; for a repeating step, the occurrence of `date` (today)."""
    step = _step(request, goal_id, step_id)
    plan.toggle_step(step, today=date)
    return step


@router.delete("/goals/{int:goal_id}/steps/{int:step_id}", response={204: None})
def delete_step(request, goal_id: int, step_id: int):
    _step(request, goal_id, step_id).delete()
    return Status(204, None)


# Check-ins ----------------------------------------------------------------------------------


@router.get("/goals/{int:goal_id}/checkins", response=list[CheckInOut])
def list_checkins(request, goal_id: int):
    return CheckIn.objects.filter(goal=_goal(request, goal_id))


@router.post("/goals/{int:goal_id}/checkins", response={201: CheckInOut})
def create_checkin(request, goal_id: int, payload: CheckInIn):
    checkin = CheckIn(goal=_goal(request, goal_id), **payload.dict(exclude_none=True))
    check_model(checkin)
    checkin.save()
    return Status(201, checkin)


@router.delete("/goals/{int:goal_id}/checkins/{int:checkin_id}", response={204: None})
def delete_checkin(request, goal_id: int, checkin_id: int):
    # goal__pk, not goal_id: an id too big for the database then finds nothing (404).
    get_owned_or_404(CheckIn, request.auth, pk=checkin_id, goal__pk=goal_id).delete()
    return Status(204, None)
