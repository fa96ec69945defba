"""Organisations and their people: creation, invitations, roles, teams, manager links, leaving.

Views, the API, the CLI and the demo all go through these functions, so each rule lives once:
only administrators invite, change roles and build teams; an organisation always keeps an
administrator; a manager link starts only when the report accepts it; a report has one active
manager per organisation; leaving keeps the person's own data and ends every access.
"""

import datetime
import hashlib
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from goals.models import Goal
from organisations.models import (
    Cadence,
    Conversation,
    GoalShare,
    Invitation,
    ManagerLink,
    Membership,
    Organisation,
    Role,
    Team,
)

INVITATION_DAYS = 14
RESERVED_SLUGS = {"new", "join", "former", "history"}


class OrgError(Exception):
    """A change that is not allowed; the message says why, in the person's language."""


def _require_admin(membership):
    if not membership.is_admin:
        raise OrgError(_("Only an administrator of the organisation can do this."))


# Organisations -------------------------------------------------------------------------------


@transaction.atomic
def create_organisation(
    user: User, name: str, slug: str = "", description: str = ""
) -> Organisation:
    """A new organisation with `user` as its first administrator."""
    name = name.strip()
    if not name:
        raise OrgError(_("Give the organisation a name."))
    slug = slugify(slug.strip() or name)[:60].strip("-")
    if not slug:
        raise OrgError(_("Choose a short name made of letters, digits and hyphens."))
    if slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        raise OrgError(_("The short name “%(slug)s” is taken: choose another.") % {"slug": slug})
    organisation = Organisation.objects.create(
        name=name[:200], slug=slug, description=description.strip()
    )
    membership = Membership.objects.create(organisation=organisation, user=user, role=Role.ADMIN)
    _joined(membership, actor=user)
    return organisation


def _joined(membership, actor):
    audit.record(
        membership.user,
        audit.Action.ORG_JOINED,
        actor=actor,
        effect=audit.Effect.GRANTED,
        obj=membership.organisation,
        description=membership.organisation.name,
    )


# Invitations ---------------------------------------------------------------------------------


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def invite(
    admin: Membership,
    email: str,
    role: str = Role.MEMBER,
    team: Team | None = None,
    send: bool = True,
) -> tuple[Invitation, str]:
    """Invite `email` to `admin`'s organisation; return (invitation, raw token).

    The link in the email is the only copy of the token. Inviting an address again replaces
    its open invitation (the old link stops working).
    """
    _require_admin(admin)
    email = User.objects.normalize_email(email.strip())
    if not email or "@" not in email:
        raise OrgError(_("Enter the email address of the person to invite."))
    if role not in Role.values:
        raise OrgError(_("Choose a role: administrator, manager or member."))
    organisation = admin.organisation
    if team is not None and team.organisation_id != organisation.pk:
        raise OrgError(_("Choose one of the organisation's teams."))
    if (
        Membership.objects.active()
        .filter(organisation=organisation, user__email__iexact=email)
        .exists()
    ):
        raise OrgError(_("%(email)s is already a member.") % {"email": email})
    now = timezone.now()
    Invitation.objects.filter(
        organisation=organisation,
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
    ).update(revoked_at=now)
    raw = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        team=team,
        digest=digest_of(raw),
        invited_by_name=str(admin.user)[:150],
        expires_at=now + datetime.timedelta(days=INVITATION_DAYS),
    )
    if send:
        send_invitation(invitation, raw)
    return invitation, raw


def invitation_url(raw: str) -> str:
    return settings.PARCOURS_SITE_URL.rstrip("/") + reverse("organisations:join", args=[raw])


def send_invitation(invitation: Invitation, raw: str) -> None:
    """The invitation email: in the person's language if she has an account, else in both."""
    existing = User.objects.filter(email__iexact=invitation.email).first()
    languages = [existing.language] if existing else ["en", "fr"]
    subjects, bodies = [], []
    for language in languages:
        with translation.override(language):
            subjects.append(
                _("Parcours: %(organisation)s invites you")
                % {"organisation": invitation.organisation.name}
            )
            bodies.append(
                render_to_string(
                    "organisations/invitation_email.txt",
                    {
                        "invitation": invitation,
                        "url": invitation_url(raw),
                        "days": INVITATION_DAYS,
                        "role": invitation.get_role_display(),
                    },
                )
            )
    EmailMessage(
        subject=" / ".join(subjects), body="\n\n----\n\n".join(bodies), to=[invitation.email]
    ).send()


def invitation_for(raw: str) -> Invitation | None:
    """The invitation a link's token names, or None (unknown token)."""
    if not raw or len(raw) > 100:
        return None
    return (
        Invitation.objects.select_related("organisation", "team")
        .filter(digest=digest_of(raw))
        .first()
    )


@transaction.atomic
def accept_invitation(invitation: Invitation, user: User) -> Membership:
    """`user` joins the organisation with the invitation's role and team."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise OrgError(_("This invitation is no longer valid: ask the organisation for a new one."))
    membership = Membership.objects.filter(
        organisation_id=invitation.organisation_id, user=user
    ).first()
    if membership is not None and membership.is_active:
        raise OrgError(_("You are already a member of this organisation."))
    if membership is None:
        membership = Membership(organisation_id=invitation.organisation_id, user=user)
    membership.role = invitation.role
    membership.team = invitation.team
    membership.job_role = None
    membership.left_at = None
    membership.joined_at = timezone.now()
    membership.save()
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    membership.organisation = invitation.organisation
    _joined(membership, actor=user)
    return membership


def revoke_invitation(admin: Membership, invitation: Invitation) -> Invitation:
    _require_admin(admin)
    if invitation.organisation_id != admin.organisation_id:
        raise OrgError(_("This invitation belongs to another organisation."))
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def open_invitations(admin: Membership) -> QuerySet:
    _require_admin(admin)
    return Invitation.objects.filter(
        organisation_id=admin.organisation_id,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("team")


# Roles and teams -----------------------------------------------------------------------------


def _admin_count(organisation_id):
    return (
        Membership.objects.active().filter(organisation_id=organisation_id, role=Role.ADMIN).count()
    )


@transaction.atomic
def update_member(
    admin: Membership,
    member: Membership,
    *,
    role: str | None = None,
    team: object = ...,
    job_role: object = ...,
) -> Membership:
    """Change a member's role, team or current job role (`...`: unchanged)."""
    _require_admin(admin)
    if member.organisation_id != admin.organisation_id or not member.is_active:
        raise OrgError(_("This person is not a member of the organisation."))
    fields = []
    if role is not None and role != member.role:
        if role not in Role.values:
            raise OrgError(_("Choose a role: administrator, manager or member."))
        if member.role == Role.ADMIN and _admin_count(member.organisation_id) <= 1:
            raise OrgError(_("The organisation needs an administrator: appoint another first."))
        member.role = role
        fields.append("role")
    if team is not ...:
        if team is not None and team.organisation_id != member.organisation_id:
            raise OrgError(_("Choose one of the organisation's teams."))
        member.team = team
        fields.append("team")
    if job_role is not ...:
        if job_role is not None and job_role.model.organisation_id != member.organisation_id:
            raise OrgError(_("Choose one of the organisation's job roles."))
        member.job_role = job_role
        fields.append("job_role")
    if fields:
        member.save(update_fields=fields)
    return member


def create_team(admin: Membership, name: str) -> Team:
    _require_admin(admin)
    name = name.strip()
    if not name:
        raise OrgError(_("Give the team a name."))
    try:
        with transaction.atomic():
            return Team.objects.create(organisation_id=admin.organisation_id, name=name[:150])
    except IntegrityError:
        raise OrgError(_("There is already a team called “%(name)s”.") % {"name": name}) from None


# Manager links -------------------------------------------------------------------------------


def _log_link(link, actor, action, effect, description=""):
    """A line in the report's sharing history: what she shares is what her manager sees."""
    audit.record(
        link.report,
        action,
        actor=actor,
        effect=effect,
        counterpart=link.manager,
        obj=link,
        description=description or str(link.organisation),
    )


@transaction.atomic
def propose_link(
    proposer: Membership, manager: User, report: User, cadence: str = Cadence.BIWEEKLY
) -> ManagerLink:
    """`proposer` (an administrator, or the manager herself) proposes that `manager` manages
    `report`; the link starts when the report accepts it."""
    organisation_id = proposer.organisation_id
    if not (proposer.is_admin or (proposer.can_manage and proposer.user_id == manager.pk)):
        raise OrgError(
            _("Only an administrator, or the manager herself or himself, can propose this.")
        )
    if manager.pk == report.pk:
        raise OrgError(_("A person cannot be her or his own manager."))
    memberships = {
        m.user_id: m
        for m in Membership.objects.active().filter(
            organisation_id=organisation_id, user__in=[manager, report]
        )
    }
    if report.pk not in memberships or manager.pk not in memberships:
        raise OrgError(_("Both people must be members of the organisation."))
    if not memberships[manager.pk].can_manage:
        raise OrgError(
            _("%(name)s needs the manager or administrator role first.") % {"name": manager}
        )
    existing = ManagerLink.objects.filter(
        organisation_id=organisation_id,
        manager=manager,
        report=report,
        status__in=[ManagerLink.Status.PROPOSED, ManagerLink.Status.ACTIVE],
    ).first()
    if existing is not None:
        raise OrgError(
            _("%(manager)s already manages %(report)s, or the proposal is waiting for an answer.")
            % {"manager": manager, "report": report}
        )
    if cadence not in Cadence.values:
        raise OrgError(_("Choose a rhythm for the 1:1 conversations."))
    return ManagerLink.objects.create(
        organisation_id=organisation_id, manager=manager, report=report, cadence=cadence
    )


def _require_report(link, user, statuses):
    if user.pk != link.report_id:
        raise OrgError(_("Only the person who would be managed can answer this."))
    if link.status not in statuses:
        raise OrgError(
            _("This is not possible while the link is “%(status)s”.")
            % {"status": link.get_status_display()}
        )


@transaction.atomic
def accept_link(link: ManagerLink, user: User) -> ManagerLink:
    """The report accepts: the link becomes active, and ends her previous manager link."""
    _require_report(link, user, [ManagerLink.Status.PROPOSED])
    previous = ManagerLink.objects.select_for_update().filter(
        organisation_id=link.organisation_id, report=link.report, status=ManagerLink.Status.ACTIVE
    )
    for old in previous.select_related("manager", "report", "organisation"):
        _end(old, user)
    link.status = ManagerLink.Status.ACTIVE
    link.accepted_at = timezone.now()
    link.save(update_fields=["status", "accepted_at"])
    _log_link(link, user, audit.Action.MANAGER_ACCEPTED, audit.Effect.NONE)
    return link


@transaction.atomic
def decline_link(link: ManagerLink, user: User) -> ManagerLink:
    _require_report(link, user, [ManagerLink.Status.PROPOSED])
    link.status = ManagerLink.Status.DECLINED
    link.ended_at = timezone.now()
    link.save(update_fields=["status", "ended_at"])
    return link


def _end(link, actor):
    shared = list(link.shares.select_related("goal"))
    link.shares.all().delete()
    link.conversations.filter(status=Conversation.Status.PLANNED).update(
        status=Conversation.Status.CANCELLED
    )
    link.status = ManagerLink.Status.ENDED
    link.ended_at = timezone.now()
    link.save(update_fields=["status", "ended_at"])
    effect = audit.Effect.REMOVED if shared else audit.Effect.NONE
    description = "; ".join(share.goal.statement for share in shared)
    _log_link(link, actor, audit.Action.MANAGER_ENDED, effect, description)


@transaction.atomic
def end_link(
    link: ManagerLink, actor: User, actor_membership: Membership | None = None
) -> ManagerLink:
    """Either side, or an administrator, ends a link: shared goals stop being shared."""
    is_party = actor.pk in (link.manager_id, link.report_id)
    is_admin = actor_membership is not None and actor_membership.is_admin
    if not (is_party or is_admin):
        raise OrgError(_("Only the manager, the report or an administrator can end this link."))
    if link.status == ManagerLink.Status.PROPOSED:
        link.status = ManagerLink.Status.DECLINED
        link.ended_at = timezone.now()
        link.save(update_fields=["status", "ended_at"])
        return link
    if link.status != ManagerLink.Status.ACTIVE:
        raise OrgError(_("This link has already ended."))
    _end(link, actor)
    return link


def set_cadence(link: ManagerLink, user: User, cadence: str) -> ManagerLink:
    if user.pk not in (link.manager_id, link.report_id):
        raise OrgError(_("Only the manager or the report can change the rhythm."))
    if cadence not in Cadence.values:
        raise OrgError(_("Choose a rhythm for the 1:1 conversations."))
    link.cadence = cadence
    link.save(update_fields=["cadence"])
    return link


@transaction.atomic
def share_goals(
    link: ManagerLink, user: User, goals: Iterable[Goal]
) -> tuple[list[Goal], list[Goal]]:
    """The report chooses, goal by goal, what her manager sees (the others are unshared)."""
    if user.pk != link.report_id:
        raise OrgError(_("Only the person whose goals they are can share them."))
    if not link.is_active:
        raise OrgError(_("Goals can be shared only with your current manager."))
    goals = list(goals)
    if any(goal.owner_id != user.pk for goal in goals):
        raise OrgError(_("You can only share your own goals."))
    keep = {goal.pk for goal in goals}
    unshared = [s.goal for s in link.shares.exclude(goal_id__in=keep).select_related("goal")]
    link.shares.exclude(goal_id__in=keep).delete()
    existing = set(link.shares.values_list("goal_id", flat=True))
    added = [goal for goal in goals if goal.pk not in existing]
    GoalShare.objects.bulk_create([GoalShare(link=link, goal=goal) for goal in added])
    for goal in unshared:
        _log_goal(link, user, audit.Action.GOAL_UNSHARED, audit.Effect.REMOVED, goal)
    for goal in added:
        _log_goal(link, user, audit.Action.GOAL_SHARED, audit.Effect.GRANTED, goal)
    return added, unshared


def _log_goal(link, user, action, effect, goal):
    audit.record(
        link.report,
        action,
        actor=user,
        effect=effect,
        counterpart=link.manager,
        obj=goal,
        description=goal.statement,
    )


# Leaving -------------------------------------------------------------------------------------


@transaction.atomic
def leave(
    membership: Membership, actor: User, actor_membership: Membership | None = None
) -> Membership:
    """`membership` ends: every manager link of the person ends (shared goals with them), and
    nothing of the organisation is reachable for her any more. Her own goals, steps,
    self-assessments and private notes stay hers.

    The person herself, or an administrator (`actor_membership`), may do it; the last
    administrator of an organisation that has other members must appoint another first.
    """
    is_self = actor.pk == membership.user_id
    if not is_self and not (actor_membership is not None and actor_membership.is_admin):
        raise OrgError(_("Only the person or an administrator can do this."))
    if not membership.is_active:
        raise OrgError(_("This person has already left the organisation."))
    organisation = membership.organisation
    others = Membership.objects.active().filter(organisation=organisation).exclude(pk=membership.pk)
    if membership.role == Role.ADMIN and _admin_count(organisation.pk) <= 1 and others.exists():
        raise OrgError(_("The organisation needs an administrator: appoint another first."))
    user = membership.user
    links = ManagerLink.objects.filter(
        organisation=organisation,
        status__in=[ManagerLink.Status.ACTIVE, ManagerLink.Status.PROPOSED],
    ).filter(Q(manager=user) | Q(report=user))
    for link in links.select_related("manager", "report", "organisation"):
        if link.status == ManagerLink.Status.ACTIVE:
            _end(link, actor)
        else:
            link.status = ManagerLink.Status.DECLINED
            link.ended_at = timezone.now()
            link.save(update_fields=["status", "ended_at"])
    membership.left_at = timezone.now()
    membership.save(update_fields=["left_at"])
    audit.record(
        user,
        audit.Action.ORG_LEFT,
        actor=actor,
        effect=audit.Effect.REMOVED,
        obj=organisation,
        description=organisation.name,
    )
    return membership
