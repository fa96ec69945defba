"""1:1 conversations: the page both sides prepare and hold, and development cycles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import access, conversations, cycles
from organisations.forms import (
    ActionForm,
    CycleForm,
    PrivateNoteForm,
    SharedNotesForm,
    StepForm,
    TopicForm,
)
from organisations.models import Cycle
from organisations.people import OrgError
from organisations.views.common import data, errors, fail

PARTS = ("topic", "notes", "private", "action", "held", "cancel")


@login_required
def index(request, slug):
    membership = access.membership_for(request.user, slug)
    rows = list(access.conversations(membership).order_by("-scheduled_at", "-id")[:100])
    return render(
        request,
        "organisations/conversations.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "planned": sorted(
                (c for c in rows if c.is_planned), key=lambda c: (c.scheduled_at, c.pk)
            ),
            "past": [c for c in rows if not c.is_planned],
            "manager_link": access.current_manager_link(membership),
        },
    )


@login_required
def detail(request, slug, pk):
    """The conversation: shared agenda, shared notes, my private notes, action items, and the
    goals the report shares with her manager. A fixed number of queries."""
    membership = access.membership_for(request.user, slug)
    conversation = access.conversation_for(membership, pk)
    context = conversations.page(conversation, request.user)
    note = context["note"]
    context.update(
        {
            "membership": membership,
            "organisation": membership.organisation,
            "topic_form": TopicForm(),
            "notes_form": SharedNotesForm(initial={"shared_notes": conversation.shared_notes}),
            "private_form": PrivateNoteForm(initial={"private_notes": note.text if note else ""}),
            "action_form": ActionForm(link=conversation.link),
            "step_form": StepForm(user=request.user),
        }
    )
    return render(request, "organisations/conversation.html", context)


@login_required
@require_POST
def update(request, slug, pk, part):
    membership = access.membership_for(request.user, slug)
    conversation = access.conversation_for(membership, pk)
    user = request.user
    link = conversation.link
    target = conversation
    try:
        if part == "topic":
            form = TopicForm(request.POST)
            if form.is_valid():
                conversations.add_topic(conversation, user, form.cleaned_data["text"])
        elif part == "notes":
            form = SharedNotesForm(request.POST)
            if form.is_valid():
                conversations.save_shared_notes(
                    conversation, user, form.cleaned_data["shared_notes"]
                )
        elif part == "private":
            form = PrivateNoteForm(request.POST)
            if form.is_valid():
                conversations.save_private_note(
                    conversation, user, form.cleaned_data["private_notes"]
                )
        elif part == "action":
            form = ActionForm(request.POST, link=link)
            if form.is_valid():
                owner = (
                    link.manager
                    if form.cleaned_data["owner"] == str(link.manager_id)
                    else link.report
                )
                conversations.add_action(
                    conversation,
                    user,
                    form.cleaned_data["title"],
                    owner,
                    form.cleaned_data["due_date"],
                )
        elif part in ("held", "cancel"):
            form = None
            if part == "held":
                following = conversations.mark_held(conversation, user)
                messages.success(
                    request,
                    _("Held. The next 1:1 is planned; open topics are carried over to it.")
                    if following
                    else _("Marked as held."),
                )
            else:
                conversations.cancel(conversation, user)
                messages.success(request, _("The conversation is cancelled."))
        else:
            raise Http404
    except OrgError as error:
        fail(request, error)
        return redirect(target)
    if form is not None:
        if form.is_valid():
            messages.success(request, _("Saved."))
        else:
            fail(request, _("Nothing was saved: %(errors)s") % {"errors": errors(form)})
    return redirect(target)


@login_required
@require_POST
def topic_toggle(request, slug, pk):
    membership = access.membership_for(request.user, slug)
    topic = access.topic_for(membership, pk)
    try:
        if request.POST.get("action") == "remove":
            conversations.remove_topic(topic, request.user)
        else:
            conversations.toggle_topic(topic, request.user)
    except OrgError as error:
        fail(request, error)
    return redirect(topic.conversation)


@login_required
@require_POST
def action_toggle(request, slug, pk):
    membership = access.membership_for(request.user, slug)
    action = access.action_for(membership, pk)
    conversations.toggle_action(action, request.user)
    return redirect(action.conversation)


@login_required
@require_POST
def action_step(request, slug, pk):
    """Its owner makes an action item a step of one of her goals."""
    membership = access.membership_for(request.user, slug)
    action = access.action_for(membership, pk)
    form = StepForm(request.POST, user=request.user)
    if not form.is_valid():
        fail(request, _("Choose one of your own active goals."))
        return redirect(action.conversation)
    try:
        conversations.action_to_step(action, request.user, form.cleaned_data["goal"])
    except OrgError as error:
        fail(request, error)
    else:
        messages.success(
            request,
            _("The action is now a step of “%(goal)s”.")
            % {"goal": form.cleaned_data["goal"].statement},
        )
    return redirect(action.conversation)


# Development cycles ------------------------------------------------------------------------------


@login_required
def cycle_list(request, slug):
    membership = access.membership_for(request.user, slug)
    form = CycleForm(data(request))
    if request.method == "POST":
        if not membership.is_admin:
            raise Http404
        if form.is_valid():
            try:
                cycle = cycles.open_cycle(membership, **form.cleaned_data)
            except OrgError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The cycle is open. Reminders go out by email."))
                return redirect(cycle)
    return render(
        request,
        "organisations/cycles.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "cycles": Cycle.objects.filter(organisation_id=membership.organisation_id),
            "form": form if membership.is_admin else None,
        },
    )


@login_required
def cycle_detail(request, slug, pk):
    """My steps; my reports' steps for a manager; counts per team for administrators."""
    membership = access.membership_for(request.user, slug)
    cycle = get_object_or_404(Cycle, organisation_id=membership.organisation_id, pk=pk)
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "cycle": cycle,
        "mine": cycles.my_progress(membership, cycle),
    }
    if membership.can_manage:
        context["reports"] = cycles.reports_progress(membership, cycle)
    if membership.is_admin:
        context["counts"], context["total"] = cycles.completion(membership, cycle)
    return render(request, "organisations/cycle.html", context)


@login_required
@require_POST
def cycle_close(request, slug, pk):
    membership = access.admin_for(request.user, slug)
    cycle = get_object_or_404(Cycle, organisation_id=membership.organisation_id, pk=pk)
    cycles.close_cycle(membership, cycle)
    messages.success(request, _("The cycle is closed."))
    return redirect(cycle)
