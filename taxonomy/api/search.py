"""The taxonomy API's search and extraction routes (see taxonomy/api/__init__.py)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from core.api_schemas import ErrorOut
from taxonomy import extraction, search
from taxonomy.models import Occupation

router = Router()  # tagged "taxonomy" by the package


class SearchParams(Schema):
    q: str = Field(..., description="What to look for: a job title, a skill.")
    lang: str = Field("en", pattern="^(en|fr)$", description="Language of the labels shown.")
    limit: int = Field(10, ge=1, le=search.MAX_LIMIT)


class MatchOut(Schema):
    id: int
    uri: str
    label: str
    matched_label: str
    score: float


class OccupationOut(Schema):
    id: int
    uri: str
    label: str
    label_en: str
    label_fr: str
    description: str
    isco_code: str | None
    url: str


class ExtractIn(Schema):
    text: str = Field(..., max_length=extraction.MAX_TEXT_LENGTH)
    lang: str = Field("en", pattern="^(en|fr)$")


class FoundSkillOut(Schema):
    id: int
    uri: str
    label: str
    matched_label: str
    span: str
    start: int
    end: int
    confidence: float


def _query(params):
    query = params.q.strip()
    if not query:
        raise HttpError(400, _("Type something to search for."))
    return query


def _out(matches):
    return [
        MatchOut(
            id=m.concept_id,
            uri=m.uri,
            label=m.label,
            matched_label=m.matched_label,
            score=m.score,
        )
        for m in matches
    ]


@router.get("/occupations", response={200: list[MatchOut], 400: ErrorOut})
def occupations(request, params: Query[SearchParams]):
    """ESCO occupations matching a job title (English or French), best first."""
    return _out(search.search_occupations(_query(params), params.lang, params.limit))


@router.get("/occupations/{occupation_id}", response=OccupationOut)
def occupation(request, occupation_id: int, lang: str = Query("en", pattern="^(en|fr)$")):
    """A short record of one occupation."""
    found = get_object_or_404(Occupation.objects.select_related("isco_group"), pk=occupation_id)
    return OccupationOut(
        id=found.pk,
        uri=found.uri,
        label=found.label(lang),
        label_en=found.label_en,
        label_fr=found.label_fr or found.label_en,
        description=found.description(lang),
        isco_code=found.isco_group.code if found.isco_group_id else None,
        url=reverse("taxonomy:occupation", args=[found.pk]),
    )


@router.get("/skills", response={200: list[MatchOut], 400: ErrorOut})
def skills(request, params: Query[SearchParams]):
    """ESCO skills and knowledge matching a text (English or French), best first."""
    return _out(search.search_skills(_query(params), params.lang, params.limit))


@router.post("/skills/extract", response=list[FoundSkillOut])
def extract(request, payload: ExtractIn):
    """The ESCO skills a CV paragraph or a job posting mentions, with where and how surely."""
    if not payload.text.strip():
        raise HttpError(400, _("Paste a text to find skills in."))
    return [
        FoundSkillOut(
            id=found.concept_id,
            uri=found.uri,
            label=found.label,
            matched_label=found.matched_label,
            span=found.span,
            start=found.start,
            end=found.end,
            confidence=found.confidence,
        )
        for found in extraction.extract_skills(payload.text, payload.lang)
    ]
