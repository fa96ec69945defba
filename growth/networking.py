"""Networking rules: due follow-ups, membership renewals, and importing contacts from vCards."""

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import User
from growth import limits, vcard
from growth.models import Contact, Membership
from taxonomy.models import Skill

RENEWAL_NOTICE = datetime.timedelta(days=60)


def due_follow_ups(
    contacts: Iterable[Contact], today: datetime.date, until: datetime.date | None = None
) -> list[tuple[Contact, datetime.date]]:
    """(contact, due date) for contacts whose follow-up falls on or before `until` (default
    today), oldest first. `contacts` should be annotated with_last_interaction()."""
    until = until or today
    rows = []
    for contact in contacts:
        due = contact.next_follow_up()
        if due is not None and due <= until:
            rows.append((contact, due))
    rows.sort(key=lambda row: (row[1], row[0].name))
    return rows


def current_memberships(user: User) -> list[Membership]:
    """The latest membership of each of the person's associations (one query)."""
    latest = {}
    memberships = (
        Membership.objects.for_user(user)
        .select_related("association")
        .order_by("association_id", "-started_on", "-id")
    )
    for membership in memberships:
        latest.setdefault(membership.association_id, membership)
    return list(latest.values())


def upcoming_renewals(
    user: User, today: datetime.date, notice: datetime.timedelta = RENEWAL_NOTICE
) -> list[Membership]:
    """Latest memberships renewing within `notice` from today, or already past renewal."""
    rows = [m for m in current_memberships(user) if m.renews_on and m.renews_on <= today + notice]
    rows.sort(key=lambda m: m.renews_on)
    return rows


def search_skills(query: str, language: str, limit: int = 20) -> list[dict]:
    """ESCO skills for the picker: taxonomy's search when available, else a label match."""
    try:
        from taxonomy.search import search_skills as taxonomy_search
    except ImportError:
        taxonomy_search = None
    if taxonomy_search is not None:
        return [
            {"pk": match.concept_id, "label": match.label}
            for match in taxonomy_search(query, language, limit)
        ]
    skills = Skill.objects.filter(Q(label_en__icontains=query) | Q(label_fr__icontains=query))
    return [{"pk": skill.pk, "label": skill.label(language)} for skill in skills[:limit]]


class TooManyContacts(ValueError):
    """An import or a new contact past the person's cap (growth.limits); says so for people."""


def contacts_limit_message(limit: int) -> str:
    return _(
        "Parcours keeps at most %(limit)s contacts per person: remove contacts you no longer "
        "need, or import fewer."
    ) % {"limit": limit}


def check_room_for(user: User, count: int) -> None:
    """Raise TooManyContacts unless `user` may add `count` contacts."""
    limit = limits.get("GROWTH_MAX_CONTACTS")
    if Contact.objects.filter(user=user).count() + count > limit:
        raise TooManyContacts(contacts_limit_message(limit))


def preview_import(user: User, data: bytes | str) -> list[dict]:
    """What importing a vCard file (bytes or text) would create: one row per card, duplicates
    flagged. The web import and `parcours contacts import-vcard` both call it.

    A card is a duplicate when one of its email addresses belongs to an existing contact or to
    an earlier card of the same file. Raises vcard.VCardError.
    """
    cards = vcard.parse(data)
    existing = {
        email.lower(): name
        for email, name in Contact.objects.for_user(user)
        .exclude(email="")
        .values_list("email", "name")
    }
    seen = {}
    preview = []
    for index, card in enumerate(cards):
        duplicate_of = ""
        for email in card.emails:
            key = email.lower()
            if key in existing:
                duplicate_of = existing[key]
                break
            if key in seen:
                duplicate_of = seen[key]
                break
        for email in card.emails:
            seen.setdefault(email.lower(), card.name)
        preview.append({"index": index, "card": card.as_dict(), "duplicate_of": duplicate_of})
    return preview


def chosen_by_default(preview: list[dict]) -> set[int]:
    """The cards imported unless the person says otherwise: all but the possible duplicates."""
    return {row["index"] for row in preview if not row["duplicate_of"]}


@transaction.atomic
def import_cards(user: User, cards: list[dict], chosen: Iterable[int]) -> list[Contact]:
    """Create contacts from the parsed cards (dicts) whose index is in `chosen`; return them.

    All or nothing: past the person's contacts cap, raises TooManyContacts and creates none.
    """
    # One import at a time per person, so that two at once cannot both pass the cap.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    check_room_for(user, len([index for index in range(len(cards)) if index in chosen]))
    contacts = []
    for index, card in enumerate(cards):
        if index not in chosen:
            continue
        email = next((e for e in card.get("emails", []) if _valid_email(e)), "")
        notes = card.get("note", "")
        extra = [e for e in card.get("emails", []) if e != email] + card.get("phones", [])[1:]
        if extra:
            notes = (notes + "\n" + "\n".join(extra)).strip()
        contacts.append(
            Contact(
                user=user,
                name=card["name"][:200],
                organisation=card.get("organisation", "")[:200],
                role=card.get("role", "")[:200],
                email=email[:254],
                phone=(card.get("phones") or [""])[0][:60],
                tags=", ".join(card.get("categories", []))[:300],
                notes=notes[: limits.LONG_TEXT],
            )
        )
    Contact.objects.bulk_create(contacts)
    return contacts


def _valid_email(value):
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    try:
        validate_email(value)
    except ValidationError:
        return False
    return len(value) <= 254
