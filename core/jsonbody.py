"""Reading a JSON request body: the one reader every API route uses.

`json.loads` accepts JSON that Parcours cannot take, and each kind made a 500 before:

- nesting deeper than any body of the API (`[[[[...]]]]`): a RecursionError in the parser, or
  in whatever walks the value later;
- text no database column stores: a lone surrogate (`"\\ud800"` is valid JSON, but not valid
  UTF-8, so SQLite cannot encode it and PostgreSQL refuses it) or a NUL character.

`loads` refuses them with an exception that says what is wrong and where. Its cost is linear in
the size of the body: the parser, then one walk over the value with an explicit stack (no
recursion), which stops at the first problem. The size of the body itself is bounded before it is
read (core.middleware.RequestSizeLimitMiddleware).
"""

import json

from django.utils.translation import gettext as _

# No body of the API nests more than a few levels; this leaves room and stays far below
# Python's recursion limit.
MAX_DEPTH = 32


class BodyRefused(ValueError):
    """A body the API does not take; `str()` is a sentence for the person, translated."""


class NotJson(BodyRefused):
    """Not JSON at all (or not UTF-8)."""


class TooDeep(BodyRefused):
    """Lists or objects nested deeper than MAX_DEPTH."""


class InvalidText(BodyRefused):
    """A string (or an object's key) holding a lone surrogate or a NUL character.

    `loc` says where, like a pydantic error: ("body", "name") or ("body", "skills", 2).
    """

    def __init__(self, loc, message):
        super().__init__(message)
        self.loc = loc


def is_storable(text: str) -> bool:
    """True when `text` can be stored in every database Parcours supports."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True


def printable(key: str) -> str:
    """`key` with what cannot be encoded replaced, so that an error message can name it."""
    return key.encode("utf-8", "replace").decode("utf-8").replace("\x00", "?")


def invalid_text_message() -> str:
    return _(
        "Contains a character that is not valid text (a lone surrogate such as \\ud800, or a "
        "NUL character): send plain Unicode text."
    )


def check(value: object, root: tuple = ("body",)) -> None:
    """Raise TooDeep or InvalidText if `value` (parsed JSON) nests too deeply or holds bad text."""
    stack = [(value, root, 0)]
    while stack:
        item, loc, depth = stack.pop()
        if isinstance(item, str):
            if not is_storable(item):
                raise InvalidText(list(loc), invalid_text_message())
        elif isinstance(item, dict | list):
            if depth >= MAX_DEPTH:
                raise TooDeep(
                    _("The request body is nested too deeply (more than %(depth)d levels).")
                    % {"depth": MAX_DEPTH}
                )
            if isinstance(item, dict):
                for key, child in item.items():
                    if not is_storable(key):
                        raise InvalidText([*loc, printable(key)], invalid_text_message())
                    stack.append((child, (*loc, key), depth + 1))
            else:
                stack.extend((child, (*loc, index), depth + 1) for index, child in enumerate(item))


def loads(raw: bytes | str) -> object:
    """The value of a JSON body (bytes or text); raises NotJson, TooDeep or InvalidText."""
    try:
        value = json.loads(raw)
    except RecursionError:
        raise TooDeep(
            _("The request body is nested too deeply (more than %(depth)d levels).")
            % {"depth": MAX_DEPTH}
        ) from None
    except ValueError:  # UnicodeDecodeError and integers over 4,300 digits included
        raise NotJson(_("The request body is not valid JSON.")) from None
    check(value)
    return value
