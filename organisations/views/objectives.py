"""Objectives of the organisation and its teams, and a person's goals linked to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404
from organisations import access, alignment
from organisations.forms import (
    AlignForm,
    ObjectiveForm,
)
from organisations.models import (
    Objective,
    Team,
)
from organisations.people import OrgError
from organisations.views.common import data, errors, fail


@login_required
def objectives(request, slug):
    membership = access.membership_for(request.user, slug)
    teams = Team.objects.filter(organisation_id=membership.organisation_id)
    if not membership.is_admin:
        teams = teams.filter(pk=membership.team_id or 0)
    may_add = membership.is_admin or (membership.can_manage and membership.team_id)
    form = ObjectiveForm(data(request), teams=teams)
    if request.method == "POST":
        if not may_add:
            raise Http404
        if form.is_valid():
            try:
                alignment.create_objective(membership, **form.cleaned_data)
            except OrgError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The objective is added."))
                return redirect("organisations:objectives", slug=slug)
    return render(
        request,
        "organisations/objectives.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "objectives": list(alignment.objectives_for(membership)),
            "form": form if may_add else None,
        },
    )


@login_required
@require_POST
def objective_archive(request, slug, pk):
    membership = access.membership_for(request.user, slug)
    objective = get_object_or_404(
        Objective, organisation_id=membership.organisation_id, pk=pk, active=True
    )
    try:
        alignment.archive_objective(membership, objective)
    except OrgError as error:
        fail(request, error)
    else:
        messages.success(request, _("The objective is archived."))
    return redirect("organisations:objectives", slug=slug)


@login_required
def goal_align(request, slug, goal_id):
    """The person links one of her goals to an objective, saying why it matters."""
    from goals.models import Goal

    membership = access.membership_for(request.user, slug)
    goal = get_owned_or_404(Goal, request.user, pk=goal_id)
    current = alignment.alignments_of(request.user, membership.organisation_id).get(goal.pk)
    initial = {}
    if current:
        initial = {
            "objective": current.objective_id,
            "why_me": current.why_me,
            "why_team": current.why_team,
        }
    form = AlignForm(
        data(request), objectives=alignment.objectives_of_team(membership), initial=initial
    )
    if request.method == "POST":
        if request.POST.get("action") == "unlink":
            alignment.unalign(request.user, goal)
            messages.success(request, _("The goal is no longer linked to an objective."))
            return redirect("organisations:home", slug=slug)
        if form.is_valid():
            try:
                alignment.align(request.user, goal, **form.cleaned_data)
            except OrgError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your goal is linked to the objective."))
                return redirect("organisations:home", slug=slug)
    return render(
        request,
        "organisations/align.html",
        {
            "form": form,
            "goal": goal,
            "current": current,
            "organisation": membership.organisation,
            "errors": errors(form) if form.is_bound else "",
        },
    )
