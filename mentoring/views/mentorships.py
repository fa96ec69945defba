"""Mentorship pages: a mentorship and its goals, its life (accept, decline, end, keep sharing),
feedback, reflections, thanks and keeping in touch (see mentoring/views/__init__.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views.owned import posted
from mentoring import access, lifecycle
from mentoring.forms import (
    DeclineForm,
    EndForm,
    FeedbackForm,
    KeepInTouchForm,
    ReflectionForm,
    ShareGoalsForm,
    ThanksForm,
)
from mentoring.lifecycle import LifecycleError
from mentoring.models import (
    GoalReview,
    Mentorship,
)


def show_error(request, error):
    """A rule's refusal (LifecycleError) or a form's problems, shown as a message."""
    messages.error(request, str(error))


def form_errors(form):
    """A form's problems in one sentence, for a message."""
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@login_required
def mentorship_detail(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    user = request.user
    is_mentee = user.pk == mentorship.mentee_id
    links = list(access.visible_links(mentorship, user))
    sessions = list(mentorship.sessions.all())
    thanks = list(mentorship.thanks.select_related("author"))
    contacts = list(mentorship.contacts.select_related("author"))
    feedback = access.feedback_list(mentorship, user)
    last_thanks = max((t.created_at for t in thanks), default=None)
    last_contact = max((c.created_at for c in contacts), default=None)
    context = {
        "mentorship": mentorship,
        "is_mentee": is_mentee,
        "other": mentorship.other(user),
        "links": links,
        "sessions": sessions,
        "thanks": thanks,
        "contacts": contacts,
        "feedback": feedback,
        "can_see_goals": access.can_see_goals(mentorship, user),
        "thanks_form": ThanksForm(),
        "touch_form": KeepInTouchForm(),
        "end_form": EndForm(),
        "gratitude_due": mentorship.is_active
        and mentorship.gratitude_due_on(last_thanks) <= timezone.localdate(),
        "keep_in_touch_due_on": mentorship.keep_in_touch_due_on(last_contact)
        if mentorship.status == Mentorship.Status.COMPLETED
        else None,
    }
    if is_mentee:
        context["share_form"] = ShareGoalsForm(
            user=user, initial={"goals": [link.goal_id for link in links]}
        )
    return render(request, "mentoring/mentorship_detail.html", context)


def _mentorship_action(request, pk, action, success):
    mentorship = access.mentorship_for(request.user, pk)
    try:
        action(mentorship)
    except LifecycleError as error:
        show_error(request, error)
    else:
        messages.success(request, success)
    return redirect(mentorship)


@login_required
@require_POST
def accept(request, pk):
    return _mentorship_action(
        request,
        pk,
        lambda m: lifecycle.accept(m, request.user),
        _("You accepted the request. Plan your first session."),
    )


@login_required
@require_POST
def withdraw(request, pk):
    return _mentorship_action(
        request, pk, lambda m: lifecycle.withdraw(m, request.user), _("Your request is withdrawn.")
    )


@login_required
def decline(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    if mentorship.mentor_id != request.user.pk:
        raise Http404
    form = DeclineForm(
        posted(request),
        initial={"message": lifecycle.default_decline_message(mentorship.mentee.display_name)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.decline(mentorship, request.user, form.cleaned_data["message"])
        except LifecycleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your answer is sent."))
            return redirect("mentoring:index")
    return render(request, "mentoring/decline_form.html", {"form": form, "mentorship": mentorship})


@login_required
def end(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    form = EndForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["outcome"] == "completed":
                lifecycle.complete(mentorship, request.user, form.cleaned_data["reason"])
                messages.success(request, _("Congratulations on the goals met! Keep in touch."))
            else:
                lifecycle.end_early(mentorship, request.user, form.cleaned_data["reason"])
                messages.success(request, _("The mentorship has ended."))
        except LifecycleError as error:
            form.add_error(None, str(error))
        else:
            return redirect(mentorship)
    return render(request, "mentoring/end_form.html", {"form": form, "mentorship": mentorship})


@login_required
@require_POST
def keep_sharing(request, pk):
    keep = request.POST.get("keep") == "1"
    return _mentorship_action(
        request,
        pk,
        lambda m: lifecycle.set_keep_sharing(m, request.user, keep),
        _("Your sharing choice is saved."),
    )


@login_required
@require_POST
def share_goals(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    if mentorship.mentee_id != request.user.pk:
        raise Http404
    form = ShareGoalsForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            lifecycle.share_goals(mentorship, request.user, form.cleaned_data["goals"])
        except LifecycleError as error:
            show_error(request, error)
        else:
            messages.success(request, _("Your sharing choice is saved."))
    else:
        show_error(request, _("Choose among your own goals."))
    return redirect(mentorship)


@login_required
def goal_detail(request, pk, goal_id):
    """A shared goal as the mentorship sees it: read-only, with feedback and reviews."""
    mentorship = access.mentorship_for(request.user, pk)
    link = access.link_for(mentorship, request.user, goal_id)
    reviews = list(
        GoalReview.objects.filter(link=link).select_related("session").order_by("-created_at")
    )
    steps = list(link.goal.steps.all()[:50])
    return render(
        request,
        "mentoring/goal_detail.html",
        {
            "mentorship": mentorship,
            "link": link,
            "goal": link.goal,
            "steps": steps,
            "reviews": reviews,
            "feedback": access.feedback_list(mentorship, request.user, link=link),
            "is_mentee": request.user.pk == mentorship.mentee_id,
        },
    )


@login_required
@require_POST
def agree(request, pk, goal_id):
    mentorship = access.mentorship_for(request.user, pk)
    link = access.link_for(mentorship, request.user, goal_id)
    try:
        lifecycle.agree_indicators(link, request.user)
    except LifecycleError as error:
        show_error(request, error)
    else:
        messages.success(request, _("You agreed on how this goal is measured."))
    return redirect("mentoring:goal", pk=mentorship.pk, goal_id=goal_id)


@login_required
def feedback_new(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    if mentorship.mentor_id != request.user.pk:
        raise Http404
    links = access.visible_links(mentorship, request.user)
    form = FeedbackForm(posted(request), links=links)
    if request.method == "POST" and form.is_valid():
        session_id = request.POST.get("session")
        session = mentorship.sessions.filter(pk=session_id).first() if session_id else None
        try:
            lifecycle.give_feedback(
                mentorship,
                request.user,
                form.cleaned_data["observation"],
                form.cleaned_data["suggestion"],
                link=form.cleaned_data["link"],
                session=session,
            )
        except LifecycleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your constructive feedback is shared."))
            return redirect(mentorship)
    return render(
        request,
        "mentoring/feedback_form.html",
        {"form": form, "mentorship": mentorship, "session_id": request.GET.get("session", "")},
    )


@login_required
def reflect(request, pk):
    feedback = access.feedback_for(request.user, pk)
    mentorship = feedback.mentorship
    if mentorship.mentee_id != request.user.pk:
        raise Http404
    current = access.reflections_visible(mentorship, request.user, [feedback.pk]).get(feedback.pk)
    initial = (
        {"text": current.text, "action_taken": current.action_taken, "shared": current.shared}
        if current
        else {}
    )
    form = ReflectionForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.reflect(feedback, request.user, **form.cleaned_data)
        except LifecycleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your reflection is saved."))
            return redirect(mentorship)
    return render(
        request,
        "mentoring/reflection_form.html",
        {"form": form, "feedback": feedback, "mentorship": mentorship},
    )


@login_required
@require_POST
def thank(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    form = ThanksForm(request.POST)
    if not form.is_valid():
        show_error(request, form_errors(form))
        return redirect(mentorship)
    return _mentorship_action(
        request,
        pk,
        lambda m: lifecycle.thank(m, request.user, form.cleaned_data["message"]),
        _("Your thank-you is shared."),
    )


@login_required
@require_POST
def touch(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    form = KeepInTouchForm(request.POST)
    if not form.is_valid():
        show_error(request, form_errors(form))
        return redirect(mentorship)
    return _mentorship_action(
        request,
        pk,
        lambda m: lifecycle.keep_in_touch(
            m, request.user, form.cleaned_data["kind"], form.cleaned_data["message"]
        ),
        _("Your message is shared."),
    )
