"""Assessments against a job role: the person's own, her manager's beside it, with evidence.

Every assessment is dated and kept: a new one starts from the levels of the person's latest
submitted self-assessment, so history shows how the levels moved. A self-assessment stays the
person's until she submits it, and reaches her manager only if she shares it (a line in her
sharing history); a manager's assessment reaches the person once submitted. Evidence is copied
when chosen, so the reader sees what the person chose, even if the check-in changes later.
Evidence suggestions come from the person's own check-ins and completed learning, and only ever
for her own self-assessment.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.access import owned
from organisations import access
from organisations.models import (
    Assessment,
    CompetencySkill,
    Cycle,
    Evidence,
    Expectation,
    JobRole,
    Membership,
    ProficiencyLevel,
    Rating,
)
from organisations.people import OrgError

MAX_EVIDENCE = 10  # per rating
SUGGESTIONS = 5  # per competency


def _role_in(membership, role):
    if not isinstance(role, JobRole) or role.model.organisation_id != membership.organisation_id:
        raise OrgError(_("Choose one of the organisation's job roles."))


def latest_submitted(
    organisation_id: int, subject: User, kind: str, author: User | None = None
) -> Assessment | None:
    rows = Assessment.objects.filter(
        organisation_id=organisation_id,
        subject=subject,
        kind=kind,
        status=Assessment.Status.SUBMITTED,
    )
    if author is not None:
        rows = rows.filter(author=author)
    return rows.order_by("-submitted_at", "-id").first()


def _create(membership, subject, author, kind, role, cycle):
    _role_in(membership, role)
    if cycle is not None and (cycle.organisation_id != membership.organisation_id):
        raise OrgError(_("Choose a development cycle of this organisation."))
    assessment = Assessment.objects.create(
        organisation_id=membership.organisation_id,
        subject=subject,
        author=author,
        kind=kind,
        role=role,
        cycle=cycle,
    )
    previous = latest_submitted(membership.organisation_id, subject, kind, author=author)
    levels = {}
    if previous is not None:
        levels = dict(previous.ratings.values_list("competency_id", "level"))
    Rating.objects.bulk_create(
        Rating(assessment=assessment, competency_id=competency_id, level=levels.get(competency_id))
        for competency_id in Expectation.objects.filter(role=role)
        .order_by("competency__position", "competency_id")
        .values_list("competency_id", flat=True)
    )
    return assessment


@transaction.atomic
def start_self_assessment(
    membership: Membership, role: JobRole, cycle: Cycle | None = None
) -> Assessment:
    """A new draft self-assessment of `membership`'s holder against `role` (her current role or
    one she aims at), starting from the levels of her latest submitted one."""
    user = membership.user
    return _create(membership, user, user, Assessment.Kind.SELF, role, cycle)


@transaction.atomic
def start_manager_assessment(
    membership: Membership, report: User, role: JobRole | None = None, cycle: Cycle | None = None
) -> Assessment:
    """A manager's draft assessment of one of her current reports (her job role by default)."""
    if not access.manages(membership, report):
        raise OrgError(_("You can assess only the people you currently manage."))
    if role is None:
        held = (
            access.members(membership).filter(user=report).select_related("job_role__model").first()
        )
        role = held.job_role if held else None
        if role is None:
            raise OrgError(_("Choose the job role to assess against: this person has none yet."))
    return _create(membership, report, membership.user, Assessment.Kind.MANAGER, role, cycle)


def _require_author_draft(assessment, user):
    if user.pk != assessment.author_id:
        raise OrgError(_("Only the author of this assessment can change it."))
    if assessment.is_submitted:
        raise OrgError(_("This assessment is submitted: start a new one to change it."))


def levels_of(assessment: Assessment) -> list[ProficiencyLevel]:
    """The proficiency levels of the assessment's model, lowest first."""
    return list(ProficiencyLevel.objects.filter(model_id=assessment.role.model_id))


@transaction.atomic
def save(
    assessment: Assessment,
    user: User,
    ratings: dict[int, tuple[int | None, str]],
    summary: str | None = None,
) -> Assessment:
    """Save a draft: `ratings` maps a competency id to (level or None, comment)."""
    _require_author_draft(assessment, user)
    allowed = {level.level for level in levels_of(assessment)}
    rows = {rating.competency_id: rating for rating in assessment.ratings.all()}
    changed = []
    for competency_id, (level, comment) in ratings.items():
        rating = rows.get(competency_id)
        if rating is None:
            raise OrgError(_("This competency is not part of the assessment."))
        if level is not None and level not in allowed:
            raise OrgError(
                _("Choose a level from %(low)s to %(high)s.")
                % {"low": min(allowed, default=1), "high": max(allowed, default=1)}
            )
        rating.level = level
        rating.comment = (comment or "").strip()
        changed.append(rating)
    Rating.objects.bulk_update(changed, ["level", "comment"])
    if summary is not None:
        assessment.summary = summary.strip()
        assessment.save(update_fields=["summary"])
    return assessment


def add_evidence(
    assessment: Assessment,
    user: User,
    competency_id: int,
    text: str,
    kind: str = Evidence.Kind.OTHER,
    source: object = None,
) -> Evidence:
    """Evidence for one rating: a copy of `text`; `source` a check-in or learning item of the
    person's own, given when the evidence was picked from the suggestions."""
    _require_author_draft(assessment, user)
    rating = assessment.ratings.filter(competency_id=competency_id).first()
    if rating is None:
        raise OrgError(_("This competency is not part of the assessment."))
    text = (text or "").strip()
    if not text:
        raise OrgError(_("Describe the evidence."))
    if kind not in Evidence.Kind.values:
        raise OrgError(_("Choose what kind of evidence this is."))
    if rating.evidence.count() >= MAX_EVIDENCE:
        raise OrgError(
            _("At most %(max)s pieces of evidence per competency.") % {"max": MAX_EVIDENCE}
        )
    fields = {}
    if source is not None:
        from goals.models import CheckIn
        from growth.models import LearningItem

        if isinstance(source, CheckIn) and source.goal.owner_id == user.pk:
            fields["checkin"] = source
        elif isinstance(source, LearningItem) and source.user_id == user.pk:
            fields["learning_item"] = source
        else:
            raise OrgError(_("You can only cite your own check-ins and learning."))
    return Evidence.objects.create(rating=rating, kind=kind, text=text[:500], **fields)


def remove_evidence(assessment: Assessment, user: User, evidence_id: int) -> None:
    _require_author_draft(assessment, user)
    Evidence.objects.filter(rating__assessment=assessment, pk=evidence_id).delete()


@transaction.atomic
def submit(assessment: Assessment, user: User, share: bool = False) -> Assessment:
    """Submit a draft (it is then kept as it is). A self-assessment is shared with the person's
    current manager only if she says so."""
    _require_author_draft(assessment, user)
    if not assessment.ratings.filter(level__isnull=False).exists():
        raise OrgError(_("Rate at least one competency before submitting."))
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["status", "submitted_at"])
    if assessment.kind == Assessment.Kind.SELF and share:
        set_shared(assessment, user, True)
    return assessment


@transaction.atomic
def set_shared(assessment: Assessment, user: User, shared: bool) -> Assessment:
    """The person shares her submitted self-assessment with her current manager, or stops."""
    if assessment.kind != Assessment.Kind.SELF or user.pk != assessment.subject_id:
        raise OrgError(_("Only the person can share her or his self-assessment."))
    if not assessment.is_submitted:
        raise OrgError(_("Submit the self-assessment before sharing it."))
    if assessment.shared_with_manager == bool(shared):
        return assessment
    from organisations.models import ManagerLink

    link = (
        ManagerLink.objects.filter(
            organisation_id=assessment.organisation_id,
            report=user,
            status=ManagerLink.Status.ACTIVE,
        )
        .select_related("manager")
        .first()
    )
    assessment.shared_with_manager = bool(shared)
    assessment.save(update_fields=["shared_with_manager"])
    if shared:
        action = audit.Action.ASSESSMENT_SHARED
        effect = audit.Effect.GRANTED if link else audit.Effect.NONE
    else:
        action = audit.Action.ASSESSMENT_UNSHARED
        effect = audit.Effect.REMOVED if link else audit.Effect.NONE
    audit.record(
        user,
        action,
        actor=user,
        effect=effect,
        counterpart=link.manager if link else None,
        obj=assessment,
        description=str(assessment.role),
    )
    return assessment


# Reading ---------------------------------------------------------------------------------------


@dataclass
class Row:
    """One competency of an assessment as a page shows it."""

    competency: object
    expected: int | None
    rating: object  # Rating
    evidence: list
    beside: int | None  # the level the other side gave (manager's beside the person's, etc.)
    suggestions: list
    indicators: list  # what the competency looks like at the expected level


@dataclass
class EvidenceSuggestion:
    kind: str
    text: str
    source_kind: str  # "checkin" or "learning"
    source_id: int


def rows(assessment: Assessment, viewer: User, beside: Assessment | None = None) -> list[Row]:
    """The assessment's competencies in order, each with its expected level, rating, evidence,
    the level given in `beside` (another assessment) and evidence suggestions (only for the
    person's own draft self-assessment). A fixed number of queries."""
    ratings = list(
        assessment.ratings.select_related("competency").prefetch_related(
            "evidence", "competency__indicators"
        )
    )
    expected = dict(
        Expectation.objects.filter(role_id=assessment.role_id).values_list("competency_id", "level")
    )
    other = {}
    if beside is not None:
        other = dict(beside.ratings.values_list("competency_id", "level"))
    suggestions = {}
    if (
        assessment.kind == Assessment.Kind.SELF
        and viewer.pk == assessment.author_id
        and not assessment.is_submitted
    ):
        suggestions = evidence_suggestions(viewer, [r.competency_id for r in ratings])
    return [
        Row(
            competency=r.competency,
            expected=expected.get(r.competency_id),
            rating=r,
            evidence=list(r.evidence.all()),
            beside=other.get(r.competency_id),
            suggestions=suggestions.get(r.competency_id, []),
            indicators=[
                i for i in r.competency.indicators.all() if i.level == expected.get(r.competency_id)
            ],
        )
        for r in ratings
    ]


def evidence_suggestions(
    user: User, competency_ids: list[int]
) -> dict[int, list[EvidenceSuggestion]]:
    """{competency id: [EvidenceSuggestion]} from `user`'s own check-ins and completed learning
    that touch the ESCO skills the competency maps to. Three queries."""
    from goals.models import CheckIn
    from growth.models import LearningItem

    skills_of = {}
    for competency_id, skill_id in CompetencySkill.objects.filter(
        competency_id__in=competency_ids, confirmed=True
    ).values_list("competency_id", "skill_id"):
        skills_of.setdefault(competency_id, set()).add(skill_id)
    if not skills_of:
        return {}
    wanted = set().union(*skills_of.values())
    checkins = (
        owned(CheckIn, user)
        .filter(goal__target_skills__in=wanted)
        .exclude(kind=CheckIn.Kind.SETBACK)
        .prefetch_related("goal__target_skills")
        .select_related("goal")
        .distinct()
        .order_by("-date", "-id")[:100]
    )
    learning = (
        owned(LearningItem, user)
        .filter(status=LearningItem.Status.COMPLETED, skills__in=wanted)
        .prefetch_related("skills")
        .distinct()
        .order_by("-completed_on", "-id")[:100]
    )
    found = {}
    for checkin in checkins:
        touched = {s.pk for s in checkin.goal.target_skills.all()}
        for competency_id, skills in skills_of.items():
            if touched & skills:
                found.setdefault(competency_id, []).append(
                    EvidenceSuggestion(
                        kind=Evidence.Kind.CHECKIN,
                        text=f"{checkin.date:%Y-%m-%d} · {checkin.note}"[:500],
                        source_kind="checkin",
                        source_id=checkin.pk,
                    )
                )
    for item in learning:
        touched = {s.pk for s in item.skills.all()}
        for competency_id, skills in skills_of.items():
            if touched & skills:
                text = item.title
                if item.completed_on:
                    text = f"{item.title} · {item.completed_on:%Y-%m-%d}"
                found.setdefault(competency_id, []).append(
                    EvidenceSuggestion(
                        kind=Evidence.Kind.LEARNING,
                        text=text[:500],
                        source_kind="learning",
                        source_id=item.pk,
                    )
                )
    return {key: values[:SUGGESTIONS] for key, values in found.items()}


def source_for(user: User, source_kind: str, source_id: int) -> object | None:
    """The check-in or learning item of `user`'s own that a suggestion names, or None."""
    from goals.models import CheckIn
    from growth.models import LearningItem

    model = {"checkin": CheckIn, "learning": LearningItem}.get(source_kind)
    if model is None:
        return None
    return owned(model, user).filter(pk=source_id).select_related().first()


def beside(assessment: Assessment, viewer: User) -> Assessment | None:
    """The assessment to show beside this one: for a self-assessment, the latest submitted
    manager's assessment of the person; for a manager's, the person's latest self-assessment
    shared with that manager. Only what `viewer` may read."""
    membership = (
        access.memberships_of(viewer).filter(organisation_id=assessment.organisation_id).first()
    )
    if membership is None:
        return None
    kind = Assessment.Kind.MANAGER if assessment.kind == Assessment.Kind.SELF else "self"
    return (
        access.assessments(membership)
        .filter(subject_id=assessment.subject_id, kind=kind, status=Assessment.Status.SUBMITTED)
        .exclude(pk=assessment.pk)
        .order_by("-submitted_at", "-id")
        .first()
    )
