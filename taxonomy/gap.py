"""Skills gap between a person's profile and a target occupation, with a development guide.

A skill the occupation needs is:
- covered when the person has it in their profile;
- partially covered when they have a neighbouring skill instead: a broader or narrower skill
  of the ESCO hierarchy, or a skill ESCO relates to it;
- missing otherwise.

Coverage, weighted to essential skills (the same formula ranks occupations in
taxonomy.transferable):

    coverage = (3 × essential covered + optional covered) / (3 × essential + optional)

where a partially covered skill counts half. For each missing or partially covered skill the
development guide lists the related skills the person already has (ESCO skill–skill relations,
broader/narrower skills, and siblings in the hierarchy) and suggested actions (training,
project, mentoring, reading) in the person's language; taxonomy.actions turns a suggestion
into another app's object in one click.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from taxonomy import actions
from taxonomy.models import (
    OccupationSkill,
    RelationType,
    Skill,
    SkillRelation,
    TargetOccupation,
    UserSkill,
)
from taxonomy.transferable import ESSENTIAL_WEIGHT, PARTIAL_CREDIT

COVERED = "covered"
PARTIAL = "partial"
MISSING = "missing"
MAX_RELATED = 5


@dataclass
class SkillStatus:
    skill: Skill
    label: str
    essential: bool
    status: str  # COVERED, PARTIAL or MISSING
    group: str  # label of the skill's level-1 group, "" when unknown
    # The person's skills that give partial coverage (labels).
    via: list = field(default_factory=list)


@dataclass
class GuideEntry:
    skill: Skill
    label: str
    essential: bool
    status: str
    related: list  # labels of related skills the person already has, with how they relate
    suggestions: list  # actions.Suggestion


@dataclass
class Gap:
    target: object
    occupation: object
    language: str
    essential: list
    optional: list
    guide: list
    coverage: float  # 0..1

    def _count(self, items, status):
        return sum(1 for item in items if item.status == status)

    @property
    def essential_covered(self):
        return self._count(self.essential, COVERED)

    @property
    def essential_partial(self):
        return self._count(self.essential, PARTIAL)

    @property
    def essential_missing(self):
        return self._count(self.essential, MISSING)

    @property
    def optional_covered(self):
        return self._count(self.optional, COVERED)

    @property
    def optional_partial(self):
        return self._count(self.optional, PARTIAL)

    @property
    def optional_missing(self):
        return self._count(self.optional, MISSING)

    @property
    def percent(self):
        return round(self.coverage * 100)

    def suggestion(self, skill_id, kind):
        """The suggestion of `kind` for `skill_id`, or None."""
        for entry in self.guide:
            for suggestion in entry.suggestions:
                if suggestion.skill_id == skill_id and suggestion.kind == kind:
                    return suggestion
        return None


def coverage_of(essential: list, optional: list) -> float:
    """Essential-weighted coverage of two lists of statuses."""
    credit = {COVERED: 1.0, PARTIAL: PARTIAL_CREDIT, MISSING: 0.0}
    total = ESSENTIAL_WEIGHT * len(essential) + len(optional)
    if not total:
        return 0.0
    gained = ESSENTIAL_WEIGHT * sum(credit[status] for status in essential)
    gained += sum(credit[status] for status in optional)
    return gained / total


def _suggestions(skill, label, aim, essential, related_labels):
    """Suggested actions for one skill, most useful first for its kind."""
    values = {"skill": label, "occupation": aim.label}
    knowledge = skill.skill_type == Skill.SkillType.KNOWLEDGE
    transversal = skill.is_transversal or skill.reuse_level == "transversal"
    texts = {
        actions.TRAINING: (
            _("Take a course or a continuing education module on %(skill)s.") % values
            if knowledge
            else _("Find a hands-on workshop or course where you practise “%(skill)s”.") % values
        ),
        actions.READING: _(
            "Read a reference guide on %(skill)s and note three ways you would use it as "
            "%(occupation)s."
        )
        % values,
        actions.MENTORING: _(
            "Ask a mentor or someone working as %(occupation)s how they use %(skill)s, and "
            "for constructive feedback on your first attempts."
        )
        % values,
    }
    if related_labels:
        texts[actions.PROJECT] = _(
            "Build on what you already do (%(related)s): take on a small project or volunteer "
            "task where you “%(skill)s”, and keep a record of it as evidence."
        ) % {**values, "related": ", ".join(related_labels[:2])}
    else:
        texts[actions.PROJECT] = (
            _(
                "Take on a small project or volunteer task where you “%(skill)s”, and keep a "
                "record of it as evidence."
            )
            % values
        )
    if knowledge:
        order = [actions.TRAINING, actions.READING, actions.MENTORING]
    elif transversal:
        order = [actions.MENTORING, actions.PROJECT, actions.READING]
    else:
        order = [actions.PROJECT, actions.TRAINING, actions.MENTORING]
    return [
        actions.Suggestion(
            kind=kind,
            text=texts[kind],
            skill_id=skill.pk,
            skill_uri=skill.uri,
            skill_label=label,
            target_id=aim.target_id,
            occupation_id=aim.occupation_id,
            occupation_label=aim.label,
            essential=essential,
        )
        for kind in order
    ]


@dataclass(frozen=True)
class Aim:
    """What a gap is measured against: a target occupation, or another set of required skills
    (an organisation's job role), with the label suggestions use ("someone working as …")."""

    label: str
    target_id: int | None = None
    occupation_id: int | None = None


@dataclass(frozen=True)
class Required:
    skill: Skill  # with top_group selected
    essential: bool


def analyse(target: TargetOccupation, language: str | None = None) -> Gap:
    """The gap between `target.user`'s profile and `target.occupation`. Fixed query count."""
    language = (language or translation.get_language() or "en")[:2]
    links = OccupationSkill.objects.filter(occupation_id=target.occupation_id).select_related(
        "skill", "skill__top_group"
    )
    required = [
        Required(link.skill, link.relation_type == RelationType.ESSENTIAL) for link in links
    ]
    aim = Aim(target.occupation.label(language), target.pk, target.occupation_id)
    result = analyse_required(target.user_id, required, aim, language)
    result.target, result.occupation = target, target.occupation
    return result


def analyse_required(
    user_id: int, required_skills: list["Required"], aim: "Aim", language: str | None = None
) -> Gap:
    """The gap between a person's profile and `required_skills` (a list of `Required`), with
    the development guide. The engine behind `analyse`; an organisation's job role calls it
    with the ESCO skills its competencies map to. Fixed query count."""
    language = (language or translation.get_language() or "en")[:2]
    links = list(required_skills)
    mine = {
        user_skill.skill_id: user_skill
        for user_skill in UserSkill.objects.filter(
            user_id=user_id, skill__isnull=False
        ).select_related("skill")
    }
    required = [link.skill.pk for link in links]

    # Neighbours of each required skill: ESCO relations and broader/narrower skills.
    neighbours = {}  # required skill pk → {neighbour pk: how it relates}
    relations = SkillRelation.objects.filter(
        Q(skill_id__in=required) | Q(related_id__in=required)
    ).values_list("skill_id", "related_id")
    for a, b in relations:
        neighbours.setdefault(a, {}).setdefault(b, "related")
        neighbours.setdefault(b, {}).setdefault(a, "related")
    broader_links = list(
        Skill.broader.through.objects.filter(
            Q(from_skill_id__in=required) | Q(to_skill_id__in=required)
        ).values_list("from_skill_id", "to_skill_id")
    )
    parents = {}
    for narrower, broader in broader_links:
        neighbours.setdefault(narrower, {})[broader] = "broader"
        neighbours.setdefault(broader, {})[narrower] = "narrower"
        parents.setdefault(narrower, set()).add(broader)

    def label_of(skill):
        return skill.label(language)

    statuses = []
    for link in links:
        skill = link.skill
        if skill.pk in mine:
            status, via = COVERED, []
        else:
            via = [
                label_of(mine[pk].skill)
                for pk in sorted(neighbours.get(skill.pk, {}))
                if pk in mine
            ]
            status = PARTIAL if via else MISSING
        statuses.append(
            SkillStatus(
                skill=skill,
                label=label_of(skill),
                essential=link.essential,
                status=status,
                group=skill.top_group.label(language) if skill.top_group_id else "",
                via=via,
            )
        )
    statuses.sort(key=lambda item: (item.group == "", item.group.lower(), item.label.lower()))
    essential = [item for item in statuses if item.essential]
    optional = [item for item in statuses if not item.essential]

    # Hierarchy siblings the person has: same broader skill, or same lowest skill group.
    to_guide = [item for item in essential + optional if item.status != COVERED]
    guided = [item.skill.pk for item in to_guide]
    siblings = {}
    if guided and mine:
        all_parents = {pk for skill_pk in guided for pk in parents.get(skill_pk, ())}
        by_parent = {}
        for narrower, broader in Skill.broader.through.objects.filter(
            to_skill_id__in=all_parents, from_skill_id__in=list(mine)
        ).values_list("from_skill_id", "to_skill_id"):
            by_parent.setdefault(broader, set()).add(narrower)
        for skill_pk in guided:
            for parent in parents.get(skill_pk, ()):
                siblings.setdefault(skill_pk, set()).update(by_parent.get(parent, ()))
        groups_of = {}
        for skill_pk, group_pk in Skill.groups.through.objects.filter(
            skill_id__in=guided
        ).values_list("skill_id", "skillgroup_id"):
            groups_of.setdefault(skill_pk, set()).add(group_pk)
        by_group = {}
        for skill_pk, group_pk in Skill.groups.through.objects.filter(
            skillgroup_id__in={g for groups in groups_of.values() for g in groups},
            skill_id__in=list(mine),
        ).values_list("skill_id", "skillgroup_id"):
            by_group.setdefault(group_pk, set()).add(skill_pk)
        for skill_pk, groups in groups_of.items():
            for group in groups:
                siblings.setdefault(skill_pk, set()).update(by_group.get(group, ()))

    with translation.override(language):
        how = {
            "related": _("related skill"),
            "broader": _("broader skill"),
            "narrower": _("more specific skill"),
            "sibling": _("same family of skills"),
        }
        guide = []
        for item in to_guide:
            related = []
            seen = set()
            for pk, relation in sorted(neighbours.get(item.skill.pk, {}).items()):
                if pk in mine and pk not in seen:
                    seen.add(pk)
                    related.append((label_of(mine[pk].skill), how[relation]))
            for pk in sorted(siblings.get(item.skill.pk, ())):
                if pk in mine and pk not in seen and pk != item.skill.pk:
                    seen.add(pk)
                    related.append((label_of(mine[pk].skill), how["sibling"]))
            related = related[:MAX_RELATED]
            guide.append(
                GuideEntry(
                    skill=item.skill,
                    label=item.label,
                    essential=item.essential,
                    status=item.status,
                    related=related,
                    suggestions=_suggestions(
                        item.skill,
                        item.label,
                        aim,
                        item.essential,
                        [label for label, _how in related],
                    ),
                )
            )
    guide.sort(key=lambda entry: (not entry.essential, entry.status != PARTIAL))
    return Gap(
        target=None,
        occupation=None,
        language=language,
        essential=essential,
        optional=optional,
        guide=guide,
        coverage=coverage_of(
            [item.status for item in essential], [item.status for item in optional]
        ),
    )
