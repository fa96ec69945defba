"""Programme matching: assign a cohort of mentees to mentors with capacities.

The assignment first gives as many mentees as possible one of their *good* matches (score at or
above the programme's threshold, shared language), then, among those assignments, maximises the
total score. It is an exact min-cost assignment on the candidate graph: each mentor is expanded
into as many slots as places, each mentee gets a private "unmatched" column whose cost is larger
than any possible loss of quality, and scipy's sparse LAPJV
(`min_weight_full_bipartite_matching`) solves it.

For large cohorts the graph keeps each mentee's best `top_k` mentors; a mentee left unmatched
while one of their good mentors still has room gets their full candidate list and the problem is
solved again, so nobody is left out because of the pruning.

Scores come either from features (skills, values, style, languages: the formula of
`mentoring.matching`, computed on whole matrices) or from a precomputed list.
"""

import json
import time
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from core.language import fold
from mentoring.matching import (
    EITHER,
    NEUTRAL,
    OTHER_LANGUAGE_CREDIT,
    SKILLS_FOR_FULL_CREDIT,
    STYLE_QUESTIONS,
    VALUES_FOR_FULL_CREDIT,
    WEIGHTS,
)

DEFAULT_THRESHOLD = 40.0
DEFAULT_TOP_K = 12
EXACT_LIMIT = 250_000  # up to this many mentee × mentor pairs, every pair is a candidate
CHUNK = 2_000
MAX_CAPACITY = 2**62  # places stored as 64-bit integers

REASONS = {
    "no_language": "No mentor with places shares a language with this mentee.",
    "below_threshold": "Every mentor who shares a language scores below the threshold.",
    "all_full": "Every good match's places went to other mentees.",
    "no_scores": "No score was given for this mentee.",
}


class CohortError(ValueError):
    """The cohort file is not valid; the message names the problem and where it is."""


@dataclass
class Cohort:
    mentee_ids: list
    mentor_ids: list
    capacities: np.ndarray
    threshold: float = DEFAULT_THRESHOLD
    features: dict | None = None  # see load_cohort
    scores: sparse.csr_matrix | None = None  # precomputed, mentees × mentors


@dataclass
class Assignment:
    pairs: list  # (mentee id, mentor id, score)
    unmatched: list  # (mentee id, reason code)
    total_quality: float
    seconds: float = 0.0
    stats: dict = field(default_factory=dict)

    def as_json(self):
        return {
            "assignments": [
                {"mentee": m, "mentor": t, "score": round(float(s), 1)} for m, t, s in self.pairs
            ],
            "unmatched": [
                {"mentee": m, "reason": r, "explanation": REASONS[r]} for m, r in self.unmatched
            ],
            "summary": {
                "mentees": self.stats.get("mentees"),
                "mentors": self.stats.get("mentors"),
                "matched": len(self.pairs),
                "unmatched": len(self.unmatched),
                "total_quality": round(float(self.total_quality), 1),
                "mean_quality": round(float(self.total_quality) / len(self.pairs), 1)
                if self.pairs
                else 0.0,
                "threshold": self.stats.get("threshold"),
                "seconds": round(self.seconds, 3),
            },
        }


# Reading and validating -----------------------------------------------------------------------


def _need(obj, key, kind, where):
    if key not in obj:
        raise CohortError(f"{where}: '{key}' is missing.")
    value = obj[key]
    if kind is list and not isinstance(value, list):
        raise CohortError(f"{where}.{key}: expected a list, got {type(value).__name__}.")
    if kind is str and not isinstance(value, str | int):
        raise CohortError(f"{where}.{key}: expected a string, got {type(value).__name__}.")
    return value


def _strings(obj, key, where, required=False):
    if key not in obj:
        if required:
            raise CohortError(f"{where}: '{key}' is missing.")
        return []
    value = obj[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CohortError(f"{where}.{key}: expected a list of strings.")
    return [fold(v) for v in value if v.strip()]


def _style(obj, where):
    style = obj.get("style", {})
    if not isinstance(style, dict):
        raise CohortError(f"{where}.style: expected an object.")
    unknown = set(style) - set(STYLE_QUESTIONS)
    if unknown:
        raise CohortError(
            f"{where}.style: unknown question {sorted(unknown)[0]!r}; "
            f"expected {', '.join(STYLE_QUESTIONS)}."
        )
    out = {}
    for q in STYLE_QUESTIONS:
        answer = style.get(q) or ""
        if not isinstance(answer, str):
            raise CohortError(f"{where}.style.{q}: expected a string.")
        out[q] = fold(answer)
    return out


def read_cohort(raw: bytes, threshold: float | None = None) -> Cohort:
    """The Cohort in `raw`, the bytes of a cohort file (UTF-8 JSON, a BOM allowed), with the
    threshold replaced when one is given; CohortError names what is wrong."""
    try:
        data = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
    except UnicodeDecodeError as error:
        raise CohortError(f"The file is not UTF-8 text (byte {error.start}).") from None
    except json.JSONDecodeError as error:
        raise CohortError(
            f"The file is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        ) from None
    except (ValueError, RecursionError) as error:  # an integer too long, arrays too deep
        detail = "nested too deeply" if isinstance(error, RecursionError) else error
        raise CohortError(f"The file is not valid JSON: {detail}.") from None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise CohortError(
            "The file holds an escaped lone surrogate (\\ud800 to \\udfff), which is not text."
        ) from None
    if threshold is not None and isinstance(data, dict):
        data["threshold"] = threshold
    return load_cohort(data)


def load_cohort(data: object) -> Cohort:
    """Validate a cohort document (see docs/apps/mentoring.md) and return a Cohort."""
    if not isinstance(data, dict):
        raise CohortError("The cohort must be a JSON object with 'mentees' and 'mentors'.")
    threshold = data.get("threshold", DEFAULT_THRESHOLD)
    if not isinstance(threshold, int | float) or isinstance(threshold, bool):
        raise CohortError("threshold: expected a number between 0 and 100.")
    if not 0 <= threshold <= 100:
        raise CohortError("threshold: expected a number between 0 and 100.")
    mentees = _need(data, "mentees", list, "cohort")
    mentors = _need(data, "mentors", list, "cohort")
    if not mentees:
        raise CohortError("cohort.mentees: the list is empty.")
    if not mentors:
        raise CohortError("cohort.mentors: the list is empty.")

    def ids(items, name):
        seen = {}
        for i, item in enumerate(items):
            where = f"{name}[{i}]"
            if not isinstance(item, dict):
                raise CohortError(f"{where}: expected an object.")
            key = str(_need(item, "id", str, where))
            if key in seen:
                raise CohortError(f"{where}.id: {key!r} is used twice (also {name}[{seen[key]}]).")
            seen[key] = i
        return list(seen)

    mentee_ids = ids(mentees, "mentees")
    mentor_ids = ids(mentors, "mentors")
    capacities = []
    for i, mentor in enumerate(mentors):
        capacity = _need(mentor, "capacity", int, f"mentors[{i}]")
        if (
            not isinstance(capacity, int)
            or isinstance(capacity, bool)
            or not 0 <= capacity <= MAX_CAPACITY
        ):
            raise CohortError(f"mentors[{i}].capacity: expected a whole number, 0 or more.")
        capacities.append(capacity)
    cohort = Cohort(
        mentee_ids=mentee_ids,
        mentor_ids=mentor_ids,
        capacities=np.array(capacities, dtype=np.int64),
        threshold=float(threshold),
    )
    if "scores" in data:
        cohort.scores = _load_scores(data["scores"], mentee_ids, mentor_ids)
        return cohort
    cohort.features = {
        "mentees": [
            {
                "needs": _strings(m, "needs", f"mentees[{i}]"),
                "values": _strings(m, "values", f"mentees[{i}]"),
                "style": _style(m, f"mentees[{i}]"),
                "languages": _strings(m, "languages", f"mentees[{i}]", required=True),
            }
            for i, m in enumerate(mentees)
        ],
        "mentors": [
            {
                "skills": _strings(m, "skills", f"mentors[{i}]"),
                "values": _strings(m, "values", f"mentors[{i}]"),
                "style": _style(m, f"mentors[{i}]"),
                "languages": _strings(m, "languages", f"mentors[{i}]", required=True),
            }
            for i, m in enumerate(mentors)
        ],
    }
    for name in ("mentees", "mentors"):
        for i, item in enumerate(cohort.features[name]):
            if not item["languages"]:
                raise CohortError(f"{name}[{i}].languages: give at least one language.")
    return cohort


def _load_scores(rows, mentee_ids, mentor_ids):
    if not isinstance(rows, list):
        raise CohortError("scores: expected a list of {mentee, mentor, score}.")
    mentee_index = {k: i for i, k in enumerate(mentee_ids)}
    mentor_index = {k: i for i, k in enumerate(mentor_ids)}
    r, c, v = [], [], []
    seen = set()
    for n, row in enumerate(rows):
        where = f"scores[{n}]"
        if not isinstance(row, dict):
            raise CohortError(f"{where}: expected an object.")
        mentee = str(_need(row, "mentee", str, where))
        mentor = str(_need(row, "mentor", str, where))
        score = _need(row, "score", float, where)
        if mentee not in mentee_index:
            raise CohortError(f"{where}.mentee: {mentee!r} is not in the mentees list.")
        if mentor not in mentor_index:
            raise CohortError(f"{where}.mentor: {mentor!r} is not in the mentors list.")
        if not isinstance(score, int | float) or isinstance(score, bool) or not 0 <= score <= 100:
            raise CohortError(f"{where}.score: expected a number between 0 and 100.")
        if (mentee, mentor) in seen:
            raise CohortError(f"{where}: the pair {mentee!r}, {mentor!r} is scored twice.")
        seen.add((mentee, mentor))
        r.append(mentee_index[mentee])
        c.append(mentor_index[mentor])
        # Stored +1 so that a score of 0 stays an explicit entry of the sparse matrix.
        v.append(float(score) + 1.0)
    return sparse.csr_matrix((v, (r, c)), shape=(len(mentee_ids), len(mentor_ids)))


# Scoring on matrices --------------------------------------------------------------------------


def _incidence(lists, vocabulary):
    rows, cols = [], []
    for i, items in enumerate(lists):
        for item in set(items):
            rows.append(i)
            cols.append(vocabulary.setdefault(item, len(vocabulary)))
    return rows, cols


def _matrix(rows, cols, n, width):
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(n, width), dtype=np.float32)


class FeatureScorer:
    """The formula of mentoring.matching.score_parts on blocks of mentees × all mentors."""

    def __init__(self, cohort):
        mentees, mentors = cohort.features["mentees"], cohort.features["mentors"]
        self.n, self.m = len(mentees), len(mentors)
        skills, values, languages = {}, {}, {}
        need = _incidence([x["needs"] for x in mentees], skills)
        have = _incidence([x["skills"] for x in mentors], skills)
        self.needs = _matrix(*need, self.n, len(skills))
        self.expertise_t = np.ascontiguousarray(_matrix(*have, self.m, len(skills)).toarray().T)
        self.need_count = np.asarray(self.needs.sum(axis=1), dtype=np.float32).ravel()
        mv = _incidence([x["values"] for x in mentees], values)
        tv = _incidence([x["values"] for x in mentors], values)
        self.mentee_values = _matrix(*mv, self.n, len(values)).toarray()
        self.mentor_values_t = np.ascontiguousarray(_matrix(*tv, self.m, len(values)).toarray().T)
        self.value_count = self.mentee_values.sum(axis=1)
        ml = _incidence([x["languages"] for x in mentees], languages)
        tl = _incidence([x["languages"] for x in mentors], languages)
        self.mentee_languages = _matrix(*ml, self.n, len(languages)).toarray()
        self.mentor_languages_t = np.ascontiguousarray(
            _matrix(*tl, self.m, len(languages)).toarray().T
        )
        self.preferred = np.array([languages[x["languages"][0]] for x in mentees])
        # Style: one-hot of each mentee's stated preferences (no column for "no preference")
        # times, per mentor, which answers they fit ("either" or no answer fits all).
        answers = {}
        for x in mentees:
            for q in STYLE_QUESTIONS:
                a = x["style"][q]
                if a and a != EITHER:
                    answers.setdefault((q, a), len(answers))
        width = max(1, len(answers))
        self.mentee_style = np.zeros((self.n, width), dtype=np.float32)
        for i, x in enumerate(mentees):
            for q in STYLE_QUESTIONS:
                key = (q, x["style"][q])
                if key in answers:
                    self.mentee_style[i, answers[key]] = 1
        self.mentor_style_t = np.zeros((width, self.m), dtype=np.float32)
        for j, x in enumerate(mentors):
            for (q, a), col in answers.items():
                theirs = x["style"][q]
                if not theirs or theirs in (EITHER, a):
                    self.mentor_style_t[col, j] = 1
        self.asked = self.mentee_style.sum(axis=1)
        self._prepare_linear_parts()

    def _prepare_linear_parts(self):
        """Fold values, style, preferred language and constants into one matrix product.

        Each mentee row is scaled so that `linear @ linear_t` gives, per mentor, the points of
        those parts. Values saturate at VALUES_FOR_FULL_CREDIT: mentees with more values than
        that get a correction in `rows`. Skills saturate too and stay a product of their own.
        """
        f32 = np.float32
        count, vcount, asked = self.need_count, self.value_count, self.asked
        self.skill_scale = np.where(
            count > 0,
            f32(WEIGHTS["skills"]) / np.maximum(np.minimum(count, SKILLS_FOR_FULL_CREDIT), 1),
            0,
        ).astype(f32)
        value_scale = np.where(
            vcount > 0,
            f32(WEIGHTS["values"]) / np.maximum(np.minimum(vcount, VALUES_FOR_FULL_CREDIT), 1),
            0,
        ).astype(f32)
        style_scale = np.where(asked > 0, f32(WEIGHTS["style"]) / np.maximum(asked, 1), 0)
        preferred = np.zeros((self.n, self.mentor_languages_t.shape[0]), dtype=f32)
        preferred[np.arange(self.n), self.preferred] = 1
        bias = (
            np.where(count == 0, WEIGHTS["skills"] * NEUTRAL, 0)
            + np.where(vcount == 0, WEIGHTS["values"] * NEUTRAL, 0)
            + np.where(asked == 0, WEIGHTS["style"] * NEUTRAL, 0)
            + WEIGHTS["capacity"]  # at the start of a programme every place is free
        )
        first_points = WEIGHTS["language"] * (1 - OTHER_LANGUAGE_CREDIT)
        self.linear = np.hstack(
            [
                self.mentee_values * value_scale[:, None],
                self.mentee_style * style_scale[:, None].astype(f32),
                preferred * f32(first_points),
                bias[:, None].astype(f32),
            ]
        ).astype(f32)
        self.linear_t = np.vstack(
            [
                self.mentor_values_t,
                self.mentor_style_t,
                self.mentor_languages_t,
                np.ones((1, self.m), dtype=f32),
            ]
        ).astype(f32)
        self.capped_values = vcount > VALUES_FOR_FULL_CREDIT

    def block(self, start, stop):
        """Scores (0–100, float32) and the shared-language mask for mentees start..stop."""
        return self.rows(slice(start, stop))

    def rows(self, rows):
        """Scores and shared-language mask for the mentees `rows` (a slice or an index array)."""
        f32 = np.float32
        rows = np.arange(self.n)[rows] if isinstance(rows, slice) else np.asarray(rows)
        score = self.needs[rows] @ self.expertise_t  # skills covered
        np.minimum(score, f32(SKILLS_FOR_FULL_CREDIT), out=score)
        score *= self.skill_scale[rows][:, None]
        score += self.linear[rows] @ self.linear_t  # values, style, preferred language, constants
        capped = np.flatnonzero(self.capped_values[rows])
        if len(capped):
            shared = self.mentee_values[rows[capped]] @ self.mentor_values_t
            excess = shared - np.minimum(shared, f32(VALUES_FOR_FULL_CREDIT))
            score[capped] -= excess * f32(WEIGHTS["values"] / VALUES_FOR_FULL_CREDIT)
        common = (self.mentee_languages[rows] @ self.mentor_languages_t) > 0
        # Any shared language earns OTHER_LANGUAGE_CREDIT; the preferred one the rest (above).
        score += common * f32(WEIGHTS["language"] * OTHER_LANGUAGE_CREDIT)
        return score, common


# Candidates and solving -----------------------------------------------------------------------


@dataclass
class Candidates:
    """Per mentee: candidate mentors (good matches) as CSR, plus why a mentee has none."""

    indptr: np.ndarray
    mentors: np.ndarray
    scores: np.ndarray
    good_count: np.ndarray  # how many good matches each mentee has in all
    reason: np.ndarray  # for mentees without any good match: reason code index


REASON_CODES = ["", "no_language", "below_threshold", "no_scores"]


def candidates(
    cohort: Cohort, top_k: int, rows: np.ndarray | None = None, full: bool = False
) -> tuple[dict, np.ndarray, np.ndarray]:
    """Each mentee's best `top_k` good matches, or all of them when `full`.

    Returns ({mentee index: (mentor indices, scores)}, good counts, reason codes) for `rows`
    (all mentees by default).
    """
    n, m = len(cohort.mentee_ids), len(cohort.mentor_ids)
    rows = np.arange(n) if rows is None else np.asarray(rows, dtype=np.int64)
    open_mentors = cohort.capacities > 0
    lists = {}
    good_count = np.zeros(n, dtype=np.int64)
    reason = np.zeros(n, dtype=np.int64)
    if cohort.scores is not None:
        matrix = cohort.scores
        for i in rows:
            lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
            cols = matrix.indices[lo:hi]
            vals = matrix.data[lo:hi] - 1.0
            keep = open_mentors[cols]
            cols, vals = cols[keep], vals[keep]
            if len(cols) == 0:
                reason[i] = REASON_CODES.index("no_scores")
            elif not np.any(vals >= cohort.threshold):
                reason[i] = REASON_CODES.index("below_threshold")
            good = vals >= cohort.threshold
            cols, vals = cols[good], vals[good]
            good_count[i] = len(cols)
            if not full and top_k < len(cols):
                best = np.argpartition(-vals, top_k - 1)[:top_k]
                cols, vals = cols[best], vals[best]
            lists[int(i)] = (cols.astype(np.int64), vals.astype(np.float64))
        return lists, good_count, reason
    scorer = FeatureScorer(cohort)
    all_mentors = np.arange(m)
    k = min(top_k, m)
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        block, common = scorer.rows(chunk)
        common &= open_mentors[None, :]
        block[~common] = -1.0
        good = block >= cohort.threshold
        counts = good.sum(axis=1)
        good_count[chunk] = counts
        reason[chunk] = np.where(
            ~common.any(axis=1),
            REASON_CODES.index("no_language"),
            np.where(counts == 0, REASON_CODES.index("below_threshold"), 0),
        )
        if full or k >= m:
            for r, i in enumerate(chunk):
                cols = all_mentors[good[r]]
                lists[int(i)] = (cols, block[r, cols].astype(np.float64))
            continue
        best = np.argpartition(-block, k - 1, axis=1)[:, :k]
        best_scores = np.take_along_axis(block, best, axis=1)
        ok = best_scores >= cohort.threshold
        cuts = np.cumsum(ok.sum(axis=1))[:-1]
        cols_per_row = np.split(best[ok], cuts)
        scores_per_row = np.split(best_scores[ok].astype(np.float64), cuts)
        for i, cols, vals in zip(chunk, cols_per_row, scores_per_row, strict=True):
            lists[int(i)] = (cols, vals)
    return lists, good_count, reason


def _pack(lists, good_count, reason, n):
    mentors = [lists[i][0] for i in range(n)]
    scores = [lists[i][1] for i in range(n)]
    indptr = np.concatenate([[0], np.cumsum([len(x) for x in mentors])]).astype(np.int64)
    return Candidates(
        indptr=indptr,
        mentors=np.concatenate(mentors).astype(np.int64) if n else np.zeros(0, np.int64),
        scores=np.concatenate(scores).astype(np.float64) if n else np.zeros(0),
        good_count=good_count,
        reason=reason,
    )


def _solve_graph(cand, capacities, n):
    """Exact: max number matched, then max total score, on the candidate graph."""
    m = len(capacities)
    degree = np.bincount(cand.mentors, minlength=m)
    slots = np.minimum(capacities, degree)  # more slots than candidates are never used
    offset = np.concatenate([[0], np.cumsum(slots)])
    total_slots = int(offset[-1])
    counts = np.diff(cand.indptr)
    row_of_edge = np.repeat(np.arange(n), counts)
    slot_count = slots[cand.mentors]
    rows = np.repeat(row_of_edge, slot_count)
    first = np.repeat(offset[cand.mentors], slot_count)
    within = np.arange(len(rows)) - np.repeat(np.cumsum(slot_count) - slot_count, slot_count)
    cols = first + within
    # Cost: 101 - score (never 0, which sparse graphs would drop); the unmatched column costs
    # more than any loss of quality a larger matching could bring.
    weights = 101.0 - np.repeat(cand.scores, slot_count)
    unmatched_cost = 101.0 * (n + 1)
    rows = np.concatenate([rows, np.arange(n)])
    cols = np.concatenate([cols, total_slots + np.arange(n)])
    weights = np.concatenate([weights, np.full(n, unmatched_cost)])
    graph = sparse.csr_matrix((weights, (rows, cols)), shape=(n, total_slots + n))
    matched_rows, matched_cols = min_weight_full_bipartite_matching(graph)
    result = np.full(n, -1, dtype=np.int64)
    real = matched_cols < total_slots
    slot_mentor = np.repeat(np.arange(m), slots)
    result[matched_rows[real]] = slot_mentor[matched_cols[real]]
    return result


def solve(cohort: Cohort, top_k: int = DEFAULT_TOP_K, max_rounds: int = 3) -> Assignment:
    """The optimal assignment of `cohort` with its report of unmatched mentees."""
    started = time.perf_counter()
    n, m = len(cohort.mentee_ids), len(cohort.mentor_ids)
    full = n * m <= EXACT_LIMIT
    lists, good_count, reason = candidates(cohort, top_k, full=full)
    cand = _pack(lists, good_count, reason, n)
    expanded = np.full(n, full)
    for _round in range(max_rounds + 1):
        assigned = _solve_graph(cand, cohort.capacities, n)
        # A mentee left out while she has good mentors beyond her list was pruned: widen her
        # list to every good mentor and solve again (only her row is scored again).
        listed = np.diff(cand.indptr)
        retry = (assigned < 0) & (good_count > listed) & ~expanded
        if not retry.any() or _round == max_rounds:
            break
        more, _counts, _reasons = candidates(cohort, top_k, rows=np.flatnonzero(retry), full=True)
        lists.update(more)
        expanded |= retry
        cand = _pack(lists, good_count, reason, n)
    return _report(cohort, cand, assigned, started)


def _report(cohort, cand, assigned, started):
    pairs, unmatched, total_quality = [], [], 0.0
    for i, j in enumerate(assigned):
        if j >= 0:
            lo, hi = cand.indptr[i], cand.indptr[i + 1]
            score = float(cand.scores[lo:hi][cand.mentors[lo:hi] == j][0])
            pairs.append((cohort.mentee_ids[i], cohort.mentor_ids[j], score))
            total_quality += score
        else:
            code = REASON_CODES[cand.reason[i]] or "all_full"
            unmatched.append((cohort.mentee_ids[i], code))
    return Assignment(
        pairs=pairs,
        unmatched=unmatched,
        total_quality=round(total_quality, 1),
        seconds=time.perf_counter() - started,
        stats={
            "mentees": len(cohort.mentee_ids),
            "mentors": len(cohort.mentor_ids),
            "threshold": cohort.threshold,
        },
    )


def greedy(cohort: Cohort, top_k: int = DEFAULT_TOP_K) -> Assignment:
    """The baseline: take the best remaining (mentee, mentor) pair while places remain."""
    started = time.perf_counter()
    n = len(cohort.mentee_ids)
    cand = _pack(*candidates(cohort, top_k), n)
    order = np.argsort(-cand.scores, kind="stable")
    row_of_edge = np.repeat(np.arange(n), np.diff(cand.indptr))
    load = np.zeros(len(cohort.mentor_ids), dtype=np.int64)
    assigned = np.full(n, -1, dtype=np.int64)
    for e in order:
        i, j = row_of_edge[e], cand.mentors[e]
        if assigned[i] < 0 and load[j] < cohort.capacities[j]:
            assigned[i] = j
            load[j] += 1
    return _report(cohort, cand, assigned, started)


def check_capacities(cohort: Cohort, assignment: Assignment) -> bool:
    """True when no mentor has more mentees than places (used by tests and the CLI)."""
    index = {k: i for i, k in enumerate(cohort.mentor_ids)}
    load = np.zeros(len(cohort.mentor_ids), dtype=np.int64)
    for _mentee, mentor, _score in assignment.pairs:
        load[index[mentor]] += 1
    return bool(np.all(load <= cohort.capacities))
