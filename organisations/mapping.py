"""Competencies mapped to ESCO skills: suggested by the skill search, confirmed by an
administrator. Only confirmed mappings count in a role's gap and travel in exported files."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from organisations.models import Competency, CompetencySkill, Membership
from organisations.people import OrgError
from taxonomy.models import Skill

SUGGESTIONS = 5
MIN_SCORE = 0.2  # below, a search result is noise (scores are 0..1)
RELATIVE_SCORE = 0.5  # and a suggestion scores at least half as well as the best one


def _require_admin(membership, competency):
    if not membership.is_admin or competency.model.organisation_id != membership.organisation_id:
        raise OrgError(_("Only an administrator of the organisation can do this."))


def search(query: str, language: str, limit: int = SUGGESTIONS) -> list[Skill]:
    """ESCO skills for `query`: the taxonomy's search when its index answers, else labels."""
    from taxonomy import search as skill_search

    try:
        found = skill_search.search_skills(query, language, limit)
    except Exception:  # noqa: BLE001 (no index built yet: fall back to labels below)
        found = []
    # The search ranks every skill: keep those close to the best one, not the whole list.
    floor = max(MIN_SCORE, RELATIVE_SCORE * max((m.score for m in found), default=0))
    ids = [m.concept_id for m in found if m.score >= floor]
    if ids:
        by_id = Skill.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]
    words = [w for w in query.split() if len(w) >= 4][:4] or [query]
    condition = Q()
    for word in words:
        condition |= Q(label_en__icontains=word) | Q(label_fr__icontains=word)
    return list(Skill.objects.filter(condition, retired=False).order_by("label_en")[:limit])


@transaction.atomic
def suggest(membership: Membership, competency: Competency, language: str = "en") -> list[Skill]:
    """Store the search's suggestions for a competency (unconfirmed); return the new ones."""
    _require_admin(membership, competency)
    query = " ".join(filter(None, [competency.name(language), competency.description(language)]))
    existing = set(competency.mappings.values_list("skill_id", flat=True))
    new = [skill for skill in search(query[:300], language) if skill.pk not in existing]
    CompetencySkill.objects.bulk_create(
        CompetencySkill(competency=competency, skill=skill, confirmed=False) for skill in new
    )
    return new


def confirm(
    membership: Membership, competency: Competency, skill_id: int, confirmed: bool = True
) -> Skill | None:
    """Confirm a suggested (or any) ESCO skill for the competency; `confirmed=False` rejects it."""
    _require_admin(membership, competency)
    if confirmed:
        skill = Skill.objects.filter(pk=skill_id).first()
        if skill is None:
            raise OrgError(_("Choose an ESCO skill."))
        CompetencySkill.objects.update_or_create(
            competency=competency, skill=skill, defaults={"confirmed": True}
        )
        return skill
    CompetencySkill.objects.filter(competency=competency, skill_id=skill_id).delete()
    return None
