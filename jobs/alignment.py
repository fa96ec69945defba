"""Does an answer to "What are your career goals?" fit the job applied for? EN and FR, any field.

`check_answer(posting_text, answer_text, lang="en")` returns the JSON contract

    {"aligned": true|false, "issues": [{"code", "message"}], "suggestions": [...]}

with stable issue codes, in this order:

- `contradicts_role`: the answer turns away from the posting's core work: an intention to
  avoid, leave, stop or do less of something (the language toolkit's cues and their scope),
  whose scope is close in meaning to what the posting asks ("I'd like a role that doesn't
  involve working with customers as much" for a sales posting; "loin des enfants" for a CPE);
- `unrelated_field`: a goal that names work of another field: it is far in meaning from the
  posting, and it names an ESCO occupation that is far from the posting too ("be a registered
  nurse" for a bookkeeping job);
- `no_value_to_employer`: no clause commits the person to something for others, or describes an
  outcome their work brings, about the posting's work or the employer's people ("I'll keep the
  van stocked", "children in my group will have a safe day", "j'offrirai aux usagers…");
- `no_win_win`: no clause ties this job to the person's own path ("this role is exactly where
  I can do that", "visiting people every day teaches me…", "ce poste me permettra…");
- `vague`: too short, no horizon, or no concrete aim (a role, a skill or an outcome).

Nothing here lists fields, roles or industries: the posting's core work is read from the posting
itself and the taxonomy (`jobs.posting_core`), the answer's structure from its grammar
(`jobs.answer_reading`, `core.language`), and the two are compared by meaning
(`jobs.meaning`). `aligned` is true only when there is no issue at all. Messages and
suggestions are in `lang`; when there is an issue the last suggestion is an example answer built
from the posting, which passes this check itself (`jobs.example_answer`).
"""

import re
from dataclasses import dataclass, replace

from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext as _

from core.language import content_stems
from jobs.answer_reading import is_refinement, read_answer
from jobs.example_answer import example_answer
from jobs.meaning import GENERIC_JOB_WORDS, closeness, field_words, similarity_matrix
from jobs.posting_core import read_posting

__all__ = ["CODES", "check_answer"]

CODES = ("contradicts_role", "unrelated_field", "no_value_to_employer", "no_win_win", "vague")

# Parameters, chosen on the development cases (jobs/tests/alignment_cases_*.py and
# alignment_dev_*.py) together; bench/interview_coach.py prints their effect.
# Closeness (jobs.meaning.Closeness.score) at which an avoided phrase is the posting's work.
CORE_WORK = 0.5
# A goal farther than this from the posting (semantic channel), sharing less than this share of
# its words with it, may be in another field…
FAR_GOAL = 0.5
SHARED_WORDS = 0.5
# …when it names an ESCO occupation (this close to the goal in meaning, sharing a word with it)
OCCUPATION_FIT = 0.42
# …better than it describes the posting, by this margin…
NAMES_ELSEWHERE = 0.15
# …that is itself this far from the posting, and shares less than this share of its ESCO
# skills (Jaccard) with each of the posting's occupations ("financial planner" and "bank
# teller" share 0.20; "pastry chef" and "security guard" 0.01).
SHARED_SKILLS = 0.05
# The occupations a goal names: the best fit and those this close to it.
NAMED_SPREAD = 0.1
FAR_OCCUPATION = 0.4
# Without a taxonomy, a goal this far from the posting, with words of its own, is elsewhere.
FAR_GOAL_ALONE = 0.2
# A contribution or an outcome this close to the posting is about its work.
VALUE_CLOSENESS = 0.35
# The work itself as the subject of a "teaches me / me permettra" clause.
LINK_CLOSENESS = 0.35
# A goal this close to the posting is concrete.
CONCRETE_GOAL = 0.4
# How vague wishes sound, in both languages: a goal this close in meaning to one of them, and
# naming nothing concrete, is vague. The register of wishes, not a list of fields.
VAGUE_WISHES = (
    "be successful", "be happy", "grow", "do my best", "something interesting",
    "see where it goes", "new challenges", "a better job", "réussir", "être heureux",
    "évoluer", "faire de mon mieux", "quelque chose d'intéressant", "voir où ça me mène",
    "de nouveaux défis", "un meilleur emploi",
)  # fmt: skip
VAGUE_WISH = 0.45
# Fewer content words than this is too short to state a goal.
MIN_CONTENT_WORDS = 6

# What a posting is, as opposed to what it asks: its role and its ESCO occupations.
IDENTITY = ("role", "occupation")
# Employer-side pronouns: "your team", "vos clients".
_EMPLOYER = re.compile(r"\b(?:you|your|yours|vous|votre|vos)\b")


@dataclass
class Alignment:
    issues: list
    suggestions: list

    @property
    def aligned(self):
        return not self.issues

    def as_dict(self):
        return {
            "aligned": self.aligned,
            "issues": [{"code": code, "message": message} for code, message in self.issues],
            "suggestions": [str(s) for s in self.suggestions],
        }


def check_answer(posting_text: str, answer_text: str, lang: str = "en") -> dict:
    """Judge an answer to "What are your career goals?" against a job posting.

    Returns the JSON contract: {"aligned", "issues": [{"code", "message"}], "suggestions"}.
    """
    lang = lang if lang in ("en", "fr") else "en"
    with translation.override(lang):
        return _check(posting_text or "", answer_text or "", lang, with_example=True).as_dict()


def judge(posting_text: str, answer_text: str, lang: str = "en") -> list[str]:
    """The issue codes alone, in order (the example writer checks its drafts with it)."""
    with translation.override(lang if lang in ("en", "fr") else "en"):
        found = _check(posting_text or "", answer_text or "", lang, with_example=False)
    return [code for code, _message in found.issues]


@dataclass
class _Findings:
    contradiction: tuple | None = None  # (away phrase as written, posting unit)
    unrelated: tuple | None = None  # (goal as written, occupation label)
    value: bool = False
    win_win: bool = False
    vague: str = ""


def _check(posting_text, answer_text, lang, with_example):
    posting = read_posting(posting_text)
    reading = read_answer(answer_text)
    findings = _Findings()
    findings.contradiction = _contradiction(reading, posting)
    # Goals are compared with what the posting asks and the skills ESCO says its work needs.
    goal_scores = closeness(
        [g.scope for g in reading.goals], replace(posting, units=posting.units + posting.skills)
    )
    findings.unrelated = _unrelated(reading, posting, goal_scores, lang)
    findings.value = _has_value(reading, posting)
    findings.win_win = _has_win_win(reading, posting)
    findings.vague = _vagueness(reading, posting, goal_scores, findings.unrelated)

    issues, suggestions = [], []
    role = posting.role or _("this job")
    if findings.contradiction:
        phrase, unit = findings.contradiction
        issues.append(
            (
                "contradicts_role",
                _(
                    "The answer wants less of what this job is about: “%(phrase)s”, while the "
                    "posting centres on “%(term)s”."
                )
                % {"phrase": phrase, "term": unit},
            )
        )
        suggestions.append(
            _(
                "Show that you want more of “%(term)s”, not less: say what you enjoy in it and "
                "how you want to grow in it."
            )
            % {"term": unit}
        )
    if findings.unrelated:
        goal, occupation = findings.unrelated
        issues.append(
            (
                "unrelated_field",
                _("The answer aims at “%(goal)s” (%(occupation)s), far from this job: %(role)s.")
                % {"goal": goal, "occupation": occupation, "role": role},
            )
        )
        suggestions.append(
            _(
                "Describe a goal that grows out of this job (%(role)s): the role you want to grow "
                "into and the skills from this posting you want to master."
            )
            % {"role": role}
        )
    if not findings.value:
        issues.append(
            (
                "no_value_to_employer",
                _(
                    "The answer does not say how you will add value to the business: its team, "
                    "its clients or its results."
                ),
            )
        )
        suggestions.append(
            _(
                "Add one sentence on what you will bring to the people this job serves: for "
                "example, “I will %(duty)s carefully, so that…”."
            )
            % {"duty": _first_duty(posting) or _("do this work")}
        )
    if not findings.win_win:
        issues.append(
            ("no_win_win", _("The answer does not say how this job serves your own goal."))
        )
        suggestions.append(
            _(
                "Link the job to your goal: “This position is the right step toward …, because "
                "it lets me …”."
            )
        )
    if findings.vague:
        issues.append(("vague", findings.vague))
        suggestions.append(
            _("Give a horizon and a concrete aim: “In three years, I want to be a … who …”.")
        )
    if issues and with_example:
        suggestions.append(
            _("For example: “%(answer)s”") % {"answer": example_answer(posting_text, lang, judge)}
        )
    return Alignment(issues, suggestions)


def _first_duty(posting):
    for duty in posting.duties:
        if len(duty.split()) >= 2:
            return duty[0].lower() + duty[1:]
    return ""


def _subphrases(scope):
    parts = [scope]
    pieces = [p.strip() for p in re.split(r",|\b(?:and|or|et|ou|ni|nor)\b", scope) if p.strip()]
    if len(pieces) > 1:
        parts += pieces
    return parts


def _contradiction(reading, posting):
    posting = replace(posting, units=posting.units + posting.skills)
    best = None
    for away in reading.aways:
        phrases = _subphrases(away.scope)
        scores = closeness(phrases, posting)
        top = max(scores, key=lambda c: c.score)
        if top.score >= CORE_WORK and (best is None or top.score > best[0]):
            quoted = reading.text[min(away.cue_start, away.scope_start) : away.scope_end]
            best = (top.score, quoted.strip(), top.unit)
    return best[1:] if best else None


def _occupations_named(goal, lang):
    """The ESCO occupations a goal may name: [(label, fit, id)], best fit first. Only those
    whose label shares a field word with the goal (not "team" or "supervisor") and that are
    close to it in meaning."""
    stems = set(content_stems(goal)) - GENERIC_JOB_WORDS
    if not stems:
        return []
    try:
        from taxonomy.search import search_occupations

        found = search_occupations(goal, lang, 5)
    except DatabaseError:
        return []
    candidates = []
    for match in found:
        shared = set()
        for label in (match.label, match.matched_label):
            shared |= set(content_stems(label)) & stems
        if shared:
            candidates.append((match.label.split("/")[0], match.concept_id))
    if not candidates:
        return []
    fits = similarity_matrix([goal], [label for label, _id in candidates])[0]
    named = [
        (label, float(fit), pk)
        for (label, pk), fit in zip(candidates, fits, strict=True)
        if fit >= OCCUPATION_FIT
    ]
    return sorted(named, key=lambda item: -item[1])


def _occupation_of(goal, lang):
    named = _occupations_named(goal, lang)
    return named[0][:2] if named else None


def _share_skills(occupation_id, posting):
    """Whether an occupation shares enough ESCO skills with the posting's occupations to be
    one of their neighbours ("financial planner" and "bank teller": Jaccard 0.20)."""
    if not posting.occupation_ids:
        return False
    from taxonomy.models import OccupationSkill

    rows = OccupationSkill.objects.filter(
        occupation_id__in=[occupation_id, *posting.occupation_ids]
    ).values_list("occupation_id", "skill_id")
    skills = {}
    for pk, skill in rows:
        skills.setdefault(pk, set()).add(skill)
    own = skills.get(occupation_id, set())
    for pk in posting.occupation_ids:
        other = skills.get(pk, set())
        if pk == occupation_id or (
            own and other and len(own & other) / len(own | other) >= SHARED_SKILLS
        ):
            return True
    return False


def _unrelated(reading, posting, goal_scores, lang):
    # What the posting is, without words every field has ("assistant", "supervisor").
    identity = replace(
        posting,
        units=tuple(
            replace(u, text=field_words(u.text)) for u in posting.units if u.kind in IDENTITY
        ),
    )
    for goal, score in zip(reading.goals, goal_scores, strict=True):
        if score.semantic >= FAR_GOAL or score.lexical >= SHARED_WORDS:
            continue  # close in meaning, or most of its words are the posting's
        if is_refinement(goal):
            continue  # "specialise in PLC programming" sharpens this job
        named = _occupations_named(goal.scope, lang)
        named = [item for item in named if item[1] >= named[0][1] - NAMED_SPREAD][:2]
        if named and _wish_likeness(goal.scope) < named[0][1]:
            label, fit, _pk = named[0]
            # The goal must name that occupation better than it describes this posting…
            if fit - score.semantic < NAMES_ELSEWHERE:
                continue
            # …and no occupation it may name is near what the posting is: close in meaning,
            # or sharing skills in ESCO.
            near = closeness([field_words(name) for name, _fit, _pk in named], identity)
            if any(c.score >= FAR_OCCUPATION for c in near):
                continue
            if any(_share_skills(pk, posting) for _name, _fit, pk in named):
                continue
            return goal.scope, label
        if (
            not named
            and score.score < FAR_GOAL_ALONE
            and not _is_wish(goal.scope)
            and not _taxonomy_available()
        ):
            own = set(content_stems(goal.scope)) - GENERIC_JOB_WORDS
            if len(own) >= 2:
                return goal.scope, goal.scope
    return None


def _taxonomy_available():
    try:
        from taxonomy.models import Occupation

        return Occupation.objects.exists()
    except DatabaseError:
        return False


def _has_value(reading, posting):
    if reading.contributions:
        return True
    clauses = reading.bare_contributions + reading.outcome_clauses
    scores = closeness([c.text for c in clauses], posting)
    return any(score.score >= VALUE_CLOSENESS for score in scores)


def _has_win_win(reading, posting):
    if reading.links:
        return True
    scores = closeness([c.text for c in reading.link_candidates], posting)
    return any(score.score >= LINK_CLOSENESS for score in scores)


def _concrete(goal, score, lang):
    """A goal names something one can check: close to the posting's work, an ESCO
    occupation, a number or a credential's acronym ("CPA", "DEC")."""
    if score.score >= CONCRETE_GOAL or re.search(r"\d|\b[A-Z]{2,5}\b", goal.scope):
        return True
    return _occupation_of(goal.scope, lang) is not None


def _wish_likeness(text):
    """How close a goal sounds to a vague wish ("réussir ma vie" to "réussir")."""
    return float(similarity_matrix([text], VAGUE_WISHES).max())


def _is_wish(text):
    return _wish_likeness(text) >= VAGUE_WISH


def _vagueness(reading, posting, goal_scores, unrelated):
    if reading.content_words < MIN_CONTENT_WORDS:
        return _("The answer is too short to show a goal: say what you aim at and by when.")
    wish = ""
    if reading.goals and not (unrelated or reading.aways):
        loose = [
            goal
            for goal, score in zip(reading.goals, goal_scores, strict=True)
            if not _concrete(goal, score, posting.lang)
        ]
        if len(loose) == len(reading.goals):
            wishes = similarity_matrix([goal.scope for goal in loose], VAGUE_WISHES).max(axis=1)
            if all(value >= VAGUE_WISH for value in wishes):
                wish = loose[0].scope
    elif not reading.goals and not reading.aways:
        scores = closeness([c.text for c in reading.clauses], posting)
        if not any(s.score >= CONCRETE_GOAL for s in scores):
            return _(
                "The answer does not say what you aim at: name the role, the skills or the "
                "results you want to reach."
            )
    if wish:
        return _(
            "The answer stays vague (“%(phrase)s”): name the role, the skills or the results "
            "you aim at."
        ) % {"phrase": wish}
    if not reading.horizon:
        return _(
            "The answer has no horizon: say where you want to be and when (for example, in "
            "three years)."
        )
    return ""
