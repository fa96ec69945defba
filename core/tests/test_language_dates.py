"""Deadline parsing (core/language/dates.py): explicit and relative dates, month ends, leap
years."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.language.dates import add_months, find_deadline, find_term, horizon_of

TODAY = dt.date(2026, 11, 22)

EXPLICIT = [
    ("by June 30, 2027", "2027-06-30"),
    ("by 30 June 2027", "2027-06-30"),
    ("by the 30th of June 2027", "2027-06-30"),
    ("by 30/06/2027", "2027-06-30"),
    ("by 06/30/2027", "2027-06-30"),  # the first number cannot be a day-of-month order
    ("by 05/06/2027", "2027-06-05"),  # both ≤ 12: day/month/year
    ("2027-06-30", "2027-06-30"),
    ("d'ici mars 2027", "2027-03-31"),
    ("d'ici février 2028", "2028-02-29"),
    ("d'ici février 2027", "2027-02-28"),
    ("by February 2100", "2100-02-28"),  # not a leap year
    ("by February 2000", "2000-02-29"),
    ("by the end of 2027", "2027-12-31"),
    ("d'ici la fin de 2027", "2027-12-31"),
    ("fin 2027", "2027-12-31"),
    ("by 2027", "2027-12-31"),
    ("before 2028", "2027-12-31"),
    ("Q1 2027", "2027-03-31"),
    ("Q2 2027", "2027-06-30"),
    ("Q3 2027", "2027-09-30"),
    ("Q4 2027", "2027-12-31"),
    ("T1 2028", "2028-03-31"),
    ("au premier trimestre de 2028", "2028-03-31"),
    ("in the third quarter of 2027", "2027-09-30"),
    ("by summer 2027", "2027-08-31"),
    ("before summer 2027", "2027-05-31"),
    ("d'ici l'automne 2027", "2027-11-30"),
    ("by spring 2027", "2027-05-31"),
    ("by winter 2028", "2028-02-29"),
    ("d'ici l'hiver 2027", "2027-02-28"),
    ("avant le 1er juillet 2027", "2027-06-30"),
    ("before March 1, 2028", "2028-02-29"),
    ("before March 2028", "2028-02-29"),
    ("avant mars 2027", "2027-02-28"),
    ("le 31 décembre 2027", "2027-12-31"),
    ("by mid-2027", "2027-06-30"),
    ("by the end of June 2027", "2027-06-30"),
    ("d'ici la fin de juin 2027", "2027-06-30"),
    ("by sept. 2027", "2027-09-30"),
    ("Jan 15, 2027", "2027-01-15"),
    ("avant la fin de mars 2027", "2027-03-31"),  # before the end of March is by its end
    ("before the end of June 2027", "2027-06-30"),
    ("avant la fin de l'été 2027", "2027-08-31"),
    # Several dates: the goal's deadline is the latest.
    ("I got my DEC in 2019; bachelor's by 2028", "2028-12-31"),
    ("stage 1 by March 2027, all done by 2027-12-15", "2027-12-15"),
]

RELATIVE = [
    # (text, today, expected)
    ("within the next two years", "2026-11-22", "2028-11-22"),
    ("d'ici six mois", "2026-11-22", "2027-05-22"),
    ("in 18 months", "2026-11-22", "2028-05-22"),
    ("dans 2 ans", "2026-11-22", "2028-11-22"),
    ("dans deux ans", "2028-02-29", "2030-02-28"),  # a leap day plus years clamps
    ("in a month", "2028-01-31", "2028-02-29"),
    ("in 1 month", "2027-01-31", "2027-02-28"),
    ("in one month", "2026-03-31", "2026-04-30"),
    ("within 3 weeks", "2026-11-22", "2026-12-13"),
    ("within three weeks", "2026-11-22", "2026-12-13"),
    ("in 10 days", "2026-12-25", "2027-01-04"),
    ("next year", "2026-11-22", "2027-12-31"),
    ("l'an prochain", "2026-11-22", "2027-12-31"),
    ("l'année prochaine", "2026-01-01", "2027-12-31"),
    ("by next month", "2026-11-22", "2026-12-31"),
    ("le mois prochain", "2028-01-31", "2028-02-29"),
    ("next week", "2026-11-22", "2026-11-29"),  # a Sunday: the Sunday that ends next week
    ("next week", "2026-11-18", "2026-11-29"),
    ("la semaine prochaine", "2026-11-23", "2026-12-06"),
    ("by the end of the year", "2026-11-22", "2026-12-31"),
    ("d'ici la fin de l'année", "2026-02-10", "2026-12-31"),
    ("by the end of this month", "2028-02-03", "2028-02-29"),
    ("by June", "2026-11-22", "2027-06-30"),
    ("d'ici mars", "2026-02-10", "2026-03-31"),
    ("within a couple of years", "2026-11-22", "2028-11-22"),
    ("within half a year", "2026-08-31", "2027-02-28"),
    ("18 months from now", "2026-11-22", "2028-05-22"),
    ("au cours des deux prochaines années", "2026-11-22", "2028-11-22"),
    ("dans les trois prochains mois", "2026-11-30", "2027-02-28"),
    ("d'ici vingt-quatre mois", "2026-11-22", "2028-11-22"),
    ("in twenty months", "2026-11-22", "2028-07-22"),
    ("by next summer", "2026-11-22", "2027-08-31"),
    ("d'ici l'été", "2026-11-22", "2027-08-31"),
]


@pytest.mark.parametrize(("text", "expected"), EXPLICIT)
def test_it_resolves_explicit_deadlines(text, expected):
    assert find_deadline(text, TODAY).date == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("text", "today", "expected"), RELATIVE)
def test_it_resolves_relative_deadlines(text, today, expected):
    found = find_deadline(text, dt.date.fromisoformat(today))
    assert found.date == dt.date.fromisoformat(expected)
    assert found.relative


@pytest.mark.parametrize(
    "text", ["someday", "some day", "one day", "eventually", "un jour", "tôt ou tard", "plus tard"]
)
def test_it_does_not_take_someday_for_a_deadline(text):
    found = find_deadline(f"Become a nurse {text}", TODAY)
    assert found.date is None
    assert found.vague


@pytest.mark.parametrize(
    "text",
    ["in a few months", "within several years", "d'ici quelques mois", "dans plusieurs années"],
)
def test_it_calls_a_few_months_imprecise(text):
    found = find_deadline(text, TODAY)
    assert found.date is None
    assert found.imprecise


@pytest.mark.parametrize(
    "text", ["I may get a job", "Get a job as a cook", "work for two years as a nurse", ""]
)
def test_it_finds_no_deadline_where_there_is_none(text):
    assert not find_deadline(text, TODAY).found


def test_it_ignores_impossible_dates():
    assert find_deadline("by 2027-02-30", TODAY).date is None
    assert find_deadline("by 31/02/2027", TODAY).date is None


def test_it_clamps_month_arithmetic_to_the_end_of_the_month():
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 28)
    assert add_months(dt.date(2028, 2, 29), 48) == dt.date(2032, 2, 29)
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
    assert add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)


def test_it_draws_the_horizon_at_12_and_36_months():
    today = dt.date(2026, 1, 31)
    assert horizon_of(dt.date(2027, 1, 31), today) == "short"
    assert horizon_of(dt.date(2027, 2, 1), today) == "medium"
    assert horizon_of(dt.date(2029, 1, 31), today) == "medium"
    assert horizon_of(dt.date(2029, 2, 1), today) == "long"
    assert horizon_of(today, today) == "short"
    assert horizon_of(dt.date(2026, 1, 30), today) is None
    assert horizon_of(None, today) is None


dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2150, 12, 31))


@settings(deadline=None)
@given(today=dates, months=st.integers(min_value=1, max_value=600))
def test_in_n_months_is_never_before_today_and_matches_month_arithmetic(today, months):
    found = find_deadline(f"in {months} months", today)
    assert found.date == add_months(today, months)
    assert found.date > today
    assert find_deadline(f"dans {months} mois", today).date == found.date


@settings(deadline=None)
@given(today=dates, a=st.integers(min_value=0, max_value=600), b=st.integers(0, 600))
def test_month_arithmetic_is_monotone(today, a, b):
    low, high = sorted((a, b))
    assert add_months(today, low) <= add_months(today, high)
    result = add_months(today, high)
    assert result.day <= today.day
    assert (result.year * 12 + result.month) - (today.year * 12 + today.month) == high


@settings(deadline=None)
@given(today=dates, years=st.integers(min_value=1, max_value=60))
def test_years_are_twelve_months(today, years):
    assert find_deadline(f"within {years} years", today).date == add_months(today, 12 * years)


WORDS = {"one": 1, "two": 2, "three": 3, "six": 6, "twelve": 12, "deux": 2, "trois": 3,
         "six mois": 6, "dix": 10, "douze": 12, "vingt": 20}  # fmt: skip


@settings(deadline=None)
@given(today=dates, word=st.sampled_from(["two", "three", "twelve", "deux", "trois", "dix"]))
def test_numbers_in_words_equal_digits(today, word):
    unit = "months" if word.isascii() and word in ("two", "three", "twelve") else "mois"
    lead = "in" if unit == "months" else "dans"
    assert (
        find_deadline(f"{lead} {word} {unit}", today).date
        == find_deadline(f"{lead} {WORDS[word]} {unit}", today).date
    )


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), today=dates)
def test_it_never_raises_on_arbitrary_text(text, today):
    found = find_deadline(text, today)
    assert found.date is None or isinstance(found.date, dt.date)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["by", "in", "d'ici", "Q4", "2027", "31", "février", "months", "mois", "the", "end",
             "of", "next", "year", "99", "0", "/", "-", "summer", "avant", "le", "1er", "ans"]
        ),
        max_size=12,
    ).map(" ".join),
    today=dates,
)  # fmt: skip
def test_it_never_raises_on_deadline_like_word_salad(text, today):
    find_deadline(text, today)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Long term, I want to teach", "long term"),
        ("À moyen terme, je vise un poste de chef", "a moyen terme"),
        ("In the coming years I'd like to lead a team", "in the coming years"),
        (
            "Au cours des trois prochaines saisons, je veux apprendre",
            "au cours des trois prochaines",
        ),
        ("in the long run", "in the long run"),
        ("I want to be a nurse", ""),
        ("Terminal illness care", ""),
    ],
)
def test_it_finds_career_spans_without_a_date(text, term):
    assert find_term(text) == term
