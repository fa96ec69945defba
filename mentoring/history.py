"""Mentorship history brought in by an import: read-only records of their owner.

An imported file's mentorships never become live mentorships linked to another account (see
mentoring.portability): each is a MentorshipRecord owned by the importer. This module is what the
pages and the API read: the owner's records, and one record laid out for reading, with dates
parsed and references to the owner's goals and steps resolved (or None once deleted).
"""

from django.db.models import QuerySet

from accounts.models import User
from core import access
from goals.models import Goal, Step
from mentoring.models import (
    ActionItem,
    Feedback,
    FeedbackReflection,
    GoalReview,
    KeepInTouch,
    Mentorship,
    MentorshipGoal,
    MentorshipRecord,
    PrivateNote,
    Session,
    Thanks,
)


def records_for(user: User) -> QuerySet[MentorshipRecord]:
    """The person's imported mentorships, newest first."""
    return access.owned(MentorshipRecord, user).order_by("-created_at", "-id")


def record_for(user: User, pk: int) -> MentorshipRecord:
    """One of the person's records, or 404 (anyone else's answers as if it did not exist)."""
    return access.get_owned_or_404(MentorshipRecord, user, pk=pk)


def _typed(model, data):
    """`data` with each value of a field of `model` parsed back (dates, date-times)."""
    out = dict(data)
    for field in model._meta.concrete_fields:
        if not field.is_relation and field.name in out and out[field.name] is not None:
            out[field.name] = field.to_python(out[field.name])
    return out


def _from(side):
    return side if side in ("me", "counterpart") else None


def read(record: MentorshipRecord, user: User) -> dict:
    """The record laid out for reading: sessions, feedback, thank-yous, keeping in touch.

    Goals and steps the record names are looked up among `user`'s own (two queries); one
    deleted since reads as None. Positions (`goal_link`, `session`) become the items.
    """
    details = record.details
    goal_ids = [link.get("goal") for link in details.get("goals", []) if link.get("goal")]
    step_ids = [
        action.get("step")
        for session in details.get("sessions", [])
        for action in session.get("actions", [])
        if action.get("step")
    ]
    goals = access.owned(Goal, user).in_bulk(goal_ids) if goal_ids else {}
    steps = access.owned(Step, user).in_bulk(step_ids) if step_ids else {}
    links = []
    for link in details.get("goals", []):
        goal = goals.get(link.get("goal"))
        links.append({**_typed(MentorshipGoal, link), "goal": goal, "goal_id": goal and goal.pk})

    def link_at(index):
        return links[index] if index is not None and 0 <= index < len(links) else None

    sessions = []
    for session in details.get("sessions", []):
        note = session.get("private_note")
        actions = []
        for action in session.get("actions", []):
            step = steps.get(action.get("step"))
            actions.append(
                {**_typed(ActionItem, action), "step": step, "step_id": step and step.pk}
            )
        sessions.append(
            {
                **_typed(Session, session),
                "private_note": None if note is None else _typed(PrivateNote, note),
                "actions": actions,
                "goal_reviews": [
                    {**_typed(GoalReview, review), "link": link_at(review.get("goal_link"))}
                    for review in session.get("goal_reviews", [])
                ],
            }
        )
    feedback = []
    for item in details.get("feedback", []):
        reflection = item.get("reflection")
        at = item.get("session")
        feedback.append(
            {
                **_typed(Feedback, item),
                "link": link_at(item.get("goal_link")),
                "on_session": sessions[at] if at is not None and 0 <= at < len(sessions) else None,
                "reflection": None
                if reflection is None
                else _typed(FeedbackReflection, reflection),
            }
        )
    return {
        "record": record,
        "accepted_at": _typed(Mentorship, {"accepted_at": details.get("accepted_at")})[
            "accepted_at"
        ],
        "objectives": details.get("objectives", ""),
        "hoped_gain": details.get("hoped_gain", ""),
        "decline_message": details.get("decline_message", ""),
        "end_reason": details.get("end_reason", ""),
        "ended_by": _from(details.get("ended_by")),
        "keep_sharing": details.get("keep_sharing", False),
        "keep_in_touch_every_days": details.get("keep_in_touch_every_days"),
        "goals": links,
        "sessions": sessions,
        "feedback": feedback,
        "thanks": [
            {**_typed(Thanks, t), "author": _from(t.get("from"))} for t in details.get("thanks", [])
        ],
        "keep_in_touch": [
            {
                **_typed(KeepInTouch, c),
                "author": _from(c.get("from")),
                "kind_label": dict(KeepInTouch.Kind.choices).get(c.get("kind"), c.get("kind")),
            }
            for c in details.get("keep_in_touch", [])
        ],
    }
