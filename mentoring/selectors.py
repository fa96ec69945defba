"""The database side of matching: what `mentoring.matching` scores, read in fixed queries.

`mentee_facts` and `candidate_profiles` turn a person's targets, goals, preferences and the
mentor profiles into the facts `mentoring.matching` works on; `rank_mentors` applies its hard
filters and explained score to every candidate.
"""

from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q

from accounts.models import User
from core.access import owned
from goals.models import Goal, GoalStatus, Requirement
from mentoring.choices import value_labels
from mentoring.matching import Match, MenteeFacts, exclusion, explain
from mentoring.models import MenteePreferences, MentorProfile, Mentorship
from taxonomy.models import OccupationSkill, RelationType, Skill, UserSkill


def mentee_needs(user: User) -> frozenset[int]:
    """Skill ids `user` needs: target occupations' missing essential skills and goal skills.

    Four queries whatever the number of targets and goals.
    """
    has = set(owned(UserSkill, user).filter(skill__isnull=False).values_list("skill_id", flat=True))
    occupations = set(user.target_occupations.values_list("occupation_id", flat=True))
    goal_rows = (
        owned(Goal, user)
        .filter(status=GoalStatus.ACTIVE)
        .values_list("target_occupation_id", "target_skills")
    )
    needs = set()
    for occupation_id, skill_id in goal_rows:
        if occupation_id:
            occupations.add(occupation_id)
        if skill_id:
            needs.add(skill_id)
    needs |= set(
        owned(Requirement, user)
        .filter(goal__status=GoalStatus.ACTIVE, skill__isnull=False, acquired=False)
        .values_list("skill_id", flat=True)
    )
    if occupations:
        needs |= set(
            OccupationSkill.objects.filter(
                occupation_id__in=occupations, relation_type=RelationType.ESSENTIAL
            ).values_list("skill_id", flat=True)
        )
    return frozenset(needs - has)


def mentee_facts(user: User, needs: Iterable[int] | None = None) -> MenteeFacts:
    preferences = owned(MenteePreferences, user).first()
    if needs is None:
        needs = mentee_needs(user)
    if preferences is None:
        return MenteeFacts(needs=frozenset(needs), languages=(user.language,))
    return preferences.facts(needs)


def neighbours(skill_ids: set[int]) -> dict[int, set[int]]:
    """For each skill, the skills one step up or down the ESCO hierarchy (one query)."""
    through = Skill.broader.through
    result = {}
    rows = through.objects.filter(
        Q(from_skill_id__in=skill_ids) | Q(to_skill_id__in=skill_ids)
    ).values_list("from_skill_id", "to_skill_id")
    for narrower, broader in rows:
        if narrower in skill_ids:
            result.setdefault(narrower, set()).add(broader)
        if broader in skill_ids:
            result.setdefault(broader, set()).add(narrower)
    return result


def candidate_profiles(user: User) -> list[MentorProfile]:
    """Mentor profiles that could take `user` now, with what scoring reads, in fixed queries."""
    already = Mentorship.objects.filter(mentee=user, status__in=Mentorship.OPEN).values("mentor")
    profiles = list(
        MentorProfile.objects.filter(accepting_requests=True)
        .exclude(user=user)
        .exclude(user__in=already)
        .select_related("user")
        .annotate(
            active_count=Count(
                "user__mentorships_as_mentor",
                filter=Q(user__mentorships_as_mentor__status=Mentorship.Status.ACTIVE),
                distinct=True,
            )
        )
        .prefetch_related(Prefetch("skills"), Prefetch("occupations"))
    )
    occupation_ids = {o.pk for p in profiles for o in p.occupations.all()}
    by_occupation = {}
    if occupation_ids:
        for occupation_id, skill_id in OccupationSkill.objects.filter(
            occupation_id__in=occupation_ids, relation_type=RelationType.ESSENTIAL
        ).values_list("occupation_id", "skill_id"):
            by_occupation.setdefault(occupation_id, set()).add(skill_id)
    for profile in profiles:
        expertise = {s.pk for s in profile.skills.all()}
        for occupation in profile.occupations.all():
            expertise |= by_occupation.get(occupation.pk, set())
        profile.expertise_ids = frozenset(expertise)
    return profiles


def rank_mentors(user: User, limit: int | None = None) -> list[Match]:
    """Mentors for `user`, best first, each with its explained score. Hard filters applied."""
    mentee = mentee_facts(user)
    profiles = candidate_profiles(user)
    near_map = neighbours(set(mentee.needs)) if mentee.needs else {}
    facts = []
    shown_skills = set()
    for profile in profiles:
        mentor = profile.facts(active=profile.active_count)
        if exclusion(mentee, mentor) is not None:
            continue
        partial = frozenset(
            need
            for need in mentee.needs - mentor.expertise
            if near_map.get(need, set()) & mentor.expertise
        )
        facts.append((profile, mentor, partial))
        shown_skills |= (mentee.needs & mentor.expertise) | partial
    labels = {s.pk: s.label() for s in Skill.objects.filter(pk__in=shown_skills)}
    values = value_labels()
    matches = []
    for profile, mentor, partial in facts:
        match = explain(mentee, mentor, profile.user.display_name, partial, labels, values)
        match.mentor = profile
        matches.append(match)
    matches.sort(key=lambda m: (-m.score, m.mentor.user.display_name.casefold(), m.mentor.pk))
    return matches[:limit] if limit else matches


def match_for(user: User, profile: MentorProfile) -> Match | None:
    """The explained match of one mentor for `user`, or None when a hard filter excludes them."""
    for match in rank_mentors(user):
        if match.mentor.pk == profile.pk:
            return match
    return None
