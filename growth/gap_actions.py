"""Turn a skills-gap suggestion into a learning-plan item (taxonomy.actions)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from accounts.models import User
from growth.models import LearningItem
from taxonomy import actions


def add_learning_item(user: User, suggestion: actions.Suggestion) -> str:
    """Plan a course (or a book, for reading) that develops the missing skill."""
    reading = suggestion.kind == actions.READING
    kind = LearningItem.Kind.BOOK if reading else LearningItem.Kind.COURSE
    item = LearningItem.objects.create(user=user, title=suggestion.text[:200], kind=kind)
    item.skills.add(suggestion.skill_id)
    # The person completes provider, dates and cost on the edit page.
    return reverse("growth:learning_edit", args=[item.pk])


def register() -> None:
    actions.register(
        "growth.learning_item",
        label=gettext_lazy("Add to my learning plan"),
        handle=add_learning_item,
        kinds={actions.TRAINING, actions.READING},
    )
