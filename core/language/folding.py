"""Case and accent folding, with a map back to the text as written.

Every judgement compares folded text: lower case (Unicode case folding), accents and other
combining marks removed (NFKD), ligatures spelt out (œ → oe, æ → ae, ß → ss, ﬁ → fi),
typographic apostrophes made plain (’ ‘ ʼ ´ → '), every kind of space (normal, non-breaking,
narrow no-break, thin) made one plain space.

- `fold(text)` keeps punctuation and digits: what rules with regular expressions read.
- `fold_words(text)` keeps only letters, digits, "+" and "#" (c++, c#), single spaces: what
  word matching (search, label lookup) reads.
- `fold_map(text)` gives the folded text and, for each folded character, the index of the
  character of `text` it came from, so a phrase found in folded text can be quoted as the person
  wrote it (`original_words`).
"""

import functools
import re
import unicodedata

__all__ = ["fold", "fold_map", "fold_words", "original_words", "span_of"]

_BEFORE = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "ẞ": "ss",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "`": "'",
        "′": "'",
    }
)
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^a-z0-9+#]+")


def _strip_marks(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


@functools.lru_cache(maxsize=65536)
def _fold_char(char):
    """One character folded; case folding can produce marks ("İ" → "i̇"): removed too."""
    text = _strip_marks(char.translate(_BEFORE)).casefold()
    return _strip_marks(text).translate(_BEFORE)


def _fold_raw(text):
    """Fold without touching spaces. Folding works character by character (NFKD decomposes
    each character alone; case folding ignores context), so the whole text is the join of its
    folded characters: the same result as `fold_map`, and fast with the per-character cache."""
    if text.isascii():
        return text.lower().translate(_BEFORE)
    return "".join(map(_fold_char, text))


def fold(text: object) -> str:
    """Lower case, no accents, plain apostrophes, single plain spaces; punctuation kept.

    Never raises: `None` and non-strings are read as their text ("" for None).
    """
    if text is None:
        return ""
    return _SPACES.sub(" ", _fold_raw(str(text))).strip()


def fold_words(text: object) -> str:
    """Only the letters and digits of `text`, folded, single spaces: "Œnologue — cœur" →
    "oenologue coeur". "+" and "#" stay, for c++ and c#."""
    if text is None:
        return ""
    return " ".join(_NON_WORD.sub(" ", _fold_raw(str(text))).split())


@functools.lru_cache(maxsize=64)
def fold_map(text: object) -> tuple[str, tuple[int, ...]]:
    """(folded text, origin): `origin[i]` is the index in `text` of folded character i.

    Whitespace runs become one space and leading/trailing spaces go, as in `fold`, so
    `fold_map(text)[0] == fold(text)` for any text.
    """
    text = "" if text is None else str(text)
    folded, origin = [], []
    pending_space = None
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            if piece.isspace():
                if folded and pending_space is None:
                    pending_space = index
                continue
            if pending_space is not None:
                folded.append(" ")
                origin.append(pending_space)
                pending_space = None
            folded.append(piece)
            origin.append(index)
    return "".join(folded), tuple(origin)


def span_of(text: str, folded_phrase: str, start: int = 0) -> tuple[int, int] | None:
    """(start, end) in `text` of the first occurrence of `folded_phrase` in folded `text`
    (at or after folded index `start`), or None."""
    if not folded_phrase:
        return None
    folded, origin = fold_map(text)
    at = folded.find(folded_phrase, start)
    if at < 0:
        return None
    return origin[at], origin[at + len(folded_phrase) - 1] + 1


def original_words(text: str, folded_phrase: str) -> str:
    """The stretch of `text` that `folded_phrase` (found in its folded form) came from, so that
    messages quote the person as they wrote ("M'améliorer", not "m'ameliorer"); the phrase
    itself when it is not in the text."""
    span = span_of(text, folded_phrase)
    if span is None:
        return folded_phrase
    return text[span[0] : span[1]]
