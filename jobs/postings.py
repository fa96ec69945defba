"""Reading a job posting: the skills it asks for, and the gap against the person's profile.

Skill detection is the taxonomy app's extraction (`taxonomy.extraction.extract_skills`); this
module stores what it finds on the application, keeps out the skills the person removed as
wrong, and compares the kept ones with the person's skills (`taxonomy.models.UserSkill`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from accounts.models import User
from core.access import owned
from jobs.models import Application, DetectedSkill


class ExtractionUnavailable(RuntimeError):
    """The taxonomy app offers no skill extraction in this installation."""


def _extractor():
    try:
        from taxonomy.extraction import extract_skills
    except ImportError as error:
        raise ExtractionUnavailable(str(error)) from error
    return extract_skills


def extraction_available() -> bool:
    try:
        _extractor()
    except ExtractionUnavailable:
        return False
    return True


def _read(found, name, default=None):
    if isinstance(found, dict):
        return found.get(name, default)
    return getattr(found, name, default)


def _normalise(found):
    """(skill_id, confidence, matched_text, start, end) from one result of extract_skills.

    Results are `taxonomy.extraction.FoundSkill` (concept_id, span text, start, end,
    confidence); mappings with the same names, or with `skill` and a (start, end) `span`, are
    read too.
    """
    skill = _read(found, "skill")
    skill_id = _read(found, "concept_id") or _read(found, "skill_id") or getattr(skill, "pk", None)
    start, end = _read(found, "start"), _read(found, "end")
    span = _read(found, "span")
    matched = _read(found, "text") or _read(found, "matched_text") or ""
    if isinstance(span, str):
        matched = matched or span
    elif span is not None and start is None:
        start, end = span[0], span[1]
    confidence = _read(found, "confidence", 1.0)
    return skill_id, float(confidence if confidence is not None else 1.0), matched, start, end


def detect_skills(application: Application) -> list[DetectedSkill]:
    """Detect the skills in the posting and store them; return the kept detected skills.

    Skills the person removed stay removed; skills no longer found in an edited posting are
    dropped; confidence and span are refreshed for the others. The extraction runs outside any
    transaction (it takes seconds on a long posting); storing its results is one transaction.
    """
    extract_skills = _extractor()
    text = application.posting_text or ""
    results = extract_skills(text, application.posting_language) if text.strip() else []
    return _store(application, text, results)


@transaction.atomic
def _store(application, text, results):
    best = {}
    for found in results:
        skill_id, confidence, matched, start, end = _normalise(found)
        if skill_id is None:
            continue
        if skill_id not in best or confidence > best[skill_id][0]:
            best[skill_id] = (confidence, matched, start, end)
    existing = {d.skill_id: d for d in application.detected_skills.all()}
    application.detected_skills.filter(removed=False).exclude(skill_id__in=best).delete()
    for skill_id, (confidence, matched, start, end) in best.items():
        values = {
            "confidence": round(confidence, 3),
            "matched_text": (matched or text[start:end] if start is not None else matched)[:300],
            "span_start": start,
            "span_end": end,
        }
        if skill_id in existing:
            if existing[skill_id].removed:
                continue
            DetectedSkill.objects.filter(pk=existing[skill_id].pk).update(**values)
        else:
            DetectedSkill.objects.create(application=application, skill_id=skill_id, **values)
    return list(application.detected_skills.kept().select_related("skill"))


@dataclass
class Gap:
    """Which skills of a posting the person has, nearly has, and lacks."""

    has: list = field(default_factory=list)  # [(DetectedSkill, UserSkill)]
    partial: list = field(default_factory=list)  # [(DetectedSkill, [UserSkill])]
    lacks: list = field(default_factory=list)  # [DetectedSkill]

    @property
    def total(self):
        return len(self.has) + len(self.partial) + len(self.lacks)

    @property
    def percent_covered(self):
        """Share of the posting's skills covered; a neighbouring skill counts half, as in
        taxonomy.gap."""
        if not self.total:
            return 0
        return round(100 * (len(self.has) + PARTIAL_CREDIT * len(self.partial)) / self.total)


PARTIAL_CREDIT = 0.5


def _neighbours(skill_ids):
    """{skill id: {neighbour skill ids}} through ESCO relations and the broader hierarchy."""
    from taxonomy.models import Skill, SkillRelation

    neighbours = {}
    for a, b in SkillRelation.objects.filter(
        Q(skill_id__in=skill_ids) | Q(related_id__in=skill_ids)
    ).values_list("skill_id", "related_id"):
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    for a, b in Skill.broader.through.objects.filter(
        Q(from_skill_id__in=skill_ids) | Q(to_skill_id__in=skill_ids)
    ).values_list("from_skill_id", "to_skill_id"):
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    return neighbours


def posting_gap(user: User, detected_skills: Iterable[DetectedSkill]) -> Gap:
    """Compare kept detected skills with `user`'s skills profile in a fixed number of queries.

    A skill is had when it is in the profile; nearly had when the profile holds a broader,
    narrower or ESCO-related skill (the rule of taxonomy.gap); lacking otherwise.
    """
    from taxonomy.models import UserSkill

    detected = [d for d in detected_skills if not d.removed]
    gap = Gap()
    if not detected:
        return gap
    wanted = [d.skill_id for d in detected]
    neighbours = _neighbours(wanted)
    candidates = set(wanted) | {n for skill_id in wanted for n in neighbours.get(skill_id, ())}
    profile = {
        us.skill_id: us
        for us in owned(UserSkill, user).filter(skill_id__in=candidates).select_related("skill")
    }
    for item in detected:
        if item.skill_id in profile:
            gap.has.append((item, profile[item.skill_id]))
            continue
        near = [profile[n] for n in sorted(neighbours.get(item.skill_id, ())) if n in profile]
        if near:
            gap.partial.append((item, near))
        else:
            gap.lacks.append(item)
    return gap
