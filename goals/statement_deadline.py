"""The deadline written in a goal's statement and the goal's deadline field are one fact.

One rule for the goal form (on save and in its live feedback), the API (create and update) and
the SMART check, `settle`:

- the statement's date is read by the language toolkit (`find_deadline`), relative phrases
  ("in 18 months", "d'ici deux ans") from the day the statement was written;
- no date in the statement: the deadline field is the deadline (it may be empty);
- a date in the statement and an empty field: the field is filled with it;
- the same date in both: nothing to do;
- two different dates:
  - the field held the statement's earlier date only because the statement said so
    (`follows`): the field follows the statement;
  - the person chose (`keep`): "statement" moves the field to the statement's date,
    "deadline" rewrites the statement's date phrase to the field's date ("by June 30, 2027",
    "d'ici le 30 juin 2027"), in the statement's language;
  - otherwise they disagree: nothing is decided, the person is told both dates in their
    language and asked which one is right. Neither is ever dropped silently.

The achievable (effort) check and the horizon follow the deadline kept (goals.smart).
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import dateformat, translation
from django.utils.translation import gettext as _

from core.language import detect_language, find_deadline, fold, fold_map, span_of
from goals.models import Goal

__all__ = [
    "KEEP_DEADLINE",
    "KEEP_STATEMENT",
    "Settled",
    "date_phrase",
    "disagreement",
    "follows",
    "settle",
    "settle_goal",
    "stated_deadline",
]

KEEP_STATEMENT = "statement"
KEEP_DEADLINE = "deadline"

# Words that lead a date ("by", "d'ici"...): swallowed with the date when it is rewritten, so
# the new phrase ("by June 30, 2027") does not double them.
_LEAD = re.compile(
    r"(?:\b(?:by the end of|by|before|until|till|no later than|in|within|on|around|"
    r"d'ici la fin de|d'ici a|d'ici|avant|au plus tard le|au plus tard|en|dans|pour|vers|"
    r"jusqu'au|jusqu'a))\s*$"
)


@dataclass(frozen=True)
class Settled:
    """What `settle` decided: the statement and the deadline to keep, and why."""

    statement: str  # the statement to keep (its date phrase rewritten when the field won)
    deadline: dt.date | None  # the goal's deadline: one fact with the statement's date
    stated: dt.date | None  # the date the statement states, as written
    phrase: str  # the statement's date phrase, as written ("" without one)
    given: dt.date | None  # the deadline field as given
    written_on: dt.date  # the day the statement's relative phrases are read from
    lang: str  # the statement's language: a rewritten date phrase is written in it
    change: str = ""  # "", "filled", "followed", "kept_statement", "rewritten", "conflict"

    @property
    def conflict(self) -> bool:
        return self.change == "conflict"

    def new_phrase(self) -> str:
        """The phrase the statement would say if the deadline field's date were kept."""
        return date_phrase(self.given, self.lang) if self.given else ""

    def message(self) -> str:
        """The sentence telling the person what happened or what to choose (translated in the
        active language); "" when nothing happened."""
        if self.conflict:
            return disagreement(self.stated, self.phrase, self.given)
        if self.change == "filled":
            return _("The deadline field was filled from your goal: %(date)s (“%(phrase)s”).") % {
                "date": self.deadline.isoformat(),
                "phrase": self.phrase,
            }
        if self.change in ("followed", "kept_statement"):
            return _("The deadline field follows your goal: %(date)s (“%(phrase)s”).") % {
                "date": self.deadline.isoformat(),
                "phrase": self.phrase,
            }
        if self.change == "rewritten":
            return _("Your goal now says “%(phrase)s”, as the deadline field does.") % {
                "phrase": date_phrase(self.deadline, self.lang)
            }
        return ""


def disagreement(stated: dt.date, phrase: str, given: dt.date) -> str:
    """The sentence for a statement and a deadline field that disagree (translated)."""
    return _(
        "Your goal says %(stated)s (“%(phrase)s”) but the deadline field says %(given)s: "
        "which one is right?"
    ) % {"stated": stated.isoformat(), "phrase": phrase, "given": given.isoformat()}


def stated_deadline(statement: str, written_on: dt.date) -> tuple[dt.date | None, str]:
    """(date, phrase as written) of the deadline `statement` states, relative phrases read
    from `written_on`; (None, "") without one."""
    found = find_deadline(statement or "", written_on)
    if not found.found:
        return None, ""
    span = span_of(statement, found.phrase)
    return found.date, (statement[span[0] : span[1]] if span else found.phrase)


def settle(
    statement: str,
    deadline: dt.date | None,
    *,
    written_on: dt.date,
    follows: dt.date | None = None,
    keep: str = "",
    lang: str = "en",
) -> Settled:
    """Settle `statement` and the `deadline` field into one fact (see the module docstring).

    `written_on` is the day the statement was written (relative phrases are read from it);
    `follows` is the date the field holds only because the statement said so (the field then
    follows the statement); `keep` is the person's choice when they disagree ("statement" or
    "deadline"); `lang` is the language of a rewritten phrase when the statement's own
    language cannot be told.
    """
    statement = statement or ""
    stated, phrase = stated_deadline(statement, written_on)
    language = _language(statement, lang)

    def result(**changes):
        values = {
            "statement": statement,
            "deadline": deadline,
            "stated": stated,
            "phrase": phrase,
            "given": deadline,
            "written_on": written_on,
            "lang": language,
        }
        return Settled(**{**values, **changes})

    if stated is None or stated == deadline:
        return result()
    if deadline is None:
        return result(deadline=stated, change="filled")
    if keep == KEEP_STATEMENT:
        return result(deadline=stated, change="kept_statement")
    if keep == KEEP_DEADLINE:
        rewritten = _rewrite(statement, phrase, deadline, language)
        if rewritten is not None:
            return result(statement=rewritten, change="rewritten")
    elif follows is not None and follows == deadline:
        return result(deadline=stated, change="followed")
    return result(change="conflict")


def settle_goal(
    goal: Goal | None,
    statement: str,
    deadline: dt.date | None,
    *,
    today: dt.date,
    follows: dt.date | None = None,
    keep: str = "",
    lang: str = "en",
) -> Settled:
    """`settle` for a goal being created (`goal` None) or changed: a statement left as it was
    is read from the day it was written (`Goal.statement_written_on`), a new one from today."""
    unchanged = goal is not None and goal.pk is not None and statement == goal.statement
    written_on = goal.statement_written_on() if unchanged else today
    return settle(statement, deadline, written_on=written_on, follows=follows, keep=keep, lang=lang)


def follows(goal: Goal) -> dt.date | None:
    """The goal's deadline when it is the date the goal's statement states (the field then
    follows the statement when the statement's date changes); None otherwise."""
    if goal.pk is None or goal.deadline is None:
        return None
    stated, _phrase = stated_deadline(goal.statement, goal.statement_written_on())
    return goal.deadline if stated == goal.deadline else None


def date_phrase(day: dt.date, lang: str) -> str:
    """A deadline phrase for `day` that the toolkit reads back: "by June 30, 2027", "d'ici le
    30 juin 2027" (1er for the first of the month)."""
    with translation.override(lang):
        if lang == "fr":
            first = "1er" if day.day == 1 else str(day.day)
            return f"d'ici le {first} {dateformat.format(day, 'F Y')}"
        return f"by {dateformat.format(day, 'F j, Y')}"


def _language(statement: str, default: str = "en") -> str:
    return detect_language(statement, default=default if default in ("en", "fr") else "en")


def _rewrite(statement: str, phrase: str, day: dt.date, lang: str) -> str | None:
    """`statement` with its date phrase (and the word leading it) replaced by `day`'s phrase;
    None when the result would not state `day` (another, later date in the statement)."""
    folded, origin = fold_map(statement)
    at = folded.find(fold(phrase))
    if at < 0:
        return None
    start, end = origin[at], origin[at + len(fold(phrase)) - 1] + 1
    lead = _LEAD.search(folded[:at])
    if lead:
        start = origin[lead.start()]
    rewritten = statement[:start] + date_phrase(day, lang) + statement[end:]
    if find_deadline(rewritten, day).date != day:
        return None
    return rewritten
