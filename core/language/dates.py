"""Find the deadline in a text written in English or French, and resolve it to a date.

`find_deadline(text, today)` reads explicit dates ("by June 30, 2027", "30/06/2027",
"2027-06-30", "d'ici mars 2027", "Q2 2027", "by summer 2027", "avant le 1er juillet 2027") and
dates relative to today ("within the next two years", "d'ici six mois", "next year"). Both
languages are always read: a French goal checked with lang="en" still finds its deadline.

Rules (docs/apps/text-checks.md explains them for people):
- a month without a day is the last day of that month; a year alone is its last day; a quarter
  is the last day of its third month; "before X" is the day before X starts;
- seasons are meteorological, northern hemisphere: spring Mar-May, summer Jun-Aug, fall Sep-Nov,
  winter YYYY = Dec (YYYY-1) to Feb YYYY; "by summer 2027" is its last day (2027-08-31);
- adding months clamps to the month's end (Jan 31 + 1 month = Feb 28 or 29);
- "next year" / "l'an prochain" is the end of next year, "next month" the end of next month,
  "next week" the Sunday that ends next week;
- slash dates read day/month/year, unless the first number cannot be a month's day order
  (06/30/2027 is month/day/year);
- numbers may be digits or words (any number `core.language.numbers` reads in words:
  "two", "twenty-four", "vingt et un"; "a"/"an"/"un"/"une" = 1, "a couple of" = 2,
  "half a year" = 6 months); "a few", "several", "quelques", "plusieurs"
  are imprecise: not a deadline, and the reason says so;
- "someday", "one day", "eventually", "un jour", "tôt ou tard" are not deadlines.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from core.language.folding import fold
from core.language.numbers import parse_number, word_number_pattern

__all__ = [
    "Deadline",
    "add_months",
    "end_of_month",
    "find_deadline",
    "find_term",
    "horizon_of",
]


def end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus `months` calendar months, clamped to the end of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if year < dt.MINYEAR or year > dt.MAXYEAR:
        raise OverflowError("date out of range")
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def horizon_of(deadline: dt.date | None, today: dt.date) -> str | None:
    """short (≤ 12 months from today), medium (≤ 36 months), long (beyond); None if unknown/past."""
    if deadline is None or deadline < today:
        return None
    if deadline <= add_months(today, 12):
        return "short"
    if deadline <= add_months(today, 36):
        return "medium"
    return "long"


@dataclass(frozen=True)
class Deadline:
    """What the text says about time.

    `date` is set when a deadline was found; otherwise `vague` holds a "someday" phrase or
    `imprecise` a phrase like "in a few months", each quoted in the person's reason.
    """

    date: dt.date | None = None
    phrase: str = ""
    relative: bool = False
    vague: str = ""
    imprecise: str = ""

    @property
    def found(self):
        return self.date is not None


MONTHS = {
    "january": 1, "jan": 1, "janvier": 1, "janv": 1,
    "february": 2, "feb": 2, "fevrier": 2, "fevr": 2, "fev": 2,
    "march": 3, "mar": 3, "mars": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juin": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7,
    "august": 8, "aug": 8, "aout": 8,
    "september": 9, "sept": 9, "sep": 9, "septembre": 9,
    "october": 10, "oct": 10, "octobre": 10,
    "november": 11, "nov": 11, "novembre": 11,
    "december": 12, "dec": 12, "decembre": 12,
}  # fmt: skip

# Idioms that count: "in a year", "dans un an", "within a couple of years".
NUMBER_IDIOMS = {
    "a": 1, "an": 1, "un": 1, "une": 1, "a couple of": 2, "couple of": 2, "a couple": 2,
}  # fmt: skip

IMPRECISE_WORDS = ("a few", "few", "several", "some", "quelques", "plusieurs", "certaines")

UNITS = {
    "day": "day", "days": "day", "jour": "day", "jours": "day",
    "week": "week", "weeks": "week", "semaine": "week", "semaines": "week",
    "month": "month", "months": "month", "mois": "month",
    "year": "year", "years": "year", "an": "year", "ans": "year",
    "annee": "year", "annees": "year",
}  # fmt: skip

VAGUE = (
    "someday", "some day", "one day", "eventually", "sometime", "some time in the future",
    "in the future", "at some point", "when i can", "down the road", "in due time",
    "un jour", "tot ou tard", "eventuellement", "a l'avenir", "dans le futur",
    "un de ces jours", "a un moment donne", "plus tard", "quand je pourrai",
)  # fmt: skip

SEASONS = {
    "spring": "spring", "printemps": "spring", "summer": "summer", "ete": "summer",
    "fall": "fall", "autumn": "fall", "automne": "fall", "winter": "winter", "hiver": "winter",
}  # fmt: skip

_WORD = r"(?:" + word_number_pattern() + r")"
_IDIOMS = "|".join(re.escape(w) for w in sorted(NUMBER_IDIOMS, key=len, reverse=True))
# Digits, a number in words ("twenty-four", "vingt et un", "one hundred"), or an idiom.
NUM = (
    r"(?P<num>\d{1,3}(?:[.,]5)?|"
    + _WORD
    + r"(?:(?:-|\s+|-et-|\s+et\s+|\s+and\s+)"
    + _WORD
    + r")*|"
    + _IDIOMS
    + r")"
)
IMPRECISE = r"(?P<imprecise>" + "|".join(re.escape(w) for w in IMPRECISE_WORDS) + r")"
UNIT = r"(?P<unit>" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(?:19|20|21)\d\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|re)?"
SEASON = r"(?P<season>" + "|".join(SEASONS) + r")"
BEFORE = r"(?P<before>before|prior to|avant(?: le| la| l'| d'| de)?|pas plus tard que)?\s*"

# Relative spans: "in 18 months", "within the next two years", "d'ici six mois", "dans 2 ans",
# "au cours des deux prochaines annees", "18 months from now".
_REL_LEAD = (
    r"(?:within|in|over|during|d'ici|dans|en|sous|au cours de|au cours des|"
    r"d'ici a|dans un delai de|a l'interieur de)"
)
_REL_MID = (
    r"(?:\s+(?:the|les|la|le|l'|a|an)?\s*(?:next|coming|following|prochaine?s?|"
    r"suivante?s?)?)?\s*"
)
REL_SPAN = re.compile(
    r"\b" + _REL_LEAD + _REL_MID + r"(?:" + NUM + r"|" + IMPRECISE + r")\s+"
    r"(?:(?:next|coming|prochaine?s?)\s+)?" + UNIT + r"\b"
    r"(?:\s*'?\s*(?:time|prochaine?s?|suivante?s?|a venir))?",
)
REL_FROM_NOW = re.compile(
    r"\b" + NUM + r"\s+" + UNIT + r"\s+(?:from now|from today|a partir d'aujourd'hui|d'ici)\b"
)
HALF_YEAR = re.compile(
    r"\b(?:within|in|d'ici|dans)\s+(?:a |the next |un )?(?:half a year|half-year|six months|"
    r"demi-annee|six mois)\b"
)
NEXT_UNIT = re.compile(
    r"\b(?:by |in |within |before |over |d'ici |avant |durant |pendant )?"
    r"(?:(?:the )?(?:end of |la fin (?:de |du )?(?:l'|la |le )?)?)?"
    r"(?:next (?P<en>year|month|week)|(?:l'|la |le )?(?P<fr>an|annee|mois|semaine) prochaine?|"
    r"(?:l'|le |la )?(?:(?P<fr2>annee|mois|semaine)) suivante?)\b"
)
THIS_YEAR_END = re.compile(
    r"\b(?:by |before |d'ici |avant )?(?:the )?(?:end of (?:this|the) year|"
    r"la fin de (?:l'|cette )annee|la fin de l'an|fin (?:d'|de l')annee|this year|cette annee)\b"
)
THIS_MONTH_END = re.compile(
    r"\b(?:by |before |d'ici )?(?:the )?(?:end of (?:this|the) month|la fin du mois|ce mois-ci)\b"
)
ISO = re.compile(r"\b(?P<year>(?:19|20|21)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b")
SLASH = re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20|21)\d\d)\b")
DAY_MONTH_YEAR = re.compile(
    r"\b" + BEFORE + r"(?:the |le |on )?" + DAY + r"\s+(?:of\s+)?" + MONTH + r",?\s+" + YEAR + r"\b"
)
MONTH_DAY_YEAR = re.compile(r"\b" + BEFORE + MONTH + r"\s+" + DAY + r",?\s+" + YEAR + r"\b")
QUARTER = re.compile(
    r"\b(?:(?:q|t)(?P<q>[1-4])\s*(?:of\s+|de\s+)?(?:'|20)?(?P<yy>\d\d)|"
    r"(?P<ord>first|second|third|fourth|last|premier|1er|deuxieme|second|2e|troisieme|3e|"
    r"quatrieme|4e|dernier)\s+(?:quarter|trimestre)\s+(?:of\s+|de\s+)?" + YEAR + r")\b"
)
SEASON_YEAR = re.compile(
    r"\b" + BEFORE + r"(?:the |l'|le |la |l' )?(?:end of |fin de |fin de l'|fin du )?"
    r"(?:(?:the )?" + SEASON + r"\s+(?:of\s+|de\s+|d')?" + YEAR + r")\b"
)
MONTH_YEAR = re.compile(
    r"\b"
    + BEFORE
    + r"(?:the )?(?:end of |fin |fin de |fin d'|la fin de |la fin d')?"
    + MONTH
    + r",?\s+(?:of\s+|de\s+)?"
    + YEAR
    + r"\b"
)
MID_YEAR = re.compile(r"\b(?:mid-?|mi-|milieu de |middle of )" + YEAR + r"\b")
YEAR_ONLY = re.compile(
    r"\b(?P<lead>by|in|before|until|during|within|d'ici|avant|en|pour|au plus tard en|"
    r"d'ici la fin de|by the end of|the end of|end of|la fin de|fin|d'ici a la fin de)\s+"
    r"(?:l'annee\s+|the year\s+)?" + YEAR + r"\b"
)
MONTH_ONLY = re.compile(
    r"\b(?P<lead>by|before|in|until|d'ici|avant|en|by the end of|d'ici la fin de|"
    r"la fin de|end of)\s+(?:le mois de\s+|the month of\s+)?(?:la fin (?:de |d')\s*)?"
    + MONTH
    + r"(?!\s*\d)\b"
)
SEASON_ONLY = re.compile(
    r"\b"
    + BEFORE
    + r"(?:by |d'ici )?(?:this |next |cet |ce |l'|le |la )?(?:the )?"
    + SEASON
    + r"(?P<next>\s+(?:prochain|prochaine|next))?\b"
)


def _number(raw):
    """The value of a matched number, or 0 when it is not one ("nineteen ninety")."""
    raw = raw.strip()
    if raw in NUMBER_IDIOMS:
        return NUMBER_IDIOMS[raw]
    if raw[:1].isdigit():
        return float(raw.replace(",", ".")) if ("." in raw or "," in raw) else int(raw)
    return parse_number(raw) or 0


def _safe_date(year, month, day):
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _season_end(season, year):
    if season == "spring":
        return dt.date(year, 5, 31)
    if season == "summer":
        return dt.date(year, 8, 31)
    if season == "fall":
        return dt.date(year, 11, 30)
    return end_of_month(year, 2)  # winter YYYY: Dec YYYY-1 to Feb YYYY


def _season_start(season, year):
    return {
        "spring": dt.date(year, 3, 1),
        "summer": dt.date(year, 6, 1),
        "fall": dt.date(year, 9, 1),
        "winter": dt.date(year - 1, 12, 1),
    }[season]


def _add(today, amount, unit):
    if unit == "day":
        return today + dt.timedelta(days=round(amount))
    if unit == "week":
        return today + dt.timedelta(days=round(amount * 7))
    months = round(amount * (12 if unit == "year" else 1))
    return add_months(today, months)


def _explicit_candidates(folded):
    """Every explicit date in the text as (date, phrase), most precise patterns first.

    A matched span is blanked before less precise patterns run, so "1er juillet 2027" is not
    read again as "juillet 2027".
    """
    found = []

    def take(match, day):
        nonlocal folded
        if day is not None:
            found.append((day, match.group(0).strip()))
        folded = folded[: match.start()] + " " * len(match.group(0)) + folded[match.end() :]

    def before_in(match):
        """ "before X" / "avant X", but not "before the end of X" (that is the end of X)."""
        if not match.groupdict().get("before"):
            return False
        return not re.search(r"\b(?:end of|fin)\b", match.group(0))

    for m in list(ISO.finditer(folded)):
        take(m, _safe_date(int(m["year"]), int(m["month"]), int(m["day"])))
    for m in list(SLASH.finditer(folded)):
        a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
        day = _safe_date(year, b, a) if a > 12 or b <= 12 else _safe_date(year, a, b)
        if day and re.search(r"(before|avant)\s+(?:le\s+)?$", folded[: m.start()]):
            day -= dt.timedelta(days=1)
        take(m, day)
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for m in list(pattern.finditer(folded)):
            day = _safe_date(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
            if day and before_in(m):
                day -= dt.timedelta(days=1)
            take(m, day)
    for m in list(QUARTER.finditer(folded)):
        if m["q"]:
            quarter, year = int(m["q"]), 2000 + int(m["yy"])
        else:
            order = m["ord"]
            quarter = {"first": 1, "premier": 1, "1er": 1, "second": 2, "deuxieme": 2, "2e": 2}.get(
                order
            ) or {"third": 3, "troisieme": 3, "3e": 3}.get(order, 4)
            year = int(m["year"])
        take(m, end_of_month(year, quarter * 3))
    for m in list(SEASON_YEAR.finditer(folded)):
        season, year = SEASONS[m["season"]], int(m["year"])
        if before_in(m):
            take(m, _season_start(season, year) - dt.timedelta(days=1))
        else:
            take(m, _season_end(season, year))
    for m in list(MONTH_YEAR.finditer(folded)):
        month, year = MONTHS[m["month"]], int(m["year"])
        if before_in(m):
            take(m, dt.date(year, month, 1) - dt.timedelta(days=1))
        else:
            take(m, end_of_month(year, month))
    for m in list(MID_YEAR.finditer(folded)):
        take(m, dt.date(int(m["year"]), 6, 30))
    for m in list(YEAR_ONLY.finditer(folded)):
        year = int(m["year"])
        if m["lead"] in ("before", "avant"):
            take(m, dt.date(year - 1, 12, 31))
        else:
            take(m, dt.date(year, 12, 31))
    return found


def _relative(folded, today):
    m = HALF_YEAR.search(folded)
    if m:
        return Deadline(add_months(today, 6), m.group(0), relative=True)
    for pattern in (REL_SPAN, REL_FROM_NOW):
        m = pattern.search(folded)
        if m:
            if m.groupdict().get("imprecise"):
                return Deadline(imprecise=m.group(0).strip())
            unit = UNITS[m["unit"]]
            if m["unit"] == "an" and m["num"] in ("a", "an", "un", "une"):
                pass  # "dans un an": fine, one year
            amount = _number(m["num"])
            if amount <= 0:
                continue
            return Deadline(_add(today, amount, unit), m.group(0).strip(), relative=True)
    m = NEXT_UNIT.search(folded)
    if m:
        unit = m["en"] or m["fr"] or m["fr2"]
        if unit in ("year", "an", "annee"):
            day = dt.date(today.year + 1, 12, 31)
        elif unit in ("month", "mois"):
            following = add_months(today, 1)
            day = end_of_month(following.year, following.month)
        else:
            day = today + dt.timedelta(days=7 + (6 - today.weekday()))
        return Deadline(day, m.group(0).strip(), relative=True)
    m = THIS_YEAR_END.search(folded)
    if m:
        return Deadline(dt.date(today.year, 12, 31), m.group(0).strip(), relative=True)
    m = THIS_MONTH_END.search(folded)
    if m:
        return Deadline(end_of_month(today.year, today.month), m.group(0).strip(), relative=True)
    m = MONTH_ONLY.search(folded)
    if m and not (m["month"] in ("may", "mar", "dec", "sept") and m["lead"] not in ("by", "d'ici")):
        month = MONTHS[m["month"]]
        year = today.year if month >= today.month else today.year + 1
        if m["lead"] in ("before", "avant"):
            start = dt.date(year, month, 1)
            if start <= today:
                start = dt.date(year + 1, month, 1)
            return Deadline(start - dt.timedelta(days=1), m.group(0).strip(), relative=True)
        return Deadline(end_of_month(year, month), m.group(0).strip(), relative=True)
    m = SEASON_ONLY.search(folded)
    if m and (m["before"] or re.search(r"\b(by|d'ici|next|this|ce|cet)\b", m.group(0))):
        season = SEASONS[m["season"]]
        year = today.year + (1 if m["next"] or re.search(r"\bnext\b", m.group(0)) else 0)
        end = _season_end(season, year if season != "winter" else year + 1)
        if end < today:
            end = _season_end(season, year + 1)
        if m["before"]:
            end = _season_start(season, end.year) - dt.timedelta(days=1)
        return Deadline(end, m.group(0).strip(), relative=True)
    return None


def find_deadline(text: str, today: dt.date) -> Deadline:
    """The deadline `text` states, resolved against `today`; never raises on arbitrary text."""
    folded = re.sub(r"\s+", " ", fold(text))
    try:
        explicit = _explicit_candidates(folded)
        if explicit:
            # Several dates (a past milestone, stages): the goal's deadline is the latest one.
            day, phrase = max(explicit, key=lambda found: found[0])
            return Deadline(day, phrase)
        relative = _relative(folded, today)
    except (OverflowError, ValueError):
        return Deadline()
    if relative:
        return relative
    for phrase in VAGUE:
        if re.search(r"(?<![\w'])" + re.escape(phrase) + r"(?![\w])", folded):
            return Deadline(vague=phrase)
    return Deadline()


# Spans of a career said without a date: "long term", "à moyen terme", "in the coming years",
# "au cours des prochaines saisons". A horizon, not a deadline.
TERMS = re.compile(
    r"\b(?:long[- ]term|short[- ]term|medium[- ]term|mid[- ]term|in the long run|"
    r"in the short run|(?:in|over) the (?:coming|next) (?:few |couple of )?(?:years|seasons)|"
    r"in (?:the )?years to come|a (?:court|moyen|long) terme|a terme|"
    r"(?:dans|au cours) (?:des|les) (?:\w+ )?(?:prochaines|annees a venir)|"
    r"dans les annees a venir|d'ici quelques annees|dans quelques annees)\b"
)


def find_term(text: str) -> str:
    """The career span `text` states without a date ("long term", "à moyen terme", "in the
    coming years"), folded, or ""."""
    found = TERMS.search(re.sub(r"\s+", " ", fold(text)))
    return found.group(0) if found else ""
