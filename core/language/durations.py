"""Durations in English and French: "1 200 heures", "1,500-hour DEP", "40 h", "90 minutes",
"2 h 30", "2h30", "an hour and a half", "une heure et demie", "une demi-journée",
"3 semaines", "two-year program", "dans un an".

`find_durations(text, lang=None)` gives each duration with its amount, unit (minute, hour,
day, week, month, year) and place; `Duration.hours` converts minutes and hours (None for
longer units: "a 3-week course" says nothing about its hours). `parse_hours(value)` reads a
form field that holds one duration ("90 min", "1 h 30", "1,5", "2") as hours.

Numbers are read by `core.language.numbers`, so "1 200 heures" is 1200 hours, not 200, and
"1,500-hour" is 1500. Imprecise spans ("a few weeks", "quelques mois") are not durations.
"""

import re
from dataclasses import dataclass

from core.language.folding import fold_map
from core.language.numbers import find_numbers, parse_number

__all__ = ["Duration", "UNITS", "find_durations", "parse_hours"]

# Folded unit words and the unit they name.
UNITS = {
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute", "mn": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "heure": "hour", "heures": "hour",
    "day": "day", "days": "day", "jour": "day", "jours": "day", "journee": "day",
    "journees": "day",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week", "semaine": "week",
    "semaines": "week", "sem": "week",
    "month": "month", "months": "month", "mois": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "an": "year", "ans": "year",
    "annee": "year", "annees": "year",
}  # fmt: skip
_HOURS = {"minute": 1 / 60, "hour": 1.0}
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_AFTER_NUMBER = re.compile(rf"^(?:\s*-\s*|\s*)(?P<unit>{_UNIT})(?![a-z])")
# After "2 h": "30", "30 min", "and 15 minutes"; after "an hour": "and a half", "et demie".
_MINUTES = re.compile(r"^\s*(?:and\s+|et\s+)?(?P<min>[0-5]?\d)\s*(?:minutes?|mins?|mn)?(?![\w])")
_HALF_AFTER = re.compile(r"^\s*(?:and a half|et demie?)(?![\w])")
_HALF_BEFORE = re.compile(
    rf"(?<![\w])(?:half an? |half-an? |half-|une demi-|un demi-|demi-|une demie |a half-)"
    rf"(?P<unit>{_UNIT})(?![a-z])"
)


@dataclass(frozen=True)
class Duration:
    amount: float
    unit: str  # minute, hour, day, week, month, year
    start: int
    end: int
    text: str

    @property
    def hours(self):
        """The duration in hours for minutes and hours; None for days and longer."""
        factor = _HOURS.get(self.unit)
        return None if factor is None else self.amount * factor


def find_durations(text: str, lang: str | None = None) -> list[Duration]:
    """Every duration in `text`, in order; never raises."""
    text = "" if text is None else str(text)
    folded, origin = fold_map(text)

    def span(start, end):
        return origin[start], origin[end - 1] + 1

    found = []
    for number in find_numbers(folded, lang, articles=True):
        rest = folded[number.end :]
        unit = _AFTER_NUMBER.match(rest)
        if not unit:
            continue
        name = UNITS[unit["unit"]]
        if unit["unit"] == "an" and number.text in ("a", "an"):
            continue  # "a an" is not English
        amount, end = number.value, number.end + unit.end()
        tail = folded[end:]
        half = _HALF_AFTER.match(tail)
        minutes = _MINUTES.match(tail) if name == "hour" else None
        if half:
            amount, end = amount + 0.5, end + half.end()
        elif minutes:
            amount, end = amount + int(minutes["min"]) / 60, end + minutes.end()
        start, stop = span(number.start, end)
        found.append(Duration(amount, name, start, stop, text[start:stop]))
    for match in _HALF_BEFORE.finditer(folded):
        start, stop = span(match.start(), match.end())
        found.append(Duration(0.5, UNITS[match["unit"]], start, stop, text[start:stop]))
    # Overlaps ("1 h 30 min" and its "30 min"; "half an hour" and its "an hour"): the longest.
    kept = []
    for duration in sorted(found, key=lambda d: (d.start, -(d.end - d.start))):
        if kept and duration.start < kept[-1].end:
            if duration.end - duration.start > kept[-1].end - kept[-1].start:
                kept[-1] = duration
            continue
        kept.append(duration)
    return kept


_CLOCK = re.compile(r"^\s*(?P<h>\d{1,4}):(?P<m>[0-5]\d)\s*$")


def parse_hours(value: object, default_unit: str = "hour") -> float | None:
    """Hours in a form field holding one duration: "90 min" → 1.5, "1 h 30" → 1.5,
    "1:30" → 1.5, "1,5" → 1.5; a bare number is in `default_unit` ("hour" or "minute").

    None when the value is empty, negative, not one duration, or in days or longer.
    """
    value = ("" if value is None else str(value)).strip()
    if not value:
        return None
    clock = _CLOCK.match(value)
    if clock:
        return int(clock["h"]) + int(clock["m"]) / 60
    bare = parse_number(value, "fr" if "," in value else None)
    if bare is not None:
        return bare / 60 if default_unit == "minute" else bare
    durations = find_durations(value)
    if len(durations) != 1:
        return None
    duration = durations[0]
    if value[: duration.start].strip() or value[duration.end :].strip(" ."):
        return None
    return duration.hours
