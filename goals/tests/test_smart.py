"""The SMART check (goals/smart.py): case tables in English and French, profiles, suggestions."""

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goals.smart import Profile, check, detect_language
from goals.tests.smart_cases_en import CASES as CASES_EN
from goals.tests.smart_cases_fr import CASES as CASES_FR

KEYS = {"lang", "criteria", "horizon", "suggestions"}
CRITERIA = {"specific", "measurable", "achievable", "relevant", "time_bound"}


def _assert_case(text, today, expected, lang):
    result = check(text, lang=lang, today=dt.date.fromisoformat(today)).as_dict()
    criteria = result["criteria"]
    for key in ("specific", "measurable", "time_bound"):
        if key in expected:
            assert criteria[key]["met"] is expected[key], (key, criteria[key])
    if "deadline" in expected:
        assert criteria["time_bound"]["deadline"] == expected["deadline"], criteria["time_bound"]
    if "horizon" in expected:
        assert result["horizon"] == expected["horizon"]
    # Every unmet criterion comes with a suggestion, and the last one is a rewritten goal.
    unmet = [k for k in ("specific", "measurable", "time_bound") if criteria[k]["met"] is False]
    if unmet:
        assert result["suggestions"], result
        assert result["suggestions"][-1].startswith(
            "For example" if lang == "en" else "Par exemple"
        )
    else:
        assert result["suggestions"] == []
    return result


@pytest.mark.parametrize(("text", "today", "expected"), CASES_EN, ids=[c[0] for c in CASES_EN])
def test_it_judges_english_goals(text, today, expected):
    _assert_case(text, today, expected, "en")


@pytest.mark.parametrize(("text", "today", "expected"), CASES_FR, ids=[c[0] for c in CASES_FR])
def test_it_judges_french_goals(text, today, expected):
    _assert_case(text, today, expected, "fr")


def test_it_has_at_least_forty_cases_per_language():
    assert len(CASES_EN) >= 40
    assert len(CASES_FR) >= 40


def test_it_returns_exactly_the_contract_keys():
    result = check("Get my PMP certification by 2027-06-30", today=dt.date(2026, 11, 22))
    data = json.loads(json.dumps(result.as_dict()))
    assert set(data) == KEYS
    assert set(data["criteria"]) == CRITERIA
    for key in CRITERIA:
        expected = {"met", "reason", "deadline"} if key == "time_bound" else {"met", "reason"}
        assert set(data["criteria"][key]) == expected
    assert data["lang"] == "en"


def test_it_explains_in_the_persons_language():
    result = check("M'améliorer", lang="fr", today=dt.date(2026, 11, 22)).as_dict()
    assert "ne dit pas" in result["criteria"]["specific"]["reason"]
    assert "M'améliorer" in result["criteria"]["specific"]["reason"]  # quoted as written
    assert result["criteria"]["achievable"]["met"] is None
    assert "profil" in result["criteria"]["achievable"]["reason"]


def test_it_says_someday_is_not_a_deadline():
    reason = check("Become a nurse someday", today=dt.date(2026, 11, 22)).as_dict()["criteria"][
        "time_bound"
    ]["reason"]
    assert "someday" in reason and "not a deadline" in reason
    reason = check("Devenir infirmière un jour", "fr", dt.date(2026, 11, 22)).time_bound.reason
    assert "un jour" in reason and "pas une échéance" in reason


def test_it_says_a_past_deadline_is_past():
    result = check("Pass the CPA exam by March 2026", today=dt.date(2026, 11, 22))
    assert result.time_bound.met is False
    assert "already past" in result.time_bound.reason
    assert result.horizon is None


def test_it_rewrites_a_vague_management_goal_into_a_smart_one():
    result = check("Get better at management", today=dt.date(2026, 6, 15))
    example = result.suggestions[-1]
    assert "40-hour team-leadership course" in example
    assert "lead one project team of 3+ people by 2027-06-30" in example
    # The rewritten goal passes the check itself.
    rewritten = example.split("“", 1)[1].rstrip("”")
    again = check(rewritten, today=dt.date(2026, 6, 15))
    assert again.specific.met and again.measurable.met and again.time_bound.met


def test_it_keeps_the_persons_words_in_the_rewrite():
    result = check("Devenir infirmière un jour", "fr", dt.date(2026, 11, 22))
    assert "Devenir infirmière d'ici le 2027-11-30" in result.suggestions[-1]
    assert "un jour" not in result.suggestions[-1]


def test_it_needs_a_profile_for_achievable_and_relevant():
    result = check("Become a nurse by 2028", today=dt.date(2026, 11, 22))
    assert result.achievable.met is None and "profile" in result.achievable.reason
    assert result.relevant.met is None and "profile" in result.relevant.reason


def test_it_judges_achievable_from_hours_per_week_and_says_the_numbers():
    profile = Profile(hours_per_week=5, estimated_effort_hours=100)
    ok = check("Pass the CPA exam by 2027-06-30", today=dt.date(2026, 11, 22), profile=profile)
    assert ok.achievable.met is True
    assert "100 hours" in ok.achievable.reason and "5 hours a week" in ok.achievable.reason
    short = check("Pass the CPA exam by 2026-12-06", today=dt.date(2026, 11, 22), profile=profile)
    assert short.achievable.met is False
    assert "only 10 hours" in short.achievable.reason
    assert any("2027-04-11" in s for s in short.suggestions)  # 20 weeks after today


def test_it_reads_the_effort_from_the_goal_when_the_profile_has_none():
    profile = Profile(hours_per_week=2)
    result = check(
        "Complete a 120-hour Python course by 2027-01-31", today=dt.date(2026, 11, 22),
        profile=profile,
    )  # fmt: skip
    assert result.achievable.met is False
    assert "120 hours" in result.achievable.reason


def test_it_asks_for_an_estimate_when_the_effort_is_unknown():
    result = check(
        "Become a welder by 2027", today=dt.date(2026, 11, 22), profile=Profile(hours_per_week=4)
    )
    assert result.achievable.met is None
    assert any("Estimate the hours" in s for s in result.suggestions)


def test_it_finds_relevance_in_skills_and_targets_across_languages():
    profile = Profile(hours_per_week=3, skills=["tenue de livres"], targets=["comptable"])
    target = check("Obtenir mon titre de comptable CPA d'ici 2029", "fr", profile=profile)
    assert target.relevant.met is True and "comptable" in target.relevant.reason
    # No word in common, another language: the sentence encoder reads the meaning.
    english = check("Take a bookkeeping course by 2029", "en", profile=profile)
    assert english.relevant.met is True
    unrelated = check("Become a welder by 2029", "en", profile=profile)
    assert unrelated.relevant.met is False
    assert "comptable" in unrelated.relevant.reason


def test_it_matches_feminine_and_plural_forms_for_relevance():
    profile = Profile(hours_per_week=3, targets=["infirmier"])
    result = check("Devenir infirmière clinicienne d'ici 2029", "fr", profile=profile)
    assert result.relevant.met is True


def test_it_uses_the_experience_text_for_relevance():
    profile = Profile(hours_per_week=3, experience="Five years in warehouse inventory")
    result = check("Become an inventory planner by 2028", profile=profile)
    assert result.relevant.met is True and "inventory" in result.relevant.reason


def test_it_uses_a_deadline_given_apart_from_the_text():
    result = check(
        "Become a nurse", today=dt.date(2026, 11, 22), deadline=dt.date(2027, 6, 30)
    ).as_dict()
    assert result["criteria"]["time_bound"] == {
        "met": True,
        "reason": "Deadline: 2027-06-30 (from the deadline field).",
        "deadline": "2027-06-30",
    }
    assert result["horizon"] == "short"


def test_it_counts_occupation_hits_as_specific():
    plain = check("Work in the field I love by 2028")
    assert plain.specific.met is False
    hit = check("Work in the field I love by 2028", occupation_hits=["museum curator"])
    assert hit.specific.met is True


def test_it_handles_empty_text():
    result = check("", today=dt.date(2026, 11, 22))
    assert result.specific.met is False
    assert result.time_bound.met is False


def test_it_guesses_the_language_when_asked():
    assert detect_language("Obtenir mon DEC d'ici mars 2027") == "fr"
    assert detect_language("Get my degree by March 2027") == "en"
    assert check("Obtenir mon DEC d'ici mars 2027", lang="auto").lang == "fr"


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), lang=st.sampled_from(["en", "fr"]))
def test_it_never_raises_and_always_keeps_the_contract(text, lang):
    data = check(text, lang=lang, today=dt.date(2026, 11, 22)).as_dict()
    assert set(data) == KEYS
    assert all(data["criteria"][k]["met"] in (True, False, None) for k in CRITERIA)
    assert all(data["criteria"][k]["reason"] for k in CRITERIA)


def test_it_accepts_a_concrete_action_and_quotes_its_object():
    result = check("Organiser une journée portes ouvertes pour mon association d'ici 2027", "fr")
    assert result.specific.met is True
    assert "Organiser" in result.specific.reason
    assert "une journée portes ouvertes" in result.specific.reason


def test_it_reads_the_effort_with_the_thousands_of_both_locales():
    profile = Profile(hours_per_week=10)
    today = dt.date(2026, 5, 20)
    french = check(
        "Obtenir un poste de préposée après une formation de 1 200 heures d'ici 2028",
        "fr", today, profile,
    )  # fmt: skip
    assert "1200" in french.achievable.reason.replace("\u202f", "").replace(" ", "")
    assert french.achievable.met is True  # 10 h a week for 136 weeks
    english = check("Complete the 1,500-hour DEP by 2027-06-30", "en", today, profile)
    assert "About 1500 hours" in english.achievable.reason
    assert english.achievable.met is False


def test_a_weekly_rate_is_not_the_total_effort():
    result = check(
        "Practise Spanish 3 hours a week until June 2027", "en", dt.date(2026, 5, 20),
        Profile(hours_per_week=10),
    )  # fmt: skip
    assert result.achievable.met is None  # the total is not stated


def test_it_reads_a_huge_text_up_to_its_limit():
    text = "Pass 1 200 exams by 2027 and become a better nurse, moins de paperasse. " * 2000
    data = check(text, today=dt.date(2026, 11, 22)).as_dict()
    assert set(data) == KEYS
    assert data["criteria"]["time_bound"]["deadline"] == "2027-12-31"
