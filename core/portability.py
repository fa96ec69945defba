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
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "parcours-export"
VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "parcours-export-v1.schema.json"
PROFILE_FIELDS = ["display_name", "language", "time_zone", "hours_per_week"]

# (key in the document, model, lookup from the model to its owner). Parents come before the
# records that point at them, which is also the order of import.
COLLECTIONS = [
    ("review_settings", "goals.ReviewSettings", "user"),
    ("reflections", "goals.Reflection", "owner"),
    ("skills", "taxonomy.UserSkill", "user"),
    ("skill_evidence", "taxonomy.SkillEvidence", "user_skill__user"),
    ("targets", "taxonomy.TargetOccupation", "user"),
    ("goals", "goals.Goal", "owner"),
    ("stages", "goals.Stage", "goal__owner"),
    ("steps", "goals.Step", "goal__owner"),
    ("step_completions", "goals.StepCompletion", "step__goal__owner"),
    ("requirements", "goals.Requirement", "goal__owner"),
    ("obstacles", "goals.Obstacle", "goal__owner"),
    ("checkins", "goals.CheckIn", "goal__owner"),
    ("reviews", "goals.Review", "owner"),
    ("review_decisions", "goals.ReviewDecision", "review__owner"),
    ("goal_revisions", "goals.GoalRevision", "goal__owner"),
    ("statements", "goals.Statement", "owner"),
    ("statement_versions", "goals.StatementVersion", "statement__owner"),
    ("learning_items", "growth.LearningItem", "user"),
    ("contacts", "growth.Contact", "user"),
    ("interactions", "growth.Interaction", "contact__user"),
    ("associations", "growth.Association", "user"),
    ("memberships", "growth.Membership", "association__user"),
    ("feeds", "growth.Feed", "user"),
    ("feed_entries", "growth.Entry", "feed__user"),
    ("reading_notes", "growth.ReadingNote", "user"),
    ("applications", "jobs.Application", "user"),
    ("status_changes", "jobs.StatusChange", "application__user"),
    ("detected_skills", "jobs.DetectedSkill", "application__user"),
    ("interviews", "jobs.Interview", "application__user"),
    ("interview_reflections", "jobs.InterviewReflection", "interview__application__user"),
    ("techniques", "jobs.Technique", "user"),
    ("prepared_answers", "jobs.PreparedAnswer", "user"),
    ("practice_attempts", "jobs.PracticeAttempt", "answer__user"),
    ("mentor_profile", "mentoring.MentorProfile", "user"),
    ("mentee_preferences", "mentoring.MenteePreferences", "user"),
    ("digest_subscription", "agenda.DigestSubscription", "user"),
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
    for key, label, _owner in COLLECTIONS:
        if _model(label) is model:
            return key
    return None


def _fields(model):
    """(name, field) of what a record carries: every concrete field but the id."""
    return [(f.name, f) for f in model._meta.concrete_fields if not f.primary_key]


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
    for key, label, owner in COLLECTIONS:
        model = _model(label)
        select = [
            f.name for _n, f in _fields(model) if f.is_relation and _is_concept(f.related_model)
        ]
        rows = model.objects.filter(**{owner: user})
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
            return parsed
        if kind == "DateField":
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return datetime.date.fromisoformat(value)
    except ValueError:
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
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ImportRefused(_("%(where)s: expected a whole number.") % {"where": where})
    elif kind == "FloatField":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ImportRefused(_("%(where)s: expected a number.") % {"where": where})
    elif kind == "JSONField":
        return value
    elif not isinstance(value, str):
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


def _concept(where, model, uri, cache):
    if not isinstance(uri, str):
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
    known = {"format", "version", "exported_at", "person"} | {key for key, *_r in COLLECTIONS}
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
    if not isinstance(email, str) or "@" not in email:
        raise ImportRefused(_("person.email: not an email address."))
    parsed = {"person": {"email": email, **profile}}
    seen = {}  # model label -> set of local ids
    cache = {}
    for key, label, _owner in COLLECTIONS:
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
                    elif value not in seen.get(target._meta.label, set()):
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
                        if ref not in seen.get(target._meta.label, set()):
                            raise ImportRefused(
                                _("%(where)s: refers to %(value)s, which is not in the file.")
                                % {"where": f"{spot}[{i}]", "value": json.dumps(ref)}
                            )
                    many[field.name] = [("ref", target._meta.label, ref) for ref in value]
            rows.append((local, values, many))
        seen[label] = ids
        parsed[key] = rows
    return parsed


# Import -----------------------------------------------------------------------------------


def _owns_anything(user):
    return any(
        _model(label).objects.filter(**{owner: user}).exists() for _k, label, owner in COLLECTIONS
    )


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
    if into is not None and _owns_anything(into):
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
    except IntegrityError as error:
        raise ImportRefused(
            _("The file contradicts itself (%(error)s); nothing was imported.")
            % {"error": str(error).splitlines()[0]}
        ) from None
    return user


def _write(user, parsed):
    created = {}  # (model label, local id) -> object
    for key, label, _owner in COLLECTIONS:
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
    for key, label, _owner in COLLECTIONS:
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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://parcours.example/schemas/parcours-export-v1.schema.json",
        "title": "Parcours export, version 1",
        "type": "object",
        "properties": properties,
        "required": ["format", "version", "person"],
        "additionalProperties": False,
    }
