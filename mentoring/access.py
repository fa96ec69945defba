"""Who sees what in a mentorship. Every page and API route fetches through here.

Being a party to a mentorship (its mentee or its mentor) is checked by core.access (`visible`,
from each model's `party_paths`); the rules below narrow what each party sees inside it.

- A mentorship, its sessions, shared notes, feedback and thanks: its mentee and its mentor.
  Anyone else: 404.
- Shared goals (and their reviews, feedback on them, shared reflections): the mentee always;
  the mentor while the mentorship is active, and after it ends only if the mentee keeps sharing.
- Private notes: their author only (their owner is the author: `owned(PrivateNote, user)`).
- A reflection on feedback: the mentee; the mentor only if she shared it and sees the goals.
- A mentor profile: its mentor; every signed-in person while it accepts requests; and whoever
  asked that mentor for a mentorship (`published_profiles`, registered with core.access).
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import User
from core.access import get_visible_or_404, owned
from goals.models import Goal
from mentoring.models import (
    ActionItem,
    Feedback,
    FeedbackReflection,
    GoalReview,
    Mentorship,
    MentorshipGoal,
    PrivateNote,
    Session,
)


def published_profiles(user: User) -> Q:
    """Mentor profiles `user` may open besides her own (a sharing rule given to core.access):
    those of mentors who accept requests, and those of anyone she has asked to mentor her."""
    return Q(accepting_requests=True) | Q(
        user__in=Mentorship.objects.filter(mentee=user).values("mentor")
    )


def mentorship_for(user: User, pk: int) -> Mentorship:
    return get_visible_or_404(Mentorship.objects.select_related("mentor", "mentee"), user, pk=pk)


def can_see_goals(mentorship: Mentorship, user: User) -> bool:
    if user.pk == mentorship.mentee_id:
        return True
    return user.pk == mentorship.mentor_id and mentorship.mentor_sees_goals()


def visible_links(mentorship: Mentorship, user: User) -> QuerySet[MentorshipGoal]:
    """The goals shared with the mentorship that `user` may see, with their goal."""
    if not can_see_goals(mentorship, user):
        return MentorshipGoal.objects.none()
    return mentorship.links.select_related("goal").order_by("shared_at", "id")


def link_for(mentorship: Mentorship, user: User, goal_id: int) -> MentorshipGoal:
    # goal__pk, not goal_id: Django then finds nothing for an id too big for the database.
    link = visible_links(mentorship, user).filter(goal__pk=goal_id).first()
    if link is None:
        raise Http404
    return link


def session_for(user: User, pk: int) -> Session:
    return get_visible_or_404(
        Session.objects.select_related("mentorship", "mentorship__mentor", "mentorship__mentee"),
        user,
        pk=pk,
    )


def private_note(session: Session, user: User) -> PrivateNote | None:
    """The author's own note on a session (never anyone else's)."""
    return owned(PrivateNote, user).filter(session=session).first()


def session_reviews(session: Session, user: User) -> QuerySet[GoalReview]:
    if not can_see_goals(session.mentorship, user):
        return GoalReview.objects.none()
    return session.reviews.select_related("link__goal")


def reflections_visible(
    mentorship: Mentorship, user: User, feedback_ids: list[int]
) -> dict[int, FeedbackReflection]:
    """Reflections `user` may read, by feedback id."""
    rows = FeedbackReflection.objects.filter(feedback_id__in=feedback_ids)
    if user.pk != mentorship.mentee_id:
        if not can_see_goals(mentorship, user):
            return {}
        rows = rows.filter(shared=True)
    return {r.feedback_id: r for r in rows}


def feedback_list(
    mentorship: Mentorship, user: User, link: MentorshipGoal | None = None
) -> list[Feedback]:
    """Feedback of a mentorship with the reflections `user` may read attached as `.reflection`."""
    rows = mentorship.feedback.select_related("link__goal", "session")
    if link is not None:
        rows = rows.filter(link=link)
    rows = list(rows)
    goals_visible = can_see_goals(mentorship, user)
    reflections = reflections_visible(mentorship, user, [f.pk for f in rows])
    for feedback in rows:
        feedback.reflection = reflections.get(feedback.pk)
        if not goals_visible:
            feedback.link = None  # the goal it was about is no longer shared with this person
    return rows


def feedback_for(user: User, pk: int) -> Feedback:
    return get_visible_or_404(
        Feedback.objects.select_related("mentorship", "link__goal"), user, pk=pk
    )


def action_for(user: User, pk: int) -> ActionItem:
    return get_visible_or_404(
        ActionItem.objects.select_related("session__mentorship", "step"), user, pk=pk
    )


def feedback_for_goal(goal: Goal, viewer: User) -> list[Feedback]:
    """Feedback on `goal` that `viewer` may read, newest first, each with `.reflection`.

    The goal's owner reads every piece of feedback given on it, with her reflections; a mentor
    reads what was given in mentorships where the goal is still shared with them.
    """
    links = MentorshipGoal.objects.filter(goal=goal).select_related(
        "mentorship", "mentorship__mentor"
    )
    out = []
    for link in links:
        mentorship = link.mentorship
        if viewer.pk == goal.owner_id or (
            viewer.pk == mentorship.mentor_id and mentorship.mentor_sees_goals()
        ):
            out += feedback_list(mentorship, viewer, link=link)
    return sorted(out, key=lambda f: (f.created_at, f.pk), reverse=True)
