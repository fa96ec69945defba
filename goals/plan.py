"""The goals rules that views, the API and the demo share: saving with revisions, reviews,
splitting a long goal into stages, suggestions from a reflection, statements and the chart.
"""

import datetime
import re
from collections.abc import Callable
from decimal import Decimal

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.models import User
from core.access import owned
from goals.effort import readable_hours
from goals.models import (
    CheckIn,
    Decision,
    Goal,
    GoalRevision,
    GoalStatus,
    Reflection,
    Review,
    ReviewDecision,
    ReviewSettings,
    Stage,
    Step,
    add_months,
)
from taxonomy.models import Occupation


def goals_with_progress(user: User, detail: bool = False) -> QuerySet[Goal]:
    """The person's goals with what progress needs, in a fixed number of queries.

    `detail` also fetches what a goal's page shows: completions, skills, obstacles, requirements.
    """
    steps = Step.objects.prefetch_related("completions") if detail else Step.objects.all()
    goals = (
        owned(Goal, user)
        .select_related("target_occupation")
        .prefetch_related(
            Prefetch("checkins", queryset=CheckIn.objects.order_by("date", "created_at", "id")),
            Prefetch("steps", queryset=steps),
            "stages",
        )
    )
    if detail:
        goals = goals.prefetch_related("target_skills", "obstacles", "requirements")
    return goals


def review_settings_for(user: User) -> ReviewSettings:
    """The person's review settings; an unsaved default (quarterly) until they choose."""
    return owned(ReviewSettings, user).first() or ReviewSettings(user=user)


# SMART check --------------------------------------------------------------------------------


def smart_check(
    text: str,
    user: User,
    today: datetime.date | None = None,
    estimated_effort_hours: Decimal | float | None = None,
    deadline: datetime.date | None = None,
    target_occupation: Occupation | None = None,
    written_on: datetime.date | None = None,
) -> dict:
    """The SMART criteria of `text` for `user`, as the JSON contract of goals.smart.

    The goal's target occupation, when it has one, counts as the concrete target it names;
    `deadline` is its deadline field and `written_on` the day `text` was written (its relative
    deadlines are read from it).
    """
    from goals import smart

    language = (getattr(user, "language", "") or "en")[:2]
    result = smart.check(
        text,
        language,
        today or timezone.localdate(),
        smart.profile_for(
            user, float(estimated_effort_hours) if estimated_effort_hours is not None else None
        ),
        occupation_hits=[target_occupation.label(language)] if target_occupation else (),
        deadline=deadline,
        written_on=written_on,
    )
    return result.as_dict()


@transaction.atomic
def save_new_goal(goal: Goal, save_related: Callable[[], None] | None = None) -> None:
    """Create `goal` and store its SMART check in one transaction: never a goal without it."""
    goal.save()
    if save_related is not None:
        save_related()
    record_smart_result(goal)


def record_smart_result(goal: Goal) -> None:
    """Store the check's result on the goal so its page shows it without re-running."""
    goal.smart_result = _jsonable(
        smart_check(
            goal.statement,
            goal.owner,
            estimated_effort_hours=goal.estimated_effort_hours,
            deadline=goal.deadline,
            target_occupation=goal.target_occupation,
            written_on=goal.statement_written_on(),
        )
    )
    fields = {"smart_result": goal.smart_result}
    if not goal.horizon and goal.smart_result.get("horizon"):
        # The horizon follows from the deadline the check found; the person can still change it.
        goal.horizon = fields["horizon"] = goal.smart_result["horizon"]
    Goal.objects.filter(pk=goal.pk).update(**fields)


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


# Revisions ----------------------------------------------------------------------------------


def changed_fields(before: dict, after: dict) -> list[str]:
    return [name for name in Goal.REVISED_FIELDS if before.get(name) != after.get(name)]


@transaction.atomic
def save_goal_change(
    goal: Goal,
    before: dict,
    reason: str,
    source: str = GoalRevision.Source.EDIT,
    review: Review | None = None,
) -> GoalRevision | None:
    """Save `goal`, keeping `before` (its earlier snapshot) as a revision when anything changed.

    Returns the revision, or None when nothing the revision history tracks changed.
    """
    goal.full_clean(exclude=["owner", "target_occupation"])
    goal.save()
    if not changed_fields(before, goal.snapshot()):
        return None
    return GoalRevision.objects.create(
        goal=goal, snapshot=before, reason=reason, source=source, review=review
    )


def timeline(goal: Goal) -> list[dict]:
    """The goal's revisions, newest first, each with the changes it led to.

    A revision keeps the version *before* a change; what it changed into is the next revision's
    snapshot or, for the newest, the goal as it is now.
    """
    revisions = list(goal.revisions.all())  # newest first
    entries = []
    after = goal.snapshot()
    for revision in revisions:
        before = revision.snapshot
        changes = [
            {
                "field": name,
                "label": Goal._meta.get_field(name).verbose_name,
                "before": _display(name, before.get(name)),
                "after": _display(name, after.get(name)),
            }
            for name in changed_fields(before, after)
        ]
        entries.append({"revision": revision, "changes": changes})
        after = before
    return entries


def _display(name, value):
    if value in (None, ""):
        return "—"
    field = Goal._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if name == "estimated_effort_hours":
        return readable_hours(value)
    return str(value)


# Reviews ------------------------------------------------------------------------------------


@transaction.atomic
def apply_decision(
    review: Review, goal: Goal, decision: str, reason: str, changes: dict | None = None
) -> ReviewDecision:
    """Record what was decided for `goal` in `review` and apply it, keeping a revision."""
    before = goal.snapshot()
    if decision == Decision.ADJUST:
        for name, value in (changes or {}).items():
            if value not in (None, ""):
                setattr(goal, name, value)
    elif decision == Decision.PAUSE:
        goal.status = GoalStatus.PAUSED
    elif decision == Decision.DROP:
        goal.status = GoalStatus.DROPPED
    elif decision == Decision.DONE:
        goal.status = GoalStatus.DONE
    goal.last_reviewed_on = review.created_at.date()
    save_goal_change(goal, before, reason, source=GoalRevision.Source.REVIEW, review=review)
    return ReviewDecision.objects.create(review=review, goal=goal, decision=decision, reason=reason)


def complete_review(review: Review) -> None:
    review.completed_at = timezone.now()
    review.save(update_fields=["completed_at"])
    settings = review_settings_for(review.owner)
    settings.last_review_on = review.created_at.date()
    settings.save()


def goals_due_for_review(user: User, today: datetime.date | None = None) -> list[Goal]:
    today = today or timezone.localdate()
    settings = review_settings_for(user)
    goals = owned(Goal, user).active()
    return [g for g in goals if g.next_review_on(settings) <= today]


# Stages -------------------------------------------------------------------------------------


def propose_stages(goal: Goal, count: int | None = None) -> list[dict]:
    """Evenly spaced stages from the goal's start to its deadline, for the person to edit.

    One stage per six months by default (at least two, at most eight); the indicator's target is
    shared out linearly so each stage says what to reach by then.
    """
    if goal.deadline is None:
        return []
    start = goal.start_date
    months = max(1, (goal.deadline.year - start.year) * 12 + goal.deadline.month - start.month)
    count = count or min(8, max(2, -(-months // 6)))
    proposals = []
    for index in range(1, count + 1):
        deadline = (
            goal.deadline if index == count else add_months(start, round(months * index / count))
        )
        deadline = min(deadline, goal.deadline)
        if goal.baseline is not None and goal.target_value is not None:
            value = goal.baseline + (goal.target_value - goal.baseline) * index / count
            title = _("Stage %(index)s: reach %(value)s %(unit)s") % {
                "index": index,
                "value": f"{value:.0f}" if value == int(value) else f"{value:.1f}",
                "unit": goal.indicator_unit or goal.indicator_name,
            }
        else:
            title = _("Stage %(index)s of %(count)s") % {"index": index, "count": count}
        proposals.append({"title": title.strip(), "deadline": deadline})
    return proposals


# Recurring steps ----------------------------------------------------------------------------


def toggle_step(step: Step, today: datetime.date | None = None) -> bool:
    """Mark a step done or not; for a recurring step, today's occurrence."""
    today = today or timezone.localdate()
    if step.is_recurring:
        completion = step.completions.filter(date=today).first()
        if completion:
            completion.delete()
            return False
        step.completions.create(date=today)
        return True
    step.done = not step.done
    step.done_at = timezone.now() if step.done else None
    step.save(update_fields=["done", "done_at"])
    return step.done


# Reflection → suggestions -------------------------------------------------------------------


def _items(text):
    parts = re.split(r"[\n;,•]+|\s-\s", text or "")
    return [p.strip(" .-*\t") for p in parts if len(p.strip(" .-*\t")) > 2][:5]


def suggestions_from_reflection(
    reflection: Reflection | None, today: datetime.date | None = None
) -> list[dict]:
    """Goal statements suggested by a reflection's answers, in the current language."""
    if reflection is None:
        return []
    today = today or timezone.localdate()
    in_six_months = add_months(today, 6)
    in_a_year = add_months(today, 12)
    suggestions = []
    for skill in _items(reflection.skills_to_develop):
        suggestions.append(
            {
                "source": _("Skills I want to develop"),
                "statement": _(
                    "Reach a working level in %(skill)s, shown by completing two practical "
                    "projects, by %(date)s"
                )
                % {"skill": skill, "date": _date(in_six_months)},
            }
        )
    for position in _items(reflection.appealing_position)[:2]:
        suggestions.append(
            {
                "source": _("The position that appeals to me"),
                "statement": _(
                    "Obtain a position as %(position)s by sending 20 targeted applications "
                    "by %(date)s"
                )
                % {"position": position, "date": _date(in_a_year)},
            }
        )
    for challenge in _items(reflection.challenges)[:2]:
        suggestions.append(
            {
                "source": _("The challenges I want to overcome"),
                "statement": _(
                    "Overcome “%(challenge)s” by taking three concrete actions and noting "
                    "the result of each by %(date)s"
                )
                % {"challenge": challenge, "date": _date(in_six_months)},
            }
        )
    return suggestions


def _date(day):
    return day.isoformat()


# Statement writer ---------------------------------------------------------------------------

STATEMENT_STEPS = ["passions", "research", "questions", "smart", "plan", "adjust"]


def compose_statement(answers: dict, language: str) -> str:
    """A career goal statement written from the wizard's answers, in `language`."""
    with override(language):
        parts = []
        if answers.get("passions"):
            parts.append(
                _("Driven by what I care about (%(passions)s),")
                % {"passions": answers["passions"].strip().rstrip(".")}
            )
        goal = (answers.get("goal") or "").strip().rstrip(".")
        if goal:
            parts.append(_("my goal is to %(goal)s.") % {"goal": _lower_first(goal)})
        if answers.get("research"):
            parts.append(
                _("What I learned about this target: %(research)s.")
                % {"research": answers["research"].strip().rstrip(".")}
            )
        if answers.get("questions"):
            parts.append(
                _("Questions I still want answered: %(questions)s.")
                % {"questions": answers["questions"].strip().rstrip(".?")}
            )
        if answers.get("competencies"):
            parts.append(
                _("It develops competencies my role calls for: %(competencies)s.")
                % {"competencies": answers["competencies"].strip().rstrip(".")}
            )
        if answers.get("plan"):
            parts.append(
                _("To get there, I will: %(plan)s.") % {"plan": answers["plan"].strip().rstrip(".")}
            )
        text = " ".join(parts)
        return text[:1].upper() + text[1:]


def _lower_first(text):
    if len(text) > 1 and text[1].islower():
        return text[:1].lower() + text[1:]
    return text


# Chart --------------------------------------------------------------------------------------


def chart(goal: Goal, width: int = 640, height: int = 240) -> dict | None:
    """Geometry of the progress chart: the indicator over time against the line to the target.

    Returns None without an indicator (baseline and target). Check-ins are expected to be
    prefetched in date order.
    """
    if goal.baseline is None or goal.target_value is None:
        return None
    points = [(goal.start_date, goal.baseline)] + [
        (c.date, c.indicator_value)
        for c in sorted(goal.checkins.all(), key=lambda c: (c.date, c.created_at, c.pk))
        if c.indicator_value is not None
    ]
    end = goal.deadline or max(p[0] for p in points)
    first = min(goal.start_date, *(p[0] for p in points))
    last = max(end, *(p[0] for p in points))
    span_days = max(1, (last - first).days)
    values = [goal.baseline, goal.target_value, *(p[1] for p in points)]
    low, high = float(min(values)), float(max(values))
    if high == low:
        high = low + 1
    left, right, top, bottom = 56, 16, 16, 32

    def x(day):
        return round(left + (width - left - right) * (day - first).days / span_days, 1)

    def y(value):
        return round(top + (height - top - bottom) * (high - float(value)) / (high - low), 1)

    actual = [{"x": x(d), "y": y(v), "date": d, "value": v} for d, v in points]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "bottom": height - bottom,
        "ideal": {"x1": x(goal.start_date), "y1": y(goal.baseline), "x2": x(end)}
        | {"y2": y(goal.target_value)},
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in actual),
        "points": actual,
        "low": _number(low),
        "high": _number(high),
        "first": first,
        "last": last,
    }


def _number(value):
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def add_stage(goal: Goal, title: str, deadline: datetime.date, description: str = "") -> Stage:
    stage = Stage(goal=goal, title=title, deadline=deadline, description=description)
    stage.full_clean()
    stage.save()
    return stage
