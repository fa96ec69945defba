"""Manager links: proposing a manager, the report's answer, the rhythm, sharing goals, planning
a 1:1."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import access, conversations, cycles, people
from organisations.forms import (
    CadenceForm,
    ConversationForm,
    ProposeForm,
    ShareGoalsForm,
    default_conversation_time,
)
from organisations.people import OrgError
from organisations.views.common import data, fail


@login_required
def propose(request, slug):
    membership = access.manager_for(request.user, slug)
    members = list(access.members(membership).order_by("user__display_name"))
    managers = [m for m in members if m.can_manage] if membership.is_admin else [membership]
    form = ProposeForm(
        data(request),
        members=members,
        managers=managers,
        initial={"manager": request.user.pk},
    )
    if request.method == "POST" and form.is_valid():
        chosen = {m.user_id: m.user for m in members}
        try:
            link = people.propose_link(
                membership,
                chosen[form.cleaned_data["manager"]],
                chosen[form.cleaned_data["report"]],
                form.cleaned_data["cadence"],
            )
        except OrgError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Proposed: %(report)s will be asked to accept.") % {"report": link.report},
            )
            return redirect("organisations:people", slug=slug)
    return render(
        request,
        "organisations/propose.html",
        {"form": form, "organisation": membership.organisation},
    )


@login_required
def link_detail(request, slug, pk):
    membership = access.membership_for(request.user, slug)
    link = access.link_for(membership, pk)
    user = request.user
    is_party = user.pk in (link.manager_id, link.report_id)
    context = {
        "organisation": membership.organisation,
        "link": link,
        "is_party": is_party,
        "is_report": user.pk == link.report_id,
        "cadence_form": CadenceForm(initial={"cadence": link.cadence}),
    }
    if is_party:
        context["conversations"] = list(
            access.conversations(membership).filter(link=link).order_by("-scheduled_at")
        )
        context["goals"] = conversations.shared_goals(link, user)
    if user.pk == link.report_id and link.is_active:
        context["share_form"] = ShareGoalsForm(
            user=user, initial={"goals": [g.pk for g in context["goals"]]}
        )
    return render(request, "organisations/link.html", context)


def _link_action(request, slug, pk, action, success, parties_only=False, to_home=False):
    membership = access.membership_for(request.user, slug)
    find = access.own_link_for if parties_only else access.link_for
    link = find(membership, pk)
    try:
        action(link, membership)
    except OrgError as error:
        fail(request, error)
    else:
        messages.success(request, success)
    if to_home:
        return redirect("organisations:home", slug=slug)
    return redirect(link)


@login_required
@require_POST
def link_accept(request, slug, pk):
    return _link_action(
        request,
        slug,
        pk,
        lambda link, m: people.accept_link(link, request.user),
        _("You accepted. Plan your first 1:1 conversation."),
        to_home=True,
    )


@login_required
@require_POST
def link_decline(request, slug, pk):
    return _link_action(
        request,
        slug,
        pk,
        lambda link, m: people.decline_link(link, request.user),
        _("Your answer is saved."),
        to_home=True,
    )


@login_required
@require_POST
def link_end(request, slug, pk):
    return _link_action(
        request,
        slug,
        pk,
        lambda link, m: people.end_link(link, request.user, m),
        _("The link has ended; shared goals are no longer shared."),
    )


@login_required
@require_POST
def link_cadence(request, slug, pk):
    form = CadenceForm(request.POST)
    cadence = form.cleaned_data["cadence"] if form.is_valid() else ""
    return _link_action(
        request,
        slug,
        pk,
        lambda link, m: people.set_cadence(link, request.user, cadence),
        _("Saved."),
        parties_only=True,
    )


@login_required
@require_POST
def link_goals(request, slug, pk):
    """The report chooses which of her goals her manager sees."""
    membership = access.membership_for(request.user, slug)
    link = access.own_link_for(membership, pk)
    if link.report_id != request.user.pk:
        raise Http404
    form = ShareGoalsForm(request.POST, user=request.user)
    if not form.is_valid():
        fail(request, _("Choose among your own goals."))
    else:
        try:
            people.share_goals(link, request.user, form.cleaned_data["goals"])
        except OrgError as error:
            fail(request, error)
        else:
            messages.success(request, _("Your sharing choice is saved."))
    if request.POST.get("next") == "home":
        return redirect("organisations:home", slug=slug)
    return redirect(link)


@login_required
def conversation_new(request, slug, pk):
    membership = access.membership_for(request.user, slug)
    link = access.own_link_for(membership, pk)
    form = ConversationForm(
        data(request),
        cycles=cycles.open_cycles(membership),
        initial={"scheduled_at": default_conversation_time()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            conversation = conversations.schedule(
                link,
                request.user,
                form.cleaned_data["scheduled_at"],
                form.cleaned_data["duration_minutes"],
                form.cleaned_data["cycle"],
            )
        except OrgError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The 1:1 conversation is planned."))
            return redirect(conversation)
    return render(
        request,
        "organisations/conversation_form.html",
        {"form": form, "link": link, "organisation": membership.organisation},
    )
