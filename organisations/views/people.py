"""Organisations and their people: my organisations, joining, the organisation's home, people,
teams, my team (a manager's reports), leaving, what one keeps of an organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404, owned
from organisations import access, alignment, cycles, people
from organisations.forms import (
    InviteForm,
    MemberForm,
    OrganisationForm,
    ShareGoalsForm,
    TeamForm,
)
from organisations.models import (
    Assessment,
    Conversation,
    ManagerLink,
    Membership,
    Objective,
    OrganisationRecord,
    PrivateNote,
    Team,
)
from organisations.people import OrgError
from organisations.views.common import data, fail


@login_required
def index(request):
    user = request.user
    memberships = list(access.memberships_of(user))
    proposals = list(
        ManagerLink.objects.filter(
            report=user,
            status=ManagerLink.Status.PROPOSED,
            organisation__in=[m.organisation_id for m in memberships],
        ).select_related("manager", "organisation")
    )
    former = list(
        owned(Membership, user)
        .filter(left_at__isnull=False)
        .select_related("organisation")
        .order_by("-left_at")
    )
    return render(
        request,
        "organisations/index.html",
        {
            "memberships": memberships,
            "proposals": proposals,
            "former": former,
            "imported": list(owned(OrganisationRecord, user)),
        },
    )


@login_required
def create(request):
    form = OrganisationForm(data(request))
    if request.method == "POST" and form.is_valid():
        try:
            organisation = people.create_organisation(request.user, **form.cleaned_data)
        except OrgError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your organisation is created. Invite its people."))
            return redirect(organisation)
    return render(request, "organisations/create.html", {"form": form})


@login_required
def join(request, token):
    """The invitation link: see what it is, then accept (signing in or up first)."""
    invitation = people.invitation_for(token)
    if invitation is None:
        raise Http404
    if request.method == "POST":
        try:
            membership = people.accept_invitation(invitation, request.user)
        except OrgError as error:
            fail(request, error)
        else:
            messages.success(
                request,
                _("Welcome to %(organisation)s.") % {"organisation": membership.organisation},
            )
            return redirect(membership.organisation)
    return render(
        request,
        "organisations/join.html",
        {
            "invitation": invitation,
            "other_address": invitation.email.lower() != request.user.email.lower(),
        },
    )


@login_required
def home(request, slug):
    membership = access.membership_for(request.user, slug)
    user = request.user
    manager_link = access.current_manager_link(membership)
    proposals = list(
        ManagerLink.objects.filter(
            organisation_id=membership.organisation_id,
            report=user,
            status=ManagerLink.Status.PROPOSED,
        ).select_related("manager")
    )
    upcoming = (
        access.conversations(membership)
        .filter(status=Conversation.Status.PLANNED, scheduled_at__gte=timezone.now())
        .order_by("scheduled_at")
        .first()
    )
    open_cycles = [
        (cycle, cycles.my_progress(membership, cycle)) for cycle in cycles.open_cycles(membership)
    ]
    from goals.models import Goal

    goals = list(owned(Goal, user).order_by("deadline", "id"))
    shared = set()
    if manager_link is not None:
        shared = set(manager_link.shares.values_list("goal_id", flat=True))
    aligned = alignment.alignments_of(user, membership.organisation_id)
    for goal in goals:
        goal.is_shared = goal.pk in shared
        goal.alignment = aligned.get(goal.pk)
    return render(
        request,
        "organisations/home.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "manager_link": manager_link,
            "proposals": proposals,
            "report_count": access.report_links(membership).count() if membership.can_manage else 0,
            "upcoming": upcoming,
            "open_cycles": open_cycles,
            "assessments": list(
                access.assessments(membership).filter(subject=user).order_by("-created_at")[:5]
            ),
            "goals": goals,
            "share_form": ShareGoalsForm(user=user, initial={"goals": sorted(shared)})
            if manager_link
            else None,
            "objectives": list(alignment.objectives_of_team(membership)),
        },
    )


@login_required
def people_list(request, slug):
    membership = access.membership_for(request.user, slug)
    members = list(access.members(membership).order_by("user__display_name", "id"))
    managers = {
        link.report_id: link.manager
        for link in ManagerLink.objects.filter(
            organisation_id=membership.organisation_id, status=ManagerLink.Status.ACTIVE
        ).select_related("manager")
    }
    for member in members:
        member.manager = managers.get(member.user_id)
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "members": members,
    }
    if membership.is_admin:
        context["invitations"] = list(people.open_invitations(membership))
        context["invite_form"] = InviteForm(organisation=membership.organisation)
    return render(request, "organisations/people.html", context)


@login_required
def invite(request, slug):
    membership = access.admin_for(request.user, slug)
    form = InviteForm(data(request), organisation=membership.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _raw = people.invite(
                membership,
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                form.cleaned_data["team"],
            )
        except OrgError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("organisations:people", slug=slug)
    return render(
        request,
        "organisations/invite.html",
        {"form": form, "organisation": membership.organisation},
    )


@login_required
@require_POST
def revoke(request, slug, pk):
    membership = access.admin_for(request.user, slug)
    invitation = get_object_or_404(people.open_invitations(membership), pk=pk)
    people.revoke_invitation(membership, invitation)
    messages.success(request, _("The invitation is withdrawn."))
    return redirect("organisations:people", slug=slug)


@login_required
def member(request, slug, pk):
    """An administrator changes a member's role, team or job role, or removes her."""
    membership = access.admin_for(request.user, slug)
    target = access.member_for(membership, pk)
    form = MemberForm(
        data(request),
        organisation=membership.organisation,
        initial={"role": target.role, "team": target.team_id, "job_role": target.job_role_id},
    )
    if request.method == "POST":
        if request.POST.get("action") == "remove":
            try:
                people.leave(target, request.user, membership)
            except OrgError as error:
                fail(request, error)
                return redirect("organisations:member", slug=slug, pk=pk)
            messages.success(
                request,
                _("%(name)s no longer belongs to the organisation.") % {"name": target.user},
            )
            return redirect("organisations:people", slug=slug)
        if form.is_valid():
            try:
                people.update_member(membership, target, **form.cleaned_data)
            except OrgError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Saved."))
                return redirect("organisations:people", slug=slug)
    links = list(
        access.links(membership)
        .filter(status__in=[ManagerLink.Status.ACTIVE, ManagerLink.Status.PROPOSED])
        .filter(report=target.user)
    )
    return render(
        request,
        "organisations/member.html",
        {
            "organisation": membership.organisation,
            "target": target,
            "form": form,
            "links": links,
        },
    )


@login_required
def teams(request, slug):
    membership = access.membership_for(request.user, slug)
    form = TeamForm(data(request))
    if request.method == "POST":
        if not membership.is_admin:
            raise Http404
        if form.is_valid():
            try:
                team = people.create_team(membership, form.cleaned_data["name"])
            except OrgError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The team is created."))
                return redirect(team)
    from django.db.models import Count, Q

    rows = Team.objects.filter(organisation_id=membership.organisation_id).annotate(
        size=Count("memberships", filter=Q(memberships__left_at__isnull=True))
    )
    return render(
        request,
        "organisations/teams.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "teams": rows,
            "form": form,
        },
    )


@login_required
def team(request, slug, pk):
    """A team's roster: names, roles, job roles and managers. Five queries whatever its size."""
    membership = access.membership_for(request.user, slug)
    found = get_object_or_404(Team, organisation_id=membership.organisation_id, pk=pk)
    members = list(access.members(membership).filter(team=found).order_by("user__display_name"))
    managers = {
        link.report_id: link.manager
        for link in ManagerLink.objects.filter(
            organisation_id=membership.organisation_id,
            status=ManagerLink.Status.ACTIVE,
            report__in=[m.user_id for m in members],
        ).select_related("manager")
    }
    for person in members:
        person.manager = managers.get(person.user_id)
    return render(
        request,
        "organisations/team.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "team": found,
            "members": members,
            "objectives": list(Objective.objects.filter(team=found, active=True).order_by("title")),
        },
    )


@login_required
def my_team(request, slug):
    """A manager's reports: next 1:1, goals each chose to share with their progress, where each
    stands in the open cycle. A fixed number of queries whatever the number of reports."""
    membership = access.manager_for(request.user, slug)
    links = list(access.report_links(membership))
    from django.db.models import Count, Min

    planned = dict(
        access.conversations(membership)
        .filter(
            link__in=links, status=Conversation.Status.PLANNED, scheduled_at__gte=timezone.now()
        )
        .values("link_id")
        .annotate(first=Min("scheduled_at"))
        .values_list("link_id", "first")
    )
    shared = dict(
        ManagerLink.objects.filter(pk__in=[link.pk for link in links])
        .annotate(n=Count("shares"))
        .values_list("pk", "n")
    )
    roles = {
        m.user_id: m.job_role
        for m in access.members(membership).filter(user__in=[link.report_id for link in links])
    }
    cycle = cycles.open_cycles(membership).first()
    progress = {}
    if cycle is not None:
        progress = {p.person.pk: p for p in cycles.reports_progress(membership, cycle)}
    for link in links:
        link.next_at = planned.get(link.pk)
        link.shared_count = shared.get(link.pk, 0)
        link.job_role = roles.get(link.report_id)
        link.progress = progress.get(link.report_id)
    proposed = list(
        ManagerLink.objects.filter(
            organisation_id=membership.organisation_id,
            manager=request.user,
            status=ManagerLink.Status.PROPOSED,
        ).select_related("report")
    )
    return render(
        request,
        "organisations/my_team.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "links": links,
            "proposed": proposed,
            "cycle": cycle,
        },
    )


@login_required
def leave(request, slug):
    membership = access.membership_for(request.user, slug)
    if request.method == "POST":
        try:
            people.leave(membership, request.user)
        except OrgError as error:
            fail(request, error)
        else:
            messages.success(
                request,
                _("You left %(organisation)s. Your own goals and notes stay yours.")
                % {"organisation": membership.organisation},
            )
            return redirect("organisations:index")
    return render(request, "organisations/leave.html", {"organisation": membership.organisation})


@login_required
def former(request, pk):
    """What a person keeps of an organisation she left: her own self-assessments and her
    private notes of 1:1s, read-only. Nobody else ever opens this page."""
    membership = get_owned_or_404(
        Membership.objects.select_related("organisation"), request.user, pk=pk
    )
    if membership.is_active:
        raise Http404
    assessments = list(
        Assessment.objects.filter(
            organisation_id=membership.organisation_id,
            subject=request.user,
            author=request.user,
        )
        .select_related("role")
        .prefetch_related("ratings__competency", "ratings__evidence")
        .order_by("-created_at")
    )
    notes = list(
        owned(PrivateNote, request.user)
        .filter(conversation__link__organisation_id=membership.organisation_id)
        .exclude(text="")
        .select_related("conversation")
        .order_by("-conversation__scheduled_at")
    )
    return render(
        request,
        "organisations/former.html",
        {"membership": membership, "assessments": assessments, "notes": notes},
    )


# History brought in by an import --------------------------------------------------------------


@login_required
def history(request, pk):
    """An organisation of an imported file: the person's own side of it, read-only."""
    record = get_owned_or_404(OrganisationRecord, request.user, pk=pk)
    return render(request, "organisations/history.html", {"record": record, **record.details})


@login_required
def history_delete(request, pk):
    """A confirmation page on GET; the record is deleted on POST."""
    record = get_owned_or_404(OrganisationRecord, request.user, pk=pk)
    if request.method == "POST":
        record.delete()
        messages.success(request, _("The imported organisation is deleted."))
        return redirect("organisations:index")
    return render(request, "organisations/history_delete.html", {"record": record})
