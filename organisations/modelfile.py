"""Competency model files: read (CSV or JSON) and check them, write them.

A file becomes a `Document` (plain data, the same whichever format it came in) after every
problem is found and reported with the line it is on; `read` raises `ImportProblems` listing
them all (up to 50), so nothing is written until the whole file is valid. `to_json` and
`to_csv` write a document back. What a document does to the database is in
organisations.framework. The formats are described in docs/apps/organisations.md.
"""

import bisect
import csv
import io
import json
import json.decoder
import json.scanner
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

FORMAT = "parcours.competency-model"
VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
MAX_LEVELS = 10
MAX_ITEMS = 500  # competencies, roles
MAX_INDICATORS = 20  # per competency and level
MAX_SKILLS = 50  # ESCO skills per competency
MAX_ERRORS = 50
NAME_LENGTH = 200
LEVEL_NAME_LENGTH = 100
TEXT_LENGTH = 4000
CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CSV_COLUMNS = [
    "record",
    "code",
    "level",
    "name_en",
    "name_fr",
    "description_en",
    "description_fr",
    "competency",
    "track_en",
    "track_fr",
    "esco_skills",
]
RECORDS = ("model", "level", "competency", "indicator", "role", "expectation")


class ImportProblems(Exception):
    """The file cannot be imported; `problems` lists each with its line (None: the whole file)."""

    def __init__(self, problems):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Problem:
    line: int | None
    text: str

    @property
    def message(self):
        if self.line is None:
            return self.text
        return _("Line %(line)s: %(problem)s") % {"line": self.line, "problem": self.text}


# The document --------------------------------------------------------------------------------


@dataclass
class Level:
    level: int
    name_en: str
    name_fr: str
    description_en: str = ""
    description_fr: str = ""


@dataclass
class IndicatorDoc:
    level: int
    text_en: str
    text_fr: str


@dataclass
class CompetencyDoc:
    code: str
    name_en: str
    name_fr: str
    description_en: str = ""
    description_fr: str = ""
    indicators: list = field(default_factory=list)  # IndicatorDoc
    esco_skills: list = field(default_factory=list)  # ESCO skill URIs


@dataclass
class RoleDoc:
    code: str
    name_en: str
    name_fr: str
    description_en: str = ""
    description_fr: str = ""
    track_en: str = ""
    track_fr: str = ""
    level: int = 1
    expectations: list = field(default_factory=list)  # (competency code, level)


@dataclass
class Document:
    code: str
    name_en: str
    name_fr: str
    description_en: str = ""
    description_fr: str = ""
    levels: list = field(default_factory=list)
    competencies: list = field(default_factory=list)
    roles: list = field(default_factory=list)


# Reading -------------------------------------------------------------------------------------


def read(content: bytes | str, file_format: str | None = None, filename: str = "") -> Document:
    """A valid Document from the bytes or text of a file, or ImportProblems.

    `file_format` is "json" or "csv"; without it, the file name's ending decides, then the
    content (a file starting with "{" is JSON).
    """
    text = _text(content)
    file_format = (file_format or _format_of(filename, text)).lower()
    if file_format == "json":
        reader = _JsonReader(text)
    elif file_format == "csv":
        reader = _CsvReader(text)
    else:
        raise ImportProblems([Problem(None, _("Choose the file's format: CSV or JSON."))])
    document = reader.read()
    _check_esco(document, reader)
    reader.raise_if_any()
    return document


def _format_of(filename, text):
    name = (filename or "").lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    return "json" if text.lstrip().startswith("{") else "csv"


def _text(content):
    if isinstance(content, str):
        text = content
        size = len(text.encode("utf-8", "surrogatepass"))
    else:
        size = len(content)
        if size <= MAX_BYTES:
            try:
                text = bytes(content).decode("utf-8")
            except UnicodeDecodeError as error:
                line = bytes(content)[: error.start].count(b"\n") + 1
                raise ImportProblems(
                    [Problem(line, _("this is not UTF-8 text; save the file as UTF-8."))]
                ) from None
    if size > MAX_BYTES:
        raise ImportProblems(
            [
                Problem(
                    None,
                    _("The file is too large (over %(mb)s MB).") % {"mb": MAX_BYTES // 1024**2},
                )
            ]
        )
    if not text.strip():
        raise ImportProblems([Problem(None, _("The file is empty."))])
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportProblems([Problem(line, _("the file contains a NUL character."))])
    if any(0xD800 <= ord(char) <= 0xDFFF for char in text):
        raise ImportProblems([Problem(None, _("The file contains invalid characters."))])
    return text.removeprefix("\ufeff")


class _Reader:
    """What both formats share: collecting problems with their lines, checking values."""

    def __init__(self):
        self.problems = []
        self.uris = []  # (ESCO skill URI, line), checked against the taxonomy at the end

    def problem(self, line, text):
        if len(self.problems) < MAX_ERRORS:
            self.problems.append(Problem(line, text))

    def raise_if_any(self):
        if self.problems:
            raise ImportProblems(self.problems)

    def text(self, line, value, what, required=False, length=TEXT_LENGTH):
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(line, _("%(what)s must be text.") % {"what": what})
            return ""
        value = value.strip()
        if any(0xD800 <= ord(char) <= 0xDFFF for char in value):
            self.problem(line, _("%(what)s contains invalid characters.") % {"what": what})
            return ""
        if required and not value:
            self.problem(line, _("%(what)s is required.") % {"what": what})
        elif len(value) > length:
            self.problem(
                line,
                _("%(what)s is too long (%(count)s characters, at most %(max)s).")
                % {"what": what, "count": len(value), "max": length},
            )
            value = value[:length]
        return value

    def code(self, line, value, what):
        value = self.text(line, value, what, required=True, length=60)
        if value and not CODE.match(value):
            self.problem(
                line,
                _(
                    "%(what)s “%(value)s” may hold only lower-case letters, digits and single "
                    "hyphens (e.g. data-analysis)."
                )
                % {"what": what, "value": value},
            )
        return value

    def number(self, line, value, what, low, high):
        if isinstance(value, bool):
            value = None
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or not low <= value <= high:
            self.problem(
                line,
                _("%(what)s must be a whole number from %(low)s to %(high)s.")
                % {"what": what, "low": low, "high": high},
            )
            return None
        return value

    def check(self, document, lines):
        """Rules across records: levels 1..N, unique codes, references, counts.

        `lines` maps ("competency", code), ("role", code), ("level", n) to the line they
        were defined on, and ("indicator"|"expectation", index...) to theirs.
        """
        numbers = [level.level for level in document.levels]
        if not numbers:
            self.problem(None, _("Define at least one proficiency level."))
        elif sorted(numbers) != list(range(1, len(numbers) + 1)):
            self.problem(
                None,
                _("Proficiency levels must be numbered 1, 2, 3… without gaps (found %(found)s).")
                % {"found": ", ".join(str(n) for n in sorted(numbers))},
            )
        known_levels = set(numbers)
        if len(document.competencies) > MAX_ITEMS or len(document.roles) > MAX_ITEMS:
            self.problem(None, _("At most %(max)s competencies and roles.") % {"max": MAX_ITEMS})
        codes = {c.code for c in document.competencies}
        for competency in document.competencies:
            per_level = {}
            for index, indicator in enumerate(competency.indicators):
                line = lines.get(("indicator", competency.code, index))
                if indicator.level not in known_levels:
                    self.problem(
                        line,
                        _("level %(level)s is not one of the model's proficiency levels.")
                        % {"level": indicator.level},
                    )
                per_level[indicator.level] = per_level.get(indicator.level, 0) + 1
                if per_level[indicator.level] > MAX_INDICATORS:
                    self.problem(
                        line,
                        _("at most %(max)s indicators per competency and level.")
                        % {"max": MAX_INDICATORS},
                    )
            if len(competency.esco_skills) > MAX_SKILLS:
                self.problem(
                    lines.get(("competency", competency.code)),
                    _("at most %(max)s ESCO skills per competency.") % {"max": MAX_SKILLS},
                )
        for role in document.roles:
            seen = set()
            for index, (code, level) in enumerate(role.expectations):
                line = lines.get(("expectation", role.code, index))
                if code not in codes:
                    self.problem(
                        line,
                        _("the competency “%(code)s” is not defined in this file.")
                        % {"code": code},
                    )
                if level is not None and level not in known_levels:
                    self.problem(
                        line,
                        _("level %(level)s is not one of the model's proficiency levels.")
                        % {"level": level},
                    )
                if code in seen:
                    self.problem(
                        line,
                        _("the role “%(role)s” already expects a level of “%(code)s”.")
                        % {"role": role.code, "code": code},
                    )
                seen.add(code)


class _LineDict(dict):
    """A JSON object that remembers the line it starts on."""

    line = None


def _lined_decoder(text):
    newlines = [i for i, char in enumerate(text) if char == "\n"]
    decoder = json.JSONDecoder()

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):
        start = s_and_end[1]
        value, end = json.decoder.JSONObject(
            s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo
        )
        lined = _LineDict(value)
        lined.line = bisect.bisect_left(newlines, start) + 1
        return lined, end

    decoder.parse_object = parse_object
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder


class _JsonReader(_Reader):
    def __init__(self, text):
        super().__init__()
        self.source = text

    def read(self):
        try:
            data = _lined_decoder(self.source).decode(self.source)
        except json.JSONDecodeError as error:
            raise ImportProblems(
                [
                    Problem(
                        error.lineno,
                        _("this is not valid JSON (%(error)s).") % {"error": error.msg},
                    )
                ]
            ) from None
        except RecursionError:
            raise ImportProblems([Problem(None, _("The JSON is nested too deeply."))]) from None
        if not isinstance(data, dict):
            raise ImportProblems([Problem(1, _("the file must hold one JSON object."))])
        line = data.line
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            self.problem(
                line,
                _("“format” must be “%(format)s” and “version” %(version)s.")
                % {"format": FORMAT, "version": VERSION},
            )
        name = self._pair(data, "name", line, required=True, length=NAME_LENGTH)
        description = self._pair(data, "description", line)
        document = Document(
            code=self.code(line, data.get("code"), "code"),
            name_en=name[0],
            name_fr=name[1],
            description_en=description[0],
            description_fr=description[1],
        )
        lines = {}
        for item, where in self._list(data, "levels", line):
            level = self.number(where, item.get("level"), "level", 1, MAX_LEVELS)
            name = self._pair(item, "name", where, required=True, length=LEVEL_NAME_LENGTH)
            description = self._pair(item, "description", where)
            if level is not None:
                if ("level", level) in lines:
                    self.problem(where, _("level %(level)s is defined twice.") % {"level": level})
                lines["level", level] = where
                document.levels.append(Level(level, *name, *description))
        for item, where in self._list(data, "competencies", line):
            code = self.code(where, item.get("code"), "code")
            if ("competency", code) in lines:
                self.problem(where, _("the code “%(code)s” is used twice.") % {"code": code})
            lines["competency", code] = where
            name = self._pair(item, "name", where, required=True, length=NAME_LENGTH)
            description = self._pair(item, "description", where)
            competency = CompetencyDoc(code, *name, *description)
            for index, (indicator, at) in enumerate(self._list(item, "indicators", where)):
                lines["indicator", code, index] = at
                competency.indicators.append(
                    IndicatorDoc(
                        self.number(at, indicator.get("level"), "level", 1, MAX_LEVELS),
                        *self._pair(indicator, "text", at, required=True),
                    )
                )
            skills = item.get("esco_skills", [])
            if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
                self.problem(where, _("“esco_skills” must be a list of ESCO skill URIs."))
                skills = []
            competency.esco_skills = _unique(s.strip() for s in skills if s.strip())
            self.uris.extend((uri, where) for uri in competency.esco_skills)
            document.competencies.append(competency)
        for item, where in self._list(data, "roles", line):
            code = self.code(where, item.get("code"), "code")
            if ("role", code) in lines:
                self.problem(where, _("the code “%(code)s” is used twice.") % {"code": code})
            lines["role", code] = where
            role = RoleDoc(
                code,
                *self._pair(item, "name", where, required=True, length=NAME_LENGTH),
                *self._pair(item, "description", where),
                *self._pair(item, "track", where, length=NAME_LENGTH),
                level=self.number(where, item.get("level", 1), "level", 1, 20) or 1,
            )
            for index, (expectation, at) in enumerate(self._list(item, "expectations", where)):
                lines["expectation", code, index] = at
                role.expectations.append(
                    (
                        self.text(at, expectation.get("competency"), "competency", True, 60),
                        self.number(at, expectation.get("level"), "level", 1, MAX_LEVELS),
                    )
                )
            document.roles.append(role)
        self.check(document, lines)
        return document

    def _pair(self, item, key, line, required=False, length=TEXT_LENGTH):
        value = item.get(key) or {}
        if not isinstance(value, dict):
            self.problem(line, _("“%(key)s” must be an object with “en” and “fr”.") % {"key": key})
            value = {}
        return (
            self.text(line, value.get("en"), f"{key}.en", required, length),
            self.text(line, value.get("fr"), f"{key}.fr", required, length),
        )

    def _list(self, item, key, line):
        values = item.get(key, [])
        if not isinstance(values, list):
            self.problem(line, _("“%(key)s” must be a list.") % {"key": key})
            return []
        out = []
        for value in values[: MAX_ITEMS + 1]:
            if not isinstance(value, dict):
                self.problem(line, _("each entry of “%(key)s” must be an object.") % {"key": key})
                continue
            out.append((value, value.line))
        if len(values) > MAX_ITEMS:
            self.problem(line, _("“%(key)s” has too many entries.") % {"key": key})
        return out


class _CsvReader(_Reader):
    def __init__(self, text):
        super().__init__()
        self.source = text

    def rows(self):
        """(line where the record starts, row as a dict) of every record after the header."""
        stream = io.StringIO(self.source, newline="")
        reader = csv.reader(stream, strict=True)
        reader_limit = csv.field_size_limit()
        csv.field_size_limit(TEXT_LENGTH * 4)
        try:
            try:
                header = next(reader)
            except csv.Error as error:
                raise ImportProblems(
                    [Problem(1, _("this is not valid CSV (%(error)s).") % {"error": error})]
                ) from None
            header = [column.strip().lower() for column in header]
            missing = [column for column in ("record", "code", "level") if column not in header]
            unknown = [column for column in header if column not in CSV_COLUMNS]
            if missing or unknown:
                raise ImportProblems(
                    [
                        Problem(
                            1,
                            _("the header must name the columns %(columns)s.")
                            % {"columns": ", ".join(CSV_COLUMNS)},
                        )
                    ]
                )
            start = reader.line_num + 1
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    raise ImportProblems(
                        [Problem(start, _("this is not valid CSV (%(error)s).") % {"error": error})]
                    ) from None
                line, start = start, reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) > len(header):
                    self.problem(
                        line,
                        _("expected %(expected)s fields, found %(found)s.")
                        % {"expected": len(header), "found": len(row)},
                    )
                    continue
                yield line, dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
        finally:
            csv.field_size_limit(reader_limit)

    def read(self):
        document = None
        lines = {}
        competencies, roles = {}, {}
        for line, row in self.rows():
            kind = row["record"].strip().lower()
            if kind not in RECORDS:
                self.problem(
                    line,
                    _("unknown record “%(record)s”: use %(records)s.")
                    % {"record": row["record"].strip(), "records": ", ".join(RECORDS)},
                )
                continue
            if kind == "model":
                if document is not None:
                    self.problem(line, _("the file has more than one model row."))
                    continue
                document = Document(
                    code=self.code(line, row["code"], "code"),
                    name_en=self.text(line, row.get("name_en"), "name_en", True, NAME_LENGTH),
                    name_fr=self.text(line, row.get("name_fr"), "name_fr", True, NAME_LENGTH),
                    description_en=self.text(line, row.get("description_en"), "description_en"),
                    description_fr=self.text(line, row.get("description_fr"), "description_fr"),
                )
                continue
            if document is None:
                self.problem(line, _("the first record must be the model row."))
                document = Document(code="", name_en="", name_fr="")
            if kind == "level":
                level = self.number(line, row["level"], "level", 1, MAX_LEVELS)
                if level is not None:
                    if ("level", level) in lines:
                        self.problem(
                            line, _("level %(level)s is defined twice.") % {"level": level}
                        )
                    lines["level", level] = line
                    document.levels.append(
                        Level(
                            level,
                            *self._names(line, row, LEVEL_NAME_LENGTH),
                            *self._descriptions(line, row),
                        )
                    )
            elif kind == "competency":
                code = self.code(line, row["code"], "code")
                if code in competencies:
                    self.problem(line, _("the code “%(code)s” is used twice.") % {"code": code})
                lines["competency", code] = line
                competency = CompetencyDoc(
                    code, *self._names(line, row), *self._descriptions(line, row)
                )
                competency.esco_skills = _unique(row.get("esco_skills", "").split())
                self.uris.extend((uri, line) for uri in competency.esco_skills)
                competencies[code] = competency
                document.competencies.append(competency)
            elif kind == "indicator":
                code = self.text(line, row.get("competency"), "competency", True, 60)
                competency = competencies.get(code)
                if competency is None:
                    if code:
                        self.problem(
                            line,
                            _("the competency “%(code)s” must be defined on a line above.")
                            % {"code": code},
                        )
                    continue
                lines["indicator", code, len(competency.indicators)] = line
                competency.indicators.append(
                    IndicatorDoc(
                        self.number(line, row["level"], "level", 1, MAX_LEVELS),
                        self.text(line, row.get("description_en"), "description_en", True),
                        self.text(line, row.get("description_fr"), "description_fr", True),
                    )
                )
            elif kind == "role":
                code = self.code(line, row["code"], "code")
                if code in roles:
                    self.problem(line, _("the code “%(code)s” is used twice.") % {"code": code})
                lines["role", code] = line
                role = RoleDoc(
                    code,
                    *self._names(line, row),
                    *self._descriptions(line, row),
                    self.text(line, row.get("track_en"), "track_en", False, NAME_LENGTH),
                    self.text(line, row.get("track_fr"), "track_fr", False, NAME_LENGTH),
                    level=self.number(line, row["level"] or "1", "level", 1, 20) or 1,
                )
                roles[code] = role
                document.roles.append(role)
            elif kind == "expectation":
                code = row["code"].strip()
                role = roles.get(code)
                if role is None:
                    self.problem(
                        line,
                        _("the role “%(code)s” must be defined on a line above.") % {"code": code},
                    )
                    continue
                lines["expectation", code, len(role.expectations)] = line
                role.expectations.append(
                    (
                        self.text(line, row.get("competency"), "competency", True, 60),
                        self.number(line, row["level"], "level", 1, MAX_LEVELS),
                    )
                )
        if document is None:
            raise ImportProblems([Problem(None, _("The file has no model row."))])
        self.check(document, lines)
        return document

    def _names(self, line, row, length=NAME_LENGTH):
        return (
            self.text(line, row.get("name_en"), "name_en", True, length),
            self.text(line, row.get("name_fr"), "name_fr", True, length),
        )

    def _descriptions(self, line, row):
        return (
            self.text(line, row.get("description_en"), "description_en"),
            self.text(line, row.get("description_fr"), "description_fr"),
        )


def _unique(values):
    seen = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _check_esco(document, reader):
    """Every ESCO skill URI must name a skill of the imported ESCO taxonomy (one query)."""
    from taxonomy.models import Skill

    uris = {uri for uri, _line in reader.uris}
    if not uris:
        return
    known = set(Skill.objects.filter(uri__in=uris).values_list("uri", flat=True))
    for uri, line in reader.uris:
        if uri not in known:
            reader.problem(
                line,
                _("“%(uri)s” is not an ESCO skill known here (check the URI, or import ESCO).")
                % {"uri": uri[:120]},
            )


# Writing files -------------------------------------------------------------------------------


def _pair(en, fr):
    return {"en": en, "fr": fr}


def to_data(document: Document) -> dict:
    """The JSON structure of a document (the exchange format, version 1)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "code": document.code,
        "name": _pair(document.name_en, document.name_fr),
        "description": _pair(document.description_en, document.description_fr),
        "levels": [
            {
                "level": level.level,
                "name": _pair(level.name_en, level.name_fr),
                "description": _pair(level.description_en, level.description_fr),
            }
            for level in document.levels
        ],
        "competencies": [
            {
                "code": c.code,
                "name": _pair(c.name_en, c.name_fr),
                "description": _pair(c.description_en, c.description_fr),
                "indicators": [
                    {"level": i.level, "text": _pair(i.text_en, i.text_fr)} for i in c.indicators
                ],
                "esco_skills": list(c.esco_skills),
            }
            for c in document.competencies
        ],
        "roles": [
            {
                "code": r.code,
                "name": _pair(r.name_en, r.name_fr),
                "description": _pair(r.description_en, r.description_fr),
                "track": _pair(r.track_en, r.track_fr),
                "level": r.level,
                "expectations": [
                    {"competency": code, "level": level} for code, level in r.expectations
                ],
            }
            for r in document.roles
        ],
    }


def to_json(document: Document) -> str:
    return json.dumps(to_data(document), ensure_ascii=False, indent=2) + "\n"


def to_csv(document: Document) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)

    def row(**values):
        writer.writerow([values.get(column, "") for column in CSV_COLUMNS])

    row(
        record="model",
        code=document.code,
        name_en=document.name_en,
        name_fr=document.name_fr,
        description_en=document.description_en,
        description_fr=document.description_fr,
    )
    for level in document.levels:
        row(
            record="level",
            level=level.level,
            name_en=level.name_en,
            name_fr=level.name_fr,
            description_en=level.description_en,
            description_fr=level.description_fr,
        )
    for c in document.competencies:
        row(
            record="competency",
            code=c.code,
            name_en=c.name_en,
            name_fr=c.name_fr,
            description_en=c.description_en,
            description_fr=c.description_fr,
            esco_skills=" ".join(c.esco_skills),
        )
        for i in c.indicators:
            row(
                record="indicator",
                level=i.level,
                competency=c.code,
                description_en=i.text_en,
                description_fr=i.text_fr,
            )
    for r in document.roles:
        row(
            record="role",
            code=r.code,
            level=r.level,
            name_en=r.name_en,
            name_fr=r.name_fr,
            description_en=r.description_en,
            description_fr=r.description_fr,
            track_en=r.track_en,
            track_fr=r.track_fr,
        )
        for code, level in r.expectations:
            row(record="expectation", code=r.code, competency=code, level=level)
    return out.getvalue()


def write(document: Document, file_format: str) -> str:
    return to_json(document) if file_format == "json" else to_csv(document)
