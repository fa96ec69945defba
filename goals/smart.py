"""The SMART check of a career goal, in English and French: one rule for the web, API and CLI.

`check(text, lang="en", today=None, profile=None)` returns a `SmartResult`; `result.as_dict()`
is the JSON contract:

    {"lang", "criteria": {"specific", "measurable", "achievable", "relevant", "time_bound"},
     "horizon", "suggestions"}

where each criterion is {"met": true|false|null, "reason": "..."} (time_bound also carries
"deadline": "YYYY-MM-DD"|null). Achievable and relevant need the person's profile: without one
they are null, with a reason saying so.

The goal is read by `goals.goal_text` (the language toolkit's numbers, durations and dates,
grammar patterns of credentials, positions, levels and self-improvement) and the taxonomy:
any ESCO occupation or skill label it names counts as a concrete target (`taxonomy.lexicon`,
built once per process; with an empty taxonomy the grammar alone decides). The caller can pass
the goal's target occupation in `occupation_hits`. Relevance compares the goal with the
person's targets and skills: their words, their links in ESCO (a skill the target needs, the
same occupation group) and their meaning (the sentence encoder).
"""

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from core.language import (
    Deadline,
    add_months,
    content_stems,
    content_words,
    detect_language,
    end_of_month,
    fold,
    horizon_of,
    original_words,
    span_of,
)
from goals.goal_text import concrete_action, read_goal
from goals.statement_deadline import disagreement

__all__ = [
    "LANGUAGES",
    "Profile",
    "SmartResult",
    "check",
    "detect_language",
    "profile_for",
]

LANGUAGES = ("en", "fr")
# A goal is a sentence or two: longer texts are read up to here (the API and the form stop at
# 2000 characters; this bounds what the CLI or a caller can ask).
MAX_CHARS = 10_000

# --- Data ------------------------------------------------------------------------------------


@dataclass
class Profile:
    """What the check needs to know about a person to judge achievable and relevant."""

    hours_per_week: float | None = None
    estimated_effort_hours: float | None = None
    skills: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    experience: str = ""
    # ESCO ids of the skills and targets in the same order (None for a free-text skill), when
    # known: relevance then follows ESCO's links.
    skill_ids: list[int | None] = field(default_factory=list)
    target_ids: list[int | None] = field(default_factory=list)
    # (competency, role) pairs the person's job roles expect (goals.context).
    competencies: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Criterion:
    met: bool | None
    reason: str

    def as_dict(self):
        return {"met": self.met, "reason": self.reason}


@dataclass
class SmartResult:
    lang: str
    specific: Criterion
    measurable: Criterion
    achievable: Criterion
    relevant: Criterion
    time_bound: Criterion
    deadline: dt.date | None
    horizon: str | None
    suggestions: list[str]

    @property
    def criteria(self):
        """(key, label, criterion) in SMART order, labels in the result's language."""
        with translation.override(self.lang):
            labels = {
                "specific": _("Specific"),
                "measurable": _("Measurable"),
                "achievable": _("Achievable"),
                "relevant": _("Relevant"),
                "time_bound": _("Time-bound"),
            }
        return [(key, labels[key], getattr(self, key)) for key in labels]

    def as_dict(self):
        time_bound = self.time_bound.as_dict()
        time_bound["deadline"] = self.deadline.isoformat() if self.deadline else None
        return {
            "lang": self.lang,
            "criteria": {
                "specific": self.specific.as_dict(),
                "measurable": self.measurable.as_dict(),
                "achievable": self.achievable.as_dict(),
                "relevant": self.relevant.as_dict(),
                "time_bound": time_bound,
            },
            "horizon": self.horizon,
            "suggestions": list(self.suggestions),
        }


# --- The check -------------------------------------------------------------------------------


def check(
    text: str,
    lang: str = "en",
    today: dt.date | None = None,
    profile: Profile | None = None,
    occupation_hits: Iterable[str] = (),
    deadline: dt.date | None = None,
    written_on: dt.date | None = None,
) -> SmartResult:
    """Judge `text` against the five SMART criteria; reasons and suggestions in `lang`.

    `occupation_hits` are labels of ESCO occupations or skills the caller knows the goal is
    about (its target occupation, taxonomy search results): an extra signal for "specific".
    `deadline` is the goal's deadline field: the deadline when the text states none; when the
    text states another date, the two disagree (goals.statement_deadline) and the check says so
    instead of choosing: time-bound, the horizon and achievable wait for the person's choice.
    `written_on` is the day the text was written (default `today`): its relative deadlines
    ("in 18 months") are read from it.
    """
    lang = lang if lang in LANGUAGES else detect_language(text or "")
    today = today or dt.date.today()
    text = (text or "")[:MAX_CHARS].strip()
    with translation.override(lang):
        return _check(
            text, lang, today, profile, list(occupation_hits), deadline, written_on or today
        )


def _lexicon():
    """The taxonomy's label lookup, or None when the taxonomy cannot be read at all (no
    database in this process): the check then reads the grammar alone, and never fails."""
    from taxonomy.lexicon import lexicon

    try:
        return lexicon()
    except Exception:  # noqa: BLE001 - a check without the taxonomy beats no check
        return None


def _check(text, lang, today, profile, occupation_hits, deadline_field, written_on):
    reading = read_goal(text, lang, written_on, _lexicon())
    deadline = reading.deadline
    from_field = False
    disagree = deadline.found and deadline_field is not None and deadline.date != deadline_field
    if not deadline.found and deadline_field is not None:
        deadline, from_field = Deadline(date=deadline_field), True
    suggestions = []

    def quote(phrase):
        return original_words(text, phrase)

    specific = _specific(reading, occupation_hits, quote)
    measurable = _measurable(reading, quote)
    time_bound = _time_bound(deadline, today, quote, from_field)
    target_date = _suggested_date(deadline, today)

    effort = profile.estimated_effort_hours if profile else None
    if effort is None and reading.effort_hours:
        effort = reading.effort_hours
    achievable, achievable_hint = _achievable(profile, deadline, today, effort)
    if disagree:
        # Two deadlines: nothing is judged on either until the person chooses the right one.
        time_bound = Criterion(
            None, disagreement(deadline.date, quote(deadline.phrase), deadline_field)
        )
        if achievable.met is not None or achievable_hint:
            achievable, achievable_hint = (
                Criterion(None, _("Cannot be judged until you choose the deadline.")),
                "",
            )
    relevant, relevant_hint = _relevant(profile, reading)

    if specific.met is False:
        suggestions.append(
            _(
                "Name what you will achieve: an occupation, a skill, a credential or a result "
                "someone else could recognise."
            )
        )
    if measurable.met is False:
        suggestions.append(
            _(
                "Add an indicator you can check: a number (hours, applications, people met), "
                "a credential obtained, a position obtained or a level reached."
            )
        )
    if time_bound.met is False:
        if deadline.found:
            suggestions.append(
                _("Choose a date that is still ahead, for example %(date)s.")
                % {"date": target_date.isoformat()}
            )
        else:
            suggestions.append(
                _("Give yourself a deadline, for example “by %(date)s”.")
                % {"date": target_date.isoformat()}
            )
    if achievable_hint:
        suggestions.append(achievable_hint)
    if relevant_hint:
        suggestions.append(relevant_hint)
    if any(c.met is False for c in (specific, measurable, time_bound)):
        suggestions.append(
            _("For example: “%(goal)s”")
            % {
                "goal": _rewrite(
                    text,
                    [p for p in (deadline.phrase, deadline.vague, deadline.imprecise) if p],
                    _topic(reading),
                    specific,
                    measurable,
                    target_date,
                )
            }
        )

    kept = None if disagree else deadline.date
    return SmartResult(
        lang=lang,
        specific=specific,
        measurable=measurable,
        achievable=achievable,
        relevant=relevant,
        time_bound=time_bound,
        deadline=kept,
        horizon=horizon_of(kept, today),
        suggestions=suggestions,
    )


def _specific(reading, occupation_hits, quote):
    """Met when the goal names something someone else could recognise as done."""
    if not reading.content and not occupation_hits:
        return Criterion(False, _("The goal is empty: write what you want to achieve."))
    if reading.improvement and not reading.measure:
        return Criterion(
            False,
            _(
                "“%(phrase)s” says you want to improve, not what you will achieve: name the "
                "result, the credential, the level or the number that will show it."
            )
            % {"phrase": quote(reading.improvement)},
        )
    # A role noun that heads labels without being one ("person", "member") is not a target by
    # itself: it only confirms the role of a position ("become a veterinarian").
    occupations = [
        hit.text for hit in reading.labels if hit.kind == "occupation" and hit.concept_id
    ]
    skills = [hit.text for hit in reading.labels if hit.kind == "skill"]
    named = occupations
    if reading.position and reading.role:
        named = [*named, quote(reading.role)]
    if reading.credential_named:
        named = [*named, reading.credential_named]
    named = [*named, *skills, *reading.counts, *[hit for hit in occupation_hits if hit]]
    if reading.named_skill:
        named.append(reading.named_skill)
    if reading.level:
        named.append(quote(reading.level))
    if named:
        return Criterion(True, _("Names a concrete target: “%(target)s”.") % {"target": named[0]})
    if reading.vague:
        return Criterion(
            False,
            _("“%(phrase)s” does not say what exactly you will achieve.")
            % {"phrase": quote(reading.vague)},
        )
    if concrete_action(reading):
        verb, words = reading.action
        return Criterion(
            True,
            _("Says what you will do (“%(verb)s”) and on what: “%(object)s”.")
            % {"verb": quote(verb), "object": _object_words(reading, verb)},
        )
    return Criterion(
        False,
        _("No concrete target found: name an occupation, a skill, a credential or a result."),
    )


def _object_words(reading, verb):
    """Up to four words after the verb, as written."""
    span = span_of(reading.text, verb)
    if span is None:
        return ""
    after = reading.text[span[1] :]
    return " ".join(re.findall(r"[\w'’-]+", after)[:4])


def _measurable(reading, quote):
    """Met when progress can be checked: a number, a credential, a position or a level."""
    if reading.improvement and not reading.measure:
        return Criterion(
            False,
            _(
                "Nothing says how you would know you have improved (“%(phrase)s”): add a "
                "number, a credential, a position or a level to reach."
            )
            % {"phrase": quote(reading.improvement)},
        )
    if reading.counts:
        return Criterion(
            True,
            _("Has a number you can check: “%(indicator)s”.") % {"indicator": reading.counts[0]},
        )
    if reading.credential:
        return Criterion(
            True,
            _("Has a credential you either obtain or not: “%(indicator)s”.")
            % {"indicator": quote(reading.credential)},
        )
    if reading.position:
        return Criterion(
            True,
            _("Has a position you either obtain or not: “%(indicator)s”.")
            % {"indicator": quote(reading.position)},
        )
    if reading.level:
        return Criterion(
            True,
            _("Has a level you can test: “%(indicator)s”.") % {"indicator": quote(reading.level)},
        )
    return Criterion(
        False,
        _("No indicator to check progress: no number, credential, position or level to reach."),
    )


def _time_bound(deadline: Deadline, today, quote, from_field=False):
    if deadline.found and from_field:
        if deadline.date < today:
            return Criterion(
                False,
                _("The deadline %(date)s is already past.") % {"date": deadline.date.isoformat()},
            )
        return Criterion(
            True,
            _("Deadline: %(date)s (from the deadline field).")
            % {"date": deadline.date.isoformat()},
        )
    if deadline.found:
        if deadline.date < today:
            return Criterion(
                False,
                _("The deadline %(date)s (“%(phrase)s”) is already past.")
                % {"date": deadline.date.isoformat(), "phrase": quote(deadline.phrase)},
            )
        return Criterion(
            True,
            _("Deadline: %(date)s (from “%(phrase)s”).")
            % {"date": deadline.date.isoformat(), "phrase": quote(deadline.phrase)},
        )
    if deadline.vague:
        return Criterion(
            False,
            _("“%(phrase)s” is not a deadline: it can always be later.")
            % {"phrase": quote(deadline.vague)},
        )
    if deadline.imprecise:
        return Criterion(
            False,
            _("“%(phrase)s” is not precise enough to be a deadline: give a number or a date.")
            % {"phrase": quote(deadline.imprecise)},
        )
    return Criterion(False, _("No deadline: the goal does not say by when."))


def _suggested_date(deadline, today):
    """The date a suggestion proposes: the goal's own if it is ahead, else a year from today."""
    if deadline.found and deadline.date >= today:
        return deadline.date
    later = add_months(today, 12)
    return end_of_month(later.year, later.month)


def _achievable(profile, deadline, today, effort):
    """(Criterion, suggestion or "")."""
    if profile is None or profile.hours_per_week is None:
        return Criterion(
            None,
            _("Needs your profile: the hours per week you can give to your career."),
        ), ""
    if not deadline.found or deadline.date < today:
        return Criterion(None, _("Cannot be judged without a deadline that is still ahead.")), ""
    if effort is None:
        return Criterion(
            None, _("Cannot be judged yet: the effort the goal needs is not estimated.")
        ), _("Estimate the hours the goal needs (courses, practice, applications).")
    hours = float(profile.hours_per_week)
    weeks = (deadline.date - today).days / 7
    available = hours * weeks
    numbers = {
        "effort": _fmt(effort),
        "hours": _fmt(hours),
        "weeks": _fmt(weeks),
        "available": _fmt(available),
    }
    if effort <= available:
        return Criterion(
            True,
            _(
                "About %(effort)s hours needed; %(hours)s hours a week for %(weeks)s weeks "
                "gives %(available)s hours."
            )
            % numbers,
        ), ""
    needed_weeks = math.ceil(effort / hours) if hours > 0 else None
    hint = (
        _("Move the deadline to %(date)s, give it %(per_week)s hours a week, or reduce the scope.")
        % {
            "date": (today + dt.timedelta(weeks=needed_weeks)).isoformat(),
            "per_week": _fmt(effort / weeks if weeks > 0 else effort),
        }
        if needed_weeks
        else _("Set aside some hours each week in your profile, or reduce the scope.")
    )
    return Criterion(
        False,
        _(
            "About %(effort)s hours needed, but %(hours)s hours a week for %(weeks)s weeks "
            "gives only %(available)s hours."
        )
        % numbers,
    ), hint


def _fmt(number):
    number = round(float(number), 1)
    return str(int(number)) if number == int(number) else str(number)


# How close in meaning (cosine of the sentence encoder, -1..1) a goal and one of the person's
# targets or skills must be for the goal to relate to it when no word and no ESCO link says so.
# Chosen on the relevance cases of goals/tests/test_smart_relevance.py (see text-checks.md).
RELEVANT_SIMILARITY = 0.28


def _relevant(profile, reading):
    if profile is None:
        return Criterion(None, _("Needs your profile: your skills, experience and targets.")), ""
    sources = [(label, "target") for label in profile.targets] + [
        (label, "skill") for label in profile.skills
    ]
    if not sources and not profile.experience.strip() and not profile.competencies:
        return Criterion(
            None,
            _("Add skills or target occupations to your profile to judge relevance."),
        ), ""
    goal_tokens = set(content_stems(reading.folded))
    competency = _role_competency(profile, goal_tokens)
    if competency is not None:
        return competency, ""
    for label, kind in sources:
        label_tokens = {t for t in content_stems(label) if len(t) >= 3}
        if label_tokens and goal_tokens & label_tokens:
            return _related(label, kind), ""
    experience = {t for t in content_stems(profile.experience) if len(t) >= 4}
    shared = sorted(goal_tokens & experience)
    if shared:
        return Criterion(
            True,
            _("Relates to your experience (“%(words)s”).") % {"words": ", ".join(shared[:3])},
        ), ""
    linked = _linked_in_taxonomy(profile, reading)
    if linked:
        return linked, ""
    close = _close_in_meaning(reading, sources)
    if close:
        return _related(*close), ""
    names = ", ".join([label for label, _kind in sources][:3])
    return Criterion(
        False,
        _("Does not relate to your skills or targets (%(names)s).") % {"names": names or "—"},
    ), _("Link the goal to one of your targets or skills, or add this new target to your profile.")


def _related(label, kind):
    if kind == "target":
        return Criterion(
            True, _("Relates to your target occupation “%(label)s”.") % {"label": label}
        )
    return Criterion(True, _("Builds on your skill “%(label)s”.") % {"label": label})


def _linked_in_taxonomy(profile, reading):
    """A Criterion when ESCO links what the goal names to the person's targets or skills: a
    skill a target needs, the target itself or an occupation of its group, a skill they have
    or one their named occupation needs. Two queries at most."""
    occupation_ids = {h.concept_id for h in reading.labels if h.kind == "occupation"} - {None}
    skill_ids = {h.concept_id for h in reading.labels if h.kind == "skill"}
    targets = zip(profile.target_ids, profile.targets, strict=False)
    labels = {pk: label for pk, label in targets if pk}
    skills = zip(profile.skill_ids, profile.skills, strict=False)
    skill_labels = {pk: label for pk, label in skills if pk}
    if not (occupation_ids or skill_ids) or not (labels or skill_labels):
        return None
    from taxonomy.models import Occupation, OccupationSkill

    hit_text = {h.concept_id: h.text for h in reading.labels}
    if occupation_ids & set(labels):
        return _related(labels[min(occupation_ids & set(labels))], "target")
    if skill_ids & set(skill_labels):
        return _related(skill_labels[min(skill_ids & set(skill_labels))], "skill")
    links = OccupationSkill.objects.filter(
        occupation_id__in=set(labels) | occupation_ids
    ).values_list("occupation_id", "skill_id")
    for occupation_id, skill_id in links.order_by("occupation_id", "skill_id"):
        if occupation_id in labels and skill_id in skill_ids:
            return Criterion(
                True,
                _("Builds “%(skill)s”, which your target occupation “%(label)s” needs.")
                % {"skill": hit_text[skill_id], "label": labels[occupation_id]},
            )
        if occupation_id in occupation_ids and skill_id in skill_labels:
            return _related(skill_labels[skill_id], "skill")
    groups = dict(
        Occupation.objects.filter(
            pk__in=set(labels) | occupation_ids, isco_group__isnull=False
        ).values_list("pk", "isco_group_id")
    )
    for target, label in labels.items():
        if groups.get(target) and any(groups.get(o) == groups[target] for o in occupation_ids):
            return _related(label, "target")
    return None


def _close_in_meaning(reading, sources):
    """(label, kind) of the target or skill closest in meaning to the goal, when it is close
    enough (RELEVANT_SIMILARITY); None otherwise, or when the encoder is not available."""
    goal = " ".join(reading.folded.split())
    if not goal or not sources:
        return None
    try:
        from taxonomy.encoder import get_encoder

        vectors = get_encoder().encode([goal] + [label for label, _kind in sources])
    except Exception:  # noqa: BLE001 - meaning is a bonus: the check never fails for it
        return None
    similarities = vectors[1:] @ vectors[0]
    best = int(similarities.argmax())
    if similarities[best] < RELEVANT_SIMILARITY:
        return None
    return sources[best]


def _role_competency(profile, goal_tokens):
    """Met when the goal names a competency one of the person's job roles expects
    (goals.context: given by the organisation's competency model)."""
    for label, role in profile.competencies:
        label_tokens = {t for t in content_stems(label) if len(t) >= 3}
        if label_tokens and goal_tokens & label_tokens:
            return Criterion(
                True,
                _("Builds the competency “%(label)s” that your role (%(role)s) expects.")
                % {"label": label, "role": role},
            )
    return None


# --- Rewrites --------------------------------------------------------------------------------


def _rewrite(text, phrases_to_drop, topic, specific, measurable, target_date):
    """An example goal that keeps the person's words and adds what is missing."""
    date = target_date.isoformat()
    kept = text
    for phrase in phrases_to_drop:
        kept = _remove_folded(kept, phrase)
    kept = re.sub(r"\s+", " ", kept).strip().rstrip(".!,;").strip()
    if specific.met is False:
        if _LEADING_PEOPLE.search(fold(topic)):
            return _(
                "Complete a 40-hour team-leadership course and lead one project team of 3+ "
                "people by %(date)s"
            ) % {"date": date}
        if topic:
            return _(
                "Complete a 30-hour course in %(topic)s and use it in 2 projects at work by "
                "%(date)s"
            ) % {"topic": topic, "date": date}
        if kept:
            return _(
                "%(goal)s: obtain one certification or land a position as [occupation] by %(date)s"
            ) % {"goal": kept, "date": date}
        return _("Land a position as [occupation] by %(date)s") % {"date": date}
    base = kept
    if measurable.met is False:
        base = _("%(goal)s, shown by 2 completed projects and one certification") % {"goal": base}
    return _("%(goal)s by %(date)s") % {"goal": base, "date": date}


# A vague goal about leading people gets a leadership example rather than a course "in" it.
_LEADING_PEOPLE = re.compile(r"\b(?:manag|lead|gestion|gerer|diriger|encadr)")


def _topic(reading):
    """What a self-improvement goal is about, as written ("management", "anglais"), for the
    rewritten example; "" when it names nothing."""
    if not reading.improvement:
        return ""
    span = span_of(reading.text, reading.improvement)
    if span is None:
        return ""
    marker = reading.improvement.split()[0]
    after = reading.text[span[0] + len(marker) :]
    after = re.split(r"[.,;:!?(]", after)[0]
    words = content_words(after)
    if not words:
        return ""
    first = span_of(after, words[0])
    last = span_of(after, words[min(len(words), 3) - 1])
    if first is None or last is None or last[1] <= first[0]:
        return ""
    return after[first[0] : last[1]].strip()


def _remove_folded(text, folded_phrase):
    """`text` without the first occurrence of `folded_phrase`, matched accent- and case-blind."""
    span = span_of(text, folded_phrase)
    return text if span is None else text[: span[0]] + text[span[1] :]


def profile_for(user: User, estimated_effort_hours: float | None = None) -> Profile:
    """The `Profile` of a signed-in person: hours per week, skills, target occupations and the
    experience told in their latest reflection.

    Three queries, whatever the size of the profile, plus those of the role providers
    registered in goals.context (the competencies a person's job roles expect).
    """
    from core.access import owned
    from taxonomy.models import TargetOccupation, UserSkill

    language = getattr(user, "language", None)
    skills = [
        (us.skill.label(language), us.skill_id) if us.skill_id else (us.free_text, None)
        for us in owned(UserSkill, user).select_related("skill")
    ]
    skills = [(label, pk) for label, pk in skills if label]
    targets = [
        (target.occupation.label(language), target.occupation_id)
        for target in owned(TargetOccupation, user).select_related("occupation")
    ]
    reflection = user.reflections.first()
    experience = " ".join([reflection.accomplishments, reflection.skills]) if reflection else ""
    from goals.context import role_contexts

    competencies = [
        (name, context.role) for context in role_contexts(user) for name in context.competencies
    ]
    return Profile(
        hours_per_week=float(user.hours_per_week) if user.hours_per_week is not None else None,
        estimated_effort_hours=estimated_effort_hours,
        skills=[label for label, _pk in skills],
        targets=[label for label, _pk in targets],
        experience=experience,
        skill_ids=[pk for _label, pk in skills],
        target_ids=[pk for _label, pk in targets],
        competencies=competencies,
    )
