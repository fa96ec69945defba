"""The interview-answer alignment check (jobs/alignment.py), over EN and FR case tables."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobs.alignment import CODES, check_answer
from jobs.tests.alignment_cases_en import CASES as CASES_EN
from jobs.tests.alignment_cases_en import POSTINGS as POSTINGS_EN
from jobs.tests.alignment_cases_fr import CASES as CASES_FR
from jobs.tests.alignment_cases_fr import POSTINGS as POSTINGS_FR


def _ids(cases):
    return [f"{key}:{answer[:50]}" for key, answer, _codes in cases]


def _assert_case(postings, key, answer, expected, lang):
    result = check_answer(postings[key], answer, lang)
    codes = [issue["code"] for issue in result["issues"]]
    assert set(codes) == expected, result
    assert codes == [c for c in CODES if c in codes]  # stable order
    assert result["aligned"] is (not expected)
    if expected:
        # One suggestion per issue, then an example answer.
        assert len(result["suggestions"]) == len(expected) + 1
        assert result["suggestions"][-1].startswith("For example" if lang == "en" else "Par ex")
    else:
        assert result["suggestions"] == []
    return result


@pytest.mark.parametrize(("key", "answer", "expected"), CASES_EN, ids=_ids(CASES_EN))
def test_it_judges_english_answers(key, answer, expected):
    _assert_case(POSTINGS_EN, key, answer, expected, "en")


@pytest.mark.parametrize(("key", "answer", "expected"), CASES_FR, ids=_ids(CASES_FR))
def test_it_judges_french_answers(key, answer, expected):
    _assert_case(POSTINGS_FR, key, answer, expected, "fr")


@pytest.mark.parametrize("cases", [CASES_EN, CASES_FR], ids=["en", "fr"])
def test_the_tables_cover_every_code_and_aligned_answers(cases):
    assert len(cases) >= 30
    seen = {code for _key, _answer, codes in cases for code in codes}
    assert seen == set(CODES)
    assert sum(1 for *_rest, codes in cases if not codes) >= 5
    for code in CODES:  # each code also alone, so it is not only a side effect of another
        assert any(codes == {code} for *_rest, codes in cases), code


def test_it_returns_exactly_the_contract_keys():
    result = check_answer(POSTINGS_EN["nurse"], "I want to be successful.")
    data = json.loads(json.dumps(result))
    assert data == result
    assert set(data) == {"aligned", "issues", "suggestions"}
    assert all(set(issue) == {"code", "message"} for issue in data["issues"])


def test_it_quotes_the_avoidance_and_the_postings_activity():
    answer = "In the next few years I'd like a role that doesn't involve working with customers."
    issue = check_answer(POSTINGS_EN["sales_manager"], answer)["issues"][0]
    assert issue["code"] == "contradicts_role"
    assert "“doesn't involve working with customers”" in issue["message"]
    assert "“customers”" in issue["message"]


def test_it_does_not_take_without_errors_for_avoidance():
    answer = (
        "Within three years I want to become a charge nurse. I will give your patients their "
        "medication without errors, and this job helps me grow my leadership."
    )
    assert check_answer(POSTINGS_EN["nurse"], answer)["aligned"]


def test_it_writes_the_example_answer_from_the_postings_key_terms():
    result = check_answer(POSTINGS_EN["sales_manager"], "I want to be successful.")
    example = result["suggestions"][-1]
    assert "as a sales manager" in example
    assert "customers" in example
    assert "grow revenue and keep your customers loyal" in example
    # The example itself passes the check.
    answer = example.split("“", 1)[1].rstrip("”")
    assert check_answer(POSTINGS_EN["sales_manager"], answer)["aligned"]


def test_it_writes_the_french_example_in_french():
    result = check_answer(POSTINGS_FR["prepose"], "Je veux réussir.", "fr")
    example = result["suggestions"][-1]
    assert "Au cours des trois prochaines années" in example
    assert "préposé aux bénéficiaires" in example
    answer = example.split("«", 1)[1].rsplit("»", 1)[0].strip()
    assert check_answer(POSTINGS_FR["prepose"], answer, "fr")["aligned"]


def test_it_messages_in_the_requested_language():
    en = check_answer(POSTINGS_FR["infirmiere"], "Je veux réussir.", "en")
    fr = check_answer(POSTINGS_FR["infirmiere"], "Je veux réussir.", "fr")
    assert en["issues"][0]["message"].startswith("The answer")
    assert fr["issues"][0]["message"].startswith("La réponse")


def test_it_works_for_a_posting_of_an_unknown_field():
    posting = "Museum guide. Welcome visitors and tell them the history of the collections."
    answer = "I want to be successful."
    result = check_answer(posting, answer)
    assert result["aligned"] is False
    assert "member of your team" not in result["suggestions"][-1]


@pytest.mark.parametrize("answer", ["", "   ", "!!!", "a" * 5000, "less less less moins sans"])
def test_it_never_raises_on_odd_answers(answer):
    result = check_answer(POSTINGS_EN["developer"], answer)
    assert result["aligned"] is False


@settings(max_examples=100, deadline=None)
@given(posting=st.text(max_size=300), answer=st.text(max_size=300))
def test_it_never_raises_on_arbitrary_text(posting, answer):
    data = check_answer(posting, answer)
    assert data["aligned"] is (not data["issues"])
    assert {issue["code"] for issue in data["issues"]} <= set(CODES)
