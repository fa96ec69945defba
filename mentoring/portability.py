"""What the mentoring app puts in a person's export (core.portability).

A mentor profile and mentee preferences are flat collections. A mentorship belongs to two people,
so it is not: the `mentorships` section holds one nested record per mentorship the person is part
of, from their side only. The other party is named (email, display name), never exported: not
their private notes, and in a mentor's file not the mentee's goals, steps or reflections. An
import never links a record to another account (an email match is not consent): it becomes a
mentoring.MentorshipRecord, the importer's read-only history, which exports again as the same
record.
"""

import datetime
import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from core.access import owned
from core.portability import (
    Collection,
    ImportRefused,
    Section,
    check_value,
    field_schema,
    object_schema,
    plain,
    storable,
)
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
    model = apps.get_model(MENTORSHIP_LEVELS[level][0])
    return [
        (f.name, f) for f in model._meta.concrete_fields if not f.primary_key and not f.is_relation
    ]


def _plain_row(level, row):
    return {name: plain(getattr(row, name), field) for name, field in _values(level)}


def _side(author_id, user):
    return "me" if author_id == user.pk else "counterpart"


def _live_mentorships(user):
    """The person's mentorships with everything their record needs, in a fixed number of queries."""
    by_time = ("created_at", "id")
    sessions = Session.objects.order_by("scheduled_at", "created_at", "id").prefetch_related(
        models.Prefetch("actions", queryset=ActionItem.objects.order_by(*by_time)),
        models.Prefetch("reviews", queryset=GoalReview.objects.order_by(*by_time)),
    )
    return (
        Mentorship.objects.involving(user)
        .select_related("mentor", "mentee")
        .prefetch_related(
            models.Prefetch("links", queryset=MentorshipGoal.objects.order_by("shared_at", "id")),
            models.Prefetch("sessions", queryset=sessions),
            models.Prefetch("feedback", queryset=Feedback.objects.order_by(*by_time)),
            models.Prefetch("thanks", queryset=Thanks.objects.order_by(*by_time)),
            models.Prefetch("contacts", queryset=KeepInTouch.objects.order_by(*by_time)),
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
        "created_at": plain(stored.created_at),
        "ended_at": plain(stored.ended_at),
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
                out[key] = plain(fields[key].get_default(), fields[key])
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
    notes = {n.session_id: n for n in owned(PrivateNote, user)}
    reflections = {
        r.feedback_id: r
        for r in FeedbackReflection.objects.filter(feedback__mentorship__mentee=user)
    }
    entries = [
        (m.created_at, 0, m.pk, _live_record(m, user, notes, reflections, local_ids))
        for m in _live_mentorships(user)
    ]
    entries += [
        (r.created_at, 1, r.pk, _stored_record(r, local_ids)) for r in owned(MentorshipRecord, user)
    ]
    entries.sort(key=lambda entry: entry[:3])
    return [
        _ordered("mentorship", {"id": position, **entry[3]})
        for position, entry in enumerate(entries, start=1)
    ]


def _holds_mentorships(user):
    return Mentorship.objects.involving(user).exists() or owned(MentorshipRecord, user).exists()


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
        checked = check_value(spot, field, value[name])
        if checked is not None:
            try:
                field.run_validators(checked)
            except ValidationError as error:
                raise ImportRefused(f"{spot}: {' '.join(error.messages)}") from None
        clean[name] = plain(checked, field)
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
    if not isinstance(value, str) or not storable(value):
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
        MentorshipRecord.objects.create(
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


def _level_schema(level, extra):
    properties = {name: field_schema(field) for name, field in _values(level)}
    return object_schema(properties | extra)


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
            "counterpart": object_schema(
                {
                    name: field_schema(get_user_model()._meta.get_field(name))
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


class Mentorships(Section):
    """The `mentorships` section: live mentorships and imported records, from the person's side."""

    key = "mentorships"

    def export(self, user, local_ids):
        return _export_mentorships(user, local_ids)

    def validate(self, records, seen, cache):
        return _validate_mentorships(records, seen)

    def write(self, user, parsed, created):
        _write_mentorships(user, parsed, created)

    def holds_data(self, user):
        return _holds_mentorships(user)

    def schema(self):
        return _mentorships_schema()


SECTIONS = [
    Collection("mentor_profile", "mentoring.MentorProfile"),
    Collection("mentee_preferences", "mentoring.MenteePreferences"),
    Mentorships(),
]
