"""Development cycles: an administrator opens one (e.g. a quarter); each member writes a
self-review and updates her goals, then her manager writes a review, then they meet.

What the administrators see is counts per team (members, self-reviews submitted, manager
reviews submitted, conversations held), never content: not a level, not a word of a review.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from organisations import access
from organisations.models import Assessment, Conversation, Cycle, ManagerLink, Membership
from organisations.people import OrgError


def open_cycle(
    admin: Membership,
    name: str,
    starts_on: datetime.date,
    self_review_due: datetime.date,
    manager_review_due: datetime.date,
    ends_on: datetime.date,
) -> Cycle:
    if not admin.is_admin:
        raise OrgError(_("Only an administrator of the organisation can do this."))
    name = (name or "").strip()
    if not name:
        raise OrgError(_("Give the cycle a name, e.g. “Autumn 2026”."))
    if not starts_on <= self_review_due <= manager_review_due <= ends_on:
        raise OrgError(
            _(
                "The dates must follow each other: start, self-reviews due, manager reviews "
                "due, conversations held."
            )
        )
    return Cycle.objects.create(
        organisation_id=admin.organisation_id,
        name=name[:150],
        starts_on=starts_on,
        self_review_due=self_review_due,
        manager_review_due=manager_review_due,
        ends_on=ends_on,
    )


def close_cycle(admin: Membership, cycle: Cycle) -> Cycle:
    if not admin.is_admin or cycle.organisation_id != admin.organisation_id:
        raise OrgError(_("Only an administrator of the organisation can do this."))
    cycle.status = Cycle.Status.CLOSED
    cycle.save(update_fields=["status"])
    return cycle


def open_cycles(membership: Membership) -> QuerySet:
    return Cycle.objects.filter(
        organisation_id=membership.organisation_id, status=Cycle.Status.OPEN
    ).order_by("self_review_due", "id")


@dataclass
class Progress:
    """Where one person stands in a cycle."""

    person: object
    self_review: object  # her self-assessment in the cycle (latest), or None
    manager_review: object  # her manager's assessment in the cycle, submitted, or None
    conversation: object  # a conversation of the cycle, or None
    has_manager: bool

    @property
    def self_done(self):
        return self.self_review is not None and self.self_review.is_submitted

    @property
    def met(self):
        return self.conversation is not None and self.conversation.status == "held"


def my_progress(membership: Membership, cycle: Cycle) -> Progress:
    """`membership`'s holder's own steps in the cycle."""
    user = membership.user
    mine = (
        Assessment.objects.filter(cycle=cycle, subject=user, author=user, kind="self")
        .order_by("-created_at", "-id")
        .first()
    )
    link = access.current_manager_link(membership)
    manager_review = None
    if link is not None:
        manager_review = (
            Assessment.objects.filter(
                cycle=cycle,
                subject=user,
                author_id=link.manager_id,
                kind=Assessment.Kind.MANAGER,
                status=Assessment.Status.SUBMITTED,
            )
            .order_by("-submitted_at", "-id")
            .first()
        )
    conversation = (
        access.conversations(membership)
        .filter(cycle=cycle, link__report=user)
        .order_by("-scheduled_at", "-id")
        .first()
    )
    return Progress(user, mine, manager_review, conversation, link is not None)


def reports_progress(membership: Membership, cycle: Cycle) -> list[Progress]:
    """For a manager: each current report's steps in the cycle, in three queries. The manager
    sees whether a self-review is submitted, and opens it only if it was shared with her."""
    links = list(access.report_links(membership))
    reports = [link.report for link in links]
    selves = {}
    for assessment in Assessment.objects.filter(
        cycle=cycle, subject__in=reports, kind=Assessment.Kind.SELF
    ).order_by("created_at", "id"):
        if assessment.author_id == assessment.subject_id:
            selves[assessment.subject_id] = assessment
    mine = {
        a.subject_id: a
        for a in Assessment.objects.filter(
            cycle=cycle, subject__in=reports, author=membership.user, kind=Assessment.Kind.MANAGER
        ).order_by("created_at", "id")
    }
    talks = {
        c.link.report_id: c
        for c in access.conversations(membership)
        .filter(cycle=cycle, link__manager=membership.user)
        .order_by("scheduled_at", "id")
    }
    out = []
    for link in links:
        progress = Progress(
            link.report,
            selves.get(link.report_id),
            mine.get(link.report_id),
            talks.get(link.report_id),
            True,
        )
        progress.link = link
        out.append(progress)
    return out


@dataclass
class TeamCount:
    team: str
    members: int = 0
    with_manager: int = 0
    self_reviews: int = 0
    manager_reviews: int = 0
    conversations: int = 0


def completion(admin: Membership, cycle: Cycle) -> tuple[list[TeamCount], TeamCount]:
    """Counts per team for administrators: never who, never what. Four queries."""
    if not admin.is_admin or cycle.organisation_id != admin.organisation_id:
        raise OrgError(_("Only an administrator of the organisation can do this."))
    no_team = _("No team")
    teams = {}
    team_of = {}
    for user_id, team_name in (
        Membership.objects.active()
        .filter(organisation_id=cycle.organisation_id)
        .values_list("user_id", "team__name")
    ):
        name = team_name or no_team
        team_of[user_id] = name
        teams.setdefault(name, TeamCount(name)).members += 1
    for report_id in ManagerLink.objects.filter(
        organisation_id=cycle.organisation_id, status=ManagerLink.Status.ACTIVE
    ).values_list("report_id", flat=True):
        if report_id in team_of:
            teams[team_of[report_id]].with_manager += 1
    submitted = (
        Assessment.objects.filter(cycle=cycle, status=Assessment.Status.SUBMITTED)
        .values("subject_id", "kind")
        .annotate(n=Count("id"))
    )
    for row in submitted:
        name = team_of.get(row["subject_id"])
        if name is None:
            continue
        if row["kind"] == Assessment.Kind.SELF:
            teams[name].self_reviews += 1
        else:
            teams[name].manager_reviews += 1
    for report_id in (
        Conversation.objects.filter(cycle=cycle, status=Conversation.Status.HELD)
        .values_list("link__report_id", flat=True)
        .distinct()
    ):
        name = team_of.get(report_id)
        if name is not None:
            teams[name].conversations += 1
    rows = sorted(teams.values(), key=lambda row: (row.team == no_team, row.team.lower()))
    total = TeamCount(_("All teams"))
    for row in rows:
        for field in (
            "members",
            "with_manager",
            "self_reviews",
            "manager_reviews",
            "conversations",
        ):
            setattr(total, field, getattr(total, field) + getattr(row, field))
    return rows, total
