"""The life of a mentorship: request, answer, sessions, end, keeping in touch.

Views, the API and the demo all go through these functions, so each rule lives once: a request
needs objectives, only the mentor answers it, a mentor with no place left cannot accept, an early
end needs a reason, a declined request carries a kind message.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.models import SharingEvent
from goals.models import Goal, Step
from mentoring.models import (
    ActionItem,
    Feedback,
    FeedbackReflection,
    GoalReview,
    KeepInTouch,
    MentorProfile,
    Mentorship,
    MentorshipGoal,
    PrivateNote,
    Session,
    Thanks,
)


class LifecycleError(Exception):
    """A step that is not allowed now; the message says why, in the person's language."""


def _log(mentorship, actor, action, effect, obj=None, description=None):
    """A line in the mentee's sharing history: her goals are what the mentor sees or not."""
    if description is None:
        description = "; ".join(mentorship.links.values_list("goal__statement", flat=True))
    audit.record(
        mentorship.mentee,
        action,
        actor=actor,
        effect=effect,
        counterpart=mentorship.mentor,
        obj=mentorship if obj is None else obj,
        description=description,
    )


def _end_effect(mentorship):
    return audit.Effect.KEPT if mentorship.keep_sharing else audit.Effect.REMOVED


def default_decline_message(mentee_name: str) -> str:
    return _(
        "Hello %(name)s, thank you for thinking of me: it means a lot. I cannot take on this "
        "mentorship right now, and I would rather say so than give you less time than you "
        "deserve. I wish you every success with your goals, and I encourage you to ask another "
        "mentor."
    ) % {"name": mentee_name}


@transaction.atomic
def send_request(
    mentee: User,
    profile: MentorProfile,
    hoped_gain: str,
    goals: Iterable[Goal] = (),
    objectives: str = "",
) -> Mentorship:
    """A mentee asks a mentor. Objectives first: at least one goal or written objectives."""
    goals = list(goals)
    if not goals and not objectives.strip():
        raise LifecycleError(
            _("Choose at least one of your goals or write your objectives before asking.")
        )
    if not hoped_gain.strip():
        raise LifecycleError(_("Say what you hope to gain from this mentorship."))
    if profile.user_id == mentee.pk:
        raise LifecycleError(_("You cannot be your own mentor."))
    if any(goal.owner_id != mentee.pk for goal in goals):
        raise LifecycleError(_("You can only share your own goals."))
    if not profile.accepting_requests:
        raise LifecycleError(_("This mentor does not accept requests at the moment."))
    if Mentorship.objects.filter(
        mentor=profile.user, mentee=mentee, status__in=Mentorship.OPEN
    ).exists():
        raise LifecycleError(_("You already have an open request or mentorship with this mentor."))
    mentorship = Mentorship.objects.create(
        mentor=profile.user,
        mentee=mentee,
        objectives=objectives.strip(),
        hoped_gain=hoped_gain.strip(),
    )
    MentorshipGoal.objects.bulk_create(
        [MentorshipGoal(mentorship=mentorship, goal=goal) for goal in goals]
    )
    _log(
        mentorship,
        mentee,
        audit.Action.MENTORSHIP_REQUESTED,
        audit.Effect.GRANTED,
        description=mentorship.objectives or mentorship.hoped_gain,
    )
    return mentorship


def _require(mentorship, user, role, statuses):
    if role == "mentor" and user.pk != mentorship.mentor_id:
        raise LifecycleError(_("Only the mentor can do this."))
    if role == "mentee" and user.pk != mentorship.mentee_id:
        raise LifecycleError(_("Only the mentee can do this."))
    if role == "either" and user.pk not in (mentorship.mentor_id, mentorship.mentee_id):
        raise LifecycleError(_("Only the mentor or the mentee can do this."))
    if mentorship.status not in statuses:
        raise LifecycleError(
            _("This is not possible while the mentorship is “%(status)s”.")
            % {"status": mentorship.get_status_display()}
        )


@transaction.atomic
def accept(mentorship: Mentorship, user: User) -> Mentorship:
    _require(mentorship, user, "mentor", [Mentorship.Status.REQUESTED])
    profile = MentorProfile.objects.select_for_update().filter(user=user).first()
    if profile is not None and profile.places_left <= 0:
        raise LifecycleError(
            _(
                "You have no place left: end or complete a mentorship, or raise your capacity in "
                "your mentor profile, before accepting."
            )
        )
    mentorship.status = Mentorship.Status.ACTIVE
    mentorship.accepted_at = timezone.now()
    mentorship.save(update_fields=["status", "accepted_at"])
    _log(mentorship, user, audit.Action.MENTORSHIP_ACCEPTED, audit.Effect.GRANTED)
    return mentorship


@transaction.atomic
def decline(mentorship: Mentorship, user: User, message: str) -> Mentorship:
    _require(mentorship, user, "mentor", [Mentorship.Status.REQUESTED])
    if not message.strip():
        raise LifecycleError(_("Write a kind message: the mentee will read it."))
    mentorship.status = Mentorship.Status.DECLINED
    mentorship.decline_message = message.strip()
    mentorship.ended_at = timezone.now()
    mentorship.save(update_fields=["status", "decline_message", "ended_at"])
    _log(mentorship, user, audit.Action.MENTORSHIP_DECLINED, audit.Effect.NONE)
    return mentorship


@transaction.atomic
def withdraw(mentorship: Mentorship, user: User) -> Mentorship:
    _require(mentorship, user, "mentee", [Mentorship.Status.REQUESTED])
    mentorship.status = Mentorship.Status.WITHDRAWN
    mentorship.ended_at = timezone.now()
    mentorship.save(update_fields=["status", "ended_at"])
    _log(mentorship, user, audit.Action.MENTORSHIP_WITHDRAWN, audit.Effect.NONE)
    return mentorship


@transaction.atomic
def complete(mentorship: Mentorship, user: User, note: str = "") -> Mentorship:
    """Goals met: the mentorship becomes an alumni relationship that keeps in touch."""
    _require(mentorship, user, "either", [Mentorship.Status.ACTIVE])
    mentorship.status = Mentorship.Status.COMPLETED
    mentorship.end_reason = note.strip()
    mentorship.ended_by = user
    mentorship.ended_at = timezone.now()
    mentorship.save(update_fields=["status", "end_reason", "ended_by", "ended_at"])
    _log(mentorship, user, audit.Action.MENTORSHIP_COMPLETED, _end_effect(mentorship))
    return mentorship


@transaction.atomic
def end_early(mentorship: Mentorship, user: User, reason: str) -> Mentorship:
    _require(mentorship, user, "either", [Mentorship.Status.ACTIVE])
    if not reason.strip():
        raise LifecycleError(_("Give a reason: it helps the other person understand."))
    mentorship.status = Mentorship.Status.ENDED
    mentorship.end_reason = reason.strip()
    mentorship.ended_by = user
    mentorship.ended_at = timezone.now()
    mentorship.save(update_fields=["status", "end_reason", "ended_by", "ended_at"])
    _log(mentorship, user, audit.Action.MENTORSHIP_ENDED, _end_effect(mentorship))
    return mentorship


@transaction.atomic
def set_keep_sharing(mentorship: Mentorship, user: User, keep: bool) -> Mentorship:
    _require(mentorship, user, "mentee", list(Mentorship.Status.values))
    if mentorship.keep_sharing == bool(keep):
        return mentorship
    mentorship.keep_sharing = bool(keep)
    mentorship.save(update_fields=["keep_sharing"])
    if keep:
        action = audit.Action.KEEP_SHARING_ON
        effect = audit.Effect.GRANTED if mentorship.is_finished else audit.Effect.NONE
    else:
        action = audit.Action.KEEP_SHARING_OFF
        effect = audit.Effect.REMOVED if mentorship.is_finished else audit.Effect.NONE
    _log(mentorship, user, action, effect)
    return mentorship


@transaction.atomic
def share_goals(mentorship: Mentorship, user: User, goals: Iterable[Goal]) -> None:
    """The mentee chooses, goal by goal, what the mentorship sees (others are unshared)."""
    _require(mentorship, user, "mentee", [*Mentorship.OPEN, *Mentorship.FINISHED])
    goals = list(goals)
    if any(goal.owner_id != user.pk for goal in goals):
        raise LifecycleError(_("You can only share your own goals."))
    keep = {goal.pk for goal in goals}
    unshared = [
        link.goal for link in mentorship.links.exclude(goal_id__in=keep).select_related("goal")
    ]
    mentorship.links.exclude(goal_id__in=keep).delete()
    existing = set(mentorship.links.values_list("goal_id", flat=True))
    added = [g for g in goals if g.pk not in existing]
    MentorshipGoal.objects.bulk_create(
        [MentorshipGoal(mentorship=mentorship, goal=g) for g in added]
    )
    sees = mentorship.mentor_sees_goals()
    for goal in unshared:
        effect = audit.Effect.REMOVED if sees else audit.Effect.NONE
        _log(mentorship, user, audit.Action.GOAL_UNSHARED, effect, goal, goal.statement)
    for goal in added:
        effect = audit.Effect.GRANTED if sees else audit.Effect.NONE
        _log(mentorship, user, audit.Action.GOAL_SHARED, effect, goal, goal.statement)


def agree_indicators(link: MentorshipGoal, user: User) -> MentorshipGoal:
    """Both agree on how the goal is measured; the goal becomes set together."""
    _require(link.mentorship, user, "either", [Mentorship.Status.ACTIVE])
    link.co_owned = True
    link.indicators_agreed = True
    link.agreed_on = timezone.localdate()
    link.save(update_fields=["co_owned", "indicators_agreed", "agreed_on"])
    return link


def schedule(
    mentorship: Mentorship,
    user: User,
    scheduled_at: datetime.datetime,
    duration_minutes: int = 60,
    questions: str = "",
) -> Session:
    _require(mentorship, user, "either", [Mentorship.Status.ACTIVE])
    return Session.objects.create(
        mentorship=mentorship,
        scheduled_at=scheduled_at,
        duration_minutes=duration_minutes,
        questions=questions.strip() if user.pk == mentorship.mentee_id else "",
    )


# Editing a session: the page and the API both call these; a LifecycleError says why not (the
# page shows it as a message, the API answers 400 with it: docs/apps/mentoring.md).


def _still_active(mentorship):
    if not mentorship.is_active:
        raise LifecycleError(_("This mentorship is not active any more."))


def prepare_questions(session: Session, user: User, questions: str) -> None:
    """The mentee writes the questions she brings to the session (whatever its status)."""
    if user.pk != session.mentorship.mentee_id:
        raise LifecycleError(_("Only the mentee prepares the questions."))
    session.questions = questions
    session.save(update_fields=["questions"])


def write_shared_notes(session: Session, user: User, text: str) -> None:
    """Either party writes the notes both of them see, while the mentorship is active."""
    _still_active(session.mentorship)
    session.shared_notes = text
    session.save(update_fields=["shared_notes"])


def write_private_note(
    session: Session, user: User, text: str, heard: str | None = None
) -> PrivateNote:
    """A party's own note on the session, which the other never sees (kept after the end)."""
    defaults = {"text": text} if heard is None else {"text": text, "heard": heard}
    note, _created = PrivateNote.objects.update_or_create(
        session=session, author=user, defaults=defaults
    )
    return note


def review_goal(session: Session, user: User, link: MentorshipGoal, note: str) -> GoalReview:
    """Where a shared goal stands, noted during the session, while the mentorship is active."""
    _still_active(session.mentorship)
    return GoalReview.objects.create(session=session, link=link, note=note)


def give_feedback(
    mentorship: Mentorship,
    user: User,
    observation: str,
    suggestion: str,
    link: MentorshipGoal | None = None,
    session: Session | None = None,
) -> Feedback:
    _require(mentorship, user, "mentor", [Mentorship.Status.ACTIVE])
    if not observation.strip() or not suggestion.strip():
        raise LifecycleError(_("Say what you observed and what could work better."))
    if link is not None and link.mentorship_id != mentorship.pk:
        raise LifecycleError(_("This goal is not shared with this mentorship."))
    return Feedback.objects.create(
        mentorship=mentorship,
        link=link,
        session=session,
        observation=observation.strip(),
        suggestion=suggestion.strip(),
    )


@transaction.atomic
def reflect(
    feedback: Feedback, user: User, text: str, action_taken: str = "", shared: bool = False
) -> FeedbackReflection:
    _require(feedback.mentorship, user, "mentee", [*Mentorship.OPEN, *Mentorship.FINISHED])
    if not text.strip():
        raise LifecycleError(_("Write your reflection first."))
    was_shared = FeedbackReflection.objects.filter(feedback=feedback, shared=True).exists()
    reflection, _created = FeedbackReflection.objects.update_or_create(
        feedback=feedback,
        defaults={"text": text.strip(), "action_taken": action_taken.strip(), "shared": shared},
    )
    if bool(shared) != was_shared:
        mentorship = feedback.mentorship
        sees = mentorship.mentor_sees_goals()
        if shared:
            action = audit.Action.REFLECTION_SHARED
            effect = audit.Effect.GRANTED if sees else audit.Effect.NONE
        else:
            action = audit.Action.REFLECTION_UNSHARED
            effect = audit.Effect.REMOVED if sees else audit.Effect.NONE
        _log(mentorship, user, action, effect, reflection, reflection.text)
    return reflection


def thank(mentorship: Mentorship, user: User, message: str) -> Thanks:
    _require(mentorship, user, "either", [Mentorship.Status.ACTIVE, *Mentorship.FINISHED])
    if not message.strip():
        raise LifecycleError(_("Write a few words of thanks."))
    return Thanks.objects.create(mentorship=mentorship, author=user, message=message.strip())


def keep_in_touch(mentorship: Mentorship, user: User, kind: str, message: str) -> KeepInTouch:
    _require(mentorship, user, "either", list(Mentorship.FINISHED))
    if not message.strip():
        raise LifecycleError(_("Write your message."))
    if kind not in KeepInTouch.Kind.values:
        raise LifecycleError(_("Choose what kind of message this is."))
    return KeepInTouch.objects.create(
        mentorship=mentorship, author=user, kind=kind, message=message.strip()
    )


def action_to_goal_step(action: ActionItem, user: User, link: MentorshipGoal) -> Step:
    """Turn an action item into a step of a goal shared with the mentorship (one click)."""
    mentorship = action.session.mentorship
    _require(mentorship, user, "either", [Mentorship.Status.ACTIVE])
    if link.mentorship_id != mentorship.pk:
        raise LifecycleError(_("This goal is not shared with this mentorship."))
    if action.step_id:
        raise LifecycleError(_("This action is already a step of a goal."))
    return _make_step(action, link)


@transaction.atomic
def _make_step(action, link):
    from goals.models import Step

    step = Step.objects.create(
        goal=link.goal,
        title=action.title[:300],
        due_date=action.due_date,
        description=_("Agreed in a mentoring session on %(date)s.")
        % {"date": action.session.scheduled_at.date().isoformat()},
    )
    action.step = step
    action.save(update_fields=["step"])
    return step


def add_action(
    session: Session, user: User, title: str, due_date: datetime.date | None = None
) -> ActionItem:
    _require(session.mentorship, user, "either", [Mentorship.Status.ACTIVE])
    if not title.strip():
        raise LifecycleError(_("Say what the action is."))
    return ActionItem.objects.create(session=session, title=title.strip()[:300], due_date=due_date)


@receiver(
    pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="mentoring.mentor_account_deleted"
)
def mentor_account_deleted(
    sender: type, instance: User, origin: object = None, **kwargs: object
) -> None:
    """A mentor deletes her account: each of her mentees' histories says she no longer sees
    anything of theirs. (Her own history goes with her account.)

    Runs in the deletion's transaction, after Django listed the rows pointing at the account:
    the new lines must not point at it, so they keep her name only.
    """
    mentorships = Mentorship.objects.filter(mentor=instance).select_related("mentee")
    if isinstance(origin, QuerySet) and origin.model is sender:
        # People deleted together: no history for a mentee who is going too.
        mentorships = mentorships.exclude(mentee__in=origin)
    SharingEvent.objects.bulk_create(
        audit.event(
            mentorship.mentee,
            audit.Action.MENTOR_ACCOUNT_DELETED,
            actor=None,
            effect=audit.Effect.REMOVED,
            obj=mentorship,
            description=mentorship.objectives or mentorship.hoped_gain,
            gone=instance,
        )
        for mentorship in mentorships
    )
