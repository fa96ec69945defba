import itertools
import json

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from mentoring.cohort import (
    CohortError,
    FeatureScorer,
    check_capacities,
    greedy,
    load_cohort,
    solve,
)
from mentoring.matching import MenteeFacts, MentorFacts, score_parts, total

SKILLS = ["sql", "python", "excel", "stats", "gestion de projet", "etl", "r", "tableau"]
VALUES = ["learning", "integrity", "balance", "service", "autonomy", "security"]
LANGS = ["en", "fr", "es"]
STYLE = {
    "approach": ["directive", "exploratory", "either", ""],
    "channel": ["written", "spoken", "either", ""],
}


def person(draw, kind, i):
    style = {q: draw(st.sampled_from(a)) for q, a in STYLE.items()}
    item = {
        "id": f"{kind}{i}",
        "values": draw(st.lists(st.sampled_from(VALUES), unique=True, max_size=5)),
        "style": style,
        "languages": draw(st.lists(st.sampled_from(LANGS), unique=True, min_size=1, max_size=2)),
    }
    skills = draw(st.lists(st.sampled_from(SKILLS), unique=True, max_size=7))
    if kind == "e":
        item["needs"] = skills
    else:
        item["skills"] = skills
        item["capacity"] = draw(st.integers(0, 2))
    return item


@st.composite
def cohorts(draw, max_mentees=5, max_mentors=3):
    n = draw(st.integers(1, max_mentees))
    m = draw(st.integers(1, max_mentors))
    return {
        "threshold": draw(st.sampled_from([0, 40, 60, 75])),
        "mentees": [person(draw, "e", i) for i in range(n)],
        "mentors": [person(draw, "t", j) for j in range(m)],
    }


def facts(data):
    mentees = [
        MenteeFacts(
            needs=frozenset(x["needs"]),
            values=frozenset(x["values"]),
            style=x["style"],
            languages=tuple(x["languages"]),
        )
        for x in data["mentees"]
    ]
    mentors = [
        MentorFacts(
            key=x["id"],
            expertise=frozenset(x["skills"]),
            values=frozenset(x["values"]),
            style=x["style"],
            languages=tuple(x["languages"]),
            capacity=max(1, x["capacity"]),
        )
        for x in data["mentors"]
    ]
    return mentees, mentors


@settings(max_examples=20, deadline=None)
@given(cohorts(max_mentees=6, max_mentors=4))
def test_it_computes_the_same_score_as_matching_on_matrices(data):
    cohort = load_cohort(data)
    scores, common = FeatureScorer(cohort).block(0, len(data["mentees"]))
    mentees, mentors = facts(data)
    for i, mentee in enumerate(mentees):
        for j, mentor in enumerate(mentors):
            shared = bool(set(mentee.languages) & set(mentor.languages))
            assert common[i, j] == shared
            if shared:
                assert scores[i, j] == pytest.approx(total(score_parts(mentee, mentor)), abs=0.06)


def brute_force(cohort):
    """Best (matched count, total score) over every assignment, by enumeration."""
    scorer = FeatureScorer(cohort)
    scores, common = scorer.block(0, len(cohort.mentee_ids))
    n, m = scores.shape
    options = []
    for i in range(n):
        good = [
            j
            for j in range(m)
            if common[i, j] and scores[i, j] >= cohort.threshold and cohort.capacities[j] > 0
        ]
        options.append([None, *good])
    best = (0, 0.0)
    for choice in itertools.product(*options):
        load = np.bincount([j for j in choice if j is not None], minlength=m)
        if np.any(load > cohort.capacities):
            continue
        count = sum(j is not None for j in choice)
        quality = sum(float(scores[i, j]) for i, j in enumerate(choice) if j is not None)
        if (count, quality) > (best[0], best[1] + 1e-6):
            best = (count, quality)
    return best


@settings(max_examples=25, deadline=None)
@given(cohorts())
def test_it_finds_the_optimum_of_brute_force_and_respects_capacities(data):
    cohort = load_cohort(data)
    result = solve(cohort)
    assert check_capacities(cohort, result)
    count, quality = brute_force(cohort)
    assert len(result.pairs) == count
    assert result.total_quality == pytest.approx(quality, abs=0.1 * max(1, count))
    assert all(score >= cohort.threshold for _e, _t, score in result.pairs)
    assert len(result.pairs) + len(result.unmatched) == len(cohort.mentee_ids)


@settings(max_examples=12, deadline=None)
@given(cohorts(max_mentees=30, max_mentors=8))
def test_it_never_exceeds_a_capacity_and_beats_or_equals_greedy(data):
    cohort = load_cohort(data)
    best, base = solve(cohort, top_k=2), greedy(cohort, top_k=2)
    assert check_capacities(cohort, best)
    assert (len(best.pairs), best.total_quality + 1e-6) >= (len(base.pairs), base.total_quality)


def test_it_says_why_a_mentee_is_not_matched():
    data = {
        "threshold": 50,
        "mentees": [
            {"id": "ana", "needs": ["sql"], "languages": ["en"]},
            {"id": "ben", "needs": ["sql"], "languages": ["en"]},
            {"id": "carla", "needs": ["sql"], "languages": ["es"]},
            {
                "id": "dan",
                "needs": ["cooking"],
                "values": ["service"],
                "languages": ["en"],
                "style": {"approach": "directive"},
            },
        ],
        "mentors": [
            {
                "id": "maria",
                "skills": ["sql"],
                "values": [],
                "languages": ["en"],
                "capacity": 1,
                "style": {"approach": "exploratory"},
            },
        ],
    }
    result = solve(load_cohort(data))
    assert len(result.pairs) == 1
    reasons = dict(result.unmatched)
    assert reasons["carla"] == "no_language"
    assert reasons["dan"] == "below_threshold"
    assert set(reasons) == {"carla", "dan", "ana", "ben"} - {result.pairs[0][0]}
    assert "all_full" in reasons.values()


def test_it_accepts_precomputed_scores():
    data = {
        "mentees": [{"id": "a"}, {"id": "b"}],
        "mentors": [{"id": "x", "capacity": 1}, {"id": "y", "capacity": 1}],
        "scores": [
            {"mentee": "a", "mentor": "x", "score": 90},
            {"mentee": "a", "mentor": "y", "score": 80},
            {"mentee": "b", "mentor": "x", "score": 85},
        ],
    }
    result = solve(load_cohort(data))
    # Greedy would give a→x (90) and leave b out; the optimum matches both.
    assert sorted(result.pairs) == [("a", "y", 80.0), ("b", "x", 85.0)]
    assert len(greedy(load_cohort(data)).pairs) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be a JSON object"),
        ({"mentors": []}, "'mentees' is missing"),
        ({"mentees": [], "mentors": [{"id": "x"}]}, "cohort.mentees: the list is empty"),
        (
            {"mentees": [{"id": "a", "languages": ["en"]}], "mentors": [{"id": "x"}]},
            "mentors[0]: 'capacity' is missing",
        ),
        (
            {
                "mentees": [{"id": "a", "languages": ["en"]}, {"id": "a", "languages": ["en"]}],
                "mentors": [{"id": "x", "capacity": 1, "languages": ["en"]}],
            },
            "used twice",
        ),
        (
            {
                "mentees": [{"id": "a"}],
                "mentors": [{"id": "x", "capacity": 1, "languages": ["en"]}],
            },
            "mentees[0]: 'languages' is missing",
        ),
        (
            {
                "mentees": [{"id": "a", "languages": "en"}],
                "mentors": [{"id": "x", "capacity": 1, "languages": ["en"]}],
            },
            "mentees[0].languages: expected a list of strings",
        ),
        (
            {
                "mentees": [{"id": "a", "languages": ["en"], "style": {"mood": "x"}}],
                "mentors": [{"id": "x", "capacity": 1, "languages": ["en"]}],
            },
            "unknown question 'mood'",
        ),
        (
            {
                "mentees": [{"id": "a", "languages": ["en"]}],
                "mentors": [{"id": "x", "capacity": -1, "languages": ["en"]}],
            },
            "mentors[0].capacity: expected a whole number",
        ),
        (
            {"threshold": 120, "mentees": [{"id": "a"}], "mentors": [{"id": "x", "capacity": 1}]},
            "threshold",
        ),
        (
            {
                "mentees": [{"id": "a"}],
                "mentors": [{"id": "x", "capacity": 1}],
                "scores": [{"mentee": "a", "mentor": "z", "score": 5}],
            },
            "'z' is not in the mentors",
        ),
        (
            {
                "mentees": [{"id": "a"}],
                "mentors": [{"id": "x", "capacity": 1}],
                "scores": [{"mentee": "a", "mentor": "x", "score": "high"}],
            },
            "scores[0].score",
        ),
    ],
)
def test_it_rejects_bad_cohorts_naming_the_problem(data, message):
    with pytest.raises(CohortError, match=None) as error:
        load_cohort(data)
    assert message in str(error.value)


def test_the_command_writes_the_assignment(tmp_path):
    source = tmp_path / "cohort.json"
    source.write_text(
        json.dumps(
            {
                "mentees": [{"id": "ana", "needs": ["SQL"], "languages": ["fr"]}],
                "mentors": [{"id": "maria", "skills": ["sql"], "languages": ["fr"], "capacity": 1}],
            }
        )
    )
    target = tmp_path / "assignment.json"
    call_command("mentoring", "match-cohort", "--input", str(source), "--output", str(target))
    result = json.loads(target.read_text())
    assert result["assignments"] == [{"mentee": "ana", "mentor": "maria", "score": 80.0}]
    assert result["summary"]["matched"] == 1


def test_the_command_reports_invalid_input_clearly(tmp_path):
    source = tmp_path / "cohort.json"
    source.write_text("{not json")
    with pytest.raises(CommandError, match="is not valid JSON"):
        call_command("mentoring", "match-cohort", "--input", str(source), "--output", "-")
    source.write_text(json.dumps({"mentees": [], "mentors": []}))
    with pytest.raises(CommandError, match="the list is empty"):
        call_command("mentoring", "match-cohort", "--input", str(source), "--output", "-")
