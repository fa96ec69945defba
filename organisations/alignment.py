"""Goals that serve the business as well as the person: organisation and team objectives, and a
person's goal linked to one, with why it matters to her and to the team.

The link is the person's own record (`GoalAlignment`, owned through her goal); her manager
reads it only beside a goal she shares with him (organisations.conversations.shared_goals).
"""

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from core.access import owned
from goals.models import Goal
from organisations.models import GoalAlignment, Membership, Objective, Team
from organisations.people import OrgError


def objectives_for(membership: Membership) -> QuerySet:
    """The organisation's active objectives: its own first, then each team's."""
    return (
        Objective.objects.filter(organisation_id=membership.organisation_id, active=True)
        .select_related("team")
        .order_by("team__name", "title", "id")
    )


def create_objective(
    membership: Membership, title: str, description: str = "", team: Team | None = None
) -> Objective:
    """Administrators set objectives of the organisation or of any team; managers of their own
    team."""
    if not membership.is_active:
        raise OrgError(_("Only members can do this."))
    if team is not None and team.organisation_id != membership.organisation_id:
        raise OrgError(_("Choose one of the organisation's teams."))
    own_team = membership.can_manage and team is not None and team.pk == membership.team_id
    if not (membership.is_admin or own_team):
        raise OrgError(_("Managers set objectives for their own team; administrators for any."))
    title = (title or "").strip()
    if not title:
        raise OrgError(_("Write the objective."))
    return Objective.objects.create(
        organisation_id=membership.organisation_id,
        team=team,
        title=title[:300],
        description=(description or "").strip(),
    )


def archive_objective(membership: Membership, objective: Objective) -> Objective:
    if objective.organisation_id != membership.organisation_id or not (
        membership.is_admin
        or (membership.can_manage and objective.team_id and objective.team_id == membership.team_id)
    ):
        raise OrgError(_("Managers set objectives for their own team; administrators for any."))
    objective.active = False
    objective.save(update_fields=["active"])
    return objective


@transaction.atomic
def align(
    user: User, goal: Goal, objective: Objective, why_me: str = "", why_team: str = ""
) -> GoalAlignment:
    """Link one of `user`'s goals to an objective of an organisation she belongs to."""
    if not owned(goal.__class__, user).filter(pk=goal.pk).exists():
        raise OrgError(_("Choose one of your own goals."))
    if not objective.active or not (
        Membership.objects.active()
        .filter(user=user, organisation_id=objective.organisation_id)
        .exists()
    ):
        raise OrgError(_("Choose an objective of your organisation."))
    alignment, _created = GoalAlignment.objects.update_or_create(
        goal=goal,
        defaults={
            "objective": objective,
            "why_me": (why_me or "").strip(),
            "why_team": (why_team or "").strip(),
        },
    )
    return alignment


def unalign(user: User, goal: Goal) -> None:
    owned(GoalAlignment, user).filter(goal=goal).delete()


def alignments_of(user: User, organisation_id: int) -> dict[int, GoalAlignment]:
    """`user`'s goal alignments with objectives of one organisation, by goal id."""
    return {
        a.goal_id: a
        for a in owned(GoalAlignment, user)
        .filter(objective__organisation_id=organisation_id)
        .select_related("objective", "objective__team")
    }


def objectives_of_team(membership: Membership) -> QuerySet:
    """Objectives that concern the member: the organisation's and her team's."""
    return objectives_for(membership).filter(Q(team__isnull=True) | Q(team_id=membership.team_id))
