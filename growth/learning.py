"""Learning-plan rules that change more than one thing at a time."""

import datetime

from django.db import transaction
from django.utils import timezone

from growth.models import LearningItem
from taxonomy.models import SkillEvidence, UserSkill


@transaction.atomic
def complete_item(
    item: LearningItem, add_skills: bool = False, today: datetime.date | None = None
) -> int:
    """Mark `item` completed; with `add_skills`, add its skills the person does not have yet to
    their profile, each with the item as evidence. Return the number of skills added."""
    item.status = LearningItem.Status.COMPLETED
    item.completed_on = item.completed_on or today or timezone.localdate()
    item.save(update_fields=["status", "completed_on", "updated_at"])
    if not add_skills:
        return 0
    owned = set(
        UserSkill.objects.filter(user=item.user, skill__isnull=False).values_list(
            "skill_id", flat=True
        )
    )
    added = 0
    for skill in item.skills.all():
        if skill.pk in owned:
            continue
        user_skill = UserSkill.objects.create(user=item.user, skill=skill)
        SkillEvidence.objects.create(
            user_skill=user_skill,
            kind=SkillEvidence.Kind.TRAINING,
            description=f"{item.get_kind_display()}: {item.title}"
            + (f" ({item.provider})" if item.provider else ""),
        )
        added += 1
    return added
