"""JSON API routes of the growth app, mounted under /api/ by parcours.api.

Input is validated by the same forms as the pages (one rule, three doors); a form error answers
422 `{"detail": [{"loc": ["body", field], "msg": ...}]}`. Another person's things answer 404.
"""

import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, PatchDict, Query, Router, Schema, Status

from core.access import get_owned_or_404, owned
from core.api_schemas import RowId
from core.api_validation import form_invalid, form_value, save_form
from growth import roi, tasks
from growth.forms import ContactForm, FeedForm, InteractionForm, LearningItemForm
from growth.models import Contact, Entry, Feed, Interaction, LearningItem

router = Router(tags=["growth"])


# Learning plan ---------------------------------------------------------------------------------


class SkillOut(Schema):
    id: int
    uri: str
    label: str

    @staticmethod
    def resolve_label(obj):
        return obj.label()


class LearningItemIn(Schema):
    title: str
    kind: str = "course"
    provider: str = ""
    url: str = ""
    status: str = "planned"
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    hours: Decimal | None = None
    skills: list[RowId] = []
    goals: list[RowId] = []
    cost: Decimal = Decimal(0)
    currency: str = "CAD"
    payer: str = "self"
    loan_rate: Decimal | None = None
    loan_term_months: int | None = None
    salary_change: Decimal | None = None
    salary_assumption: str = ""
    accreditation: str = "unverified"
    accrediting_body: str = ""
    accreditation_verified_on: datetime.date | None = None
    accreditation_note: str = ""
    notes: str = ""


class LearningItemOut(Schema):
    id: int
    title: str
    kind: str
    provider: str
    url: str
    status: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    completed_on: datetime.date | None
    hours: float | None
    skills: list[SkillOut]
    goals: list[int]
    cost: float
    currency: str
    payer: str
    loan_rate: float | None
    loan_term_months: int | None
    salary_change: float | None
    salary_assumption: str
    accreditation: str
    accrediting_body: str
    accreditation_verified_on: datetime.date | None
    accreditation_note: str
    accreditation_warning: bool
    notes: str

    @staticmethod
    def resolve_skills(obj):
        return list(obj.skills.all())

    @staticmethod
    def resolve_goals(obj):
        return [goal.pk for goal in obj.goals.all()]


class RoiOut(Schema):
    currency: str
    principal: float
    interest: float
    total_cost: float
    monthly_payment: float | None
    salary_change: float | None
    salary_assumption: str
    payback_months: int | None
    outcome: str = Field(description="free, no_estimate, never or pays_back")
    verdict: str


def _items(user):
    return owned(LearningItem, user).prefetch_related("skills", "goals")


@router.get("/learning", response=list[LearningItemOut])
def list_learning_items(request):
    return list(_items(request.auth))


@router.post("/learning", response={201: LearningItemOut})
def create_learning_item(request, payload: LearningItemIn):
    item = save_form(LearningItemForm, payload.dict(), user=request.auth)
    return Status(201, _items(request.auth).get(pk=item.pk))


@router.get("/learning/{item_id}", response=LearningItemOut)
def get_learning_item(request, item_id: int):
    return get_object_or_404(_items(request.auth), pk=item_id)


@router.put("/learning/{item_id}", response=LearningItemOut)
def replace_learning_item(request, item_id: int, payload: LearningItemIn):
    item = get_owned_or_404(LearningItem, request.auth, pk=item_id)
    save_form(LearningItemForm, payload.dict(), instance=item, user=request.auth)
    return _items(request.auth).get(pk=item.pk)


@router.patch("/learning/{item_id}", response=LearningItemOut)
def update_learning_item(request, item_id: int, payload: PatchDict[LearningItemIn]):
    item = get_owned_or_404(LearningItem, request.auth, pk=item_id)
    save_form(LearningItemForm, payload, instance=item, user=request.auth)
    return _items(request.auth).get(pk=item.pk)


@router.delete("/learning/{item_id}", response={204: None})
def delete_learning_item(request, item_id: int):
    get_owned_or_404(LearningItem, request.auth, pk=item_id).delete()
    return Status(204, None)


@router.get("/learning/{item_id}/roi", response=RoiOut)
def learning_item_roi(request, item_id: int):
    item = get_owned_or_404(LearningItem, request.auth, pk=item_id)
    result = roi.for_item(item)
    return {
        "currency": item.currency,
        "principal": result.principal,
        "interest": result.interest,
        "total_cost": result.total_cost,
        "monthly_payment": result.monthly_payment,
        "salary_change": result.salary_change,
        "salary_assumption": item.salary_assumption,
        "payback_months": result.payback_months,
        "outcome": result.outcome,
        "verdict": result.verdict,
    }


# Networking ------------------------------------------------------------------------------------


class ContactIn(Schema):
    name: str
    organisation: str = ""
    role: str = ""
    industry: str = ""
    how_we_met: str = ""
    met_on: datetime.date | None = None
    email: str = ""
    phone: str = ""
    tags: str = ""
    follow_up_days: int | None = None
    notes: str = ""


class ContactOut(Schema):
    id: int
    name: str
    organisation: str
    role: str
    industry: str
    how_we_met: str
    met_on: datetime.date | None
    email: str
    phone: str
    tags: list[str]
    follow_up_days: int | None
    notes: str
    last_interaction_on: datetime.date | None = None
    next_follow_up: datetime.date | None
    follow_up_due: bool

    @staticmethod
    def resolve_tags(obj):
        return obj.tag_list

    @staticmethod
    def resolve_next_follow_up(obj):
        return obj.next_follow_up()

    @staticmethod
    def resolve_follow_up_due(obj):
        return obj.follow_up_due()


class InteractionIn(Schema):
    date: datetime.date | None = None
    kind: str = "meeting"
    summary: str = ""


class InteractionOut(Schema):
    id: int
    contact_id: int
    date: datetime.date
    kind: str
    summary: str


def _contacts(user):
    return owned(Contact, user).with_last_interaction()


@router.get("/contacts", response=list[ContactOut])
def list_contacts(request):
    return list(_contacts(request.auth))


@router.post("/contacts", response={201: ContactOut})
def create_contact(request, payload: ContactIn):
    contact = save_form(ContactForm, payload.dict(), user=request.auth)
    return Status(201, _contacts(request.auth).get(pk=contact.pk))


@router.get("/contacts/{contact_id}", response=ContactOut)
def get_contact(request, contact_id: int):
    return get_object_or_404(_contacts(request.auth), pk=contact_id)


@router.put("/contacts/{contact_id}", response=ContactOut)
def replace_contact(request, contact_id: int, payload: ContactIn):
    contact = get_owned_or_404(Contact, request.auth, pk=contact_id)
    save_form(ContactForm, payload.dict(), instance=contact, user=request.auth)
    return _contacts(request.auth).get(pk=contact.pk)


@router.patch("/contacts/{contact_id}", response=ContactOut)
def update_contact(request, contact_id: int, payload: PatchDict[ContactIn]):
    contact = get_owned_or_404(Contact, request.auth, pk=contact_id)
    save_form(ContactForm, payload, instance=contact, user=request.auth)
    return _contacts(request.auth).get(pk=contact.pk)


@router.delete("/contacts/{contact_id}", response={204: None})
def delete_contact(request, contact_id: int):
    get_owned_or_404(Contact, request.auth, pk=contact_id).delete()
    return Status(204, None)


@router.get("/contacts/{contact_id}/interactions", response=list[InteractionOut])
def list_interactions(request, contact_id: int):
    contact = get_owned_or_404(Contact, request.auth, pk=contact_id)
    return list(contact.interactions.all())


@router.post("/contacts/{contact_id}/interactions", response={201: InteractionOut})
def create_interaction(request, contact_id: int, payload: InteractionIn):
    contact = get_owned_or_404(Contact, request.auth, pk=contact_id)
    data = payload.dict()
    if data["date"] is None:
        data["date"] = timezone.localdate()
    form = InteractionForm({k: form_value(v) for k, v in data.items()})
    if not form.is_valid():
        raise form_invalid(form)
    interaction = form.save(commit=False)
    interaction.contact = contact
    interaction.save()
    return Status(201, interaction)


@router.delete("/interactions/{interaction_id}", response={204: None})
def delete_interaction(request, interaction_id: int):
    get_owned_or_404(Interaction, request.auth, pk=interaction_id).delete()
    return Status(204, None)


# Industry watch --------------------------------------------------------------------------------


class FeedIn(Schema):
    url: str
    title: str = ""
    industry: str = ""


class FeedOut(Schema):
    id: int
    url: str
    title: str
    industry: str
    last_fetched_at: datetime.datetime | None
    last_error: str
    last_new_entries: int | None = Field(
        description="articles the last fetch brought; null after a failure (see last_error)"
    )
    fetch_state: str = Field(
        description='"queued" or "fetching" while a fetch is on its way, else ""'
    )


class FetchOut(Schema):
    feed: FeedOut
    queued: bool = Field(description="false when a fetch of this feed was already on its way")


class EntryOut(Schema):
    id: int
    feed_id: int
    guid: str
    link: str
    title: str
    summary: str
    published_at: datetime.datetime | None
    read: bool

    @staticmethod
    def resolve_read(obj):
        return obj.read_at is not None


class ReadIn(Schema):
    read: bool = True


@router.get("/feeds", response=list[FeedOut])
def list_feeds(request):
    return list(owned(Feed, request.auth))


@router.post("/feeds", response={201: FeedOut})
def create_feed(request, payload: FeedIn):
    return Status(201, save_form(FeedForm, payload.dict(), user=request.auth))


@router.get("/feeds/{feed_id}", response=FeedOut)
def get_feed(request, feed_id: int):
    return get_owned_or_404(Feed, request.auth, pk=feed_id)


@router.delete("/feeds/{feed_id}", response={204: None})
def delete_feed(request, feed_id: int):
    get_owned_or_404(Feed, request.auth, pk=feed_id).delete()
    return Status(204, None)


@router.post("/feeds/{feed_id}/fetch", response={202: FetchOut})
def fetch_feed(request, feed_id: int):
    """Queue a fetch for the worker (202); poll GET /feeds/{feed_id} until fetch_state is ""."""
    feed = get_owned_or_404(Feed, request.auth, pk=feed_id)
    queued = tasks.request_fetch(feed)
    return Status(202, {"feed": feed, "queued": queued})


@router.get("/entries", response=list[EntryOut])
def list_entries(
    request,
    feed_id: RowId | None = None,
    unread: bool = False,
    limit: int = Query(100, ge=1, le=500),
):
    entries = owned(Entry, request.auth)
    if feed_id is not None:
        entries = entries.filter(feed_id=feed_id)
    if unread:
        entries = entries.unread()
    return list(entries[:limit])


@router.post("/entries/{entry_id}/read", response=EntryOut)
def mark_entry_read(request, entry_id: int, payload: ReadIn | None = None):
    entry = get_owned_or_404(Entry, request.auth, pk=entry_id)
    read = True if payload is None else payload.read
    entry.read_at = timezone.now() if read else None
    entry.save(update_fields=["read_at"])
    return entry
