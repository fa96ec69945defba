"""Matching a mentee with mentors: one score, explained part by part.

The score (0–100) is a weighted sum of five parts, each worth 0..1:

- skills: how many of the skills the mentee needs (their target occupations' missing essential
  skills and the skills their goals call for) the mentor has; a mentor with a broader or narrower
  skill of the same ESCO branch earns half credit. Five covered skills earn full credit: nobody
  needs a mentor who knows all thirty skills of an occupation.
- values: how many of the mentee's chosen values the mentor shares (three shared = full credit).
- style: the share of the mentee's stated preferences (approach, structure, frequency, channel)
  the mentor's answers fit; a mentor who answered "either" fits both.
- language: full when the mentor speaks the mentee's preferred language, half for another shared
  language. No shared language at all is a hard filter.
- capacity: the share of the mentor's places still free (a mentor with room has more time).

A part the mentee gave no information for counts as neutral (0.5), so that it neither lifts nor
sinks anyone. `score_parts` is the one formula; `mentoring.cohort` computes the same formula on
whole matrices for programmes, and a test holds the two equal.

This module is pure: facts in, parts of the score and their explanation out, no database.
`mentoring.selectors` reads the facts from the database and ranks the mentors.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentoring.choices import STYLE_CHOICES, STYLE_TITLES, language_name

WEIGHTS = {"skills": 45, "values": 20, "style": 20, "language": 10, "capacity": 5}
SKILLS_FOR_FULL_CREDIT = 5
VALUES_FOR_FULL_CREDIT = 3
PARTIAL_SKILL_CREDIT = 0.5
NEUTRAL = 0.5
OTHER_LANGUAGE_CREDIT = 0.5
EITHER = "either"
STYLE_QUESTIONS = ("approach", "structure", "frequency", "channel")
ITEMS_SHOWN = 5


@dataclass(frozen=True)
class MenteeFacts:
    """What matching knows about a mentee; skills are keys (ESCO ids or normalised labels)."""

    needs: frozenset = frozenset()
    values: frozenset = frozenset()
    style: dict = field(default_factory=dict)
    languages: tuple = ()  # the first is the preferred one


@dataclass(frozen=True)
class MentorFacts:
    key: object
    expertise: frozenset = frozenset()
    values: frozenset = frozenset()
    style: dict = field(default_factory=dict)
    languages: tuple = ()
    capacity: int = 1
    active: int = 0
    accepting: bool = True

    @property
    def places_left(self):
        return max(0, self.capacity - self.active)


def style_fits(mentee_answer: str | None, mentor_answer: str | None) -> bool:
    return mentor_answer in (mentee_answer, EITHER, "", None)


def stated_preferences(style: dict) -> list[str]:
    return [q for q in STYLE_QUESTIONS if style.get(q) not in (None, "", EITHER)]


def exclusion(mentee: MenteeFacts, mentor: MentorFacts, same_person: bool = False) -> str | None:
    """Why `mentor` cannot be proposed to `mentee` (a hard filter), or None."""
    if same_person:
        return "self"
    if not mentor.accepting:
        return "not_accepting"
    if mentor.places_left <= 0:
        return "full"
    if not set(mentee.languages) & set(mentor.languages):
        return "no_language"
    return None


def score_parts(
    mentee: MenteeFacts, mentor: MentorFacts, partial: frozenset = frozenset()
) -> dict[str, float]:
    """Each part's value in 0..1; `partial` holds needed skills the mentor knows a neighbour of."""
    covered = mentee.needs & mentor.expertise
    partial = (partial & mentee.needs) - covered
    if mentee.needs:
        credit = len(covered) + PARTIAL_SKILL_CREDIT * len(partial)
        skills = min(credit, SKILLS_FOR_FULL_CREDIT) / min(
            len(mentee.needs), SKILLS_FOR_FULL_CREDIT
        )
    else:
        skills = NEUTRAL
    if mentee.values:
        shared = len(mentee.values & mentor.values)
        values = min(shared, VALUES_FOR_FULL_CREDIT) / min(
            len(mentee.values), VALUES_FOR_FULL_CREDIT
        )
    else:
        values = NEUTRAL
    asked = stated_preferences(mentee.style)
    if asked:
        style = sum(style_fits(mentee.style[q], mentor.style.get(q)) for q in asked) / len(asked)
    else:
        style = NEUTRAL
    if mentee.languages and mentee.languages[0] in mentor.languages:
        language = 1.0
    elif set(mentee.languages) & set(mentor.languages):
        language = OTHER_LANGUAGE_CREDIT
    else:
        language = 0.0
    capacity = mentor.places_left / mentor.capacity if mentor.capacity > 0 else 0.0
    return {
        "skills": skills,
        "values": values,
        "style": style,
        "language": language,
        "capacity": capacity,
    }


def total(parts: dict[str, float]) -> float:
    return round(sum(WEIGHTS[name] * value for name, value in parts.items()), 1)


# Explanations ---------------------------------------------------------------------------------


@dataclass
class Part:
    key: str
    title: str
    points: float
    max_points: int
    sentence: str
    items: list = field(default_factory=list)


@dataclass
class Match:
    mentor: object  # a MentorProfile (or the mentor's key in a cohort)
    score: float
    parts: list

    def as_dict(self):
        return {
            "score": self.score,
            "parts": [
                {
                    "key": p.key,
                    "title": p.title,
                    "points": p.points,
                    "max_points": p.max_points,
                    "sentence": p.sentence,
                    "items": p.items,
                }
                for p in self.parts
            ],
        }


def _listing(labels):
    labels = sorted(labels, key=str.casefold)
    shown = ", ".join(labels[:ITEMS_SHOWN])
    if len(labels) > ITEMS_SHOWN:
        more = len(labels) - ITEMS_SHOWN
        shown += " " + ngettext("and %(count)d more", "and %(count)d more", more) % {"count": more}
    return shown


def explain(
    mentee: MenteeFacts,
    mentor: MentorFacts,
    name: str,
    partial: frozenset = frozenset(),
    skill_labels: dict | None = None,
    value_labels: dict | None = None,
) -> Match:
    """The score of `mentor` for `mentee` and one translated sentence per part, naming items."""
    skill_labels = skill_labels or {}
    value_labels = value_labels or {}
    parts = score_parts(mentee, mentor, partial)
    out = []

    covered = mentee.needs & mentor.expertise
    near = (partial & mentee.needs) - covered
    if not mentee.needs:
        sentence = _(
            "We do not know which skills you need yet: add a target occupation or a goal with "
            "skills to compare mentors on skills."
        )
        items = []
    elif covered or near:
        items = [skill_labels.get(k, str(k)) for k in covered]
        sentence = ngettext(
            "%(name)s knows %(count)d of the %(total)d skills you need: %(items)s.",
            "%(name)s knows %(count)d of the %(total)d skills you need: %(items)s.",
            len(covered),
        ) % {
            "name": name,
            "count": len(covered),
            "total": len(mentee.needs),
            "items": _listing(items) if items else "—",
        }
        if near:
            near_labels = [skill_labels.get(k, str(k)) for k in near]
            sentence += " " + _("Close to: %(items)s (half credit).") % {
                "items": _listing(near_labels)
            }
            items += near_labels
    else:
        items = []
        sentence = _("%(name)s has none of the %(total)d skills you need.") % {
            "name": name,
            "total": len(mentee.needs),
        }
    out.append(_part("skills", _("Skills for your goals"), parts, sentence, items))

    shared = [value_labels.get(v, v) for v in mentee.values & mentor.values]
    if not mentee.values:
        sentence = _("You have not chosen your values yet.")
    elif shared:
        sentence = ngettext(
            "You share %(count)d value: %(items)s.",
            "You share %(count)d values: %(items)s.",
            len(shared),
        ) % {"count": len(shared), "items": _listing(shared)}
    else:
        sentence = _("You share none of the values you chose.")
    out.append(_part("values", _("Shared values"), parts, sentence, shared))

    asked = stated_preferences(mentee.style)
    fits = [q for q in asked if style_fits(mentee.style[q], mentor.style.get(q))]
    misses = [q for q in asked if q not in fits]
    if not asked:
        sentence = _("You stated no preference on how a mentor works.")
        items = []
    else:
        items = [
            f"{STYLE_TITLES[q]}: {STYLE_CHOICES[q].get(mentee.style[q], mentee.style[q])}"
            for q in fits
        ]
        sentence = ngettext(
            "%(name)s works the way you prefer on %(count)d of %(total)d point",
            "%(name)s works the way you prefer on %(count)d of %(total)d points",
            len(asked),
        ) % {"name": name, "count": len(fits), "total": len(asked)}
        sentence += (": " + _listing(items) + ".") if items else "."
        if misses:
            sentence += " " + _("Different: %(items)s.") % {
                "items": _listing(
                    [
                        f"{STYLE_TITLES[q]}: "
                        f"{STYLE_CHOICES[q].get(mentor.style.get(q), mentor.style.get(q))}"
                        for q in misses
                    ]
                )
            }
    out.append(_part("style", _("Way of working"), parts, sentence, items))

    languages = [language_name(code) for code in mentee.languages if code in mentor.languages]
    if parts["language"] == 1.0:
        sentence = _("%(name)s speaks your preferred language (%(language)s).") % {
            "name": name,
            "language": language_name(mentee.languages[0]),
        }
    elif languages:
        sentence = _("You can talk in %(items)s, not your preferred language.") % {
            "items": _listing(languages)
        }
    else:
        sentence = _("You share no language.")
    out.append(_part("language", _("Language"), parts, sentence, languages))

    sentence = ngettext(
        "%(name)s has %(left)d place left out of %(capacity)d.",
        "%(name)s has %(left)d places left out of %(capacity)d.",
        mentor.places_left,
    ) % {"name": name, "left": mentor.places_left, "capacity": mentor.capacity}
    out.append(_part("capacity", _("Availability"), parts, sentence, []))
    return Match(mentor=mentor.key, score=total(parts), parts=out)


def _part(key, title, parts, sentence, items):
    return Part(
        key=key,
        title=title,
        points=round(WEIGHTS[key] * parts[key], 1),
        max_points=WEIGHTS[key],
        sentence=sentence,
        items=list(items),
    )
