"""Numbers and durations in both locales (core.language.numbers, core.language.durations)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.language import find_durations, find_numbers, parse_hours, parse_number

NUMBERS = [
    ("1 200", None, 1200),
    ("1\u00a0200", None, 1200),  # non-breaking space
    ("1\u202f200", "fr", 1200),  # narrow no-break space
    ("1\u2009200", "fr", 1200),  # thin space
    ("12 000 000", None, 12_000_000),
    ("1,200", "en", 1200),
    ("1,200", "fr", 1200),
    ("1,200,000", None, 1_200_000),
    ("1 200,5", "fr", 1200.5),
    ("1,200.50", "en", 1200.5),
    ("1.200,50", "fr", 1200.5),
    ("1.5", None, 1.5),
    ("1,5", "fr", 1.5),
    ("1,25", "en", 1.25),
    ("0,500", "fr", 0.5),
    ("1.200", "en", 1.2),
    ("1.200", "fr", 1200),
    ("1.5k", None, 1500),
    ("2K", None, 2000),
    ("1.5 million", None, 1_500_000),
    ("3 millions", "fr", 3_000_000),
    ("one", "en", 1),
    ("twelve", "en", 12),
    ("twenty", "en", 20),
    ("twenty-five", "en", 25),
    ("twenty five", "en", 25),
    ("thirty", "en", 30),
    ("one hundred and fifty", "en", 150),
    ("a thousand", "en", 1000),
    ("two hundred thousand", "en", 200_000),
    ("deux", "fr", 2),
    ("seize", "fr", 16),
    ("dix-sept", "fr", 17),
    ("vingt", "fr", 20),
    ("vingt et un", "fr", 21),
    ("trente-et-une", "fr", 31),
    ("soixante-dix-sept", "fr", 77),
    ("quatre-vingts", "fr", 80),
    ("quatre-vingt-dix", "fr", 90),
    ("nonante", "fr", 90),
    ("deux cents", "fr", 200),
    ("mille", "fr", 1000),
    ("trois mille cinq cents", "fr", 3500),
]


@pytest.mark.parametrize(("text", "lang", "value"), NUMBERS, ids=[n[0] for n in NUMBERS])
def test_it_reads_numbers_in_both_locales(text, lang, value):
    assert parse_number(text, lang) == value


def test_it_finds_numbers_with_their_place():
    text = "Formation de 1 200 heures d'ici 2028, budget 2 k$"
    found = [(n.value, n.text) for n in find_numbers(text, "fr")]
    assert found == [(1200, "1 200"), (2028, "2028"), (2000, "2 k")]
    for number in find_numbers(text):
        assert text[number.start : number.end] == number.text


def test_it_does_not_glue_a_year_to_a_count():
    assert [n.value for n in find_numbers("by 2027 100 jobs")] == [2027, 100]
    assert [n.value for n in find_numbers("30/06/2027")] == [30, 6, 2027]


def test_articles_are_numbers_only_when_asked():
    assert find_numbers("obtenir un poste") == []
    assert [n.value for n in find_numbers("obtenir un poste", articles=True)] == [1]
    assert [n.value for n in find_numbers("nineteen ninety")] == [19, 90]


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_grouped_numbers_round_trip(value):
    grouped = f"{value:,}"
    assert parse_number(grouped, "en") == value
    assert parse_number(grouped.replace(",", " "), "fr") == value
    assert parse_number(grouped.replace(",", "\u202f"), "fr") == value
    assert parse_number(str(value)) == value


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip_in_both_locales(whole, hundredths):
    text = f"{whole}.{hundredths:02d}"
    expected = float(text)
    assert parse_number(text, "en") == expected
    assert parse_number(text.replace(".", ","), "fr") == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.sampled_from([None, "en", "fr"]))
def test_it_never_raises_and_points_at_its_text(value, lang):
    for number in find_numbers(value, lang, articles=True):
        assert value[number.start : number.end] == number.text
        assert number.value >= 0
    for duration in find_durations(value, lang):
        assert value[duration.start : duration.end] == duration.text
        assert duration.amount >= 0
    parse_hours(value)


DURATIONS = [
    ("formation de 1 200 heures d'ici 2028", 1200, "hour"),
    ("the 1,500-hour DEP", 1500, "hour"),
    ("a 40-hour course", 40, "hour"),
    ("40 h", 40, "hour"),
    ("90 minutes", 90, "minute"),
    ("2 h 30", 2.5, "hour"),
    ("2h30", 2.5, "hour"),
    ("1 h 30 min", 1.5, "hour"),
    ("an hour and a half", 1.5, "hour"),
    ("une heure et demie", 1.5, "hour"),
    ("half an hour", 0.5, "hour"),
    ("une demi-journée", 0.5, "day"),
    ("3 semaines", 3, "week"),
    ("three-week course", 3, "week"),
    ("two-year program", 2, "year"),
    ("dans un an", 1, "year"),
    ("deux ans et demi", 2.5, "year"),
    ("vingt-quatre heures", 24, "hour"),
    ("in 18 months", 18, "month"),
]


@pytest.mark.parametrize(("text", "amount", "unit"), DURATIONS, ids=[d[0] for d in DURATIONS])
def test_it_reads_durations(text, amount, unit):
    (duration,) = find_durations(text)
    assert (duration.amount, duration.unit) == (amount, unit)
    assert text[duration.start : duration.end] == duration.text


def test_hours_are_given_only_for_hours_and_minutes():
    assert find_durations("90 minutes")[0].hours == 1.5
    assert find_durations("3 semaines")[0].hours is None
    assert find_durations("a few hours") == []
    assert find_durations("quelques semaines") == []


@pytest.mark.parametrize(
    ("value", "default_unit", "hours"),
    [
        ("90 min", "hour", 1.5),
        ("45 minutes", "hour", 0.75),
        ("1 h 30", "hour", 1.5),
        ("1h30", "hour", 1.5),
        ("1:30", "hour", 1.5),
        ("1,5", "hour", 1.5),
        ("1.5h", "hour", 1.5),
        ("2", "hour", 2),
        ("90", "minute", 1.5),
        ("une heure et demie", "hour", 1.5),
        ("", "hour", None),
        ("abc", "hour", None),
        ("-2", "hour", None),
        ("3 days", "hour", None),
        ("2 h et 3 h", "hour", None),
    ],
)
def test_it_reads_a_duration_field_as_hours(value, default_unit, hours):
    assert parse_hours(value, default_unit) == hours
