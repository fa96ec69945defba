"""Every example answer the coach proposes passes the coach (jobs/example_answer.py).

Over every posting of every case set (tuning, development and held-out), in both languages,
and over postings generated from their titles and duties in other orders and combinations.
The taxonomy is empty here (degraded mode); bench/interview_coach.py runs the same property
on the real ESCO.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobs.alignment import check_answer, judge
from jobs.example_answer import example_answer
from jobs.posting_core import sentences_of
from jobs.tests import (
    alignment_cases_en,
    alignment_cases_fr,
    alignment_dev2,
    alignment_dev_en,
    alignment_dev_fr,
    alignment_fresh_en,
    alignment_fresh_fr,
)

pytestmark = pytest.mark.django_db

POSTINGS = {
    f"{module.__name__.rsplit('.', 1)[-1]}:{key}": text
    for module in (
        alignment_cases_en,
        alignment_cases_fr,
        alignment_dev_en,
        alignment_dev_fr,
        alignment_dev2,
        alignment_fresh_en,
        alignment_fresh_fr,
    )
    for key, text in module.POSTINGS.items()
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("key", sorted(POSTINGS))
def test_the_example_for_every_posting_passes_the_check(key, lang):
    example = example_answer(POSTINGS[key], lang, judge)
    assert judge(POSTINGS[key], example, lang) == [], example


def test_the_example_is_the_last_suggestion_and_in_the_answers_language():
    result = check_answer(alignment_cases_fr.POSTINGS["prepose"], "Je veux réussir.", "fr")
    example = result["suggestions"][-1]
    assert example.startswith("Par exemple")
    assert "Au cours des trois prochaines années" in example
    assert "préposé aux bénéficiaires" in example
    answer = example.split("«", 1)[1].rsplit("»", 1)[0].strip()
    assert check_answer(alignment_cases_fr.POSTINGS["prepose"], answer, "fr")["aligned"]


def test_the_example_quotes_the_postings_duties_as_the_employers():
    posting = alignment_cases_en.POSTINGS["cook"]  # "…serve our guests quickly."
    example = example_answer(posting, "en", judge)
    assert "line cook" in example
    assert "your guests" in example
    assert not re.search(r"\bour guests\b", example)


# Generated postings: a title from one posting, duty sentences from others, in any order.
_TITLES = sorted({sentences_of(text)[0] for text in POSTINGS.values()})
_SENTENCES = sorted({sentence for text in POSTINGS.values() for sentence in sentences_of(text)[1:]})


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    title=st.sampled_from(_TITLES),
    body=st.lists(st.sampled_from(_SENTENCES), min_size=0, max_size=4, unique=True),
    lang=st.sampled_from(["en", "fr"]),
)
def test_the_example_passes_for_generated_postings(title, body, lang):
    posting = ". ".join([title, *body])
    example = example_answer(posting, lang, judge)
    assert judge(posting, example, lang) == [], (posting, example)
