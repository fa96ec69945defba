"""Transferable experience: which occupations a person's skills already cover, best first.

Every occupation is scored with the same essential-weighted coverage as the gap analysis
(taxonomy.gap): an essential skill weighs ESSENTIAL_WEIGHT, an optional one 1; a skill the
person has counts fully, a skill they only have a neighbour of (broader, narrower or related)
counts PARTIAL_CREDIT.

Occupations × skills and skills × skills are held as scipy sparse matrices, built once per
process from the database and rebuilt when the taxonomy changes (a new `TaxonomyImport`, or a
change in the size of the relation tables): ranking all 3,007 occupations is then two sparse
matrix-vector products.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from accounts.models import User
from core.access import owned
from taxonomy.models import (
    IscoGroup,
    Occupation,
    OccupationSkill,
    RelationType,
    Skill,
    SkillRelation,
    TaxonomyImport,
    UserSkill,
)

if TYPE_CHECKING:  # scipy costs ~1 s to import: only the matrix builder needs it
    from scipy import sparse

ESSENTIAL_WEIGHT = 3
PARTIAL_CREDIT = 0.5
DEFAULT_LIMIT = 25
MAX_LIMIT = 100


@dataclass
class _Matrices:
    fingerprint: tuple
    occupation_ids: np.ndarray  # row → Occupation pk
    skill_index: dict  # Skill pk → column
    skill_ids: np.ndarray  # column → Skill pk
    weights: sparse.csr_matrix  # occupations × skills: ESSENTIAL_WEIGHT or 1
    essential: sparse.csr_matrix  # occupations × skills: 1 where essential
    totals: np.ndarray  # per occupation: sum of weights
    essential_totals: np.ndarray  # per occupation: number of essential skills
    neighbours: sparse.csr_matrix  # skills × skills, symmetric: related or broader/narrower
    major_groups: np.ndarray  # per occupation: ISCO major group digit as a str ("" if none)
    occupations: list  # per row: (uri, label_en, label_fr, isco code)
    skill_labels: list  # per column: (label_en, label_fr)


_cache = {}
_lock = threading.Lock()


def invalidate() -> None:
    """Forget the matrices (the importer calls this; tests that change the taxonomy too)."""
    with _lock:
        _cache.clear()


def _fingerprint():
    """Cheap (index-only) signs that the taxonomy changed: the latest import, the newest link.

    Imports always record a TaxonomyImport; code that edits the tables directly (tests) calls
    invalidate().
    """
    latest = TaxonomyImport.objects.order_by("-id").values_list("id", flat=True).first()
    newest = OccupationSkill.objects.order_by("-id").values_list("id", flat=True).first()
    return (latest, newest)


def _build(fingerprint):
    occupation_rows = list(
        Occupation.objects.order_by("pk").values_list(
            "pk", "uri", "label_en", "label_fr", "isco_group__code"
        )
    )
    occupation_ids = np.array([row[0] for row in occupation_rows], dtype=np.int64)
    occupation_index = {pk: row for row, pk in enumerate(occupation_ids.tolist())}
    major_groups = np.array([(row[4] or "")[:1] for row in occupation_rows], dtype="<U1")
    skill_rows = list(Skill.objects.order_by("pk").values_list("pk", "label_en", "label_fr"))
    skill_ids = np.array([row[0] for row in skill_rows], dtype=np.int64)
    skill_index = {pk: column for column, pk in enumerate(skill_ids.tolist())}
    from scipy import sparse

    shape = (len(occupation_ids), len(skill_ids))

    rows, columns, weights, essentials = [], [], [], []
    for occupation_id, skill_id, kind in OccupationSkill.objects.values_list(
        "occupation_id", "skill_id", "relation_type"
    ):
        rows.append(occupation_index[occupation_id])
        columns.append(skill_index[skill_id])
        is_essential = kind == RelationType.ESSENTIAL
        weights.append(ESSENTIAL_WEIGHT if is_essential else 1)
        essentials.append(1 if is_essential else 0)
    weight_matrix = sparse.csr_matrix(
        (np.array(weights, dtype=np.float32), (rows, columns)), shape=shape
    )
    essential_matrix = sparse.csr_matrix(
        (np.array(essentials, dtype=np.float32), (rows, columns)), shape=shape
    )
    essential_matrix.eliminate_zeros()

    pairs = list(SkillRelation.objects.values_list("skill_id", "related_id"))
    pairs += list(Skill.broader.through.objects.values_list("from_skill_id", "to_skill_id"))
    left = [skill_index[a] for a, b in pairs] + [skill_index[b] for a, b in pairs]
    right = [skill_index[b] for a, b in pairs] + [skill_index[a] for a, b in pairs]
    neighbours = sparse.csr_matrix(
        (np.ones(len(left), dtype=np.float32), (left, right)), shape=(shape[1], shape[1])
    )
    return _Matrices(
        fingerprint=fingerprint,
        occupation_ids=occupation_ids,
        skill_index=skill_index,
        skill_ids=skill_ids,
        weights=weight_matrix,
        essential=essential_matrix,
        totals=np.asarray(weight_matrix.sum(axis=1)).ravel(),
        essential_totals=np.asarray(essential_matrix.sum(axis=1)).ravel(),
        neighbours=neighbours,
        major_groups=major_groups,
        occupations=[(row[1], row[2], row[3], row[4] or "") for row in occupation_rows],
        skill_labels=[(row[1], row[2]) for row in skill_rows],
    )


def matrices() -> _Matrices:
    """The cached matrices, rebuilt when the taxonomy changed."""
    fingerprint = _fingerprint()
    current = _cache.get("matrices")
    if current is not None and current.fingerprint == fingerprint:
        return current
    with _lock:
        current = _cache.get("matrices")
        if current is None or current.fingerprint != fingerprint:
            current = _build(fingerprint)
            _cache["matrices"] = current
    return current


@dataclass(frozen=True)
class OverlapSkill:
    skill_id: int
    label: str
    essential: bool
    partial: bool  # the person has a neighbouring skill, not this one


@dataclass(frozen=True)
class Ranked:
    occupation_id: int
    uri: str
    label: str
    isco_code: str
    coverage: float  # 0..1
    essential_covered: int  # fully covered essential skills
    essential_total: int
    overlap: tuple  # OverlapSkill, the person's skills that count (essential first)

    @property
    def coverage_percent(self):
        return round(self.coverage * 100)


def major_groups(language: str) -> list[tuple[str, str]]:
    """The ISCO major groups, for the filter: [(digit, label)]."""
    return [
        (group.code, group.label(language))
        for group in IscoGroup.objects.filter(code__regex=r"^[0-9]$").order_by("code")
    ]


def rank_skill_ids(
    skill_ids: Iterable[int],
    major_group: str | None = None,
    limit: int = DEFAULT_LIMIT,
    language: str = "en",
) -> list[Ranked]:
    """Rank occupations for a set of ESCO skill pks; return a list of `Ranked`."""
    data = matrices()
    limit = max(1, min(int(limit), MAX_LIMIT))
    columns = [data.skill_index[pk] for pk in set(skill_ids) if pk in data.skill_index]
    if not columns or not len(data.occupation_ids):
        return []
    has = np.zeros(len(data.skill_ids), dtype=np.float32)
    has[columns] = 1.0
    near = (data.neighbours @ has > 0) & (has == 0)
    credit = has + PARTIAL_CREDIT * near.astype(np.float32)
    covered = data.weights @ credit
    with np.errstate(divide="ignore", invalid="ignore"):
        coverage = np.where(data.totals > 0, covered / data.totals, 0.0)
    essential_covered = data.essential @ has
    eligible = coverage > 0
    if major_group:
        eligible &= data.major_groups == str(major_group)[:1]
    candidates = np.flatnonzero(eligible)
    if not len(candidates):
        return []
    # Best coverage first, then more essential skills covered, then the smaller occupation pk.
    order = np.lexsort(
        (data.occupation_ids[candidates], -essential_covered[candidates], -coverage[candidates])
    )
    top = candidates[order[:limit]]
    wanted = set(columns) | set(np.flatnonzero(near).tolist())
    french = language == "fr"
    results = []
    for row in top.tolist():
        uri, label_en, label_fr, isco_code = data.occupations[row]
        start, end = data.weights.indptr[row], data.weights.indptr[row + 1]
        overlap = []
        for column, weight in zip(
            data.weights.indices[start:end].tolist(),
            data.weights.data[start:end].tolist(),
            strict=True,
        ):
            if column not in wanted:
                continue
            skill_en, skill_fr = data.skill_labels[column]
            overlap.append(
                OverlapSkill(
                    skill_id=int(data.skill_ids[column]),
                    label=(skill_fr or skill_en) if french else skill_en,
                    essential=weight == ESSENTIAL_WEIGHT,
                    partial=not has[column],
                )
            )
        overlap.sort(key=lambda item: (item.partial, not item.essential, item.label.lower()))
        results.append(
            Ranked(
                occupation_id=int(data.occupation_ids[row]),
                uri=uri,
                label=(label_fr or label_en) if french else label_en,
                isco_code=isco_code,
                coverage=round(float(coverage[row]), 4),
                essential_covered=int(essential_covered[row]),
                essential_total=int(data.essential_totals[row]),
                overlap=tuple(overlap),
            )
        )
    return results


def rank_for_user(
    user: User, major_group: str | None = None, limit: int = DEFAULT_LIMIT, language: str = "en"
) -> list[Ranked]:
    """Rank occupations for the ESCO skills in `user`'s profile."""
    skill_ids = (
        owned(UserSkill, user).filter(skill__isnull=False).values_list("skill_id", flat=True)
    )
    return rank_skill_ids(list(skill_ids), major_group=major_group, limit=limit, language=language)
