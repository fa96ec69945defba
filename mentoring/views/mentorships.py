"""Views of the mentoring app: thin doors onto mentoring.selectors, lifecycle and access."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access import get_visible_or_404, owned, visible
from mentoring import access, history, lifecycle, selectors
from mentoring.choices import STYLE_CHOICES, STYLE_TITLES, language_name, value_labels
from mentoring.forms import (
    ActionForm,
    DeclineForm,
    EndForm,
    FeedbackForm,
    KeepInTouchForm,
    MenteePreferencesForm,
    MentorProfileForm,
    PrivateNoteForm,
    QuestionsForm,
    ReflectionForm,
    RequestForm,
    ReviewForm,
    SessionForm,
    SharedNotesForm,
    ShareGoalsForm,
    ThanksForm,
    default_session_time,
)
from mentoring.lifecycle import LifecycleError
from mentoring.models import (
    GoalReview,
    MenteePreferences,
    MentorProfile,
    Mentorship,
    Session,
)

SEARCH_LIMIT = 15


def _data(request):
    """The submitted data on POST (even when empty, so that the form shows its errors)."""
    return request.POST if request.method == "POST" else None


def _fail(request, error):
    messages.error(request, str(error))


def _profile_display(profile):
    values = value_labels()
    return {
        "values": [values.get(v, v) for v in profile.values],
        "languages": [language_name(c) for c in profile.languages],
        "style": [
            (STYLE_TITLES[q], STYLE_CHOICES[q].get(getattr(profile, q), ""))
            for q in ("approach", "structure", "frequency", "channel")
        ],
    }


@login_required
def index(request):
    user = request.user
    mentorships = list(
        visible(Mentorship, user).select_related("mentor", "mentee").order_by("-created_at", "-id")
    )
    profile = owned(MentorProfile, user).first()
    return render(
        request,
        "mentoring/index.html",
        {
            "profile": profile,
            "as_mentee": [m for m in mentorships if m.mentee_id == user.pk],
            "as_mentor": [m for m in mentorships if m.mentor_id == user.pk],
            "requests": [
                m
                for m in mentorships
                if m.mentor_id == user.pk and m.status == Mentorship.Status.REQUESTED
            ],
            "has_preferences": owned(MenteePreferences, user).exists(),
            "history": list(history.records_for(user)),
        },
    )


@login_required
def profile_edit(request):
    profile = owned(MentorProfile, request.user).first()
    if profile is None:
        profile = MentorProfile(user=request.user, languages=[request.user.language])
    form = MentorProfileForm(_data(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your mentor profile is saved."))
        return redirect("mentoring:index")
    return render(request, "mentoring/profile_form.html", {"form": form})


@login_required
def preferences_edit(request):
    preferences = owned(MenteePreferences, request.user).first()
    if preferences is None:
        preferences = MenteePreferences(user=request.user, languages=[request.user.language])
    form = MenteePreferencesForm(_data(request), instance=preferences)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your preferences are saved."))
        return redirect("mentoring:find")
    return render(request, "mentoring/preferences_form.html", {"form": form})


@login_required
@require_GET
def concept_search(request, kind):
    """Search ESCO skills or occupations for the mentor profile picker (htmx)."""
    if kind not in ("skills", "occupations"):
        raise Http404
    query = request.GET.get("q", "").strip()
    results = _search_concepts(kind, query, request.LANGUAGE_CODE) if len(query) >= 2 else []
    return render(request, "mentoring/_concept_options.html", {"results": results, "kind": kind})


def _search_concepts(kind, query, language):
    """The taxonomy's search (taxonomy.search) when it answers, else a plain label search."""
    from taxonomy import search
    from taxonomy.models import Occupation, Skill

    model = Skill if kind == "skills" else Occupation
    finder = getattr(search, f"search_{kind}", None)
    if finder is not None:
        try:
            found = finder(query, language, SEARCH_LIMIT)
        except Exception:  # noqa: BLE001 (no index built yet: fall back to labels below)
            found = []
        ids = [m.concept_id for m in found if getattr(m, "concept_id", None)]
        if ids:
            by_id = model.objects.in_bulk(ids)
            return [by_id[i] for i in ids if i in by_id]
    return list(
        model.objects.filter(Q(label_en__icontains=query) | Q(label_fr__icontains=query))[
            :SEARCH_LIMIT
        ]
    )


@login_required
def find(request):
    matches = selectors.rank_mentors(request.user)
    return render(
        request,
        "mentoring/find.html",
        {
            "matches": matches,
            "has_preferences": owned(MenteePreferences, request.user).exists(),
        },
    )


@login_required
def mentor_detail(request, pk):
    profile = get_visible_or_404(
        MentorProfile.objects.select_related("user").prefetch_related("skills", "occupations"),
        request.user,
        pk=pk,
    )
    own = profile.user_id == request.user.pk
    match = None if own else selectors.match_for(request.user, profile)
    existing = Mentorship.objects.filter(
        mentor=profile.user, mentee=request.user, status__in=Mentorship.OPEN
    ).first()
    return render(
        request,
        "mentoring/mentor_detail.html",
        {
            "profile": profile,
            "match": match,
            "own": own,
            "existing": existing,
            **_profile_display(profile),
        },
    )


@login_required
def request_mentor(request, pk):
    profile = get_object_or_404(
        MentorProfile.objects.select_related("user").exclude(user=request.user),
        pk=pk,
        accepting_requests=True,
    )
    form = RequestForm(_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            mentorship = lifecycle.send_request(
                request.user,
                profile,
                form.cleaned_data["hoped_gain"],
                goals=form.cleaned_data["goals"],
                objectives=form.cleaned_data["objectives"],
            )
        except LifecycleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your request is sent."))
            return redirect(mentorship)
    return render(request, "mentoring/request_form.html", {"form": form, "profile": profile})


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
        _fail(request, error)
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
        _data(request),
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
    form = EndForm(_data(request))
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
            _fail(request, error)
        else:
            messages.success(request, _("Your sharing choice is saved."))
    else:
        _fail(request, _("Choose among your own goals."))
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
        _fail(request, error)
    else:
        messages.success(request, _("You agreed on how this goal is measured."))
    return redirect("mentoring:goal", pk=mentorship.pk, goal_id=goal_id)


@login_required
def session_new(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    form = SessionForm(_data(request), initial={"scheduled_at": default_session_time()})
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
        _fail(request, _("Nothing was saved: %(errors)s") % {"errors": _errors(form)})
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
            _fail(request, error)
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


def _errors(form):
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@login_required
@require_POST
def action_to_step(request, pk):
    action = access.action_for(request.user, pk)
    mentorship = action.session.mentorship
    links = access.visible_links(mentorship, request.user)
    link = links.filter(pk=request.POST.get("link") or 0).first() or links.first()
    if link is None:
        _fail(request, _("Share a goal with this mentorship first."))
    else:
        try:
            lifecycle.action_to_goal_step(action, request.user, link)
        except LifecycleError as error:
            _fail(request, error)
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


@login_required
def feedback_new(request, pk):
    mentorship = access.mentorship_for(request.user, pk)
    if mentorship.mentor_id != request.user.pk:
        raise Http404
    links = access.visible_links(mentorship, request.user)
    form = FeedbackForm(_data(request), links=links)
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
    form = ReflectionForm(_data(request), initial=initial)
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
        _fail(request, _errors(form))
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
        _fail(request, _errors(form))
        return redirect(mentorship)
    return _mentorship_action(
        request,
        pk,
        lambda m: lifecycle.keep_in_touch(
            m, request.user, form.cleaned_data["kind"], form.cleaned_data["message"]
        ),
        _("Your message is shared."),
    )


# Imported history ---------------------------------------------------------------------------


@login_required
def history_detail(request, pk):
    record = history.record_for(request.user, pk)  # 404 first, whatever the method
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return render(request, "mentoring/history_detail.html", history.read(record, request.user))


@login_required
def history_delete(request, pk):
    """A confirmation page on GET; the record is deleted on POST."""
    record = history.record_for(request.user, pk)
    if request.method == "POST":
        history.delete(record)
        messages.success(request, _("The imported mentorship is deleted."))
        return redirect("mentoring:index")
    return render(request, "mentoring/history_delete.html", {"record": record})
