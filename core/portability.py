"""Export everything a person owns as one versioned JSON document, and import it back.

The document is flat: one list per kind of record, each record with a local `id` (its rank in
the export, 1, 2, 3...) that other records of the same document use to point at it. ESCO
concepts are referenced by URI, the person by nothing (they are the document), so a file moves
between instances whose database ids differ. Import validates the whole document first, then
writes it in one transaction: a bad file changes nothing.

The collections are declared once in COLLECTIONS; export, validation, import and the published
JSON Schema (`schema()`, core/schemas/parcours-export-v1.schema.json) all read that declaration.
"""

import datetime
import json
import math
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import owned

FORMAT = "parcours-export"
VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "parcours-export-v1.schema.json"
PROFILE_FIELDS = ["display_name", "language", "time_zone", "hours_per_week"]

# (key in the document, model). Who owns a record is the model's own declaration (core.access).
# Parents come before the records that point at them, which is also the order of import.
COLLECTIONS = [
    ("review_settings", "goals.ReviewSettings"),
    ("reflections", "goals.Reflection"),
    ("skills", "taxonomy.UserSkill"),
    ("skill_evidence", "taxonomy.SkillEvidence"),
    ("targets", "taxonomy.TargetOccupation"),
    ("goals", "goals.Goal"),
    ("stages", "goals.Stage"),
    ("steps", "goals.Step"),
    ("step_completions", "goals.StepCompletion"),
    ("requirements", "goals.Requirement"),
    ("obstacles", "goals.Obstacle"),
    ("checkins", "goals.CheckIn"),
    ("reviews", "goals.Review"),
    ("review_decisions", "goals.ReviewDecision"),
    ("goal_revisions", "goals.GoalRevision"),
    ("statements", "goals.Statement"),
    ("statement_versions", "goals.StatementVersion"),
    ("learning_items", "growth.LearningItem"),
    ("contacts", "growth.Contact"),
    ("interactions", "growth.Interaction"),
    ("associations", "growth.Association"),
    ("memberships", "growth.Membership"),
    ("feeds", "growth.Feed"),
    ("feed_entries", "growth.Entry"),
    ("reading_notes", "growth.ReadingNote"),
    ("applications", "jobs.Application"),
    ("status_changes", "jobs.StatusChange"),
    ("detected_skills", "jobs.DetectedSkill"),
    ("interviews", "jobs.Interview"),
    ("interview_reflections", "jobs.InterviewReflection"),
    ("techniques", "jobs.Technique"),
    ("prepared_answers", "jobs.PreparedAnswer"),
    ("practice_attempts", "jobs.PracticeAttempt"),
    ("mentor_profile", "mentoring.MentorProfile"),
    ("mentee_preferences", "mentoring.MenteePreferences"),
    ("digest_subscription", "agenda.DigestSubscription"),
]


class ImportRefused(Exception):
    """The document cannot be imported; the message names the problem (translated)."""


def _model(label):
    return apps.get_model(label)


def _is_user(model):
    return model is get_user_model()


def _is_concept(model):
    return model._meta.app_label == "taxonomy" and any(
        f.name == "uri" for f in model._meta.concrete_fields
    )


def _collection_of(model):
    for key, label in COLLECTIONS:
        if _model(label) is model:
            return key
    return None


def _fields(model):
    """(name, field) of what a record carries: every concrete field but the id, and but the
    fields a model lists in `not_exported` (the state of work in progress, not the person's
    data: such a field takes its default on import)."""
    skipped = set(getattr(model, "not_exported", ()))
    return [
        (f.name, f)
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in skipped
    ]


def _m2m(model):
    return list(model._meta.many_to_many)


# Export -----------------------------------------------------------------------------------


def _plain(value, field=None):
    if value is not None and isinstance(field, models.DecimalField):
        return str(Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places)))
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def export_person(user):
    """Everything `user` owns, as a JSON-ready dict."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().astimezone(datetime.UTC).isoformat(),
        "person": {
            "email": user.email,
            **{
                name: _plain(getattr(user, name), user._meta.get_field(name))
                for name in PROFILE_FIELDS
            },
        },
    }
    local_ids = {}  # (model label, pk) -> local id
    for key, label in COLLECTIONS:
        model = _model(label)
        select = [
            f.name for _n, f in _fields(model) if f.is_relation and _is_concept(f.related_model)
        ]
        rows = owned(model, user)
        if select:
            rows = rows.select_related(*select)
        rows = rows.prefetch_related(*[f.name for f in _m2m(model)]).order_by("pk")
        records = []
        for position, row in enumerate(rows, start=1):
            local_ids[(label, row.pk)] = position
            record = {"id": position}
            for name, field in _fields(model):
                if field.is_relation:
                    target = field.related_model
                    if _is_user(target):
                        continue
                    raw = getattr(row, field.attname)
                    if raw is None:
                        record[name] = None
                    elif _is_concept(target):
                        record[name] = getattr(row, name).uri
                    else:
                        record[name] = local_ids[(target._meta.label, raw)]
                else:
                    record[name] = _plain(getattr(row, name), field)
            for field in _m2m(model):
                target = field.related_model
                related = getattr(row, field.name).all()
                if _is_concept(target):
                    record[field.name] = sorted(r.uri for r in related)
                else:
                    record[field.name] = sorted(
                        local_ids[(target._meta.label, r.pk)] for r in related
                    )
            records.append(record)
        document[key] = records
    document["mentorships"] = _export_mentorships(user, local_ids)
    return document


# Validation -------------------------------------------------------------------------------


def _check_value(where, field, value):
    """The Python value for `value` of `field`, or ImportRefused naming `where`."""
    if value is None:
        if field.null:
            return None
        raise ImportRefused(_("%(where)s: a value is required.") % {"where": where})
    kind = field.get_internal_type()
    try:
        if kind == "DateTimeField":
            if not isinstance(value, str):
                raise ValueError
            parsed = datetime.datetime.fromisoformat(value)
            if timezone.is_naive(parsed):
                parsed = timezone.make_aware(parsed, datetime.UTC)
            parsed.astimezone(datetime.UTC)  # stored in UTC: 0001-01-01T00:00+01:00 is not
            return parsed
        if kind == "DateField":
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return datetime.date.fromisoformat(value)
    except (ValueError, OverflowError):
        raise ImportRefused(
            _("%(where)s: not a date (%(value)s).") % {"where": where, "value": json.dumps(value)}
        ) from None
    if kind == "DecimalField":
        try:
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                raise InvalidOperation
            number = Decimal(str(value))
            if not number.is_finite():
                raise InvalidOperation
            number = field.to_python(number)
            field.run_validators(number)
            digits = len(number.quantize(Decimal(1).scaleb(-field.decimal_places)).as_tuple()[1])
            if digits > field.max_digits:
                raise InvalidOperation
            return number
        except (InvalidOperation, Exception):
            raise ImportRefused(
                _("%(where)s: not a valid number (%(value)s).")
                % {"where": where, "value": json.dumps(value)}
            ) from None
    if kind == "BooleanField":
        if not isinstance(value, bool):
            raise ImportRefused(_("%(where)s: expected true or false.") % {"where": where})
        return value
    if kind in ("PositiveSmallIntegerField", "PositiveIntegerField", "IntegerField"):
        highest = BaseDatabaseOperations.integer_field_ranges[kind][1]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= highest:
            raise ImportRefused(_("%(where)s: expected a whole number.") % {"where": where})
    elif kind == "FloatField":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
            raise ImportRefused(_("%(where)s: expected a number.") % {"where": where})
    elif kind == "JSONField":
        return value
    elif not isinstance(value, str) or not _storable(value):
        raise ImportRefused(_("%(where)s: expected text.") % {"where": where})
    if field.max_length and isinstance(value, str) and len(value) > field.max_length:
        raise ImportRefused(
            _("%(where)s: longer than %(limit)s characters.")
            % {"where": where, "limit": field.max_length}
        )
    allowed = [choice for choice, _label in field.flatchoices]
    if field.choices and value not in allowed and not (field.blank and value == ""):
        raise ImportRefused(
            _("%(where)s: %(value)s is not one of the allowed values.")
            % {"where": where, "value": json.dumps(value)}
        )
    return value


def _storable(text):
    """False for strings no database column takes: NUL characters, lone surrogates (JSON can
    carry both as \\u escapes)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _finite(number):
    try:
        return math.isfinite(float(number))
    except OverflowError:  # an integer beyond what a float holds
        return False


def _concept(where, model, uri, cache):
    if not isinstance(uri, str) or not _storable(uri):
        raise ImportRefused(_("%(where)s: expected an ESCO URI.") % {"where": where})
    key = (model._meta.label, uri)
    if key not in cache:
        cache[key] = model.objects.filter(uri=uri).first()
    if cache[key] is None:
        raise ImportRefused(
            _("%(where)s: unknown in this instance's ESCO data (%(uri)s).")
            % {"where": where, "uri": uri}
        )
    return cache[key]


def _local_id(value):
    return isinstance(value, int) and not isinstance(value, bool)


def validate(document):
    """Check the whole document; return it parsed into Python values, or raise ImportRefused.

    The result maps each collection key to a list of (local id, field values, many-to-many
    values) where references are still local ids or concept objects.
    """
    if not isinstance(document, dict):
        raise ImportRefused(_("The file is not a Parcours export (expected a JSON object)."))
    if document.get("format") != FORMAT:
        raise ImportRefused(
            _('format: expected "%(format)s"; this file is not a Parcours export.')
            % {"format": FORMAT}
        )
    if document.get("version") != VERSION:
        raise ImportRefused(
            _("version: this instance reads version %(expected)s, the file is version %(found)s.")
            % {"expected": VERSION, "found": json.dumps(document.get("version"))}
        )
    known = {"format", "version", "exported_at", "person", "mentorships"}
    known |= {key for key, *_r in COLLECTIONS}
    for key in document:
        if key not in known:
            raise ImportRefused(_("%(where)s: unknown section.") % {"where": key})
    person = document.get("person")
    if not isinstance(person, dict):
        raise ImportRefused(_("person: missing or not an object."))
    user_model = get_user_model()
    profile = {}
    for name in PROFILE_FIELDS:
        if name not in person:
            raise ImportRefused(_("%(where)s: missing.") % {"where": f"person.{name}"})
        profile[name] = _check_value(
            f"person.{name}", user_model._meta.get_field(name), person[name]
        )
    email = person.get("email")
    if (
        not isinstance(email, str)
        or "@" not in email
        or not _storable(email)
        or len(email.strip()) > user_model._meta.get_field("email").max_length
    ):
        raise ImportRefused(_("person.email: not an email address."))
    parsed = {"person": {"email": email, **profile}}
    seen = {}  # model label -> set of local ids
    cache = {}
    for key, label in COLLECTIONS:
        model = _model(label)
        records = document.get(key, [])
        if not isinstance(records, list):
            raise ImportRefused(_("%(where)s: expected a list.") % {"where": key})
        ids = set()
        rows = []
        for index, record in enumerate(records):
            where = f"{key}[{index}]"
            if not isinstance(record, dict):
                raise ImportRefused(_("%(where)s: expected an object.") % {"where": where})
            local = record.get("id")
            if isinstance(local, bool) or not isinstance(local, int) or local in ids:
                raise ImportRefused(
                    _("%(where)s: missing or repeated id.") % {"where": f"{where}.id"}
                )
            ids.add(local)
            expected = {"id"} | {n for n, f in _fields(model) if not _is_user(f.related_model)}
            expected |= {f.name for f in _m2m(model)}
            for name in record:
                if name not in expected:
                    raise ImportRefused(
                        _("%(where)s: unknown field.") % {"where": f"{where}.{name}"}
                    )
            values, many = {}, {}
            for name, field in _fields(model):
                if field.is_relation and _is_user(field.related_model):
                    continue
                spot = f"{where}.{name}"
                if name not in record:
                    raise ImportRefused(_("%(where)s: missing.") % {"where": spot})
                value = record[name]
                if field.is_relation:
                    target = field.related_model
                    if value is None:
                        if not field.null:
                            raise ImportRefused(
                                _("%(where)s: a value is required.") % {"where": spot}
                            )
                        values[name] = None
                    elif _is_concept(target):
                        values[name] = _concept(spot, target, value, cache)
                    elif not _local_id(value) or value not in seen.get(target._meta.label, ()):
                        raise ImportRefused(
                            _("%(where)s: refers to %(value)s, which is not in the file.")
                            % {"where": spot, "value": json.dumps(value)}
                        )
                    else:
                        values[name] = ("ref", target._meta.label, value)
                else:
                    values[name] = _check_value(spot, field, value)
            for field in _m2m(model):
                spot = f"{where}.{field.name}"
                value = record.get(field.name)
                if not isinstance(value, list):
                    raise ImportRefused(_("%(where)s: expected a list.") % {"where": spot})
                target = field.related_model
                if _is_concept(target):
                    many[field.name] = [
                        _concept(f"{spot}[{i}]", target, uri, cache) for i, uri in enumerate(value)
                    ]
                else:
                    for i, ref in enumerate(value):
                        if not _local_id(ref) or ref not in seen.get(target._meta.label, ()):
                            raise ImportRefused(
                                _("%(where)s: refers to %(value)s, which is not in the file.")
                                % {"where": f"{spot}[{i}]", "value": json.dumps(ref)}
                            )
                    many[field.name] = [("ref", target._meta.label, ref) for ref in value]
            rows.append((local, values, many))
        seen[label] = ids
        parsed[key] = rows
    parsed["mentorships"] = _validate_mentorships(document.get("mentorships", []), seen)
    return parsed


# Import -----------------------------------------------------------------------------------


def _owns_anything(user):
    return any(owned(_model(label), user).exists() for _k, label in COLLECTIONS)


def import_person(document, *, email=None, into=None):
    """Create the person of `document` (under `email` if given), or fill the empty account
    `into`, with everything the document holds. One transaction; ImportRefused if anything is
    wrong, and then nothing is written."""
    parsed = validate(document)
    user_model = get_user_model()
    profile = dict(parsed["person"])
    address = (email or profile.pop("email")).strip().lower()
    profile.pop("email", None)
    if into is None and user_model.objects.filter(email__iexact=address).exists():
        raise ImportRefused(
            _("%(email)s already has an account here: import under another email address.")
            % {"email": address}
        )
    if into is not None and (_owns_anything(into) or _holds_mentorships(into)):
        raise ImportRefused(_("This account already holds data: import into a new, empty account."))
    try:
        with transaction.atomic():
            if into is None:
                user = user_model.objects.create_user(email=address, password=None, **profile)
            else:
                user = into
                for name, value in profile.items():
                    setattr(user, name, value)
                user.save(update_fields=list(profile))
            _write(user, parsed)
    except (IntegrityError, DataError) as error:
        raise ImportRefused(
            _("The file contradicts itself (%(error)s); nothing was imported.")
            % {"error": str(error).splitlines()[0]}
        ) from None
    return user


def _write(user, parsed):
    created = {}  # (model label, local id) -> object
    for key, label in COLLECTIONS:
        model = _model(label)
        automatic = [
            name
            for name, f in _fields(model)
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        for local, values, many in parsed[key]:
            kwargs = {}
            for name, field in _fields(model):
                if field.is_relation and _is_user(field.related_model):
                    kwargs[name] = user
                    continue
                value = values[name]
                if isinstance(value, tuple):
                    value = created[(value[1], value[2])]
                kwargs[name] = value
            row = model.objects.create(**kwargs)
            if automatic:
                model.objects.filter(pk=row.pk).update(**{n: kwargs[n] for n in automatic})
            for name, targets in many.items():
                getattr(row, name).set(
                    [created[(t[1], t[2])] if isinstance(t, tuple) else t for t in targets]
                )
            created[(label, local)] = row
    _write_mentorships(user, parsed["mentorships"], created)


def load(text):
    """The document in `text` (str or bytes), or ImportRefused when it is not JSON."""
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise ImportRefused(
            _("The file is not valid JSON (%(error)s).") % {"error": error}
        ) from None


def dumps(document):
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)


# Published schema ---------------------------------------------------------------------------


def _field_schema(field):
    nullable = field.null
    if field.is_relation:
        target = field.related_model
        if _is_concept(target):
            schema = {"type": "string", "description": f"URI of a {target._meta.label} (ESCO)"}
        else:
            schema = {
                "type": "integer",
                "description": f"id of a record in {_collection_of(target)}",
            }
    else:
        kind = field.get_internal_type()
        if kind == "DateTimeField":
            schema = {"type": "string", "format": "date-time"}
        elif kind == "DateField":
            schema = {"type": "string", "format": "date"}
        elif kind == "DecimalField":
            schema = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
        elif kind == "BooleanField":
            schema = {"type": "boolean"}
        elif kind in ("PositiveSmallIntegerField", "PositiveIntegerField", "IntegerField"):
            schema = {"type": "integer", "minimum": 0}
        elif kind == "FloatField":
            schema = {"type": "number"}
        elif kind == "JSONField":
            schema = {}
        else:
            schema = {"type": "string"}
            if field.max_length:
                schema["maxLength"] = field.max_length
        if field.choices:
            schema["enum"] = [choice for choice, _label in field.flatchoices]
            if field.blank and "" not in schema["enum"]:
                schema["enum"].append("")
    if nullable and schema:
        if "type" in schema:
            schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    return schema


def schema():
    """The JSON Schema of the document, derived from COLLECTIONS (published as a file)."""
    user_model = get_user_model()
    person = {"email": {"type": "string", "format": "email"}}
    person |= {name: _field_schema(user_model._meta.get_field(name)) for name in PROFILE_FIELDS}
    properties = {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "exported_at": {"type": "string", "format": "date-time"},
        "person": {
            "type": "object",
            "properties": person,
            "required": ["email", *PROFILE_FIELDS],
            "additionalProperties": False,
        },
    }
    for key, label in COLLECTIONS:
        model = _model(label)
        fields = {"id": {"type": "integer"}}
        for name, field in _fields(model):
            if field.is_relation and _is_user(field.related_model):
                continue
            fields[name] = _field_schema(field)
        for field in _m2m(model):
            target = field.related_model
            fields[field.name] = {
                "type": "array",
                "items": {"type": "string"} if _is_concept(target) else {"type": "integer"},
            }
        properties[key] = {
            "type": "array",
            "description": f"{model._meta.label} records",
            "items": {
                "type": "object",
                "properties": fields,
                "required": list(fields),
                "additionalProperties": False,
            },
        }
    properties["mentorships"] = _mentorships_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://parcours.example/schemas/parcours-export-v1.schema.json",
        "title": "Parcours export, version 1",
        "type": "object",
        "properties": properties,
        "required": ["format", "version", "person"],
        "additionalProperties": False,
    }


# Mentorships ----------------------------------------------------------------------------------
#
# A mentorship belongs to two people, so it is not a flat collection: the `mentorships` section
# holds one nested record per mentorship the person is part of, from their side only. The other
# party is named (email, display name), never exported: not their private notes, and in a
# mentor's file not the mentee's goals, steps or reflections. An import never links a record to
# another account (an email match is not consent): it becomes a mentoring.MentorshipRecord, the
# importer's read-only history, which exports again as the same record.

# Each level of the nested record: its model (whose plain fields it carries, so a new field is
# exported without touching this code), the keys it adds, and the model's relations those keys
# stand for (a test checks that every relation is accounted for).
MENTORSHIP_LEVELS = {
    "mentorship": (
        "mentoring.Mentorship",
        [
            "role",
            "counterpart",
            "ended_by",
            "goals",
            "sessions",
            "feedback",
            "thanks",
            "keep_in_touch",
        ],
        {"mentor", "mentee", "ended_by"},
    ),
    "goals": ("mentoring.MentorshipGoal", ["goal"], {"mentorship", "goal"}),
    "sessions": (
        "mentoring.Session",
        ["private_note", "actions", "goal_reviews"],
        {"mentorship"},
    ),
    "private_note": ("mentoring.PrivateNote", [], {"session", "author"}),
    "actions": ("mentoring.ActionItem", ["step"], {"session", "step"}),
    "goal_reviews": ("mentoring.GoalReview", ["goal_link"], {"session", "link"}),
    "feedback": (
        "mentoring.Feedback",
        ["goal_link", "session", "reflection"],
        {"mentorship", "link", "session"},
    ),
    "reflection": ("mentoring.FeedbackReflection", [], {"feedback"}),
    "thanks": ("mentoring.Thanks", ["from"], {"mentorship", "author"}),
    "keep_in_touch": ("mentoring.KeepInTouch", ["from"], {"mentorship", "author"}),
}
ROLES = ("mentee", "mentor")
SIDES = ("me", "counterpart")
# What a MentorshipRecord keeps in columns (for listing and sorting) rather than in `details`.
RECORD_COLUMNS = ("role", "counterpart", "status", "created_at", "ended_at")


def _values(level):
    """(name, field) of the plain fields a level of the nested record carries."""
    model = _model(MENTORSHIP_LEVELS[level][0])
    return [
        (f.name, f) for f in model._meta.concrete_fields if not f.primary_key and not f.is_relation
    ]


def _plain_row(level, row):
    return {name: _plain(getattr(row, name), field) for name, field in _values(level)}


def _side(author_id, user):
    return "me" if author_id == user.pk else "counterpart"


def _live_mentorships(user):
    """The person's mentorships with everything their record needs, in a fixed number of queries."""
    mentorship, link, session, action, review, feedback, thanks, touch = (
        _model(f"mentoring.{name}")
        for name in (
            "Mentorship",
            "MentorshipGoal",
            "Session",
            "ActionItem",
            "GoalReview",
            "Feedback",
            "Thanks",
            "KeepInTouch",
        )
    )
    by_time = ("created_at", "id")
    sessions = session.objects.order_by("scheduled_at", "created_at", "id").prefetch_related(
        models.Prefetch("actions", queryset=action.objects.order_by(*by_time)),
        models.Prefetch("reviews", queryset=review.objects.order_by(*by_time)),
    )
    return (
        mentorship.objects.involving(user)
        .select_related("mentor", "mentee")
        .prefetch_related(
            models.Prefetch("links", queryset=link.objects.order_by("shared_at", "id")),
            models.Prefetch("sessions", queryset=sessions),
            models.Prefetch("feedback", queryset=feedback.objects.order_by(*by_time)),
            models.Prefetch("thanks", queryset=thanks.objects.order_by(*by_time)),
            models.Prefetch("contacts", queryset=touch.objects.order_by(*by_time)),
        )
        .order_by("created_at", "id")
    )


def _live_record(m, user, notes, reflections, local_ids):
    """One live mentorship from `user`'s side (mentoring.access decides what the mentor sees)."""
    mentee = m.mentee_id == user.pk
    other = m.mentor if mentee else m.mentee
    links = list(m.links.all()) if mentee or m.mentor_sees_goals() else []
    link_index = {link.pk: i for i, link in enumerate(links)}
    sessions = list(m.sessions.all())
    session_index = {s.pk: i for i, s in enumerate(sessions)}
    record = {
        "role": "mentee" if mentee else "mentor",
        "counterpart": {"email": other.email, "display_name": other.display_name},
        **_plain_row("mentorship", m),
        "ended_by": None if m.ended_by_id is None else _side(m.ended_by_id, user),
        "goals": [
            {
                "goal": local_ids.get(("goals.Goal", link.goal_id)) if mentee else None,
                **_plain_row("goals", link),
            }
            for link in links
        ],
        "sessions": [],
        "feedback": [],
        "thanks": [
            {"from": _side(t.author_id, user), **_plain_row("thanks", t)} for t in m.thanks.all()
        ],
        "keep_in_touch": [
            {"from": _side(c.author_id, user), **_plain_row("keep_in_touch", c)}
            for c in m.contacts.all()
        ],
    }
    for s in sessions:
        note = notes.get(s.pk)
        record["sessions"].append(
            {
                **_plain_row("sessions", s),
                "private_note": None if note is None else _plain_row("private_note", note),
                "actions": [
                    {
                        **_plain_row("actions", a),
                        "step": local_ids.get(("goals.Step", a.step_id)) if mentee else None,
                    }
                    for a in s.actions.all()
                ],
                "goal_reviews": [
                    {"goal_link": link_index[r.link_id], **_plain_row("goal_reviews", r)}
                    for r in s.reviews.all()
                    if r.link_id in link_index
                ],
            }
        )
    for f in m.feedback.all():
        reflection = reflections.get(f.pk) if mentee else None
        record["feedback"].append(
            {
                "goal_link": link_index.get(f.link_id),
                "session": session_index.get(f.session_id),
                **_plain_row("feedback", f),
                "reflection": None if reflection is None else _plain_row("reflection", reflection),
            }
        )
    return record


def _stored_record(stored, local_ids):
    """A MentorshipRecord as the document's record: its goal and step ids back to local ids."""
    record = json.loads(json.dumps(stored.details))
    for link in record.get("goals", []):
        if link.get("goal") is not None:
            link["goal"] = local_ids.get(("goals.Goal", link["goal"]))
    for session in record.get("sessions", []):
        for action in session.get("actions", []):
            if action.get("step") is not None:
                action["step"] = local_ids.get(("goals.Step", action["step"]))
    return {
        "role": stored.role,
        "counterpart": {"email": stored.counterpart_email, "display_name": stored.counterpart_name},
        "status": stored.status,
        "created_at": _plain(stored.created_at),
        "ended_at": _plain(stored.ended_at),
        **record,
    }


def _ordered(level, value):
    """`value` with its keys in the declared order at every level (a JSONField may not keep
    them), so that a live mentorship and an imported one read alike in the file; a field the
    model gained after an import gets its default, so the file stays importable."""
    keys = [name for name, _f in _values(level)] + MENTORSHIP_LEVELS[level][1]
    if level == "mentorship":
        keys = ["id", "role", "counterpart", *[k for k in keys if k not in ("role", "counterpart")]]
    out = {}
    fields = dict(_values(level))
    for key in [*keys, *[k for k in value if k not in keys]]:
        if key not in value:
            if key in fields:  # a field added since the record was imported: its default
                out[key] = _plain(fields[key].get_default(), fields[key])
            continue
        # A key naming a level ("sessions", "private_note"...) holds records of that level.
        item, child = value[key], key if key in MENTORSHIP_LEVELS else None
        if child and isinstance(item, list):
            item = [_ordered(child, i) if isinstance(i, dict) else i for i in item]
        elif child and isinstance(item, dict):
            item = _ordered(child, item)
        out[key] = item
    return out


def _export_mentorships(user, local_ids):
    """The `mentorships` section: live mentorships and imported records in one list, ordered by
    creation (then live before imported, then database order) so that an import into a fresh
    instance, which keeps the document's order, exports the same list again."""
    # The person's own private notes (owned: author=user), never the other party's.
    notes = {n.session_id: n for n in owned(_model("mentoring.PrivateNote"), user)}
    reflections = {
        r.feedback_id: r
        for r in _model("mentoring.FeedbackReflection").objects.filter(
            feedback__mentorship__mentee=user
        )
    }
    entries = [
        (m.created_at, 0, m.pk, _live_record(m, user, notes, reflections, local_ids))
        for m in _live_mentorships(user)
    ]
    entries += [
        (r.created_at, 1, r.pk, _stored_record(r, local_ids))
        for r in owned(_model("mentoring.MentorshipRecord"), user)
    ]
    entries.sort(key=lambda entry: entry[:3])
    return [
        _ordered("mentorship", {"id": position, **entry[3]})
        for position, entry in enumerate(entries, start=1)
    ]


def _holds_mentorships(user):
    return (
        _model("mentoring.Mentorship").objects.involving(user).exists()
        or owned(_model("mentoring.MentorshipRecord"), user).exists()
    )


def _nested(where, value, level):
    """The plain fields of one nested object, checked and in their exported form; its other
    keys must be present (the caller checks them) and no key may be unknown."""
    if not isinstance(value, dict):
        raise ImportRefused(_("%(where)s: expected an object.") % {"where": where})
    fields = _values(level)
    expected = [name for name, _f in fields] + MENTORSHIP_LEVELS[level][1]
    if level == "mentorship":
        expected = ["id", *expected]
    for name in value:
        if name not in expected:
            raise ImportRefused(_("%(where)s: unknown field.") % {"where": f"{where}.{name}"})
    for name in expected:
        if name not in value:
            raise ImportRefused(_("%(where)s: missing.") % {"where": f"{where}.{name}"})
    clean = {}
    for name, field in fields:
        spot = f"{where}.{name}"
        checked = _check_value(spot, field, value[name])
        if checked is not None:
            try:
                field.run_validators(checked)
            except ValidationError as error:
                raise ImportRefused(f"{spot}: {' '.join(error.messages)}") from None
        clean[name] = _plain(checked, field)
    return clean


def _nested_list(where, value):
    if not isinstance(value, list):
        raise ImportRefused(_("%(where)s: expected a list.") % {"where": where})
    return value


def _one_of(where, value, allowed, nullable=False):
    if (value is None and nullable) or (isinstance(value, str) and value in allowed):
        return value
    raise ImportRefused(
        _("%(where)s: %(value)s is not one of the allowed values.")
        % {"where": where, "value": json.dumps(value)}
    )


def _reference(where, value, ids, mentee):
    """A local id of the person's goal or step: only in a mentee's record, and in the file."""
    if value is None:
        return None
    if not mentee:
        raise ImportRefused(_('%(where)s: must be null when role is "mentor".') % {"where": where})
    if isinstance(value, bool) or not isinstance(value, int) or value not in ids:
        raise ImportRefused(
            _("%(where)s: refers to %(value)s, which is not in the file.")
            % {"where": where, "value": json.dumps(value)}
        )
    return value


def _index(where, value, name, size, nullable=True):
    """A position in this mentorship's `goals` or `sessions` list."""
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
        raise ImportRefused(
            _("%(where)s: no %(list)s[%(value)s] in this mentorship.")
            % {"where": where, "list": name, "value": json.dumps(value)}
        )
    return value


def _text(where, value, limit):
    if not isinstance(value, str) or not _storable(value):
        raise ImportRefused(_("%(where)s: expected text.") % {"where": where})
    if len(value) > limit:
        raise ImportRefused(
            _("%(where)s: longer than %(limit)s characters.") % {"where": where, "limit": limit}
        )
    return value


def _validate_mentorships(records, seen):
    """The `mentorships` section checked whole, each record in its exported form."""
    goal_ids = seen.get("goals.Goal", set())
    step_ids = seen.get("goals.Step", set())
    user_model = get_user_model()
    out, ids = [], set()
    for index, record in enumerate(_nested_list("mentorships", records)):
        where = f"mentorships[{index}]"
        clean = _nested(where, record, "mentorship")
        local = record["id"]
        if isinstance(local, bool) or not isinstance(local, int) or local in ids:
            raise ImportRefused(_("%(where)s: missing or repeated id.") % {"where": f"{where}.id"})
        ids.add(local)
        mentee = _one_of(f"{where}.role", record["role"], ROLES) == "mentee"
        clean["role"] = record["role"]
        counterpart = record["counterpart"]
        spot = f"{where}.counterpart"
        if not isinstance(counterpart, dict):
            raise ImportRefused(_("%(where)s: expected an object.") % {"where": spot})
        for name in counterpart:
            if name not in ("email", "display_name"):
                raise ImportRefused(_("%(where)s: unknown field.") % {"where": f"{spot}.{name}"})
        clean["counterpart"] = {}
        for name in ("email", "display_name"):
            if name not in counterpart:
                raise ImportRefused(_("%(where)s: missing.") % {"where": f"{spot}.{name}"})
            limit = user_model._meta.get_field(name).max_length
            clean["counterpart"][name] = _text(f"{spot}.{name}", counterpart[name], limit)
        clean["ended_by"] = _one_of(f"{where}.ended_by", record["ended_by"], SIDES, True)
        clean["goals"] = []
        for i, link in enumerate(_nested_list(f"{where}.goals", record["goals"])):
            spot = f"{where}.goals[{i}]"
            checked = _nested(spot, link, "goals")
            checked["goal"] = _reference(f"{spot}.goal", link["goal"], goal_ids, mentee)
            clean["goals"].append(checked)
        links = len(clean["goals"])
        clean["sessions"] = []
        for i, session in enumerate(_nested_list(f"{where}.sessions", record["sessions"])):
            spot = f"{where}.sessions[{i}]"
            checked = _nested(spot, session, "sessions")
            note = session["private_note"]
            checked["private_note"] = (
                None if note is None else _nested(f"{spot}.private_note", note, "private_note")
            )
            checked["actions"] = []
            for j, action in enumerate(_nested_list(f"{spot}.actions", session["actions"])):
                there = f"{spot}.actions[{j}]"
                done = _nested(there, action, "actions")
                done["step"] = _reference(f"{there}.step", action["step"], step_ids, mentee)
                checked["actions"].append(done)
            checked["goal_reviews"] = []
            for j, review in enumerate(
                _nested_list(f"{spot}.goal_reviews", session["goal_reviews"])
            ):
                there = f"{spot}.goal_reviews[{j}]"
                done = _nested(there, review, "goal_reviews")
                done["goal_link"] = _index(
                    f"{there}.goal_link", review["goal_link"], "goals", links, nullable=False
                )
                checked["goal_reviews"].append(done)
            clean["sessions"].append(checked)
        clean["feedback"] = []
        for i, feedback in enumerate(_nested_list(f"{where}.feedback", record["feedback"])):
            spot = f"{where}.feedback[{i}]"
            checked = _nested(spot, feedback, "feedback")
            checked["goal_link"] = _index(
                f"{spot}.goal_link", feedback["goal_link"], "goals", links
            )
            checked["session"] = _index(
                f"{spot}.session", feedback["session"], "sessions", len(clean["sessions"])
            )
            reflection = feedback["reflection"]
            if reflection is not None and not mentee:
                raise ImportRefused(
                    _('%(where)s: must be null when role is "mentor".')
                    % {"where": f"{spot}.reflection"}
                )
            checked["reflection"] = (
                None
                if reflection is None
                else _nested(f"{spot}.reflection", reflection, "reflection")
            )
            clean["feedback"].append(checked)
        for key in ("thanks", "keep_in_touch"):
            clean[key] = []
            for i, message in enumerate(_nested_list(f"{where}.{key}", record[key])):
                spot = f"{where}.{key}[{i}]"
                checked = _nested(spot, message, key)
                checked["from"] = _one_of(f"{spot}.from", message["from"], SIDES)
                clean[key].append(checked)
        out.append(clean)
    return out


def _write_mentorships(user, records, created):
    """Each checked record becomes a MentorshipRecord of `user`, in the document's order; local
    ids of goals and steps become the database ids of what this import created."""
    record_model = _model("mentoring.MentorshipRecord")
    for clean in records:
        details = {
            k: v for k, v in json.loads(json.dumps(clean)).items() if k not in RECORD_COLUMNS
        }
        for link in details["goals"]:
            if link["goal"] is not None:
                link["goal"] = created[("goals.Goal", link["goal"])].pk
        for session in details["sessions"]:
            for action in session["actions"]:
                if action["step"] is not None:
                    action["step"] = created[("goals.Step", action["step"])].pk
        record_model.objects.create(
            owner=user,
            role=clean["role"],
            counterpart_email=clean["counterpart"]["email"],
            counterpart_name=clean["counterpart"]["display_name"],
            status=clean["status"],
            created_at=datetime.datetime.fromisoformat(clean["created_at"]),
            ended_at=(
                None
                if clean["ended_at"] is None
                else datetime.datetime.fromisoformat(clean["ended_at"])
            ),
            details=details,
        )


def _object_schema(properties):
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _level_schema(level, extra):
    properties = {name: _field_schema(field) for name, field in _values(level)}
    return _object_schema(properties | extra)


def _mentorships_schema():
    """The `mentorships` section of the published schema (optional: older files lack it)."""
    side = {"enum": list(SIDES)}
    goal_link = {"type": "integer", "minimum": 0, "description": "index in this record's goals"}
    session = {"type": "integer", "minimum": 0, "description": "index in this record's sessions"}

    def nullable(schema):
        return {"anyOf": [schema, {"type": "null"}]}

    def array(schema):
        return {"type": "array", "items": schema}

    sessions = _level_schema(
        "sessions",
        {
            "private_note": nullable(_level_schema("private_note", {})),
            "actions": array(
                _level_schema(
                    "actions",
                    {
                        "step": {
                            "type": ["integer", "null"],
                            "description": "id of a record in steps (null in a mentor's file)",
                        }
                    },
                )
            ),
            "goal_reviews": array(_level_schema("goal_reviews", {"goal_link": goal_link})),
        },
    )
    record = _level_schema(
        "mentorship",
        {
            "role": {"enum": list(ROLES)},
            "counterpart": _object_schema(
                {
                    name: _field_schema(get_user_model()._meta.get_field(name))
                    for name in ("email", "display_name")
                }
            ),
            "ended_by": {"enum": [*SIDES, None]},
            "goals": array(
                _level_schema(
                    "goals",
                    {
                        "goal": {
                            "type": ["integer", "null"],
                            "description": "id of a record in goals (null in a mentor's file)",
                        }
                    },
                )
            ),
            "sessions": array(sessions),
            "feedback": array(
                _level_schema(
                    "feedback",
                    {
                        "goal_link": nullable(goal_link),
                        "session": nullable(session),
                        "reflection": nullable(_level_schema("reflection", {})),
                    },
                )
            ),
            "thanks": array(_level_schema("thanks", {"from": side})),
            "keep_in_touch": array(_level_schema("keep_in_touch", {"from": side})),
        },
    )
    record["properties"] = {"id": {"type": "integer"}, **record["properties"]}
    record["required"] = ["id", *record["required"]]
    return {
        "type": "array",
        "description": "mentorships the person is part of, from their side",
        "items": record,
    }
