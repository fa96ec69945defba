"""API: organisations, members, invitations, teams, manager links, objectives."""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Schema, Status
from ninja.errors import HttpError

from core.access import owned
from core.api_schemas import ErrorOut, RowId
from organisations import access, alignment, people
from organisations.api.router import call, router
from organisations.models import Cadence, Role, Team


class OrganisationIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    slug: str = Field("", max_length=60)
    description: str = Field("", max_length=4000)


class OrganisationOut(Schema):
    slug: str
    name: str
    description: str
    role: str
    team_id: int | None
    job_role_id: int | None
    manager_id: int | None


class OrgMemberOut(Schema):
    id: int
    user_id: int
    name: str
    email: str | None  # administrators only
    role: str
    team_id: int | None
    job_role_id: int | None


class OrgMemberPatch(Schema):
    role: Role | None = None
    team_id: RowId | None = None
    job_role_id: RowId | None = None
    clear_team: bool = False
    clear_job_role: bool = False


class OrgInvitationIn(Schema):
    email: str = Field(..., max_length=254)
    role: Role = Role.MEMBER
    team_id: RowId | None = None


class OrgInvitationOut(Schema):
    id: int
    email: str
    role: str
    team_id: int | None
    expires_at: datetime.datetime


class OrgInvitationCreated(OrgInvitationOut):
    url: str  # the only copy of the link, also sent by email


class OrgTeamIn(Schema):
    name: str = Field(..., min_length=1, max_length=150)


class OrgTeamOut(Schema):
    id: int
    name: str
    member_ids: list[int]


class OrgLinkIn(Schema):
    manager_user_id: RowId
    report_user_id: RowId
    cadence: Cadence = Cadence.BIWEEKLY


class OrgLinkOut(Schema):
    id: int
    manager_user_id: int
    manager: str
    report_user_id: int
    report: str
    status: str
    cadence: str
    shared_goal_ids: list[int]  # only what the caller may read


class OrgGoalsIn(Schema):
    goal_ids: list[RowId] = []


class OrgObjectiveIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    description: str = Field("", max_length=4000)
    team_id: RowId | None = None


class OrgObjectiveOut(Schema):
    id: int
    title: str
    description: str
    team_id: int | None


def _membership(request, slug):
    return access.membership_for(request.auth, slug)


def _org_out(membership):
    link = access.current_manager_link(membership)
    return {
        "slug": membership.organisation.slug,
        "name": membership.organisation.name,
        "description": membership.organisation.description,
        "role": membership.role,
        "team_id": membership.team_id,
        "job_role_id": membership.job_role_id,
        "manager_id": link.manager_id if link else None,
    }


def _member_out(member, admin):
    return {
        "id": member.pk,
        "user_id": member.user_id,
        "name": member.user.display_name,
        "email": member.user.email if admin else None,
        "role": member.role,
        "team_id": member.team_id,
        "job_role_id": member.job_role_id,
    }


def _link_out(link, user):
    return {
        "id": link.pk,
        "manager_user_id": link.manager_id,
        "manager": link.manager.display_name,
        "report_user_id": link.report_id,
        "report": link.report.display_name,
        "status": link.status,
        "cadence": link.cadence,
        "shared_goal_ids": [share.goal_id for share in access.shares(link, user)],
    }


@router.get("/orgs", response=list[OrganisationOut])
def list_organisations(request):
    """The organisations the caller belongs to."""
    return [_org_out(m) for m in access.memberships_of(request.auth)]


@router.post("/orgs", response={201: OrganisationOut})
def create_organisation(request, payload: OrganisationIn):
    """Create an organisation; the caller becomes its first administrator."""
    organisation = call(
        people.create_organisation,
        request.auth,
        payload.name,
        payload.slug,
        payload.description,
    )
    return Status(201, _org_out(access.membership_for(request.auth, organisation.slug)))


@router.get("/orgs/{slug}", response=OrganisationOut)
def get_organisation(request, slug: str):
    return _org_out(_membership(request, slug))


@router.post("/orgs/{slug}/leave", response={204: None, 400: ErrorOut})
def leave(request, slug: str):
    """Leave: every manager link ends; the caller's own goals and notes stay hers."""
    call(people.leave, _membership(request, slug), request.auth)
    return Status(204, None)


@router.get("/orgs/{slug}/members", response=list[OrgMemberOut])
def list_members(request, slug: str):
    """The active members (names, roles, teams); email addresses for administrators only."""
    membership = _membership(request, slug)
    return [
        _member_out(m, membership.is_admin)
        for m in access.members(membership).order_by("user__display_name", "id")
    ]


def _team(membership, team_id):
    if team_id is None:
        return None
    return get_object_or_404(Team, organisation_id=membership.organisation_id, pk=team_id)


@router.patch("/orgs/{slug}/members/{member_id}", response=OrgMemberOut)
def update_member(request, slug: str, member_id: int, payload: OrgMemberPatch):
    """An administrator changes a member's role, team or job role."""
    from organisations.models import JobRole

    membership = access.admin_for(request.auth, slug)
    member = access.member_for(membership, member_id)
    team = job_role = ...
    if payload.clear_team:
        team = None
    elif payload.team_id is not None:
        team = _team(membership, payload.team_id)
    if payload.clear_job_role:
        job_role = None
    elif payload.job_role_id is not None:
        job_role = get_object_or_404(
            JobRole.objects.select_related("model"),
            model__organisation_id=membership.organisation_id,
            pk=payload.job_role_id,
        )
    call(
        people.update_member,
        membership,
        member,
        role=payload.role,
        team=team,
        job_role=job_role,
    )
    return _member_out(member, True)


@router.delete("/orgs/{slug}/members/{member_id}", response={204: None, 400: ErrorOut})
def remove_member(request, slug: str, member_id: int):
    """An administrator removes a member (as if she left)."""
    membership = access.admin_for(request.auth, slug)
    member = access.member_for(membership, member_id)
    call(people.leave, member, request.auth, membership)
    return Status(204, None)


@router.get("/orgs/{slug}/invitations", response=list[OrgInvitationOut])
def list_invitations(request, slug: str):
    membership = access.admin_for(request.auth, slug)
    return list(people.open_invitations(membership))


@router.post("/orgs/{slug}/invitations", response={201: OrgInvitationCreated})
def invite(request, slug: str, payload: OrgInvitationIn):
    """Invite someone by email; the answer carries the link too (e.g. without an email server)."""
    membership = access.admin_for(request.auth, slug)
    invitation, raw = call(
        people.invite, membership, payload.email, payload.role, _team(membership, payload.team_id)
    )
    return Status(
        201,
        {
            "id": invitation.pk,
            "email": invitation.email,
            "role": invitation.role,
            "team_id": invitation.team_id,
            "expires_at": invitation.expires_at,
            "url": people.invitation_url(raw),
        },
    )


@router.delete("/orgs/{slug}/invitations/{invitation_id}", response={204: None})
def revoke_invitation(request, slug: str, invitation_id: int):
    membership = access.admin_for(request.auth, slug)
    invitation = get_object_or_404(people.open_invitations(membership), pk=invitation_id)
    people.revoke_invitation(membership, invitation)
    return Status(204, None)


@router.get("/orgs/{slug}/teams", response=list[OrgTeamOut])
def list_teams(request, slug: str):
    membership = _membership(request, slug)
    members = {}
    for m in access.members(membership):
        members.setdefault(m.team_id, []).append(m.user_id)
    return [
        {"id": team.pk, "name": team.name, "member_ids": members.get(team.pk, [])}
        for team in Team.objects.filter(organisation_id=membership.organisation_id)
    ]


@router.post("/orgs/{slug}/teams", response={201: OrgTeamOut})
def create_team(request, slug: str, payload: OrgTeamIn):
    membership = access.admin_for(request.auth, slug)
    team = call(people.create_team, membership, payload.name)
    return Status(201, {"id": team.pk, "name": team.name, "member_ids": []})


@router.get("/orgs/{slug}/teams/{team_id}", response=OrgTeamOut)
def get_team(request, slug: str, team_id: int):
    membership = _membership(request, slug)
    team = _team(membership, team_id)
    return {
        "id": team.pk,
        "name": team.name,
        "member_ids": list(
            access.members(membership).filter(team=team).values_list("user_id", flat=True)
        ),
    }


@router.get("/orgs/{slug}/links", response=list[OrgLinkOut])
def list_links(request, slug: str):
    """Manager links the caller is part of (every link for an administrator)."""
    membership = _membership(request, slug)
    return [_link_out(link, request.auth) for link in access.links(membership)]


@router.post("/orgs/{slug}/links", response={201: OrgLinkOut, 404: ErrorOut})
def propose_link(request, slug: str, payload: OrgLinkIn):
    """Propose a manager for a report (an administrator, or the manager herself); the report
    accepts it with `POST …/accept`."""
    membership = access.manager_for(request.auth, slug)
    chosen = {
        m.user_id: m.user
        for m in access.members(membership).filter(
            user_id__in=[payload.manager_user_id, payload.report_user_id]
        )
    }
    if payload.manager_user_id not in chosen or payload.report_user_id not in chosen:
        raise Http404
    link = call(
        people.propose_link,
        membership,
        chosen[payload.manager_user_id],
        chosen[payload.report_user_id],
        payload.cadence,
    )
    return Status(201, _link_out(link, request.auth))


def _link_action(request, slug, link_id, action):
    membership = _membership(request, slug)
    link = access.link_for(membership, link_id)
    call(action, link, membership)
    return _link_out(link, request.auth)


@router.post("/orgs/{slug}/links/{link_id}/accept", response={200: OrgLinkOut, 400: ErrorOut})
def accept_link(request, slug: str, link_id: int):
    """The report accepts her manager."""
    return _link_action(
        request, slug, link_id, lambda link, m: people.accept_link(link, request.auth)
    )


@router.post("/orgs/{slug}/links/{link_id}/decline", response={200: OrgLinkOut, 400: ErrorOut})
def decline_link(request, slug: str, link_id: int):
    return _link_action(
        request, slug, link_id, lambda link, m: people.decline_link(link, request.auth)
    )


@router.post("/orgs/{slug}/links/{link_id}/end", response={200: OrgLinkOut, 400: ErrorOut})
def end_link(request, slug: str, link_id: int):
    """The manager, the report or an administrator ends a link; shared goals stop being shared."""
    return _link_action(
        request, slug, link_id, lambda link, m: people.end_link(link, request.auth, m)
    )


@router.put("/orgs/{slug}/links/{link_id}/goals", response=OrgLinkOut)
def share_goals(request, slug: str, link_id: int, payload: OrgGoalsIn):
    """The report sets which of her goals her manager sees (the others are unshared)."""
    from goals.models import Goal

    membership = _membership(request, slug)
    link = access.own_link_for(membership, link_id)
    if link.report_id != request.auth.pk:
        raise Http404
    goals = list(owned(Goal, request.auth).filter(pk__in=payload.goal_ids))
    if len(goals) != len(set(payload.goal_ids)):
        raise HttpError(400, _("You can only share your own goals."))
    call(people.share_goals, link, request.auth, goals)
    return _link_out(link, request.auth)


@router.get("/orgs/{slug}/objectives", response=list[OrgObjectiveOut])
def list_objectives(request, slug: str):
    return list(alignment.objectives_for(_membership(request, slug)))


@router.post("/orgs/{slug}/objectives", response={201: OrgObjectiveOut})
def create_objective(request, slug: str, payload: OrgObjectiveIn):
    membership = _membership(request, slug)
    objective = call(
        alignment.create_objective,
        membership,
        payload.title,
        payload.description,
        _team(membership, payload.team_id),
    )
    return Status(201, objective)
