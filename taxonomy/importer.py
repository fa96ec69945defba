"""Load an ESCO release (the official CSV download layout, .csv or .csv.gz) into the database.

Two phases, so that a bad file never touches the data:

1. `read_release(directory)` reads and validates every file into plain Python structures. A
   missing file or a malformed row raises `EscoFileError` naming the file and the line.
2. `apply_release(release)` writes it in one transaction, matching rows by URI: new concepts are
   created, changed ones updated, vanished ones deleted, except those people still use (a
   skill in a profile, a target occupation): they are kept, marked `retired` and reported.
   Running it twice changes nothing the second time.

`import_esco(directory)` does both, records a `TaxonomyImport` and asks the search module to
rebuild its index (`taxonomy.search.rebuild_index()`, when it exists).
"""

import csv
import gzip
import logging
import sys
import time
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.db import models, transaction

from taxonomy.models import (
    IscoGroup,
    Occupation,
    OccupationSkill,
    RelationType,
    Skill,
    SkillGroup,
    SkillRelation,
    TaxonomyImport,
)

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
# SQLite's default limit on query parameters is generous in recent versions, but stay safe.
IN_CHUNK = 900

# Each file the import reads: its name without extension, the columns it needs, and whether it
# must exist. Optional files enrich the data when present.
FILES = {
    "occupations_en": (["conceptUri", "preferredLabel"], True),
    "occupations_fr": (["conceptUri", "preferredLabel"], True),
    "skills_en": (["conceptUri", "preferredLabel"], True),
    "skills_fr": (["conceptUri", "preferredLabel"], True),
    "occupationSkillRelations": (["occupationUri", "relationType", "skillUri"], True),
    "skillSkillRelations": (["originalSkillUri", "relationType", "relatedSkillUri"], True),
    "ISCOGroups_en": (["conceptUri", "code", "preferredLabel"], True),
    "ISCOGroups_fr": (["conceptUri", "preferredLabel"], True),
    "broaderRelationsOccPillar": (["conceptUri", "broaderUri"], True),
    "skillGroups_en": (["conceptUri", "preferredLabel"], True),
    "skillGroups_fr": (["conceptUri", "preferredLabel"], True),
    "broaderRelationsSkillPillar": (["conceptUri", "broaderUri"], True),
    "transversalSkillsCollection_en": (["conceptUri"], True),
    "skillsHierarchy_en": (["Level 0 URI"], False),
}
RELATION_TYPES = {choice.value for choice in RelationType}


class EscoFileError(Exception):
    """A file of the release is missing, unreadable or malformed."""

    def __init__(self, path, line, problem):
        self.path = Path(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line else str(self.path)
        super().__init__(f"{where}: {problem}")


class Progress:
    """A plain text progress bar on a terminal; silent elsewhere."""

    WIDTH = 30

    def __init__(self, total, stream=None, enabled=True):
        self.stream = stream or sys.stderr
        self.enabled = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.total = max(total, 1)
        self.done = 0

    def advance(self, label, amount=1):
        self.done = min(self.done + amount, self.total)
        if not self.enabled:
            return
        filled = round(self.WIDTH * self.done / self.total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        percent = round(100 * self.done / self.total)
        self.stream.write(f"\r[{bar}] {percent:3d}% {label[:40]:<40}")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def find_file(directory: str | Path, stem: str) -> Path | None:
    """The path of `stem`.csv or `stem`.csv.gz in `directory`, or None."""
    for suffix in (".csv", ".csv.gz"):
        path = Path(directory) / f"{stem}{suffix}"
        if path.is_file():
            return path
    return None


def read_csv(
    path: Path, required_columns: Sequence[str], pad_short_rows: bool = False
) -> Iterator[tuple[int, dict]]:
    """Yield (line, row) for each record of a CSV file, `row` a dict of its columns.

    `line` is the line the record starts on (records may span lines: labels are
    newline-separated inside quoted fields). A row with a different number of fields than the
    header is malformed, unless `pad_short_rows` (the skills hierarchy file omits empty trailing
    fields).
    """
    opener = gzip.open if path.name.endswith(".gz") else open
    line = 0
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if not header:
                raise EscoFileError(path, 1, "the file is empty (no header row)")
            missing = [column for column in required_columns if column not in header]
            if missing:
                raise EscoFileError(
                    path, 1, f"missing column(s) {', '.join(missing)} in the header row"
                )
            width = len(header)
            line = reader.line_num
            for record in reader:
                start, line = line + 1, reader.line_num
                if not record:
                    continue
                if pad_short_rows and len(record) < width:
                    record += [""] * (width - len(record))
                if len(record) != width:
                    raise EscoFileError(
                        path, start, f"expected {width} fields, found {len(record)}"
                    )
                yield start, dict(zip(header, record, strict=True))
    except csv.Error as error:
        raise EscoFileError(path, line + 1, f"malformed CSV ({error})") from None
    except UnicodeDecodeError:
        raise EscoFileError(path, line + 1, "not UTF-8 text") from None
    except (OSError, EOFError, zlib.error) as error:
        raise EscoFileError(path, None, f"cannot be read ({error})") from None


def _labels(value):
    """ESCO separates alternative labels by newlines (the collections use " | ")."""
    seen = []
    for label in value.replace("\r", "").split("\n"):
        label = label.strip()
        if label and label not in seen:
            seen.append(label)
    return "\n".join(seen)


@dataclass
class Release:
    """Everything read from one ESCO release, keyed by URI."""

    directory: Path
    isco_groups: dict = field(default_factory=dict)
    isco_parents: dict = field(default_factory=dict)
    occupations: dict = field(default_factory=dict)
    occupation_broader: dict = field(default_factory=dict)
    skill_groups: dict = field(default_factory=dict)
    skill_group_parents: dict = field(default_factory=dict)
    skills: dict = field(default_factory=dict)
    skill_in_groups: set = field(default_factory=set)  # (skill uri, group uri)
    skill_broader: set = field(default_factory=set)  # (skill uri, broader skill uri)
    occupation_skills: dict = field(default_factory=dict)  # (occupation, skill) -> type
    skill_relations: dict = field(default_factory=dict)  # (skill, related) -> type
    warnings: list = field(default_factory=list)

    def counts(self):
        return {
            "ISCO groups": len(self.isco_groups),
            "occupations": len(self.occupations),
            "skill groups": len(self.skill_groups),
            "skills": len(self.skills),
            "occupation-skill relations": len(self.occupation_skills),
            "skill-skill relations": len(self.skill_relations),
        }


def _required(path, line, row, column):
    value = row[column].strip()
    if not value:
        raise EscoFileError(path, line, f"empty {column}")
    return value


def _relation_type(path, line, value):
    value = value.strip()
    if value not in RELATION_TYPES:
        raise EscoFileError(
            path, line, f"relationType must be essential or optional, not {value!r}"
        )
    return value


def read_release(directory: str | Path, progress: Progress | None = None) -> Release:
    """Read and validate every file of the release in `directory`; return a `Release`."""
    directory = Path(directory)
    if not directory.is_dir():
        raise EscoFileError(directory, None, "no such directory")
    paths = {}
    for stem, (_columns, required) in FILES.items():
        path = find_file(directory, stem)
        if path is None and required:
            raise EscoFileError(directory / f"{stem}.csv", None, "file not found (.csv or .csv.gz)")
        paths[stem] = path
    release = Release(directory=directory)
    step = progress.advance if progress else (lambda label, amount=1: None)

    def rows(stem):
        step(f"reading {stem}")
        if paths[stem] is None:
            return
        lenient = stem == "skillsHierarchy_en"
        for line, row in read_csv(paths[stem], FILES[stem][0], pad_short_rows=lenient):
            yield paths[stem], line, row

    def groups(stem, code_required):
        """A bilingual group file pair (stem_en, stem_fr) as {uri: fields}."""
        found = {}
        for path, line, row in rows(f"{stem}_en"):
            uri = _required(path, line, row, "conceptUri")
            found[uri] = {
                "code": (
                    _required(path, line, row, "code")
                    if code_required
                    else row.get("code", "").strip()
                ),
                "label_en": _required(path, line, row, "preferredLabel"),
                "label_fr": "",
                "description_en": row.get("description", "").strip(),
                "description_fr": "",
            }
        for path, line, row in rows(f"{stem}_fr"):
            group = found.get(_required(path, line, row, "conceptUri"))
            if group is not None:
                group["label_fr"] = row["preferredLabel"].strip()
                group["description_fr"] = row.get("description", "").strip()
        return found

    # ISCO groups.
    release.isco_groups.update(groups("ISCOGroups", code_required=True))

    # Occupations.
    for path, line, row in rows("occupations_en"):
        uri = _required(path, line, row, "conceptUri")
        release.occupations[uri] = {
            "code": row.get("code", "").strip(),
            "isco_code": row.get("iscoGroup", "").strip(),
            "label_en": _required(path, line, row, "preferredLabel"),
            "label_fr": "",
            "alt_labels_en": _labels(row.get("altLabels", "")),
            "alt_labels_fr": "",
            "hidden_labels_en": _labels(row.get("hiddenLabels", "")),
            "hidden_labels_fr": "",
            "description_en": row.get("description", "").strip(),
            "description_fr": "",
        }
    for path, line, row in rows("occupations_fr"):
        occupation = release.occupations.get(_required(path, line, row, "conceptUri"))
        if occupation is not None:
            occupation["label_fr"] = row["preferredLabel"].strip()
            occupation["alt_labels_fr"] = _labels(row.get("altLabels", ""))
            occupation["hidden_labels_fr"] = _labels(row.get("hiddenLabels", ""))
            occupation["description_fr"] = row.get("description", "").strip()

    unknown = 0
    for path, line, row in rows("broaderRelationsOccPillar"):
        uri = _required(path, line, row, "conceptUri")
        broader = _required(path, line, row, "broaderUri")
        if uri in release.isco_groups and broader in release.isco_groups:
            release.isco_parents[uri] = broader
        elif uri in release.occupations and broader in release.occupations:
            release.occupation_broader[uri] = broader
        elif uri in release.occupations and broader in release.isco_groups:
            pass  # the occupation's ISCO group also comes from its iscoGroup column
        else:
            unknown += 1
    if unknown:
        release.warnings.append(
            f"broaderRelationsOccPillar: {unknown} relation(s) name unknown concepts, skipped"
        )

    # Skill groups and the hierarchy.
    release.skill_groups.update(groups("skillGroups", code_required=False))
    # The hierarchy file carries the codes of the ISCED-F knowledge groups.
    for _path, _line, row in rows("skillsHierarchy_en"):
        for level in range(4):
            uri = (row.get(f"Level {level} URI") or "").strip()
            code = (row.get(f"Level {level} code") or "").strip()
            group = release.skill_groups.get(uri)
            if group is not None and code and not group["code"]:
                group["code"] = code

    # Skills.
    for path, line, row in rows("skills_en"):
        uri = _required(path, line, row, "conceptUri")
        release.skills[uri] = {
            "skill_type": row.get("skillType", "").strip(),
            "reuse_level": row.get("reuseLevel", "").strip(),
            "label_en": _required(path, line, row, "preferredLabel"),
            "label_fr": "",
            "alt_labels_en": _labels(row.get("altLabels", "")),
            "alt_labels_fr": "",
            "description_en": row.get("description", "").strip(),
            "description_fr": "",
            "is_transversal": False,
        }
    for path, line, row in rows("skills_fr"):
        skill = release.skills.get(_required(path, line, row, "conceptUri"))
        if skill is not None:
            skill["label_fr"] = row["preferredLabel"].strip()
            skill["alt_labels_fr"] = _labels(row.get("altLabels", ""))
            skill["description_fr"] = row.get("description", "").strip()
    missing_fr = sum(1 for skill in release.skills.values() if not skill["label_fr"])
    if missing_fr:
        release.warnings.append(f"{missing_fr} skill(s) have no French label: English is shown")
    for path, line, row in rows("transversalSkillsCollection_en"):
        skill = release.skills.get(_required(path, line, row, "conceptUri"))
        if skill is not None:
            skill["is_transversal"] = True

    unknown = 0
    for path, line, row in rows("broaderRelationsSkillPillar"):
        uri = _required(path, line, row, "conceptUri")
        broader = _required(path, line, row, "broaderUri")
        if uri in release.skill_groups and broader in release.skill_groups:
            release.skill_group_parents[uri] = broader
        elif uri in release.skills and broader in release.skill_groups:
            release.skill_in_groups.add((uri, broader))
        elif uri in release.skills and broader in release.skills:
            release.skill_broader.add((uri, broader))
        else:
            unknown += 1
    if unknown:
        release.warnings.append(
            f"broaderRelationsSkillPillar: {unknown} relation(s) name unknown concepts, skipped"
        )

    # Relations.
    unknown = 0
    for path, line, row in rows("occupationSkillRelations"):
        occupation = _required(path, line, row, "occupationUri")
        skill = _required(path, line, row, "skillUri")
        kind = _relation_type(path, line, row["relationType"])
        if occupation not in release.occupations or skill not in release.skills:
            unknown += 1
            continue
        # When a pair appears twice, essential wins.
        if release.occupation_skills.get((occupation, skill)) != RelationType.ESSENTIAL:
            release.occupation_skills[(occupation, skill)] = kind
    if unknown:
        release.warnings.append(
            f"occupationSkillRelations: {unknown} relation(s) name unknown concepts, skipped"
        )
    unknown = 0
    for path, line, row in rows("skillSkillRelations"):
        skill = _required(path, line, row, "originalSkillUri")
        related = _required(path, line, row, "relatedSkillUri")
        kind = _relation_type(path, line, row["relationType"])
        if skill not in release.skills or related not in release.skills or skill == related:
            unknown += 1
            continue
        if release.skill_relations.get((skill, related)) != RelationType.ESSENTIAL:
            release.skill_relations[(skill, related)] = kind
    if unknown:
        release.warnings.append(
            f"skillSkillRelations: {unknown} relation(s) name unknown concepts, skipped"
        )
    return release


# Writing -----------------------------------------------------------------------------------


@dataclass
class Changes:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    kept: int = 0
    created_pks: set = field(default_factory=set)

    def as_dict(self):
        return {
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "kept": self.kept,
        }


def _chunks(items, size=IN_CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _protected_pks(model, pks):
    """The pks among `pks` that rows elsewhere reference with PROTECT or RESTRICT."""
    protected = set()
    for relation in model._meta.related_objects:
        if relation.many_to_many or relation.on_delete not in (models.PROTECT, models.RESTRICT):
            continue
        column = relation.field.attname
        manager = relation.related_model._base_manager
        for chunk in _chunks(pks):
            protected.update(
                manager.filter(**{f"{column}__in": chunk}).values_list(column, flat=True)
            )
    return protected


def _upsert(model, rows, fields, extra=None):
    """Create or update `model` rows by URI; return ({uri: pk}, Changes, vanished pks).

    `rows` maps each URI to the values of `fields`; `extra` maps a URI to more values (foreign
    keys resolved by the caller) compared and written the same way.
    """
    changes = Changes()
    existing = {row["uri"]: row for row in model.objects.values("id", "uri", *fields)}
    to_create, to_update = [], []
    for uri, values in rows.items():
        values = {name: values[name] for name in fields if name in values} | (
            extra.get(uri, {}) if extra else {}
        )
        current = existing.get(uri)
        if current is None:
            to_create.append(model(uri=uri, **values))
        elif any(current[name] != value for name, value in values.items()):
            to_update.append(model(id=current["id"], uri=uri, **values))
    model.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model.objects.bulk_update(to_update, fields, batch_size=BATCH_SIZE)
    changes.created, changes.updated = len(to_create), len(to_update)
    pks = dict(model.objects.values_list("uri", "id"))
    changes.created_pks = {pks[uri] for uri in rows if uri not in existing}
    vanished = [pk for uri, pk in pks.items() if uri not in rows]
    return pks, changes, vanished


def _remove(model, vanished, changes, kept, kind):
    """Delete vanished concepts except those still in use, which are marked retired."""
    if not vanished:
        return set()
    keep = _protected_pks(model, vanished) if hasattr(model, "retired") else set()
    removable = [pk for pk in vanished if pk not in keep]
    for chunk in _chunks(removable):
        try:
            with transaction.atomic():
                model.objects.filter(pk__in=chunk).delete()
        except (models.ProtectedError, models.RestrictedError):
            # Referenced through a path the check above does not follow: keep the batch.
            keep.update(chunk)
    if keep:
        if hasattr(model, "retired"):
            model.objects.filter(pk__in=keep).update(retired=True)
        for uri, label in model.objects.filter(pk__in=keep).values_list("uri", "label_en"):
            kept.append({"kind": kind, "uri": uri, "label": label})
    changes.deleted = len(removable) - len(keep & set(removable))
    changes.kept = len(keep)
    return keep


def _sync_self_parent(model, field_name, wanted, changes):
    """Set a self-referencing foreign key (`parent`, `broader`) to `wanted` {pk: pk or None};
    count the rows that existed before and changed as updated."""
    to_update = []
    for pk, current in model.objects.values_list("id", f"{field_name}_id"):
        if pk in wanted and wanted[pk] != current:
            to_update.append(model(id=pk, **{f"{field_name}_id": wanted[pk]}))
    if to_update:
        model.objects.bulk_update(to_update, [field_name], batch_size=BATCH_SIZE)
    changes.updated += sum(1 for obj in to_update if obj.pk not in changes.created_pks)


def _sync_links(model, left, right, wanted, kind_field=None):
    """Make the link table `model` hold exactly `wanted`: {(left pk, right pk): kind or None}.

    Only rows between the given concepts are managed; returns Changes.
    """
    changes = Changes()
    columns = ["id", left, right] + ([kind_field] if kind_field else [])
    existing = {}
    stale = []
    for row in model.objects.values_list(*columns):
        key = (row[1], row[2])
        if key in wanted:
            existing[key] = row
        else:
            stale.append(row[0])
    for chunk in _chunks(stale):
        model.objects.filter(id__in=chunk).delete()
    to_create, to_update = [], []
    for key, kind in wanted.items():
        row = existing.get(key)
        values = {left: key[0], right: key[1]}
        if kind_field:
            values[kind_field] = kind
        if row is None:
            to_create.append(model(**values))
        elif kind_field and row[3] != kind:
            to_update.append(model(id=row[0], **values))
    model.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model.objects.bulk_update(to_update, [kind_field], batch_size=BATCH_SIZE)
    changes.created, changes.updated, changes.deleted = len(to_create), len(to_update), len(stale)
    return changes


def _levels(parents):
    """Depth of each node in a forest given {child: parent}."""
    levels = {}

    def depth(node, seen=()):
        if node in levels:
            return levels[node]
        parent = parents.get(node)
        if parent is None or parent in seen:
            levels[node] = 0
        else:
            levels[node] = depth(parent, (*seen, node)) + 1
        return levels[node]

    for node in parents:
        depth(node)
    return levels


def _top_groups(release):
    """For each skill URI, the URI of the level-1 group it belongs to (or None)."""
    levels = _levels(release.skill_group_parents)

    def level_one(group):
        seen = set()
        while levels.get(group, 0) > 1 and group not in seen:
            seen.add(group)
            group = release.skill_group_parents[group]
        return group

    groups_of, broader_of = {}, {}
    for skill, group in release.skill_in_groups:
        groups_of.setdefault(skill, []).append(group)
    for skill, broader in release.skill_broader:
        broader_of.setdefault(skill, []).append(broader)

    def sort_key(group):
        info = release.skill_groups[group]
        return (info["code"] or "~", group)

    result = {}

    def find(skill, seen):
        if skill in result:
            return result[skill]
        if skill in groups_of:
            tops = sorted({level_one(group) for group in groups_of[skill]}, key=sort_key)
            return tops[0]
        for broader in sorted(broader_of.get(skill, ())):
            if broader not in seen:
                found = find(broader, seen | {skill})
                if found:
                    return found
        return None

    for skill in release.skills:
        result[skill] = find(skill, frozenset())
    return result, levels


CONCEPT_FIELDS = ["label_en", "label_fr", "description_en", "description_fr"]
ISCO_FIELDS = ["code", *CONCEPT_FIELDS]
GROUP_FIELDS = ["code", "level", *CONCEPT_FIELDS]
OCCUPATION_FIELDS = [
    "code",
    *CONCEPT_FIELDS,
    "alt_labels_en",
    "alt_labels_fr",
    "hidden_labels_en",
    "hidden_labels_fr",
    "retired",
    "isco_group_id",
]
SKILL_FIELDS = [
    *CONCEPT_FIELDS,
    "skill_type",
    "reuse_level",
    "alt_labels_en",
    "alt_labels_fr",
    "is_transversal",
    "retired",
    "top_group_id",
]


def apply_release(release: Release, progress: Progress | None = None) -> tuple[dict, dict]:
    """Write `release` in one transaction; return (changes by kind, kept concepts)."""
    step = progress.advance if progress else (lambda label, amount=1: None)
    report, kept = {}, []
    with transaction.atomic():
        step("writing ISCO groups")
        isco_pks, changes, vanished = _upsert(IscoGroup, release.isco_groups, ISCO_FIELDS)
        wanted = {
            isco_pks[uri]: isco_pks.get(release.isco_parents.get(uri))
            for uri in release.isco_groups
        }
        _sync_self_parent(IscoGroup, "parent", wanted, changes)
        _remove(IscoGroup, vanished, changes, kept, "ISCO group")
        report["ISCO groups"] = changes.as_dict()

        step("writing skill groups")
        top_groups, levels = _top_groups(release)
        extra = {uri: {"level": levels.get(uri, 0)} for uri in release.skill_groups}
        group_pks, changes, vanished = _upsert(
            SkillGroup, release.skill_groups, GROUP_FIELDS, extra
        )
        wanted = {
            group_pks[uri]: group_pks.get(release.skill_group_parents.get(uri))
            for uri in release.skill_groups
        }
        _sync_self_parent(SkillGroup, "parent", wanted, changes)
        _remove(SkillGroup, vanished, changes, kept, "skill group")
        report["skill groups"] = changes.as_dict()

        step("writing occupations")
        isco_by_code = {
            release.isco_groups[uri]["code"]: pk
            for uri, pk in isco_pks.items()
            if uri in release.isco_groups
        }
        extra = {
            uri: {"retired": False, "isco_group_id": isco_by_code.get(values["isco_code"])}
            for uri, values in release.occupations.items()
        }
        occupation_pks, changes, vanished = _upsert(
            Occupation, release.occupations, OCCUPATION_FIELDS, extra
        )
        wanted = {
            occupation_pks[uri]: occupation_pks.get(release.occupation_broader.get(uri))
            for uri in release.occupations
        }
        _sync_self_parent(Occupation, "broader", wanted, changes)
        _remove(Occupation, vanished, changes, kept, "occupation")
        report["occupations"] = changes.as_dict()

        step("writing skills")
        extra = {
            uri: {"retired": False, "top_group_id": group_pks.get(top_groups.get(uri))}
            for uri in release.skills
        }
        skill_pks, changes, vanished = _upsert(Skill, release.skills, SKILL_FIELDS, extra)
        _remove(Skill, vanished, changes, kept, "skill")
        report["skills"] = changes.as_dict()

        step("writing skill hierarchy")
        report["skill hierarchy"] = _sync_links(
            Skill.groups.through,
            "skill_id",
            "skillgroup_id",
            {(skill_pks[s], group_pks[g]): None for s, g in release.skill_in_groups},
        ).as_dict()
        broader = _sync_links(
            Skill.broader.through,
            "from_skill_id",
            "to_skill_id",
            {(skill_pks[s], skill_pks[b]): None for s, b in release.skill_broader},
        )
        report["skill hierarchy"] = {
            key: value + broader.as_dict()[key] for key, value in report["skill hierarchy"].items()
        }

        step("writing occupation-skill relations")
        report["occupation-skill relations"] = _sync_links(
            OccupationSkill,
            "occupation_id",
            "skill_id",
            {
                (occupation_pks[o], skill_pks[s]): kind
                for (o, s), kind in release.occupation_skills.items()
            },
            kind_field="relation_type",
        ).as_dict()
        step("writing skill-skill relations")
        report["skill-skill relations"] = _sync_links(
            SkillRelation,
            "skill_id",
            "related_id",
            {
                (skill_pks[s], skill_pks[r]): kind
                for (s, r), kind in release.skill_relations.items()
            },
            kind_field="relation_type",
        ).as_dict()
        # Retired concepts keep no links: the sync above only keeps the release's relations.
    return report, kept


def rebuild_search_index() -> bool:
    """Ask the search module to rebuild its index; never fail the import over it."""
    try:
        from taxonomy import search
    except ImportError:
        return False
    rebuild = getattr(search, "rebuild_index", None)
    if rebuild is None:
        return False
    try:
        rebuild()
    except Exception:
        logger.exception("The search index could not be rebuilt after the ESCO import.")
        return False
    return True


PHASES = len(FILES) + 7


def import_esco(
    directory: str | Path, stream: TextIO | None = None, show_progress: bool = True
) -> tuple[TaxonomyImport, Release]:
    """Read, validate and write the release in `directory`; return the TaxonomyImport and the
    release it wrote."""
    started = time.monotonic()
    progress = Progress(PHASES, stream=stream, enabled=show_progress)
    release = read_release(directory, progress)
    report, kept = apply_release(release, progress)
    record = TaxonomyImport.objects.create(
        source=str(directory),
        elapsed_seconds=round(time.monotonic() - started, 2),
        changes=report,
        kept=kept,
        warnings=release.warnings,
    )
    progress.advance("search index")
    index_started = time.monotonic()
    record.search_index_rebuilt = rebuild_search_index()
    record.search_index_seconds = round(time.monotonic() - index_started, 2)
    from taxonomy import transferable

    transferable.invalidate()
    progress.advance("done", amount=PHASES)
    return record, release
