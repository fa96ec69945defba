"""API: assessments, 1:1 conversations and development cycles."""

import datetime
from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Schema, Status
from ninja.errors import HttpError

from core.access import owned
from core.api_schemas import ErrorOut, RowId
from organisations import access, assessments, conversations, cycles
from organisations.api.router import call, router
from organisations.models import Cycle, Evidence, JobRole


class OrgAssessmentStartIn(Schema):
    role_id: RowId | None = None  # default: the report's job role (a manager's assessment)
    subject_user_id: RowId | None = None  # a report of the caller: a manager's assessment
    cycle_id: RowId | None = None


class OrgEvidenceOut(Schema):
    id: int
    kind: str
    text: str


class OrgRatingOut(Schema):
    competency_id: int
    competency: str
    expected: int | None
    level: int | None
    comment: str
    evidence: list[OrgEvidenceOut]


class OrgAssessmentSummaryOut(Schema):
    id: int
    kind: str
    status: str
    subject_user_id: int
    author_user_id: int
    role_id: int
    cycle_id: int | None
    summary: str
    shared_with_manager: bool
    created_at: datetime.datetime
    submitted_at: datetime.datetime | None


class OrgAssessmentOut(OrgAssessmentSummaryOut):
    ratings: list[OrgRatingOut]


class OrgRatingIn(Schema):
    competency_id: RowId
    level: int | None = Field(None, ge=1, le=10)
    comment: str = Field("", max_length=4000)


class OrgAssessmentPatch(Schema):
    summary: str | None = Field(None, max_length=20000)
    ratings: list[OrgRatingIn] = []


class OrgSubmitIn(Schema):
    share_with_manager: bool = False


class OrgSharingIn(Schema):
    shared: bool


class OrgEvidenceIn(Schema):
    competency_id: RowId
    text: str = Field(..., min_length=1, max_length=500)
    kind: Evidence.Kind = Evidence.Kind.OTHER


class OrgConversationIn(Schema):
    scheduled_at: datetime.datetime
    duration_minutes: int = Field(30, ge=5, le=480)
    cycle_id: RowId | None = None


class OrgConversationPatch(Schema):
    shared_notes: str | None = Field(None, max_length=20000)
    private_notes: str | None = Field(None, max_length=20000)


class OrgTopicIn(Schema):
    text: str = Field(..., min_length=1, max_length=500)


class OrgTopicOut(Schema):
    id: int
    text: str
    author: str
    discussed: bool


class OrgActionIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    owner_user_id: RowId | None = None  # default: the caller
    due_date: datetime.date | None = None


class OrgActionOut(Schema):
    id: int
    title: str
    owner_user_id: int
    due_date: datetime.date | None
    done: bool
    is_goal_step: bool
    goal_id: int | None  # only when the caller may read that goal


class OrgSharedGoalOut(Schema):
    id: int
    statement: str
    deadline: datetime.date | None
    progress_percent: int | None
    objective: str | None
    why_me: str
    why_team: str


class OrgConversationSummaryOut(Schema):
    id: int
    link_id: int
    manager: str
    report: str
    scheduled_at: datetime.datetime
    duration_minutes: int
    status: str
    cycle_id: int | None


class OrgConversationOut(OrgConversationSummaryOut):
    shared_notes: str
    my_private_notes: str  # the caller's own; the other side's are never returned
    topics: list[OrgTopicOut]
    actions: list[OrgActionOut]
    shared_goals: list[OrgSharedGoalOut]


class OrgStepIn(Schema):
    goal_id: RowId


class OrgCycleIn(Schema):
    name: str = Field(..., min_length=1, max_length=150)
    starts_on: datetime.date
    self_review_due: datetime.date
    manager_review_due: datetime.date
    ends_on: datetime.date


class OrgCycleOut(Schema):
    id: int
    name: str
    status: str
    starts_on: datetime.date
    self_review_due: datetime.date
    manager_review_due: datetime.date
    ends_on: datetime.date
    my_self_review: Literal["none", "draft", "submitted"]
    my_manager_review_submitted: bool
    my_conversation_held: bool


class OrgTeamCountOut(Schema):
    team: str
    members: int
    with_manager: int
    self_reviews: int
    manager_reviews: int
    conversations: int


class OrgCompletionOut(Schema):
    teams: list[OrgTeamCountOut]
    total: OrgTeamCountOut


def _membership(request, slug):
    return access.membership_for(request.auth, slug)


def _cycle(membership, cycle_id):
    if cycle_id is None:
        return None
    return get_object_or_404(Cycle, organisation_id=membership.organisation_id, pk=cycle_id)


def _assessment_summary(assessment):
    return {
        "id": assessment.pk,
        "kind": assessment.kind,
        "status": assessment.status,
        "subject_user_id": assessment.subject_id,
        "author_user_id": assessment.author_id,
        "role_id": assessment.role_id,
        "cycle_id": assessment.cycle_id,
        "summary": assessment.summary,
        "shared_with_manager": assessment.shared_with_manager,
        "created_at": assessment.created_at,
        "submitted_at": assessment.submitted_at,
    }


def _assessment_out(assessment, user):
    return {
        **_assessment_summary(assessment),
        "ratings": [
            {
                "competency_id": row.competency.pk,
                "competency": row.competency.name(),
                "expected": row.expected,
                "level": row.rating.level,
                "comment": row.rating.comment,
                "evidence": [{"id": e.pk, "kind": e.kind, "text": e.text} for e in row.evidence],
            }
            for row in assessments.rows(assessment, user)
        ],
    }


@router.get("/orgs/{slug}/assessments", response=list[OrgAssessmentSummaryOut])
def list_assessments(request, slug: str):
    """Assessments the caller may read: hers (drafts included), those about her once submitted,
    and the self-assessments her reports shared with her."""
    membership = _membership(request, slug)
    return [
        _assessment_summary(a)
        for a in access.assessments(membership).order_by("-created_at", "-id")[:200]
    ]


@router.post("/orgs/{slug}/assessments", response={201: OrgAssessmentOut, 404: ErrorOut})
def start_assessment(request, slug: str, payload: OrgAssessmentStartIn):
    """Start a draft: a self-assessment against `role_id`, or with `subject_user_id` a
    manager's assessment of one of the caller's reports."""
    membership = _membership(request, slug)
    role = None
    if payload.role_id is not None:
        role = get_object_or_404(
            JobRole.objects.select_related("model"),
            model__organisation_id=membership.organisation_id,
            pk=payload.role_id,
        )
    cycle = _cycle(membership, payload.cycle_id)
    if payload.subject_user_id is not None:
        link = access.report_links(membership).filter(report__pk=payload.subject_user_id).first()
        if link is None:
            raise Http404
        assessment = call(
            assessments.start_manager_assessment, membership, link.report, role, cycle
        )
    else:
        if role is None:
            raise HttpError(400, _("Choose the job role to assess against."))
        assessment = call(assessments.start_self_assessment, membership, role, cycle)
    return Status(201, _assessment_out(assessment, request.auth))


def _assessment(request, slug, assessment_id):
    membership = _membership(request, slug)
    return access.assessment_for(membership, assessment_id)


@router.get("/orgs/{slug}/assessments/{assessment_id}", response=OrgAssessmentOut)
def get_assessment(request, slug: str, assessment_id: int):
    return _assessment_out(_assessment(request, slug, assessment_id), request.auth)


@router.patch("/orgs/{slug}/assessments/{assessment_id}", response=OrgAssessmentOut)
def update_assessment(request, slug: str, assessment_id: int, payload: OrgAssessmentPatch):
    """Change a draft's levels, comments or summary (its author only)."""
    assessment = _assessment(request, slug, assessment_id)
    ratings = {r.competency_id: (r.level, r.comment) for r in payload.ratings}
    call(assessments.save, assessment, request.auth, ratings, payload.summary)
    return _assessment_out(assessment, request.auth)


@router.post("/orgs/{slug}/assessments/{assessment_id}/evidence", response={201: OrgAssessmentOut})
def add_evidence(request, slug: str, assessment_id: int, payload: OrgEvidenceIn):
    assessment = _assessment(request, slug, assessment_id)
    call(
        assessments.add_evidence,
        assessment,
        request.auth,
        payload.competency_id,
        payload.text,
        payload.kind,
    )
    return Status(201, _assessment_out(assessment, request.auth))


@router.post("/orgs/{slug}/assessments/{assessment_id}/submit", response=OrgAssessmentOut)
def submit_assessment(request, slug: str, assessment_id: int, payload: OrgSubmitIn):
    """Submit a draft; it is kept as it is. `share_with_manager` shares a self-assessment."""
    assessment = _assessment(request, slug, assessment_id)
    call(assessments.submit, assessment, request.auth, payload.share_with_manager)
    return _assessment_out(assessment, request.auth)


@router.put("/orgs/{slug}/assessments/{assessment_id}/sharing", response=OrgAssessmentOut)
def share_assessment(request, slug: str, assessment_id: int, payload: OrgSharingIn):
    """The person shares her submitted self-assessment with her manager, or stops."""
    assessment = _assessment(request, slug, assessment_id)
    call(assessments.set_shared, assessment, request.auth, payload.shared)
    return _assessment_out(assessment, request.auth)


def _conversation_summary(conversation):
    link = conversation.link
    return {
        "id": conversation.pk,
        "link_id": link.pk,
        "manager": link.manager.display_name,
        "report": link.report.display_name,
        "scheduled_at": conversation.scheduled_at,
        "duration_minutes": conversation.duration_minutes,
        "status": conversation.status,
        "cycle_id": conversation.cycle_id,
    }


def _conversation_out(conversation, user):
    page = conversations.page(conversation, user)
    note = page["note"]
    return {
        **_conversation_summary(conversation),
        "shared_notes": conversation.shared_notes,
        "my_private_notes": note.text if note else "",
        "topics": [
            {"id": t.pk, "text": t.text, "author": t.author.display_name, "discussed": t.discussed}
            for t in page["topics"]
        ],
        "actions": [
            {
                "id": a.pk,
                "title": a.title,
                "owner_user_id": a.owner_id,
                "due_date": a.due_date,
                "done": a.done,
                "is_goal_step": a.step_id is not None,
                "goal_id": a.step.goal_id if a.goal_visible else None,
            }
            for a in page["actions"]
        ],
        "shared_goals": [
            {
                "id": goal.pk,
                "statement": goal.statement,
                "deadline": goal.deadline,
                "progress_percent": goal.progress_percent,
                "objective": goal.alignment.objective.title if goal.alignment else None,
                "why_me": goal.alignment.why_me if goal.alignment else "",
                "why_team": goal.alignment.why_team if goal.alignment else "",
            }
            for goal in page["goals"]
        ],
    }


def _conversation(request, slug, conversation_id):
    return access.conversation_for(_membership(request, slug), conversation_id)


@router.get("/orgs/{slug}/conversations", response=list[OrgConversationSummaryOut])
def list_conversations(request, slug: str):
    membership = _membership(request, slug)
    return [
        _conversation_summary(c)
        for c in access.conversations(membership).order_by("-scheduled_at", "-id")[:50]
    ]


@router.post("/orgs/{slug}/links/{link_id}/conversations", response={201: OrgConversationOut})
def plan_conversation(request, slug: str, link_id: int, payload: OrgConversationIn):
    membership = _membership(request, slug)
    link = access.own_link_for(membership, link_id)
    conversation = call(
        conversations.schedule,
        link,
        request.auth,
        payload.scheduled_at,
        payload.duration_minutes,
        _cycle(membership, payload.cycle_id),
    )
    return Status(201, _conversation_out(conversation, request.auth))


@router.get("/orgs/{slug}/conversations/{conversation_id}", response=OrgConversationOut)
def get_conversation(request, slug: str, conversation_id: int):
    return _conversation_out(_conversation(request, slug, conversation_id), request.auth)


@router.patch("/orgs/{slug}/conversations/{conversation_id}", response=OrgConversationOut)
def update_conversation(request, slug: str, conversation_id: int, payload: OrgConversationPatch):
    """Shared notes (both read them) and the caller's private notes (only she reads them)."""
    conversation = _conversation(request, slug, conversation_id)
    if payload.shared_notes is not None:
        call(conversations.save_shared_notes, conversation, request.auth, payload.shared_notes)
    if payload.private_notes is not None:
        call(conversations.save_private_note, conversation, request.auth, payload.private_notes)
    return _conversation_out(conversation, request.auth)


@router.post("/orgs/{slug}/conversations/{conversation_id}/topics", response={201: OrgTopicOut})
def add_topic(request, slug: str, conversation_id: int, payload: OrgTopicIn):
    conversation = _conversation(request, slug, conversation_id)
    topic = call(conversations.add_topic, conversation, request.auth, payload.text)
    return Status(
        201,
        {
            "id": topic.pk,
            "text": topic.text,
            "author": request.auth.display_name,
            "discussed": topic.discussed,
        },
    )


@router.post("/orgs/{slug}/conversations/{conversation_id}/actions", response={201: OrgActionOut})
def add_action(request, slug: str, conversation_id: int, payload: OrgActionIn):
    conversation = _conversation(request, slug, conversation_id)
    link = conversation.link
    owner_id = payload.owner_user_id or request.auth.pk
    if owner_id not in (link.manager_id, link.report_id):
        raise HttpError(400, _("An action belongs to the manager or to the report."))
    owner = link.manager if owner_id == link.manager_id else link.report
    action = call(
        conversations.add_action, conversation, request.auth, payload.title, owner, payload.due_date
    )
    return Status(
        201,
        {
            "id": action.pk,
            "title": action.title,
            "owner_user_id": action.owner_id,
            "due_date": action.due_date,
            "done": False,
            "is_goal_step": False,
            "goal_id": None,
        },
    )


@router.post(
    "/orgs/{slug}/conversations/{conversation_id}/held",
    response={200: OrgConversationOut, 400: ErrorOut},
)
def mark_held(request, slug: str, conversation_id: int):
    """Mark the 1:1 as held: the next one is planned one rhythm later, open topics move to it."""
    conversation = _conversation(request, slug, conversation_id)
    call(conversations.mark_held, conversation, request.auth)
    return _conversation_out(conversation, request.auth)


@router.post("/orgs/{slug}/actions/{action_id}/step", response={201: OrgActionOut})
def action_to_step(request, slug: str, action_id: int, payload: OrgStepIn):
    """The action's owner makes it a step of one of her goals."""
    from goals.models import Goal

    membership = _membership(request, slug)
    action = access.action_for(membership, action_id)
    goal = owned(Goal, request.auth).filter(pk=payload.goal_id).first()
    if goal is None:
        raise HttpError(400, _("Choose one of your own goals."))
    step = call(conversations.action_to_step, action, request.auth, goal)
    return Status(
        201,
        {
            "id": action.pk,
            "title": action.title,
            "owner_user_id": action.owner_id,
            "due_date": action.due_date,
            "done": action.done,
            "is_goal_step": True,
            "goal_id": step.goal_id,
        },
    )


def _cycle_out(membership, cycle):
    progress = cycles.my_progress(membership, cycle)
    mine = progress.self_review
    return {
        "id": cycle.pk,
        "name": cycle.name,
        "status": cycle.status,
        "starts_on": cycle.starts_on,
        "self_review_due": cycle.self_review_due,
        "manager_review_due": cycle.manager_review_due,
        "ends_on": cycle.ends_on,
        "my_self_review": "none" if mine is None else mine.status,
        "my_manager_review_submitted": progress.manager_review is not None,
        "my_conversation_held": progress.met,
    }


@router.get("/orgs/{slug}/cycles", response=list[OrgCycleOut])
def list_cycles(request, slug: str):
    membership = _membership(request, slug)
    return [
        _cycle_out(membership, cycle)
        for cycle in Cycle.objects.filter(organisation_id=membership.organisation_id)[:50]
    ]


@router.post("/orgs/{slug}/cycles", response={201: OrgCycleOut})
def open_cycle(request, slug: str, payload: OrgCycleIn):
    """An administrator opens a development cycle (reminders go out by email)."""
    membership = access.admin_for(request.auth, slug)
    cycle = call(cycles.open_cycle, membership, **payload.dict())
    return Status(201, _cycle_out(membership, cycle))


@router.get("/orgs/{slug}/cycles/{cycle_id}", response=OrgCycleOut)
def get_cycle(request, slug: str, cycle_id: int):
    membership = _membership(request, slug)
    return _cycle_out(membership, _cycle(membership, cycle_id))


@router.get("/orgs/{slug}/cycles/{cycle_id}/completion", response=OrgCompletionOut)
def cycle_completion(request, slug: str, cycle_id: int):
    """Counts per team for administrators: never who, never what."""
    membership = access.admin_for(request.auth, slug)
    rows, total = cycles.completion(membership, _cycle(membership, cycle_id))
    return {"teams": [vars(row) for row in rows], "total": vars(total)}
