""" "My career plan": everything a person plans, gathered once for the page and the PDF.

The report reads what other apps already compute, it decides nothing itself: the skills gap of
each target occupation (taxonomy.gap.analyse), each goal's progress and chart geometry (the
Goal model's progress properties and goals.plan.chart), the return on investment of each
learning item (growth.roi) and the person's side of their mentorships (never anyone's private
notes).

Query count: fixed for goals, stages, steps, check-ins, learning items and mentorships, however
many there are; each target occupation adds the fixed number of queries its gap analysis needs.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Min, Q
from django.utils import timezone, translation

from accounts.models import User
from core.access import owned, visible
from goals.models import GoalStatus
from goals.plan import chart, goals_with_progress
from growth import roi
from growth.models import LearningItem
from mentoring.models import Mentorship
from taxonomy import gap
from taxonomy.models import TargetOccupation


@dataclass
class TargetReport:
    target: object
    label: str
    horizon: str
    gap: gap.Gap


@dataclass
class GoalRow:
    goal: object
    chart: dict | None  # goals.plan.chart geometry; None without an indicator


@dataclass
class LearningRow:
    item: object
    roi: roi.Roi
    verdict: str


@dataclass
class MentorshipRow:
    mentorship: object
    role: str  # "mentee" when the person is mentored, "mentor" otherwise
    other_name: str
    session_count: int
    last_session: object
    next_session: object


@dataclass
class Report:
    person: object
    language: str
    generated_on: object
    targets: list
    goals: list  # GoalRow
    learning: list
    mentorships: list
    # Total the person pays for open learning items, per currency (after interest).
    open_costs: dict = field(default_factory=dict)


def build(person: User, language: str | None = None, today: datetime.date | None = None) -> Report:
    """Gather `person`'s career plan, with labels and verdicts in `language`."""
    language = (language or person.language or "en")[:2]
    with translation.override(language):
        targets = [
            TargetReport(
                target=target,
                label=target.occupation.label(language),
                horizon=str(target.get_horizon_display()),
                gap=gap.analyse(target, language),
            )
            for target in owned(TargetOccupation, person).select_related("occupation")
        ]

        goals = [
            GoalRow(goal=goal, chart=chart(goal))
            for goal in goals_with_progress(person).exclude(status=GoalStatus.DROPPED)
        ]

        learning = []
        open_costs = defaultdict(Decimal)
        for item in owned(LearningItem, person).exclude(status=LearningItem.Status.DROPPED):
            result = roi.for_item(item)
            learning.append(LearningRow(item=item, roi=result, verdict=str(result.verdict)))
            if item.is_open:
                open_costs[item.currency] += result.total_cost

        now = timezone.now()
        mentorships = []
        for mentorship in (
            visible(Mentorship, person)
            .filter(status__in=[*Mentorship.OPEN, *Mentorship.FINISHED])
            .select_related("mentor", "mentee")
            .annotate(
                session_count=Count("sessions"),
                last_session=Max(
                    "sessions__scheduled_at", filter=Q(sessions__scheduled_at__lt=now)
                ),
                next_session=Min(
                    "sessions__scheduled_at", filter=Q(sessions__scheduled_at__gte=now)
                ),
            )
        ):
            mentored = mentorship.mentee_id == person.pk
            mentorships.append(
                MentorshipRow(
                    mentorship=mentorship,
                    role="mentee" if mentored else "mentor",
                    other_name=str(mentorship.other(person)),
                    session_count=mentorship.session_count,
                    last_session=mentorship.last_session,
                    next_session=mentorship.next_session,
                )
            )

    return Report(
        person=person,
        language=language,
        generated_on=today or timezone.localdate(),
        targets=targets,
        goals=goals,
        learning=learning,
        mentorships=mentorships,
        open_costs=dict(sorted(open_costs.items())),
    )
