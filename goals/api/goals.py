"""The goals API's routes for goals, stages, steps, check-ins and reviews (see
goals/api/__init__.py). Everything is scoped to the caller: another person's goal answers 404
{"detail"}.
"""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from core.access import get_owned_or_404, owned
from core.api_schemas import ErrorOut, RowId
from core.api_validation import check_model, form_invalid, form_value, invalid
from goals import plan
from goals.effort import largest, parse_effort
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
from goals.statement_deadline import follows, settle_goal
from taxonomy.models import Horizon

router = Router()  # tagged "goals" by the package

# An effort is a number of hours, or a text in hours or minutes ("30 min", "1 h 30", "1,5 h");
# stored in hours to the hundredth (goals.effort), answered as a number of hours.
Effort = Annotated[
    Decimal | str | None,
    Field(
        description='Hours (a number), or a text in hours or minutes: "30 min", "1 h 30", "1,5 h".'
    ),
]


# The statement's date and the deadline field are one fact (goals.statement_deadline): when
# they disagree, the caller says which one is right.
KeepDeadline = Annotated[
    Literal["statement", "deadline"] | None,
    Field(
        description=(
            "When the statement states a date other than `deadline`: which one is right. "
            '"statement" moves the deadline to the statement\'s date, "deadline" rewrites the '
            "statement's date phrase. Without it such a goal is refused (422)."
        )
    ),
]


def _settle_deadline(request, goal: Goal | None, data: dict, keep: str | None) -> None:
    """Settle `data`'s statement and deadline as the goal form does (goal None: a new goal);
    422 naming both dates when they disagree and `keep` does not say which is right."""
    statement = data.get("statement") or (goal.statement if goal else "")
    deadline = data.get("deadline", goal.deadline if goal else None)
    settled = settle_goal(
        goal,
        statement,
        deadline,
        today=timezone.localdate(),
        follows=follows(goal) if goal is not None and "deadline" not in data else None,
        keep=keep or "",
        lang=request.auth.language or "en",
    )
    if settled.conflict:
        raise invalid(
            {
                "deadline": [settled.message()],
                "keep_deadline": [
                    _(
                        "Say which one is right: “statement” (the goal's date) or “deadline” "
                        "(the deadline field's)."
                    )
                ],
            }
        )
    if settled.statement != statement:
        data["statement"] = settled.statement
    if settled.deadline != deadline:
        data["deadline"] = settled.deadline


def _with_effort(data: dict, model: type[Goal] | type[Step]) -> dict:
    """`data` with its effort read as hours (goals.effort); 422 with the page's sentence when
    it is not one."""
    if data.get("estimated_effort_hours") is not None:
        field = model._meta.get_field("estimated_effort_hours")
        try:
            data["estimated_effort_hours"] = parse_effort(
                data["estimated_effort_hours"], largest(field)
            )
        except DjangoValidationError as error:
            raise invalid({"estimated_effort_hours": error.messages}) from error
    return data


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
    estimated_effort_hours: Effort = None
    review_cadence: Cadence | None = None
    keep_deadline: KeepDeadline = None


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
    estimated_effort_hours: Effort = None
    review_cadence: Cadence | None = None
    keep_deadline: KeepDeadline = None
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
    estimated_effort_hours: Effort = None


class StepPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = None
    stage_id: int | None = None
    due_date: datetime.date | None = None
    recurrence: Recurrence | None = None
    recurrence_until: datetime.date | None = None
    estimated_effort_hours: Effort = None
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
    data = _with_effort(payload.dict(exclude_none=True), Goal)
    _settle_deadline(request, None, data, data.pop("keep_deadline", None))
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
    data = _with_effort(payload.dict(exclude_unset=True), Goal)
    reason = data.pop("reason")
    _settle_deadline(request, goal, data, data.pop("keep_deadline", None))
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
    step = Step(goal=_goal(request, goal_id), **_with_effort(payload.dict(), Step))
    _check_step(step)
    step.save()
    return Status(201, step)


@router.patch("/goals/{int:goal_id}/steps/{int:step_id}", response=StepOut)
def update_step(request, goal_id: int, step_id: int, payload: StepPatch):
    step = _step(request, goal_id, step_id)
    data = _with_effort(payload.dict(exclude_unset=True), Step)
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
