"""Who sees what in an organisation. Every page and API route of the app fetches through here.

Being the owner or a party of a record is checked by core.access (`owned`, `visible`, from each
model's `owner_path` / `party_paths`); the rules below narrow what each person sees inside an
organisation. Nothing of an organisation is reachable without an active membership: a person who
left (an ex-member) or never joined gets 404 on every page and route of it, whatever they once
wrote there.

- The organisation, its teams, people (names, roles, teams), competency models, job roles,
  objectives and cycles: its active members. Email addresses, invitations, imports and the
  completion counts of a cycle: its administrators.
- A manager link: its manager and its report, and the administrators (the organisation chart).
- A 1:1 conversation, its agenda, shared notes and action items: its manager and its report,
  each while she is an active member (the joint record stays with the one who stays; when a
  link ends, its planned conversations are cancelled). Private notes: their author only.
- A goal: its owner; her manager only while she shares it through their active link.
- An assessment: its author (drafts included); its subject once submitted; a self-assessment
  reaches the person's current manager only once submitted and shared (a sharing rule given to
  core.access, `shared_self_assessments`).
- Never visible to an organisation, whatever the role: reflections, private notes of others,
  mentorships and job applications (no route of this app reads them).
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from accounts.models import User
from core.access import get_visible_or_404, owned, visible
from organisations.models import (
    ActionItem,
    Assessment,
    Conversation,
    GoalShare,
    ManagerLink,
    Membership,
    PrivateNote,
    Role,
    Topic,
)

ACTIVE = ManagerLink.Status.ACTIVE


def _active_org_ids(user, roles=None):
    rows = Membership.objects.active().filter(user=user)
    if roles:
        rows = rows.filter(role__in=roles)
    return rows.values("organisation")


# Sharing rules given to core.access in OrganisationsConfig.ready() ----------------------------


def co_members(user: User) -> Q:
    """Memberships `user` may see besides her own: the active ones of her organisations."""
    return Q(left_at__isnull=True, organisation__in=_active_org_ids(user))


def organisation_chart(user: User) -> Q:
    """Manager links an administrator sees: those of the organisations she administers."""
    return Q(organisation__in=_active_org_ids(user, roles=[Role.ADMIN]))


def shared_self_assessments(user: User) -> Q:
    """Self-assessments submitted and shared by the people `user` currently manages."""
    return Q(
        Exists(
            ManagerLink.objects.filter(
                manager=user,
                status=ACTIVE,
                report=OuterRef("subject"),
                organisation=OuterRef("organisation"),
            )
        ),
        kind=Assessment.Kind.SELF,
        status=Assessment.Status.SUBMITTED,
        shared_with_manager=True,
    )


# Organisations and people ---------------------------------------------------------------------


def memberships_of(user: User) -> QuerySet:
    """`user`'s active memberships, with their organisation, team and job role."""
    return (
        owned(Membership, user)
        .active()
        .select_related("organisation", "team", "job_role")
        .order_by("organisation__name", "id")
    )


def membership_for(user: User, slug: str) -> Membership:
    """`user`'s active membership of the organisation `slug`, or Http404."""
    membership = memberships_of(user).filter(organisation__slug=slug).first()
    if membership is None:
        raise Http404
    return membership


def admin_for(user: User, slug: str) -> Membership:
    """`user`'s membership of `slug` if she administers it, else Http404."""
    membership = membership_for(user, slug)
    if not membership.is_admin:
        raise Http404
    return membership


def manager_for(user: User, slug: str) -> Membership:
    """`user`'s membership of `slug` if she may manage people there, else Http404."""
    membership = membership_for(user, slug)
    if not membership.can_manage:
        raise Http404
    return membership


def members(membership: Membership) -> QuerySet:
    """The active members of `membership`'s organisation that its holder may see (all of them),
    with their person, team and job role."""
    return (
        visible(Membership, membership.user)
        .active()
        .filter(organisation_id=membership.organisation_id)
        .select_related("user", "team__organisation", "job_role")
    )


def member_for(membership: Membership, pk: int) -> Membership:
    """An active member of the same organisation, or Http404."""
    found = members(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# Manager links ---------------------------------------------------------------------------------


def links(membership: Membership) -> QuerySet:
    """Manager links of the organisation that `membership`'s holder may see: her own (as
    manager or report), and every link for an administrator."""
    return (
        visible(ManagerLink, membership.user)
        .filter(organisation_id=membership.organisation_id)
        .select_related("manager", "report", "organisation")
    )


def link_for(membership: Membership, pk: int) -> ManagerLink:
    found = links(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def own_link_for(membership: Membership, pk: int) -> ManagerLink:
    """A link `membership`'s holder is a party to (administrators aside), or Http404."""
    link = link_for(membership, pk)
    if membership.user_id not in (link.manager_id, link.report_id):
        raise Http404
    return link


def current_manager_link(membership: Membership) -> ManagerLink | None:
    """The active link to `membership`'s holder's manager, or None."""
    return (
        ManagerLink.objects.filter(
            organisation_id=membership.organisation_id, report=membership.user, status=ACTIVE
        )
        .select_related("manager")
        .first()
    )


def report_links(membership: Membership) -> QuerySet:
    """Active links where `membership`'s holder is the manager, reports being active members."""
    return (
        ManagerLink.objects.filter(
            organisation_id=membership.organisation_id, manager=membership.user, status=ACTIVE
        )
        .filter(
            Exists(
                Membership.objects.active().filter(
                    organisation_id=OuterRef("organisation_id"), user_id=OuterRef("report_id")
                )
            )
        )
        .select_related("report", "organisation")
    )


def manages(manager_membership: Membership, report: User) -> bool:
    return report_links(manager_membership).filter(report=report).exists()


def shares(link: ManagerLink, viewer: User) -> QuerySet:
    """Goals shared through `link` that `viewer` may read: the report always, the manager only
    while the link is active."""
    if viewer.pk == link.report_id or (viewer.pk == link.manager_id and link.is_active):
        return GoalShare.objects.filter(link=link).select_related("goal")
    return GoalShare.objects.none()


# Conversations ---------------------------------------------------------------------------------


def conversations(membership: Membership) -> QuerySet:
    """1:1s `membership`'s holder takes part in (she is a member: the caller checked it)."""
    return (
        visible(Conversation, membership.user)
        .filter(link__organisation_id=membership.organisation_id)
        .select_related("link", "link__manager", "link__report", "link__organisation")
    )


def conversation_for(membership: Membership, pk: int) -> Conversation:
    found = conversations(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def private_note(conversation: Conversation, user: User) -> PrivateNote | None:
    """The author's own note on a conversation (never anyone else's)."""
    return owned(PrivateNote, user).filter(conversation=conversation).first()


def topic_for(membership: Membership, pk: int) -> Topic:
    topic = get_visible_or_404(Topic.objects.select_related("conversation"), membership.user, pk=pk)
    conversation_for(membership, topic.conversation_id)
    return topic


def action_for(membership: Membership, pk: int) -> ActionItem:
    action = get_visible_or_404(
        ActionItem.objects.select_related("conversation", "step__goal"), membership.user, pk=pk
    )
    conversation_for(membership, action.conversation_id)
    return action


# Assessments -----------------------------------------------------------------------------------


def assessments(membership: Membership) -> QuerySet:
    """Assessments of the organisation `membership`'s holder may read: her own drafts and
    submitted ones, submitted ones about her, and what her reports shared with her."""
    user = membership.user
    return (
        visible(Assessment, user)
        .filter(organisation_id=membership.organisation_id)
        .filter(Q(author=user) | Q(status=Assessment.Status.SUBMITTED))
        .select_related("subject", "author", "role", "cycle")
    )


def assessment_for(membership: Membership, pk: int) -> Assessment:
    found = assessments(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
