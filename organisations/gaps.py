"""The gap between a person and one of the organisation's job roles.

Two parts, no second engine:

- **Competency levels**: for each competency the role expects, the level it expects against the
  level of the person's latest submitted self-assessment (any role of the model: a rating is
  about the competency) and, beside it, her manager's latest submitted assessment.
- **ESCO skills**: taxonomy.gap's engine (`analyse_required`) over the ESCO skills the role's
  competencies are mapped to (confirmed mappings only). The skills of a competency the person
  does not yet reach (or has not rated) count as essential, the others as optional; the
  development guide (for the essential ones) and its actions (a goal step, a learning-plan
  item) work as for an occupation.
"""

from dataclasses import dataclass

from django.utils import translation

from accounts.models import User
from organisations.assessments import latest_submitted
from organisations.models import Assessment, CompetencySkill, JobRole, ProficiencyLevel
from organisations.roles import expectations
from taxonomy import gap as skills_gap

MET = "met"
BELOW = "below"
UNRATED = "unrated"


@dataclass
class CompetencyGap:
    competency: object
    expected: int
    expected_name: str
    indicators: list  # behavioural indicators at the expected level
    self_level: int | None
    manager_level: int | None
    status: str  # MET, BELOW or UNRATED


@dataclass
class RoleGap:
    role: object
    language: str
    levels: dict  # level -> name
    competencies: list
    skills: object  # taxonomy.gap.Gap over the mapped ESCO skills
    self_assessment: object  # the latest submitted self-assessment, or None
    manager_assessment: object

    def _count(self, status):
        return sum(1 for item in self.competencies if item.status == status)

    @property
    def met(self):
        return self._count(MET)

    @property
    def below(self):
        return self._count(BELOW)

    @property
    def unrated(self):
        return self._count(UNRATED)

    def suggestion(self, skill_id, kind):
        return self.skills.suggestion(skill_id, kind)


def role_gap(
    person: User, role: JobRole, organisation_id: int, language: str | None = None
) -> RoleGap:
    """`person`'s gap to `role`. A fixed number of queries whatever the model's size."""
    language = (language or translation.get_language() or "en")[:2]
    rows = expectations(role)
    levels = {
        level.level: level.name(language)
        for level in ProficiencyLevel.objects.filter(model_id=role.model_id)
    }
    mine = latest_submitted(organisation_id, person, Assessment.Kind.SELF)
    managers = latest_submitted(organisation_id, person, Assessment.Kind.MANAGER)
    self_levels = dict(mine.ratings.values_list("competency_id", "level")) if mine else {}
    manager_levels = (
        dict(managers.ratings.values_list("competency_id", "level")) if managers else {}
    )
    competencies = []
    for row in rows:
        level = self_levels.get(row.competency_id)
        status = UNRATED if level is None else MET if level >= row.level else BELOW
        competencies.append(
            CompetencyGap(
                competency=row.competency,
                expected=row.level,
                expected_name=levels.get(row.level, str(row.level)),
                indicators=row.indicators_at_level,
                self_level=level,
                manager_level=manager_levels.get(row.competency_id),
                status=status,
            )
        )
    essential = {item.competency.pk for item in competencies if item.status != MET}
    required, seen = [], set()
    for mapping in (
        CompetencySkill.objects.filter(competency__expectations__role=role, confirmed=True)
        .select_related("skill", "skill__top_group")
        .order_by("competency__position", "id")
    ):
        if mapping.skill_id in seen:
            continue
        seen.add(mapping.skill_id)
        required.append(skills_gap.Required(mapping.skill, mapping.competency_id in essential))
    aim = skills_gap.Aim(label=role.name(language))
    skills = skills_gap.analyse_required(person.pk, required, aim, language)
    # The guide covers what the person has to develop: the competencies not yet reached.
    skills.guide = [entry for entry in skills.guide if entry.essential]
    return RoleGap(
        role=role,
        language=language,
        levels=levels,
        competencies=competencies,
        skills=skills,
        self_assessment=mine,
        manager_assessment=managers,
    )
