"""JSON API of the skills profile, target occupations, gap analysis and transferable skills.

Included by taxonomy.api (taxonomy/api/__init__.py), so paths are full paths
under /api/. Everything is scoped to the signed-in person: another person's object is a 404.
"""

from decimal import Decimal
from typing import Literal

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from core.access import get_owned_or_404, owned
from core.api_schemas import ErrorOut
from taxonomy import gap, profile, transferable
from taxonomy.models import (
    Horizon,
    Occupation,
    Skill,
    SkillEvidence,
    TargetOccupation,
    UserSkill,
)

router = Router(tags=["skills profile"])

EvidenceKind = Literal["job", "project", "training", "feedback"]
HorizonValue = Literal["short", "medium", "long"]


def _language(request):
    return (getattr(request.auth, "language", None) or translation.get_language() or "en")[:2]


class EvidenceIn(Schema):
    kind: EvidenceKind
    description: str = Field(..., min_length=1, max_length=2000)


class EvidenceOut(Schema):
    id: int
    kind: str
    description: str


class UserSkillIn(Schema):
    skill_id: int | None = Field(None, description="An ESCO skill (Skill pk); or give free_text.")
    free_text: str = Field("", max_length=200, description="Mapped to ESCO when close enough.")
    proficiency: int = Field(1, ge=1, le=4, description="1 beginner … 4 expert.")
    years_of_experience: Decimal = Field(Decimal(0), ge=0, le=80, decimal_places=1)
    evidence: list[EvidenceIn] = []


class UserSkillPatch(Schema):
    proficiency: int | None = Field(None, ge=1, le=4)
    years_of_experience: Decimal | None = Field(None, ge=0, le=80, decimal_places=1)
    add_evidence: list[EvidenceIn] = []


class UserSkillOut(Schema):
    id: int
    skill_id: int | None
    skill_uri: str | None
    label: str
    free_text: str
    proficiency: int
    proficiency_label: str
    years_of_experience: float
    evidence: list[EvidenceOut]


class TargetIn(Schema):
    occupation_id: int
    horizon: HorizonValue = "medium"


class TargetPatch(Schema):
    horizon: HorizonValue


class TargetOut(Schema):
    id: int
    occupation_id: int
    occupation_uri: str
    label: str
    horizon: str


class GapSkillOut(Schema):
    skill_id: int
    uri: str
    label: str
    essential: bool
    status: str
    group: str
    via: list[str]


class SuggestionOut(Schema):
    kind: str
    text: str


class GuideEntryOut(Schema):
    skill_id: int
    label: str
    essential: bool
    status: str
    related_skills: list[str]
    suggestions: list[SuggestionOut]


class GapOut(Schema):
    target_id: int
    occupation_id: int
    occupation: str
    coverage: float
    formula: str
    essential: list[GapSkillOut]
    optional: list[GapSkillOut]
    guide: list[GuideEntryOut]


class OverlapOut(Schema):
    skill_id: int
    label: str
    essential: bool
    partial: bool


class RankedOut(Schema):
    occupation_id: int
    uri: str
    label: str
    isco_code: str
    coverage: float
    essential_covered: int
    essential_total: int
    overlap: list[OverlapOut]


def _skill_out(user_skill, language):
    return {
        "id": user_skill.pk,
        "skill_id": user_skill.skill_id,
        "skill_uri": user_skill.skill.uri if user_skill.skill_id else None,
        "label": user_skill.label(language),
        "free_text": user_skill.free_text,
        "proficiency": user_skill.proficiency,
        "proficiency_label": str(user_skill.get_proficiency_display()),
        "years_of_experience": float(user_skill.years_of_experience),
        "evidence": [
            {"id": item.pk, "kind": item.kind, "description": item.description}
            for item in user_skill.evidence.all()
        ],
    }


def _my_skills(request):
    return owned(UserSkill, request.auth).select_related("skill").prefetch_related("evidence")


def _target_out(target, language):
    return {
        "id": target.pk,
        "occupation_id": target.occupation_id,
        "occupation_uri": target.occupation.uri,
        "label": target.occupation.label(language),
        "horizon": target.horizon,
    }


@router.get("/profile/skills", response=list[UserSkillOut])
def list_skills(request):
    """The skills in your profile."""
    language = _language(request)
    with translation.override(language):
        return [_skill_out(item, language) for item in _my_skills(request)]


@router.post("/profile/skills", response={201: UserSkillOut})
def add_skill(request, payload: UserSkillIn):
    """Add an ESCO skill (`skill_id`) or free text; adding a skill you have updates it."""
    language = _language(request)
    skill = None
    if payload.skill_id is not None:
        skill = Skill.objects.filter(pk=payload.skill_id).first()
        if skill is None:
            raise HttpError(400, _("Unknown skill: search the skills to find its id."))
    try:
        user_skill = profile.add_skill(
            request.auth,
            skill=skill,
            free_text=payload.free_text,
            proficiency=payload.proficiency,
            years_of_experience=payload.years_of_experience,
            evidence=[(item.kind, item.description) for item in payload.evidence],
            language=language,
        )
    except profile.ProfileError as error:
        raise HttpError(400, str(error)) from None
    with translation.override(language):
        return Status(201, _skill_out(_my_skills(request).get(pk=user_skill.pk), language))


@router.patch("/profile/skills/{user_skill_id}", response=UserSkillOut)
def update_skill(request, user_skill_id: int, payload: UserSkillPatch):
    """Change the proficiency or years of experience of one of your skills; add evidence."""
    user_skill = get_object_or_404(_my_skills(request), pk=user_skill_id)
    with transaction.atomic():
        fields = ["updated_at"]
        if payload.proficiency is not None:
            user_skill.proficiency = payload.proficiency
            fields.append("proficiency")
        if payload.years_of_experience is not None:
            user_skill.years_of_experience = payload.years_of_experience
            fields.append("years_of_experience")
        user_skill.save(update_fields=fields)
        for item in payload.add_evidence:
            SkillEvidence.objects.create(
                user_skill=user_skill, kind=item.kind, description=item.description.strip()
            )
    language = _language(request)
    with translation.override(language):
        return _skill_out(_my_skills(request).get(pk=user_skill.pk), language)


@router.delete("/profile/skills/{user_skill_id}", response={204: None})
def delete_skill(request, user_skill_id: int):
    """Remove one of your skills (and its evidence)."""
    get_owned_or_404(UserSkill, request.auth, pk=user_skill_id).delete()
    return Status(204, None)


def _my_targets(request):
    return owned(TargetOccupation, request.auth).select_related("occupation")


@router.get("/targets", response=list[TargetOut])
def list_targets(request):
    """Your target occupations."""
    language = _language(request)
    return [_target_out(target, language) for target in _my_targets(request)]


@router.post("/targets", response={201: TargetOut, 200: TargetOut})
def add_target(request, payload: TargetIn):
    """Make an occupation a target (200 and the horizon updated when it already is one)."""
    occupation = Occupation.objects.filter(pk=payload.occupation_id).first()
    if occupation is None:
        raise HttpError(400, _("Unknown occupation: search the occupations to find its id."))
    target, created = profile.add_target(request.auth, occupation, Horizon(payload.horizon))
    target = _my_targets(request).get(pk=target.pk)
    return Status(201 if created else 200, _target_out(target, _language(request)))


@router.patch("/targets/{target_id}", response=TargetOut)
def update_target(request, target_id: int, payload: TargetPatch):
    """Change the horizon of one of your targets."""
    target = get_object_or_404(_my_targets(request), pk=target_id)
    target.horizon = payload.horizon
    target.save(update_fields=["horizon"])
    return _target_out(target, _language(request))


@router.delete("/targets/{target_id}", response={204: None})
def delete_target(request, target_id: int):
    """Stop targeting an occupation."""
    get_owned_or_404(TargetOccupation, request.auth, pk=target_id).delete()
    return Status(204, None)


@router.get("/targets/{target_id}/gap", response=GapOut)
def target_gap(request, target_id: int):
    """Essential and optional skills covered or missing, coverage, and the development guide."""
    target = get_object_or_404(_my_targets(request), pk=target_id)
    language = _language(request)
    analysis = gap.analyse(target, language)

    def skill_out(item):
        return {
            "skill_id": item.skill.pk,
            "uri": item.skill.uri,
            "label": item.label,
            "essential": item.essential,
            "status": item.status,
            "group": item.group,
            "via": item.via,
        }

    weight = transferable.ESSENTIAL_WEIGHT
    return {
        "target_id": target.pk,
        "occupation_id": target.occupation_id,
        "occupation": target.occupation.label(language),
        "coverage": round(analysis.coverage, 4),
        "formula": (
            f"({weight} × essential covered + optional covered) / "
            f"({weight} × essential + optional); partly covered counts "
            f"{transferable.PARTIAL_CREDIT}"
        ),
        "essential": [skill_out(item) for item in analysis.essential],
        "optional": [skill_out(item) for item in analysis.optional],
        "guide": [
            {
                "skill_id": entry.skill.pk,
                "label": entry.label,
                "essential": entry.essential,
                "status": entry.status,
                "related_skills": [label for label, _how in entry.related],
                "suggestions": [
                    {"kind": suggestion.kind, "text": suggestion.text}
                    for suggestion in entry.suggestions
                ],
            }
            for entry in analysis.guide
        ],
    }


@router.get("/transferable", response={200: list[RankedOut], 400: ErrorOut})
def transferable_occupations(
    request, major_group: str = "", limit: int = Query(transferable.DEFAULT_LIMIT, ge=1, le=100)
):
    """Occupations ranked by how well your skills cover them (essential-weighted)."""
    major_group = major_group.strip()
    if major_group and not (len(major_group) == 1 and major_group.isdigit()):
        raise HttpError(400, _("major_group must be one ISCO digit, 0 to 9."))
    results = transferable.rank_for_user(
        request.auth, major_group=major_group or None, limit=limit, language=_language(request)
    )
    return [
        {
            "occupation_id": item.occupation_id,
            "uri": item.uri,
            "label": item.label,
            "isco_code": item.isco_code,
            "coverage": item.coverage,
            "essential_covered": item.essential_covered,
            "essential_total": item.essential_total,
            "overlap": [
                {
                    "skill_id": skill.skill_id,
                    "label": skill.label,
                    "essential": skill.essential,
                    "partial": skill.partial,
                }
                for skill in item.overlap
            ],
        }
        for item in results
    ]
