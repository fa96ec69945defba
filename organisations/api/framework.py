"""API: competency models (read, import, export), job roles and the caller's gap to one."""

from typing import Any, Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Schema, Status

from core.api_schemas import ValidationErrorOut
from organisations import access, framework, gaps, modelfile, roles
from organisations.api.router import router
from organisations.models import CompetencyModel, JobRole


class OrgModelOut(Schema):
    id: int
    code: str
    name: str
    competencies: int
    roles: int


class OrgImportIn(Schema):
    format: Literal["json", "csv"]
    content: str = Field(..., max_length=modelfile.MAX_BYTES)
    dry_run: bool = True


class OrgImportOut(Schema):
    applied: bool
    model_id: int | None
    new: bool
    counts: dict[str, int]
    added: dict[str, list[str | int]]
    changed: dict[str, list[str | int]]
    removed: dict[str, list[str | int]]


class OrgExpectationOut(Schema):
    competency_id: int
    competency: str
    level: int
    indicators: list[str]


class OrgRoleOut(Schema):
    id: int
    model_id: int
    code: str
    name: str
    track: str
    level: int
    next_level_id: int | None
    expectations: list[OrgExpectationOut]


class OrgCompetencyGapOut(Schema):
    competency_id: int
    competency: str
    expected: int
    self_level: int | None
    manager_level: int | None
    status: Literal["met", "below", "unrated"]


class OrgSuggestionOut(Schema):
    kind: str
    text: str
    skill_id: int


class OrgSkillGapOut(Schema):
    skill_id: int
    label: str
    essential: bool
    status: str


class OrgRoleGapOut(Schema):
    role_id: int
    competencies: list[OrgCompetencyGapOut]
    skills_coverage: float
    skills: list[OrgSkillGapOut]
    guide: list[OrgSuggestionOut]


def _language():
    return (get_language() or "en")[:2]


def _problems(error):
    """A 422 answer listing each problem of a file, with its line where there is one."""
    detail = [
        {
            "loc": ["body", "content", *([problem.line] if problem.line else [])],
            "msg": problem.message,
            "type": "file",
        }
        for problem in error.problems
    ]
    return Status(422, {"detail": detail})


@router.get("/orgs/{slug}/models", response=list[OrgModelOut])
def list_models(request, slug: str):
    membership = access.membership_for(request.auth, slug)
    from django.db.models import Count

    rows = CompetencyModel.objects.filter(organisation_id=membership.organisation_id).annotate(
        n_competencies=Count("competencies", distinct=True), n_roles=Count("roles", distinct=True)
    )
    return [
        {
            "id": m.pk,
            "code": m.code,
            "name": m.name(_language()),
            "competencies": m.n_competencies,
            "roles": m.n_roles,
        }
        for m in rows
    ]


@router.post(
    "/orgs/{slug}/models/import",
    response={200: OrgImportOut, 201: OrgImportOut, 422: ValidationErrorOut},
)
def import_model(request, slug: str, payload: OrgImportIn):
    """Import a competency model file (administrators). With `dry_run` (the default) nothing is
    written: the answer previews what would change. Problems answer 422, each with its line."""
    membership = access.admin_for(request.auth, slug)
    try:
        document = modelfile.read(payload.content, payload.format)
        checked = framework.preview(membership.organisation, document)
        if checked.problems:
            raise modelfile.ImportProblems(checked.problems)
        model = None
        if not payload.dry_run:
            model = framework.apply(membership.organisation, document)
    except modelfile.ImportProblems as error:
        return _problems(error)
    out = {
        "applied": model is not None,
        "model_id": (model or checked.model).pk if (model or checked.model) else None,
        "new": checked.is_new,
        "counts": checked.counts,
        "added": checked.added,
        "changed": checked.changed,
        "removed": checked.removed,
    }
    return Status(201 if model is not None and checked.is_new else 200, out)


@router.get("/orgs/{slug}/models/{model_id}", response=dict[str, Any])
def get_model(request, slug: str, model_id: int):
    """The model as its exchange document (the JSON format of `…/models/import`)."""
    membership = access.membership_for(request.auth, slug)
    model = get_object_or_404(
        CompetencyModel, organisation_id=membership.organisation_id, pk=model_id
    )
    return modelfile.to_data(framework.export_document(model))


@router.get("/orgs/{slug}/roles", response=list[OrgRoleOut])
def list_roles(request, slug: str):
    membership = access.membership_for(request.auth, slug)
    return [
        _role_out(role, with_expectations=False) for role in roles.roles_of(membership.organisation)
    ]


def _role_out(role, with_expectations=True):
    language = _language()
    following = roles.next_level(role) if with_expectations else None
    return {
        "id": role.pk,
        "model_id": role.model_id,
        "code": role.code,
        "name": role.name(language),
        "track": role.track(language),
        "level": role.level,
        "next_level_id": following.pk if following else None,
        "expectations": [
            {
                "competency_id": row.competency_id,
                "competency": row.competency.name(language),
                "level": row.level,
                "indicators": [i.text(language) for i in row.indicators_at_level],
            }
            for row in (roles.expectations(role) if with_expectations else [])
        ],
    }


def _role(membership, role_id):
    return get_object_or_404(
        JobRole.objects.select_related("model"),
        model__organisation_id=membership.organisation_id,
        pk=role_id,
    )


@router.get("/orgs/{slug}/roles/{role_id}", response=OrgRoleOut)
def get_role(request, slug: str, role_id: int):
    membership = access.membership_for(request.auth, slug)
    return _role_out(_role(membership, role_id))


@router.get("/orgs/{slug}/roles/{role_id}/gap", response=OrgRoleGapOut)
def role_gap(request, slug: str, role_id: int):
    """The caller's own gap to a role: competency levels, and ESCO skills with the guide."""
    membership = access.membership_for(request.auth, slug)
    role = _role(membership, role_id)
    language = _language()
    gap = gaps.role_gap(request.auth, role, membership.organisation_id, language)
    return {
        "role_id": role.pk,
        "competencies": [
            {
                "competency_id": item.competency.pk,
                "competency": item.competency.name(language),
                "expected": item.expected,
                "self_level": item.self_level,
                "manager_level": item.manager_level,
                "status": item.status,
            }
            for item in gap.competencies
        ],
        "skills_coverage": round(gap.skills.coverage, 4),
        "skills": [
            {
                "skill_id": item.skill.pk,
                "label": item.label,
                "essential": item.essential,
                "status": item.status,
            }
            for item in gap.skills.essential + gap.skills.optional
        ],
        "guide": [
            {"kind": s.kind, "text": s.text, "skill_id": s.skill_id}
            for entry in gap.skills.guide
            for s in entry.suggestions
        ],
    }
