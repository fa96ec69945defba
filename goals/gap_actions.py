"""Turn a skills-gap suggestion into a step of one of the person's goals (taxonomy.actions)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.access import owned
from goals.models import Goal, GoalStatus, Requirement, Step
from taxonomy import actions


def add_goal_step(user: User, suggestion: actions.Suggestion) -> str:
    """Add the suggestion as a step of the goal aimed at that occupation, else the latest goal."""
    active = owned(Goal, user).filter(status=GoalStatus.ACTIVE).order_by("-created_at")
    goal = active.filter(target_occupation_id=suggestion.occupation_id).first() or active.first()
    if goal is None:
        raise actions.ActionRefused(
            _("A step belongs to a goal: create a career goal first, then add this step to it.")
        )
    step = Step.objects.create(goal=goal, title=suggestion.text[:300])
    if not goal.requirements.filter(skill_id=suggestion.skill_id).exists():
        Requirement.objects.create(
            goal=goal,
            skill_id=suggestion.skill_id,
            kind=Requirement.Kind.SKILL,
            description=suggestion.skill_label[:300],
        )
    return reverse("goals:step_edit", args=[step.pk])


def register() -> None:
    actions.register(
        "goals.step",
        label=gettext_lazy("Add as a step of my goal"),
        handle=add_goal_step,
        kinds={actions.PROJECT, actions.MENTORING, actions.TRAINING},
    )
