"""Export everything a person owns as one versioned JSON document, and import it back.

The document is flat: one list per kind of record, each record with a local `id` (its rank in
the export, 1, 2, 3...) that other records of the same document use to point at it. Records of
a shared catalogue (ESCO concepts) are referenced by a stable key such as their URI, the person
by nothing (they are the document), so a file moves between instances whose database ids
differ. Import validates the whole document first, then writes it in one transaction: a bad file
changes nothing.

This module is the engine and knows no app. Each app declares its part in `<app>/portability.py`:

- `SECTIONS`: the document's sections it contributes, in order (parents before the records
  that point at them). A `Collection(key, "app.Model")` is a flat list of the model's records,
  exported, validated, written and described by the engine from the model's fields; an app with
  a part that is not flat (a mentorship belongs to two people) gives its own `Section`.
- `REFERENCES` (optional): catalogues whose records travel by a key (`Reference`).

Apps are visited in INSTALLED_APPS order, which is also the order of import; export, validation,
import and the published JSON Schema (`schema()`, core/schemas/parcours-export-v1.schema.json)
all read the same declarations.
"""

import datetime
import json
import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import DataError, IntegrityError, models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import owned
from core.discovery import app_modules

FORMAT = "parcours-export"
VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "parcours-export-v1.schema.json"
PROFILE_FIELDS = ["display_name", "language", "time_zone", "hours_per_week"]


class ImportRefused(Exception):
    """The document cannot be imported; the message names the problem (translated)."""


class Section:
    """One part of the document, contributed by an app: a list of records under `key`.

    The engine calls, in the order of the sections: `export` (with `local_ids`, the local id of
    every record exported so far, by (model label, pk)), `validate` (with `seen`, the local ids
    each collection checked so far holds, by model label), `write` (with `created`, the objects
    written so far, by (model label, local id)), `holds_data` (an import only fills an empty
    account) and `schema` (this section's part of the published JSON Schema).
    """

    key: str

    def export(self, user, local_ids: dict) -> list:
        raise NotImplementedError

    def validate(self, records: Any, seen: dict, cache: dict) -> Any:
        raise NotImplementedError

    def write(self, user, parsed: Any, created: dict) -> None:
        raise NotImplementedError

    def holds_data(self, user) -> bool:
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError


@dataclass(frozen=True)
class Reference:
    """The models of app `app_label` that have a `field` (e.g. "uri") are a shared catalogue
    (`source`, e.g. "ESCO"): a record points at one by that key, never by a local id."""

    app_label: str
    field: str
    source: str

    def applies_to(self, model) -> bool:
        return model._meta.app_label == self.app_label and any(
            f.name == self.field for f in model._meta.concrete_fields
        )


@cache
def sections() -> list[Section]:
    """Every app's sections, in INSTALLED_APPS order."""
    return [
        section for module in app_modules("portability", "SECTIONS") for section in module.SECTIONS
    ]


@cache
def references() -> list[Reference]:
    modules = app_modules("portability", "REFERENCES")
    return [reference for module in modules for reference in module.REFERENCES]


def _model(label):
    return apps.get_model(label)


def _is_user(model):
    return model is get_user_model()


def reference_of(model: type[models.Model]) -> Reference | None:
    """The catalogue `model` belongs to, or None when its records are someone's data."""
    return next((ref for ref in references() if ref.applies_to(model)), None)


def _collection_of(model):
    for section in sections():
        if isinstance(section, Collection) and section.model is model:
            return section.key
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


def plain(value: Any, field: models.Field | None = None) -> Any:
    """`value` of `field` as the document holds it: dates and times in ISO 8601 (UTC), decimals
    as strings with the field's places."""
    if value is not None and isinstance(field, models.DecimalField):
        return str(Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places)))
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


# Export -----------------------------------------------------------------------------------


def export_person(user: AbstractBaseUser) -> dict:
    """Everything `user` owns, as a JSON-ready dict."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().astimezone(datetime.UTC).isoformat(),
        "person": {
            "email": user.email,
            **{
                name: plain(getattr(user, name), user._meta.get_field(name))
                for name in PROFILE_FIELDS
            },
        },
    }
    local_ids = {}  # (model label, pk) -> local id
    for section in sections():
        document[section.key] = section.export(user, local_ids)
    return document


# Validation -------------------------------------------------------------------------------


def check_value(where: str, field: models.Field, value: Any) -> Any:
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
        if not _storable_json(value):
            raise ImportRefused(_("%(where)s: expected text.") % {"where": where})
        return value
    elif not isinstance(value, str) or not storable(value):
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


def _storable_json(value: Any) -> bool:
    """Whether every string of a JSON value (keys included) is storable."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, list):
        return all(_storable_json(item) for item in value)
    if isinstance(value, dict):
        return all(storable(key) and _storable_json(item) for key, item in value.items())
    return True


def storable(text: str) -> bool:
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


def _concept(where, model, key, cache):
    reference = reference_of(model)
    if not isinstance(key, str) or not storable(key):
        raise ImportRefused(_("%(where)s: expected an ESCO URI.") % {"where": where})
    found = (model._meta.label, key)
    if found not in cache:
        cache[found] = model.objects.filter(**{reference.field: key}).first()
    if cache[found] is None:
        raise ImportRefused(
            _("%(where)s: unknown in this instance's ESCO data (%(uri)s).")
            % {"where": where, "uri": key}
        )
    return cache[found]


def _local_id(value):
    return isinstance(value, int) and not isinstance(value, bool)


def validate(document: Any) -> dict:
    """Check the whole document; return it parsed into Python values, or raise ImportRefused.

    The result maps each section's key to what its `validate` returned; for a collection, a
    list of (local id, field values, many-to-many values) where references are still local ids
    or catalogue objects.
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
    known = {"format", "version", "exported_at", "person"}
    known |= {section.key for section in sections()}
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
        profile[name] = check_value(
            f"person.{name}", user_model._meta.get_field(name), person[name]
        )
    email = person.get("email")
    if (
        not isinstance(email, str)
        or "@" not in email
        or not storable(email)
        or len(email.strip()) > user_model._meta.get_field("email").max_length
    ):
        raise ImportRefused(_("person.email: not an email address."))
    parsed = {"person": {"email": email, **profile}}
    seen = {}  # model label -> set of local ids
    cache = {}
    for section in sections():
        parsed[section.key] = section.validate(document.get(section.key, []), seen, cache)
    return parsed


# Import -----------------------------------------------------------------------------------


def import_person(
    document: Any, *, email: str | None = None, into: AbstractBaseUser | None = None
) -> AbstractBaseUser:
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
    if into is not None and any(section.holds_data(into) for section in sections()):
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
            created = {}  # (model label, local id) -> object
            for section in sections():
                section.write(user, parsed[section.key], created)
    except (IntegrityError, DataError) as error:
        raise ImportRefused(
            _("The file contradicts itself (%(error)s); nothing was imported.")
            % {"error": str(error).splitlines()[0]}
        ) from None
    return user


def load(text: str | bytes) -> Any:
    """The document in `text` (str or bytes), or ImportRefused when it is not JSON."""
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise ImportRefused(
            _("The file is not valid JSON (%(error)s).") % {"error": error}
        ) from None


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)


# Published schema ---------------------------------------------------------------------------


def field_schema(field: models.Field) -> dict:
    """The JSON Schema of one field's value in the document."""
    nullable = field.null
    if field.is_relation:
        target = field.related_model
        reference = reference_of(target)
        if reference is not None:
            schema = {
                "type": "string",
                "description": f"{reference.field.upper()} of a {target._meta.label} "
                f"({reference.source})",
            }
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


def object_schema(properties: dict) -> dict:
    """An object with exactly `properties`, all required."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def schema() -> dict:
    """The JSON Schema of the document, assembled from every app's sections (published as a
    file: a test holds the two equal)."""
    user_model = get_user_model()
    person = {"email": {"type": "string", "format": "email"}}
    person |= {name: field_schema(user_model._meta.get_field(name)) for name in PROFILE_FIELDS}
    properties = {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "exported_at": {"type": "string", "format": "date-time"},
        "person": object_schema(person),
    }
    for section in sections():
        properties[section.key] = section.schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://parcours.example/schemas/parcours-export-v1.schema.json",
        "title": "Parcours export, version 1",
        "type": "object",
        "properties": properties,
        "required": ["format", "version", "person"],
        "additionalProperties": False,
    }


# Flat collections -----------------------------------------------------------------------------


class Collection(Section):
    """The records of one model that a person owns (core.access decides which), as a flat list.

    Every concrete field travels but the id and the owner: a relation to another collection as
    that record's local id, to a catalogue by its key (`Reference`); a many-to-many as a sorted
    list of either. A field added to the model is exported without touching this code.
    """

    def __init__(self, key: str, label: str):
        self.key = key
        self.label = label

    def __repr__(self):
        return f"Collection({self.key!r}, {self.label!r})"

    @property
    def model(self):
        return _model(self.label)

    def export(self, user, local_ids):
        model = self.model
        select = [
            f.name
            for _n, f in _fields(model)
            if f.is_relation and reference_of(f.related_model) is not None
        ]
        rows = owned(model, user)
        if select:
            rows = rows.select_related(*select)
        rows = rows.prefetch_related(*[f.name for f in _m2m(model)]).order_by("pk")
        records = []
        for position, row in enumerate(rows, start=1):
            local_ids[(self.label, row.pk)] = position
            record = {"id": position}
            for name, field in _fields(model):
                if field.is_relation:
                    target = field.related_model
                    if _is_user(target):
                        continue
                    raw = getattr(row, field.attname)
                    reference = reference_of(target)
                    if raw is None:
                        record[name] = None
                    elif reference is not None:
                        record[name] = getattr(getattr(row, name), reference.field)
                    else:
                        record[name] = local_ids[(target._meta.label, raw)]
                else:
                    record[name] = plain(getattr(row, name), field)
            for field in _m2m(model):
                target = field.related_model
                related = getattr(row, field.name).all()
                reference = reference_of(target)
                if reference is not None:
                    record[field.name] = sorted(getattr(r, reference.field) for r in related)
                else:
                    record[field.name] = sorted(
                        local_ids[(target._meta.label, r.pk)] for r in related
                    )
            records.append(record)
        return records

    def validate(self, records, seen, cache):
        key, model = self.key, self.model
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
                    elif reference_of(target) is not None:
                        values[name] = _concept(spot, target, value, cache)
                    elif not _local_id(value) or value not in seen.get(target._meta.label, ()):
                        raise ImportRefused(
                            _("%(where)s: refers to %(value)s, which is not in the file.")
                            % {"where": spot, "value": json.dumps(value)}
                        )
                    else:
                        values[name] = ("ref", target._meta.label, value)
                else:
                    values[name] = check_value(spot, field, value)
            for field in _m2m(model):
                spot = f"{where}.{field.name}"
                value = record.get(field.name)
                if not isinstance(value, list):
                    raise ImportRefused(_("%(where)s: expected a list.") % {"where": spot})
                target = field.related_model
                if reference_of(target) is not None:
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
        seen[self.label] = ids
        return rows

    def write(self, user, parsed, created):
        model = self.model
        automatic = [
            name
            for name, f in _fields(model)
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        for local, values, many in parsed:
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
            created[(self.label, local)] = row

    def holds_data(self, user):
        return owned(self.model, user).exists()

    def schema(self):
        model = self.model
        fields = {"id": {"type": "integer"}}
        for name, field in _fields(model):
            if field.is_relation and _is_user(field.related_model):
                continue
            fields[name] = field_schema(field)
        for field in _m2m(model):
            target = field.related_model
            fields[field.name] = {
                "type": "array",
                "items": (
                    {"type": "string"} if reference_of(target) is not None else {"type": "integer"}
                ),
            }
        return {
            "type": "array",
            "description": f"{model._meta.label} records",
            "items": {
                "type": "object",
                "properties": fields,
                "required": list(fields),
                "additionalProperties": False,
            },
        }
