"""Competency models and career frameworks in the database: export, preview and import.

One implementation behind the import page, `POST /api/orgs/{slug}/models/import` and
`parcours org import-model`: a file is read and checked by organisations.modelfile; `preview`
compares its document with the model of the same code in the organisation; `apply` writes it in
one transaction, updating by code so that assessments and people's job roles stay linked.
`export_document` reads a model back: export → import → export gives the same file.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.modelfile import (
    CompetencyDoc,
    Document,
    ImportProblems,
    IndicatorDoc,
    Level,
    Problem,
    RoleDoc,
)
from organisations.models import CompetencyModel, Organisation


def export_document(model: CompetencyModel) -> Document:
    """The Document of a stored model (confirmed ESCO mappings only). Six queries."""
    from organisations.models import CompetencySkill, Expectation, Indicator

    competencies = list(model.competencies.order_by("position", "id"))
    indicators = {}
    for indicator in Indicator.objects.filter(competency__model=model).order_by(
        "competency_id", "level", "position", "id"
    ):
        indicators.setdefault(indicator.competency_id, []).append(indicator)
    skills = {}
    for competency_id, uri in (
        CompetencySkill.objects.filter(competency__model=model, confirmed=True)
        .order_by("competency_id", "id")
        .values_list("competency_id", "skill__uri")
    ):
        skills.setdefault(competency_id, []).append(uri)
    codes = {c.pk: c.code for c in competencies}
    position = {c.pk: c.position for c in competencies}
    expectations = {}
    for expectation in Expectation.objects.filter(role__model=model).order_by("id"):
        expectations.setdefault(expectation.role_id, []).append(expectation)
    return Document(
        code=model.code,
        name_en=model.name_en,
        name_fr=model.name_fr,
        description_en=model.description_en,
        description_fr=model.description_fr,
        levels=[
            Level(lv.level, lv.name_en, lv.name_fr, lv.description_en, lv.description_fr)
            for lv in model.levels.order_by("level")
        ],
        competencies=[
            CompetencyDoc(
                c.code,
                c.name_en,
                c.name_fr,
                c.description_en,
                c.description_fr,
                indicators=[
                    IndicatorDoc(i.level, i.text_en, i.text_fr) for i in indicators.get(c.pk, [])
                ],
                esco_skills=skills.get(c.pk, []),
            )
            for c in competencies
        ],
        roles=[
            RoleDoc(
                r.code,
                r.name_en,
                r.name_fr,
                r.description_en,
                r.description_fr,
                r.track_en,
                r.track_fr,
                r.level,
                expectations=[
                    (codes[e.competency_id], e.level)
                    for e in sorted(
                        expectations.get(r.pk, []), key=lambda e: (position[e.competency_id], e.pk)
                    )
                ],
            )
            for r in model.roles.order_by("position", "id")
        ],
    )


@dataclass
class Preview:
    """What an import would change, and what would stop it."""

    document: Document
    model: object  # the existing CompetencyModel with that code, or None
    added: dict  # kind -> [codes or levels]
    changed: dict
    removed: dict
    problems: list  # Problem: removals that would lose people's data

    @property
    def is_new(self):
        return self.model is None

    @property
    def counts(self):
        return {
            "levels": len(self.document.levels),
            "competencies": len(self.document.competencies),
            "indicators": sum(len(c.indicators) for c in self.document.competencies),
            "esco_skills": sum(len(c.esco_skills) for c in self.document.competencies),
            "roles": len(self.document.roles),
            "expectations": sum(len(r.expectations) for r in self.document.roles),
        }

    @property
    def unchanged(self):
        return self.model is not None and not any(
            self.added[k] or self.changed[k] or self.removed[k] for k in self.added
        )


def preview(organisation: Organisation, document: Document) -> Preview:
    """Compare `document` with the organisation's model of the same code."""
    from organisations.models import Assessment, CompetencyModel, Membership, Rating

    model = CompetencyModel.objects.filter(organisation=organisation, code=document.code).first()
    kinds = ("levels", "competencies", "roles")
    added = {k: [] for k in kinds}
    changed = {k: [] for k in kinds}
    removed = {k: [] for k in kinds}
    problems = []
    if model is None:
        added["levels"] = [level.level for level in document.levels]
        added["competencies"] = [c.code for c in document.competencies]
        added["roles"] = [r.code for r in document.roles]
        return Preview(document, None, added, changed, removed, problems)
    stored = export_document(model)
    for kind, key in (("levels", "level"), ("competencies", "code"), ("roles", "code")):
        old = {getattr(item, key): item for item in getattr(stored, kind)}
        new = {getattr(item, key): item for item in getattr(document, kind)}
        added[kind] = [k for k in new if k not in old]
        removed[kind] = [k for k in old if k not in new]
        changed[kind] = [k for k in new if k in old and new[k] != old[k]]
    if removed["competencies"]:
        used = (
            Rating.objects.filter(
                competency__model=model, competency__code__in=removed["competencies"]
            )
            .values("competency__code")
            .annotate(n=Count("assessment", distinct=True))
        )
        for row in used:
            problems.append(
                Problem(
                    None,
                    _(
                        "The competency “%(code)s” is rated in %(count)s assessments: keep it "
                        "in the file."
                    )
                    % {"code": row["competency__code"], "count": row["n"]},
                )
            )
    if removed["roles"]:
        in_assessments = dict(
            Assessment.objects.filter(role__model=model, role__code__in=removed["roles"])
            .values("role__code")
            .annotate(n=Count("id"))
            .values_list("role__code", "n")
        )
        held = dict(
            Membership.objects.active()
            .filter(job_role__model=model, job_role__code__in=removed["roles"])
            .values("job_role__code")
            .annotate(n=Count("id"))
            .values_list("job_role__code", "n")
        )
        for code in removed["roles"]:
            if in_assessments.get(code) or held.get(code):
                problems.append(
                    Problem(
                        None,
                        _(
                            "The role “%(code)s” is held by %(people)s people and used in "
                            "%(count)s assessments: keep it in the file."
                        )
                        % {
                            "code": code,
                            "people": held.get(code, 0),
                            "count": in_assessments.get(code, 0),
                        },
                    )
                )
    return Preview(document, model, added, changed, removed, problems)


@transaction.atomic
def apply(organisation: Organisation, document: Document) -> CompetencyModel:
    """Write `document` into the organisation (create or update by code); return the model.

    Refuses, changing nothing, when a removal would lose people's data (see `preview`).
    """
    checked = preview(organisation, document)
    if checked.problems:
        raise ImportProblems(checked.problems)
    try:
        with transaction.atomic():
            return _write(organisation, document, checked.model)
    except ProtectedError:
        # Someone rated a competency (or used a role) between the preview and now.
        raise ImportProblems(
            [Problem(None, _("The model changed while importing: preview the file again."))]
        ) from None


def _write(organisation, document, model):
    from organisations.models import (
        Competency,
        CompetencyModel,
        CompetencySkill,
        Expectation,
        Indicator,
        JobRole,
        ProficiencyLevel,
    )
    from taxonomy.models import Skill

    fields = {
        "name_en": document.name_en,
        "name_fr": document.name_fr,
        "description_en": document.description_en,
        "description_fr": document.description_fr,
        "updated_at": timezone.now(),
    }
    if model is None:
        model = CompetencyModel.objects.create(
            organisation=organisation, code=document.code, **fields
        )
    else:
        CompetencyModel.objects.filter(pk=model.pk).update(**fields)
        model.refresh_from_db()

    model.levels.all().delete()
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(
            model=model,
            level=lv.level,
            name_en=lv.name_en,
            name_fr=lv.name_fr,
            description_en=lv.description_en,
            description_fr=lv.description_fr,
        )
        for lv in document.levels
    )

    competencies = _sync(
        Competency,
        model,
        [
            (
                c.code,
                {
                    "name_en": c.name_en,
                    "name_fr": c.name_fr,
                    "description_en": c.description_en,
                    "description_fr": c.description_fr,
                    "position": index,
                },
            )
            for index, c in enumerate(document.competencies)
        ],
    )
    Indicator.objects.filter(competency__model=model).delete()
    Indicator.objects.bulk_create(
        Indicator(
            competency=competencies[c.code],
            level=i.level,
            text_en=i.text_en,
            text_fr=i.text_fr,
            position=index,
        )
        for c in document.competencies
        for index, i in enumerate(c.indicators)
    )
    skill_ids = dict(
        Skill.objects.filter(
            uri__in={uri for c in document.competencies for uri in c.esco_skills}
        ).values_list("uri", "pk")
    )
    wanted = {
        (competencies[c.code].pk, skill_ids[uri])
        for c in document.competencies
        for uri in c.esco_skills
    }
    mappings = CompetencySkill.objects.filter(competency__model=model)
    existing = {(m.competency_id, m.skill_id): m for m in mappings}
    mappings.filter(confirmed=True).exclude(
        pk__in=[m.pk for key, m in existing.items() if key in wanted]
    ).delete()
    mappings.filter(
        pk__in=[m.pk for key, m in existing.items() if key in wanted and not m.confirmed]
    ).update(confirmed=True)
    # Kept in file order, so that an export lists them as the file did.
    CompetencySkill.objects.bulk_create(
        CompetencySkill(competency=competencies[c.code], skill_id=skill_ids[uri], confirmed=True)
        for c in document.competencies
        for uri in c.esco_skills
        if (competencies[c.code].pk, skill_ids[uri]) not in existing
    )

    roles = _sync(
        JobRole,
        model,
        [
            (
                r.code,
                {
                    "name_en": r.name_en,
                    "name_fr": r.name_fr,
                    "description_en": r.description_en,
                    "description_fr": r.description_fr,
                    "track_en": r.track_en,
                    "track_fr": r.track_fr,
                    "level": r.level,
                    "position": index,
                },
            )
            for index, r in enumerate(document.roles)
        ],
    )
    Expectation.objects.filter(role__model=model).delete()
    Expectation.objects.bulk_create(
        Expectation(role=roles[r.code], competency=competencies[code], level=level)
        for r in document.roles
        for code, level in r.expectations
    )
    return model


def _sync(model_class, model, items):
    """Create, update and delete `model_class` rows of `model` to match [(code, fields)]."""
    stored = {row.code: row for row in model_class.objects.filter(model=model)}
    wanted = dict(items)
    model_class.objects.filter(model=model).exclude(code__in=list(wanted)).delete()
    to_update, to_create = [], []
    for code, fields in items:
        row = stored.get(code)
        if row is None:
            to_create.append(model_class(model=model, code=code, **fields))
            continue
        if any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            to_update.append(row)
    if to_update:
        model_class.objects.bulk_update(to_update, list(items[0][1]))
    model_class.objects.bulk_create(to_create)
    return {row.code: row for row in model_class.objects.filter(model=model)}
