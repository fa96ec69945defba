"""Session pages: plan a session, prepare it, listen, take notes, agree on actions. Every rule is
mentoring.lifecycle's (docs/apps/mentoring.md)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views.owned import posted
from mentoring import access, lifecycle
from mentoring.forms import (
    ActionForm,
    PrivateNoteForm,
    QuestionsForm,
    ReviewForm,
    SessionForm,
    SharedNotesForm,
    default_session_time,
)
from mentoring.lifecycle import LifecycleError
from mentoring.models import (
    Session,
)
from mentoring.views.mentorships import form_errors, show_error


@login_required
def session_new(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    form = SessionForm(posted(request), initial={"scheduled_at": default_session_time()})
    if request.method == "POST" and form.is_valid():
        try:
            session = lifecycle.schedule(
                mentorship,
                request.user,
                form.cleaned_data["scheduled_at"],
                form.cleaned_data["duration_minutes"],
                form.cleaned_data["questions"],
            )
        except LifecycleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The session is planned."))
            return redirect(session)
    return render(
        request,
        "mentoring/session_form.html",
        {
            "form": form,
            "mentorship": mentorship,
            "is_mentee": request.user.pk == mentorship.mentee_id,
            "prompts": Session.PROMPTS,
        },
    )


def _session_context(request, session):
    mentorship = session.mentorship
    note = access.private_note(session, request.user)
    links = access.visible_links(mentorship, request.user)
    return {
        "session": session,
        "mentorship": mentorship,
        "is_mentee": request.user.pk == mentorship.mentee_id,
        "note": note,
        "actions": list(session.actions.select_related("step")),
        "reviews": list(access.session_reviews(session, request.user)),
        "links": list(links),
        "prompts": Session.PROMPTS,
        "questions_form": QuestionsForm(initial={"questions": session.questions}),
        "notes_form": SharedNotesForm(initial={"shared_notes": session.shared_notes}),
        "private_form": PrivateNoteForm(
            initial={"text": note.text if note else "", "heard": note.heard if note else ""}
        ),
        "action_form": ActionForm(),
        "review_form": ReviewForm(links=links),
        "feedback": [
            f for f in access.feedback_list(mentorship, request.user) if f.session_id == session.pk
        ],
    }


@login_required
def session_detail(request, pk):
    session = access.session_for(request.user, pk)
    return render(request, "mentoring/session_detail.html", _session_context(request, session))


@login_required
def session_listen(request, pk):
    """A focused page for the session itself: questions, notes, what I heard."""
    session = access.session_for(request.user, pk)
    return render(request, "mentoring/session_listen.html", _session_context(request, session))


@login_required
@require_POST
def session_update(request, pk, part):
    """One part of the session page's form; the rules are lifecycle's (a LifecycleError is
    shown as a message, as the API answers it 400)."""
    session = access.session_for(request.user, pk)
    back = request.POST.get("next") == "listen"
    if part not in SESSION_FORMS:
        raise Http404
    if part == "review":
        form = ReviewForm(
            request.POST, links=access.visible_links(session.mentorship, request.user)
        )
    else:
        form = SESSION_FORMS[part](request.POST)
    if not form.is_valid():
        show_error(request, _("Nothing was saved: %(errors)s") % {"errors": form_errors(form)})
    else:
        data = form.cleaned_data
        try:
            if part == "questions":
                lifecycle.prepare_questions(session, request.user, data["questions"])
            elif part == "notes":
                lifecycle.write_shared_notes(session, request.user, data["shared_notes"])
            elif part == "private":
                lifecycle.write_private_note(session, request.user, data["text"], data["heard"])
            elif part == "action":
                lifecycle.add_action(session, request.user, data["title"], data["due_date"])
            else:
                lifecycle.review_goal(session, request.user, data["link"], data["note"])
        except LifecycleError as error:
            show_error(request, error)
        else:
            messages.success(request, _("Saved."))
    return redirect("mentoring:session_listen" if back else "mentoring:session", pk=session.pk)


SESSION_FORMS = {
    "questions": QuestionsForm,
    "notes": SharedNotesForm,
    "private": PrivateNoteForm,
    "action": ActionForm,
    "review": ReviewForm,
}


@login_required
@require_POST
def action_to_step(request, pk):
    action = access.action_for(request.user, pk)
    mentorship = action.session.mentorship
    links = access.visible_links(mentorship, request.user)
    link = links.filter(pk=request.POST.get("link") or 0).first() or links.first()
    if link is None:
        show_error(request, _("Share a goal with this mentorship first."))
    else:
        try:
            lifecycle.action_to_goal_step(action, request.user, link)
        except LifecycleError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("The action is now a step of “%(goal)s”.") % {"goal": link.goal.statement},
            )
    return redirect(action.session)


@login_required
@require_POST
def action_toggle(request, pk):
    action = access.action_for(request.user, pk)
    action.done = not action.done
    action.save(update_fields=["done"])
    return redirect(action.session)
