"""Development conversations (1:1s) between a manager and a report.

A link has a rhythm (every week, two weeks, four weeks); when a conversation is marked as held,
the next one is planned at the same time one rhythm later, and the agenda topics nobody
discussed are carried over to it (the held one keeps its agenda as it was). Both sides add
topics to the shared agenda before the meeting, write the shared notes, and keep private notes
only they read. An action item belongs to the person who
will do it; she can make it a step of one of her own goals in one click. The other side sees
that it became a step, and which goal only if that goal is shared with them.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.access import owned
from goals.models import Goal, Step
from organisations import access
from organisations.models import ActionItem, Conversation, Cycle, ManagerLink, PrivateNote, Topic
from organisations.people import OrgError

MAX_TOPICS = 50


def _require_party(conversation, user):
    link = conversation.link
    if user.pk not in (link.manager_id, link.report_id):
        raise OrgError(_("Only the manager and the report take part in this conversation."))


def _require_planned(conversation):
    if not conversation.is_planned:
        raise OrgError(
            _("This is not possible once the conversation is “%(status)s”.")
            % {"status": conversation.get_status_display()}
        )


def schedule(
    link: ManagerLink,
    user: User,
    scheduled_at: datetime.datetime,
    duration_minutes: int = 30,
    cycle: Cycle | None = None,
) -> Conversation:
    """Plan a conversation on an active link (either side)."""
    if user.pk not in (link.manager_id, link.report_id):
        raise OrgError(_("Only the manager and the report can plan their 1:1."))
    if not link.is_active:
        raise OrgError(_("This manager link is not active."))
    if cycle is not None and cycle.organisation_id != link.organisation_id:
        raise OrgError(_("Choose a development cycle of this organisation."))
    if not 5 <= int(duration_minutes) <= 480:
        raise OrgError(_("A conversation lasts from 5 to 480 minutes."))
    return Conversation.objects.create(
        link=link, scheduled_at=scheduled_at, duration_minutes=duration_minutes, cycle=cycle
    )


def next_planned(link: ManagerLink) -> Conversation | None:
    """The link's next planned conversation, or None."""
    return (
        Conversation.objects.filter(link=link, status=Conversation.Status.PLANNED)
        .order_by("scheduled_at", "id")
        .first()
    )


def add_topic(conversation: Conversation, user: User, text: str) -> Topic:
    _require_party(conversation, user)
    _require_planned(conversation)
    text = (text or "").strip()
    if not text:
        raise OrgError(_("Write the topic."))
    if conversation.topics.count() >= MAX_TOPICS:
        raise OrgError(_("At most %(max)s topics per conversation.") % {"max": MAX_TOPICS})
    return Topic.objects.create(conversation=conversation, author=user, text=text[:500])


def toggle_topic(topic: Topic, user: User) -> Topic:
    _require_party(topic.conversation, user)
    topic.discussed = not topic.discussed
    topic.save(update_fields=["discussed"])
    return topic


def remove_topic(topic: Topic, user: User) -> None:
    """Its author removes a topic before the meeting."""
    _require_party(topic.conversation, user)
    _require_planned(topic.conversation)
    if topic.author_id != user.pk:
        raise OrgError(_("Only the person who added a topic can remove it."))
    topic.delete()


def save_shared_notes(conversation: Conversation, user: User, text: str) -> Conversation:
    _require_party(conversation, user)
    if conversation.status == Conversation.Status.CANCELLED:
        raise OrgError(_("This conversation was cancelled."))
    conversation.shared_notes = (text or "").strip()
    conversation.save(update_fields=["shared_notes"])
    return conversation


def save_private_note(conversation: Conversation, user: User, text: str) -> PrivateNote:
    """The author's own notes: never shown to the other side, nor to the organisation."""
    _require_party(conversation, user)
    note, _created = PrivateNote.objects.update_or_create(
        conversation=conversation, author=user, defaults={"text": (text or "").strip()}
    )
    return note


def add_action(
    conversation: Conversation,
    user: User,
    title: str,
    owner: User,
    due_date: datetime.date | None = None,
) -> ActionItem:
    """An action item for `owner` (the manager or the report)."""
    _require_party(conversation, user)
    link = conversation.link
    if owner.pk not in (link.manager_id, link.report_id):
        raise OrgError(_("An action belongs to the manager or to the report."))
    title = (title or "").strip()
    if not title:
        raise OrgError(_("Say what the action is."))
    return ActionItem.objects.create(
        conversation=conversation, owner=owner, title=title[:300], due_date=due_date
    )


def toggle_action(action: ActionItem, user: User) -> ActionItem:
    _require_party(action.conversation, user)
    action.done = not action.done
    action.save(update_fields=["done"])
    return action


@transaction.atomic
def action_to_step(action: ActionItem, user: User, goal: Goal) -> Step:
    """Its owner turns an action item into a step of one of her own goals."""
    from goals.models import Goal, Step

    _require_party(action.conversation, user)
    if action.owner_id != user.pk:
        raise OrgError(_("Only the person who will do it can add it to her or his goals."))
    if action.step_id:
        raise OrgError(_("This action is already a step of a goal."))
    if not isinstance(goal, Goal) or not owned(Goal, user).filter(pk=goal.pk).exists():
        raise OrgError(_("Choose one of your own goals."))
    when = timezone.localtime(action.conversation.scheduled_at).date()
    step = Step.objects.create(
        goal=goal,
        title=action.title[:300],
        due_date=action.due_date,
        description=_("Agreed in a 1:1 conversation on %(date)s.") % {"date": when.isoformat()},
    )
    action.step = step
    action.save(update_fields=["step"])
    return step


@transaction.atomic
def mark_held(conversation: Conversation, user: User) -> Conversation | None:
    """The conversation took place: the next one is planned one rhythm later (unless one is
    already planned), and the topics nobody discussed are carried over to it. Returns the next
    one."""
    _require_party(conversation, user)
    _require_planned(conversation)
    conversation.status = Conversation.Status.HELD
    conversation.held_at = timezone.now()
    conversation.save(update_fields=["status", "held_at"])
    link = conversation.link
    following = next_planned(link)
    if following is None and link.is_active and link.cadence_days:
        following = Conversation.objects.create(
            link=link,
            scheduled_at=_next_time(conversation.scheduled_at, link.cadence_days),
            duration_minutes=conversation.duration_minutes,
        )
    if following is not None:
        # The held conversation keeps its agenda; what was not discussed is carried over.
        Topic.objects.bulk_create(
            Topic(conversation=following, author_id=topic.author_id, text=topic.text)
            for topic in conversation.topics.filter(discussed=False)
        )
    return following


def _next_time(after, days):
    """One rhythm after `after`, and never in the past."""
    when = after + datetime.timedelta(days=days)
    now = timezone.now()
    while when < now:
        when += datetime.timedelta(days=days)
    return when


def cancel(conversation: Conversation, user: User) -> Conversation:
    _require_party(conversation, user)
    _require_planned(conversation)
    conversation.status = Conversation.Status.CANCELLED
    conversation.save(update_fields=["status"])
    return conversation


def page(conversation: Conversation, viewer: User) -> dict:
    """What a conversation page shows `viewer`: a fixed number of queries."""
    link = conversation.link
    goals = shared_goals(link, viewer)
    actions = list(conversation.actions.select_related("owner", "step__goal"))
    visible_goal_ids = {goal.pk for goal in goals}
    for action in actions:
        action.goal_visible = action.step_id is not None and (
            action.owner_id == viewer.pk or action.step.goal_id in visible_goal_ids
        )
    return {
        "conversation": conversation,
        "link": link,
        "other": link.other(viewer),
        "is_manager": viewer.pk == link.manager_id,
        "topics": list(conversation.topics.select_related("author")),
        "actions": actions,
        "note": access.private_note(conversation, viewer),
        "goals": goals,
        "following": None if conversation.is_planned else next_planned(link),
    }


def shared_goals(link: ManagerLink, viewer: User) -> list[Goal]:
    """The report's goals shared through `link` that `viewer` may read, with their progress and
    why each matters (`.alignment`). A fixed number of queries."""
    from goals.plan import goals_with_progress
    from organisations.models import GoalAlignment

    ids = [share.goal_id for share in access.shares(link, viewer)]
    if not ids:
        return []
    goals = list(goals_with_progress(link.report).filter(pk__in=ids).order_by("deadline", "id"))
    alignments = {
        a.goal_id: a
        for a in GoalAlignment.objects.filter(
            goal_id__in=ids, objective__organisation_id=link.organisation_id
        ).select_related("objective")
    }
    for goal in goals:
        goal.alignment = alignments.get(goal.pk)
    return goals
