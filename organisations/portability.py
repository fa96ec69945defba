"""What the organisations app puts in a person's export (core.portability).

An organisation is not the person's: what travels is her side of each organisation she belongs
or belonged to, as one nested record: its name, her role, team and job role, when she joined and
left, her own self-assessments (with their ratings and evidence), her private notes of 1:1s,
and her goals linked to its objectives (why they matter). Never her manager's assessments, the
1:1s' shared content, or anyone else's data. An import never links a record to an organisation
(the same name on another instance is another organisation): it becomes an
`OrganisationRecord`, her read-only history, which exports again as the same record.
"""

import datetime
import json

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.access import owned
from core.portability import ImportRefused, Section, check_value, object_schema, plain, storable
from organisations.models import (
    Assessment,
    GoalAlignment,
    Membership,
    OrganisationRecord,
    PrivateNote,
    Rating,
    Role,
)

TEXT = 20000
NAME = 200
STATUSES = tuple(Assessment.Status.values)
EVIDENCE_KINDS = ("checkin", "learning", "feedback", "other")

# The record's shape: each key, and what it holds ("text" with a length limit, a timestamp, a
# boolean, a whole number, one of some values, or a list of nested records).
SHAPE = {
    "organisation": ("text", NAME),
    "role": ("one of", tuple(Role.values)),
    "team": ("text", NAME),
    "job_role": ("text", NAME),
    "joined_at": ("time", False),
    "left_at": ("time", True),
    "self_assessments": (
        "list",
        {
            "role": ("text", NAME),
            "status": ("one of", STATUSES),
            "summary": ("text", TEXT),
            "shared_with_manager": ("boolean", None),
            "created_at": ("time", False),
            "submitted_at": ("time", True),
            "ratings": (
                "list",
                {
                    "competency": ("text", NAME),
                    "level": ("level", None),
                    "comment": ("text", TEXT),
                    "evidence": (
                        "list",
                        {"kind": ("one of", EVIDENCE_KINDS), "text": ("text", 500)},
                    ),
                },
            ),
        },
    ),
    "private_notes": (
        "list",
        {"conversation_at": ("time", False), "with": ("text", NAME), "text": ("text", TEXT)},
    ),
    "goal_links": (
        "list",
        {
            "goal": ("text", 500),
            "objective": ("text", 300),
            "why_me": ("text", TEXT),
            "why_team": ("text", TEXT),
        },
    ),
}
# What an OrganisationRecord keeps in columns rather than in `details`.
COLUMNS = ("organisation", "joined_at", "left_at")
_TIME = models.DateTimeField(null=True)


def _live_records(user: object) -> list[tuple]:
    """(joined_at, 0, pk, record) of each organisation `user` belongs or belonged to. A fixed
    number of queries."""
    language = (getattr(user, "language", None) or get_language() or "en")[:2]
    memberships = list(owned(Membership, user).select_related("organisation", "team", "job_role"))
    if not memberships:
        return []
    orgs = [m.organisation_id for m in memberships]
    assessments = {}
    for assessment in (
        Assessment.objects.filter(
            organisation_id__in=orgs, subject=user, author=user, kind=Assessment.Kind.SELF
        )
        .select_related("role")
        .prefetch_related(
            models.Prefetch(
                "ratings",
                queryset=Rating.objects.select_related("competency").prefetch_related("evidence"),
            )
        )
        .order_by("created_at", "id")
    ):
        assessments.setdefault(assessment.organisation_id, []).append(assessment)
    notes = {}
    for note in (
        owned(PrivateNote, user)
        .filter(conversation__link__organisation_id__in=orgs)
        .select_related("conversation__link__manager", "conversation__link__report")
        .order_by("conversation__scheduled_at", "id")
    ):
        notes.setdefault(note.conversation.link.organisation_id, []).append(note)
    links = {}
    for alignment in (
        owned(GoalAlignment, user)
        .filter(objective__organisation_id__in=orgs)
        .select_related("goal", "objective")
        .order_by("goal_id")
    ):
        links.setdefault(alignment.objective.organisation_id, []).append(alignment)
    out = []
    for m in memberships:
        org = m.organisation_id
        record = {
            "organisation": m.organisation.name,
            "role": m.role,
            "team": m.team.name if m.team else "",
            "job_role": m.job_role.name(language) if m.job_role else "",
            "joined_at": plain(m.joined_at),
            "left_at": plain(m.left_at),
            "self_assessments": [
                {
                    "role": a.role.name(language),
                    "status": a.status,
                    "summary": a.summary,
                    "shared_with_manager": a.shared_with_manager,
                    "created_at": plain(a.created_at),
                    "submitted_at": plain(a.submitted_at),
                    "ratings": [
                        {
                            "competency": r.competency.name(language),
                            "level": r.level,
                            "comment": r.comment,
                            "evidence": [
                                {"kind": e.kind, "text": e.text} for e in r.evidence.all()
                            ],
                        }
                        for r in a.ratings.all()
                    ],
                }
                for a in assessments.get(org, [])
            ],
            "private_notes": [
                {
                    "conversation_at": plain(n.conversation.scheduled_at),
                    "with": n.conversation.link.other(user).display_name,
                    "text": n.text,
                }
                for n in notes.get(org, [])
            ],
            "goal_links": [
                {
                    "goal": a.goal.statement,
                    "objective": a.objective.title,
                    "why_me": a.why_me,
                    "why_team": a.why_team,
                }
                for a in links.get(org, [])
            ],
        }
        out.append((m.joined_at, 0, m.pk, record))
    return out


def _ordered(shape: dict, value: dict) -> dict:
    """`value` with its keys in SHAPE's order at every level (a JSONField may not keep them)."""
    out = {}
    for key, (kind, spec) in shape.items():
        item = value.get(key)
        if kind == "list":
            item = [_ordered(spec, i) for i in item or []]
        out[key] = item
    return out


def _stored_records(user: object) -> list[tuple]:
    out = []
    for stored in owned(OrganisationRecord, user):
        record = {
            "organisation": stored.organisation_name,
            "joined_at": plain(stored.joined_at),
            "left_at": plain(stored.left_at),
            **json.loads(json.dumps(stored.details)),
        }
        out.append((stored.joined_at, 1, stored.pk, _ordered(SHAPE, record)))
    return out


def _check(where: str, value: object, shape: dict) -> dict:
    """One nested record checked against `shape`, in its exported form; or ImportRefused."""
    if not isinstance(value, dict):
        raise ImportRefused(_("%(where)s: expected an object.") % {"where": where})
    for key in value:
        if key not in shape:
            raise ImportRefused(_("%(where)s: unknown field.") % {"where": f"{where}.{key}"})
    clean = {}
    for key, (kind, spec) in shape.items():
        spot = f"{where}.{key}"
        if key not in value:
            raise ImportRefused(_("%(where)s: missing.") % {"where": spot})
        item = value[key]
        if kind == "text":
            if not isinstance(item, str) or not storable(item):
                raise ImportRefused(_("%(where)s: expected text.") % {"where": spot})
            if len(item) > spec:
                raise ImportRefused(
                    _("%(where)s: longer than %(limit)s characters.")
                    % {"where": spot, "limit": spec}
                )
        elif kind == "one of":
            if not isinstance(item, str) or item not in spec:
                raise ImportRefused(
                    _("%(where)s: %(value)s is not one of the allowed values.")
                    % {"where": spot, "value": json.dumps(item)[:50]}
                )
        elif kind == "boolean":
            if not isinstance(item, bool):
                raise ImportRefused(_("%(where)s: expected true or false.") % {"where": spot})
        elif kind == "level":
            if item is not None and (
                isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 10
            ):
                raise ImportRefused(
                    _("%(where)s: expected a whole number from 1 to 10, or null.") % {"where": spot}
                )
        elif kind == "time":
            if item is None and not spec:
                raise ImportRefused(_("%(where)s: a value is required.") % {"where": spot})
            item = plain(check_value(spot, _TIME, item))
        elif kind == "list":
            if not isinstance(item, list):
                raise ImportRefused(_("%(where)s: expected a list.") % {"where": spot})
            item = [_check(f"{spot}[{i}]", entry, spec) for i, entry in enumerate(item)]
        clean[key] = item
    return clean


def _schema(shape: dict) -> dict:
    properties = {}
    for key, (kind, spec) in shape.items():
        if kind == "text":
            properties[key] = {"type": "string", "maxLength": spec}
        elif kind == "one of":
            properties[key] = {"enum": list(spec)}
        elif kind == "boolean":
            properties[key] = {"type": "boolean"}
        elif kind == "level":
            properties[key] = {"type": ["integer", "null"], "minimum": 1, "maximum": 10}
        elif kind == "time":
            properties[key] = {
                "type": ["string", "null"] if spec else "string",
                "format": "date-time",
            }
        elif kind == "list":
            properties[key] = {"type": "array", "items": _schema(spec)}
    return object_schema(properties)


class Organisations(Section):
    """The `organisations` section: the person's side of each organisation, live or imported."""

    key = "organisations"

    def export(self, user, local_ids):
        entries = sorted(_live_records(user) + _stored_records(user), key=lambda e: e[:3])
        return [entry[3] for entry in entries]

    def validate(self, records, seen, cache):
        if not isinstance(records, list):
            raise ImportRefused(_("%(where)s: expected a list.") % {"where": self.key})
        return [_check(f"{self.key}[{i}]", r, SHAPE) for i, r in enumerate(records)]

    def write(self, user, parsed, created):
        OrganisationRecord.objects.bulk_create(
            OrganisationRecord(
                owner=user,
                organisation_name=record["organisation"],
                joined_at=datetime.datetime.fromisoformat(record["joined_at"]),
                left_at=(
                    None
                    if record["left_at"] is None
                    else datetime.datetime.fromisoformat(record["left_at"])
                ),
                details={k: v for k, v in record.items() if k not in COLUMNS},
            )
            for record in parsed
        )

    def holds_data(self, user):
        return owned(Membership, user).exists() or owned(OrganisationRecord, user).exists()

    def schema(self):
        return {
            "type": "array",
            "description": "the person's side of each organisation she belongs or belonged to",
            "items": _schema(SHAPE),
        }


SECTIONS = [Organisations()]
