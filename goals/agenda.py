"""The goals app's contribution to the agenda: steps (and each occurrence of a repeating step),
stage deadlines, goal deadlines and the next review. Four queries whatever the data."""

import datetime

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from agenda.items import AgendaItem
from core.access import owned
from goals.models import Goal, GoalStatus, ReviewSettings, Stage, Step, StepCompletion


def items(user: User, start: datetime.date, end: datetime.date) -> list[AgendaItem]:
    today = timezone.localdate()
    found = []
    open_or_in_range = Q(done=False) | Q(due_date__gte=start)
    steps = (
        owned(Step, user)
        .filter(goal__status=GoalStatus.ACTIVE)
        .filter(due_date__isnull=False, due_date__lte=end)
        .filter(Q(recurrence="") & open_or_in_range | ~Q(recurrence=""))
        .select_related("goal")
        .prefetch_related(
            Prefetch(
                "completions",
                queryset=StepCompletion.objects.filter(date__gte=start, date__lte=end),
            )
        )
    )
    for step in steps:
        url = reverse("goals:detail", args=[step.goal_id])
        if step.is_recurring:
            done_days = {c.date for c in step.completions.all()}
            for day in step.occurrences(start, end):
                found.append(
                    AgendaItem(
                        uid=f"goals-step-{step.pk}-{day:%Y%m%d}",
                        date=day,
                        title=step.title,
                        url=url,
                        kind="step",
                        done=day in done_days,
                        overdue=False,
                        description=step.goal.statement,
                    )
                )
            continue
        found.append(
            AgendaItem(
                uid=f"goals-step-{step.pk}",
                date=step.due_date,
                title=step.title,
                url=url,
                kind="step",
                done=step.done,
                overdue=not step.done and step.due_date < today,
                description=step.goal.statement,
            )
        )
    stages = (
        owned(Stage, user)
        .filter(goal__status=GoalStatus.ACTIVE, deadline__lte=end)
        .filter(Q(done=False) | Q(deadline__gte=start))
    )
    for stage in stages.select_related("goal"):
        found.append(
            AgendaItem(
                uid=f"goals-stage-{stage.pk}",
                date=stage.deadline,
                title=_("Stage deadline: %(title)s") % {"title": stage.title},
                url=reverse("goals:detail", args=[stage.goal_id]),
                kind="stage",
                done=stage.done,
                overdue=not stage.done and stage.deadline < today,
                description=stage.goal.statement,
            )
        )
    goals = list(owned(Goal, user).active())
    for goal in goals:
        if goal.deadline and (start <= goal.deadline <= end or goal.deadline < start):
            found.append(
                AgendaItem(
                    uid=f"goals-goal-{goal.pk}",
                    date=goal.deadline,
                    title=_("Goal deadline: %(title)s") % {"title": goal.statement},
                    url=goal.get_absolute_url(),
                    kind="deadline",
                    overdue=goal.deadline < today,
                )
            )
    if goals:
        settings = owned(ReviewSettings, user).first()
        due = [goal.next_review_on(settings) for goal in goals]
        review_day = min(due)
        count = sum(1 for day in due if day <= max(review_day, today))
        if review_day <= end:
            found.append(
                AgendaItem(
                    uid=f"goals-review-{user.pk}-{review_day:%Y%m%d}",
                    date=review_day,
                    title=_("Review your goals (%(count)s due)") % {"count": count},
                    url=reverse("goals:review_new"),
                    kind="review",
                    overdue=review_day < today,
                )
            )
    return found
