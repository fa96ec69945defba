"""A person's skills profile and target occupations: the rules the pages, the API and the demo
share.

Free text is mapped to an ESCO skill when the search finds one whose label matches it closely
(accents, case and punctuation aside); otherwise it is kept as the person typed it.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.db import IntegrityError, transaction
from rapidfuzz import fuzz

from accounts.models import User
from core.language import fold_words
from taxonomy.models import Occupation, Skill, SkillEvidence, TargetOccupation, UserSkill

# How close (0–100, rapidfuzz ratio on folded text) a typed skill must be to an ESCO label to
# be mapped to it.
MAPPING_THRESHOLD = 90


class ProfileError(ValueError):
    """A change the profile refuses; the message is for the person (already translated)."""


def search_skills(query: str, language: str, limit: int = 8) -> list:
    """ESCO skills matching `query` (taxonomy.search when it is available), best first."""
    try:
        from taxonomy.search import search_skills as search
    except ImportError:  # pragma: no cover - the search module ships with the app
        return []
    return search(query, lang=language, limit=limit)


def map_free_text(text: str, language: str) -> Skill | None:
    """The ESCO Skill whose label closely matches `text`, or None."""
    folded = fold_words(text)
    if not folded:
        return None
    for match in search_skills(text, language, limit=5):
        for candidate in (match.matched_label, match.label):
            if fuzz.ratio(folded, fold_words(candidate)) >= MAPPING_THRESHOLD:
                return Skill.objects.filter(pk=match.concept_id).first()
    return None


def add_skill(
    user: User,
    *,
    skill: Skill | None = None,
    free_text: str = "",
    proficiency: int,
    years_of_experience: Decimal | float = 0,
    evidence: Iterable[tuple[str, str]] = (),
    language: str = "en",
) -> UserSkill:
    """Add a skill to `user`'s profile; return the UserSkill.

    With `free_text` and no `skill`, the text is mapped to ESCO when a close match exists.
    Adding an ESCO skill already in the profile updates it instead of failing.
    """
    from django.utils.translation import gettext as _

    free_text = (free_text or "").strip()
    if skill is None and not free_text:
        raise ProfileError(_("Choose a skill from the list or type one."))
    if skill is None:
        skill = map_free_text(free_text, language)
        if skill is None:
            duplicate = UserSkill.objects.filter(
                user=user, skill__isnull=True, free_text__iexact=free_text
            ).first()
            if duplicate:
                raise ProfileError(_("This skill is already in your profile."))
    with transaction.atomic():
        if skill is not None:
            user_skill, _created = UserSkill.objects.get_or_create(
                user=user,
                skill=skill,
                defaults={"proficiency": proficiency, "years_of_experience": years_of_experience},
            )
            if not _created:
                user_skill.proficiency = proficiency
                user_skill.years_of_experience = Decimal(str(years_of_experience))
                user_skill.save(update_fields=["proficiency", "years_of_experience", "updated_at"])
        else:
            user_skill = UserSkill.objects.create(
                user=user,
                free_text=free_text,
                proficiency=proficiency,
                years_of_experience=years_of_experience,
            )
        for kind, description in evidence:
            if (description or "").strip():
                SkillEvidence.objects.create(
                    user_skill=user_skill, kind=kind, description=description.strip()
                )
    return user_skill


def add_target(user: User, occupation: Occupation, horizon: str) -> tuple[TargetOccupation, bool]:
    """Make `occupation` a target of `user` (or change its horizon); return (target, created)."""
    try:
        with transaction.atomic():
            target, created = TargetOccupation.objects.get_or_create(
                user=user, occupation=occupation, defaults={"horizon": horizon}
            )
    except IntegrityError:  # two clicks at once
        target, created = TargetOccupation.objects.get(user=user, occupation=occupation), False
    if not created and target.horizon != horizon:
        target.horizon = horizon
        target.save(update_fields=["horizon"])
    return target, created
