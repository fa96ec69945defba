"""A vCard reader (RFC 6350 for version 4.0, RFC 2426 for 3.0, and 2.1's quoted-printable).

It reads what a contact import needs: FN, N, ORG, TITLE, EMAIL, TEL, NOTE and CATEGORIES, with
line folding, property groups ("item1.EMAIL"), parameters (quoted or not) and escaped characters.
Anything it cannot read raises VCardError, a ValueError whose message says what to fix.
"""

import quopri
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024
MAX_CARDS = 5000
SUPPORTED_VERSIONS = {"2.1", "3.0", "4.0"}

_NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$")


class VCardError(ValueError):
    """The file is not a vCard file Parcours can read; the message says why, for a person."""


@dataclass
class Card:
    name: str
    organisation: str = ""
    role: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    note: str = ""
    categories: list[str] = field(default_factory=list)

    @property
    def email(self):
        return self.emails[0] if self.emails else ""

    @property
    def phone(self):
        return self.phones[0] if self.phones else ""

    def as_dict(self):
        return {
            "name": self.name,
            "organisation": self.organisation,
            "role": self.role,
            "emails": list(self.emails),
            "phones": list(self.phones),
            "note": self.note,
            "categories": list(self.categories),
        }


def decode(data):
    """Text from bytes: UTF-8 (with or without a byte-order mark), else Latin-1."""
    if isinstance(data, str):
        return data
    if len(data) > MAX_BYTES:
        raise VCardError(_("The file is too large: import at most 2 MB of contacts at a time."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# A property's name and parameters come before the first colon; no real one is this long. Past
# it, a line is taken as having no quoted-printable encoding (and is refused if it has no colon).
MAX_HEAD = 1000


def _logical_lines(text):
    """(number of the first physical line, logical line) of `text`, in one pass.

    A line starting with a space or a tab continues the previous one (folding), and a
    quoted-printable value ending with "=" continues on the next line (vCard 2.1's soft line
    break, decoded with the value). Each character is looked at a bounded number of times: the
    pieces of a logical line are joined once, and whether it is quoted-printable is decided once,
    from its head (what comes before the first colon outside quotes), read as the pieces arrive.
    """
    pieces, start = [], 0
    head = _Head()
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if pieces and raw[:1] in (" ", "\t"):
            pieces.append(raw[1:])
            head.read(raw[1:])
        elif pieces and head.quoted_printable and pieces[-1].endswith("="):
            pieces += ("\n", raw)  # a soft line break, decoded with the value
        else:
            if pieces:
                yield start, "".join(pieces)
            pieces, start = [raw], number
            head = _Head()
            head.read(raw)
    if pieces:
        yield start, "".join(pieces)


class _Head:
    """The head of a logical line (NAME;PARAMS before the first unquoted colon), read piece by
    piece: each character once, and never more than MAX_HEAD of them."""

    def __init__(self):
        self.text, self.size, self.in_quotes, self.done = [], 0, False, False

    def read(self, piece):
        if self.done:
            return
        for index, char in enumerate(piece[: MAX_HEAD - self.size]):
            if char == '"':
                self.in_quotes = not self.in_quotes
            elif char == ":" and not self.in_quotes:
                self.text.append(piece[:index])
                self.done = True
                return
        self.text.append(piece[: MAX_HEAD - self.size])
        self.size += min(len(piece), MAX_HEAD - self.size)
        self.done = self.size >= MAX_HEAD

    @property
    def quoted_printable(self):
        return self.done and "QUOTED-PRINTABLE" in "".join(self.text).upper()


def _split_head(line):
    """(head, value) of a content line, split at the first colon outside double quotes; the
    head is at most MAX_HEAD characters, else there is no head (None)."""
    in_quotes = False
    for index, char in enumerate(line[:MAX_HEAD]):
        if char == '"':
            in_quotes = not in_quotes
        elif char == ":" and not in_quotes:
            return line[:index], line[index + 1 :]
    return None


def _split_unquoted(text, separator):
    """Split on `separator` outside double quotes (used on heads, which are short)."""
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
            current.append(char)
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _split_escaped(value, separator):
    """Split a value on `separator` where it is not escaped by a backslash, then unescape."""
    parts, current, escaped = [], [], False
    for char in value:
        if escaped:
            current.append("\n" if char in "nN" else char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


def _unescape(value):
    return _split_escaped(value, "\x00")[0]


def _parse_line(line, number):
    """(NAME, {PARAM: [values]}, raw value) of a content line."""
    head_and_value = _split_head(line)
    if head_and_value is None:
        raise VCardError(
            _("Line %(number)d is not a vCard property (NAME:value): “%(line)s”.")
            % {"number": number, "line": line[:60]}
        )
    head, value = head_and_value
    pieces = _split_unquoted(head, ";")
    match = _NAME.match(pieces[0].strip())
    if not match:
        raise VCardError(
            _("Line %(number)d has an invalid property name: “%(name)s”.")
            % {"number": number, "name": pieces[0][:40]}
        )
    params = {}
    for piece in pieces[1:]:
        if not piece:
            continue
        key, _sep, raw = piece.partition("=")
        if not _sep:
            # vCard 2.1 bare parameters: "TEL;WORK;VOICE:..." or "NOTE;QUOTED-PRINTABLE:..."
            bare_encoding = piece.upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT")
            key, raw = ("ENCODING", piece) if bare_encoding else ("TYPE", piece)
        values = [v.strip('"') for v in _split_unquoted(raw, ",")]
        params.setdefault(key.strip().upper(), []).extend(values)
    return match.group(1).upper(), params, value


def _decode_value(params, value):
    encoding = [v.upper() for v in params.get("ENCODING", [])]
    if "QUOTED-PRINTABLE" in encoding:
        charset = (params.get("CHARSET") or ["utf-8"])[0]
        raw = quopri.decodestring(value.encode("latin-1", "replace"))
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            return raw.decode("latin-1")
    return value


def _clean(text, limit):
    return " ".join(text.split())[:limit]


def _card_from(properties, index):
    values = {}
    for name, params, value in properties:
        values.setdefault(name, []).append((params, value))

    def first(name):
        found = values.get(name)
        return found[0] if found else None

    version = first("VERSION")
    if version and version[1].strip() not in SUPPORTED_VERSIONS:
        raise VCardError(
            _("Contact %(index)d uses vCard version %(version)s; Parcours reads 3.0 and 4.0.")
            % {"index": index, "version": version[1].strip()[:10]}
        )

    name = ""
    if first("FN"):
        name = _unescape(first("FN")[1])
    if not name.strip() and first("N"):
        components = _split_escaped(first("N")[1], ";") + [""] * 5
        family, given, additional, prefix, suffix = components[:5]
        name = " ".join(p.replace(",", " ") for p in (prefix, given, additional, family, suffix))
    organisation = ""
    if first("ORG"):
        organisation = ", ".join(p for p in _split_escaped(first("ORG")[1], ";") if p.strip())
    emails = [_clean(_unescape(v), 254) for _p, v in values.get("EMAIL", [])]
    phones = [_clean(_unescape(v), 60) for _p, v in values.get("TEL", [])]
    emails = [e for e in emails if e]
    phones = [p.removeprefix("tel:") for p in phones if p]
    name = _clean(name, 200) or _clean(organisation, 200) or (emails[0] if emails else "")
    if not name:
        raise VCardError(
            _("Contact %(index)d has no name (FN), no organisation and no email.")
            % {"index": index}
        )
    categories = []
    for _p, value in values.get("CATEGORIES", []):
        categories += [_clean(c, 60) for c in _split_escaped(value, ",") if c.strip()]
    note = "\n".join(_unescape(v).strip() for _p, v in values.get("NOTE", []))
    return Card(
        name=name,
        organisation=_clean(organisation, 200),
        role=_clean(_unescape(first("TITLE")[1]), 200) if first("TITLE") else "",
        emails=emails,
        phones=phones,
        note=note.strip()[:5000],
        categories=categories,
    )


def parse(data):
    """The cards of a vCard file (bytes or text), in order. Raises VCardError."""
    text = decode(data)
    if len(text) > MAX_BYTES:
        raise VCardError(_("The file is too large: import at most 2 MB of contacts at a time."))
    cards = []
    properties = None
    for number, line in _logical_lines(text):
        if not line.strip():
            continue
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if properties is not None:
                raise VCardError(
                    _("Line %(number)d starts a contact before the previous one ended (END:VCARD).")
                    % {"number": number}
                )
            properties = []
            continue
        if upper == "END:VCARD":
            if properties is None:
                raise VCardError(
                    _("Line %(number)d ends a contact that never began (BEGIN:VCARD).")
                    % {"number": number}
                )
            if len(cards) >= MAX_CARDS:
                raise VCardError(_("The file holds more than 5000 contacts: split it."))
            cards.append(_card_from(properties, len(cards) + 1))
            properties = None
            continue
        if properties is None:
            continue  # text outside a card is ignored, as most readers do
        name, params, value = _parse_line(line, number)
        properties.append((name, params, _decode_value(params, value)))
    if properties is not None:
        raise VCardError(_("The last contact is not closed: the file must end with END:VCARD."))
    if not cards:
        raise VCardError(
            _("This file holds no contact: a vCard file has BEGIN:VCARD … END:VCARD blocks.")
        )
    return cards
