"""Words of a text with their place in it, and the phrase matcher the checks use.

`tokenise(text)` gives each word as written, folded, and its character offsets in `text`, so
a caller can quote the person's own words. Words are runs of letters and digits; an inner
hyphen or apostrophe keeps a word whole ("aide-soignant", "don't", "aujourd'hui"), except
French elisions, which are split off ("l'infirmière" → "l'" + "infirmière").
"""

import functools
import re
from dataclasses import dataclass

from core.language.folding import fold
from core.language.stemming import stem
from core.language.words import ELISIONS, TIME_WORDS, WANT_VERBS, function_words

__all__ = ["Token", "content_stems", "content_words", "find_phrases", "tokenise"]

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTERS = rf"(?:[^\W_][{_MARKS}]*)+"
_WORD = re.compile(rf"{_LETTERS}(?:[-'’ʼ]{_LETTERS})*")
_APOSTROPHES = "'’ʼ"


@dataclass(frozen=True)
class Token:
    text: str  # as written
    folded: str
    start: int
    end: int


def tokenise(text: str) -> list[Token]:
    """The words of `text` as `Token`s, in order; never raises."""
    text = "" if text is None else str(text)
    tokens = []
    for match in _WORD.finditer(text):
        word, start = match.group(0), match.start()
        while True:
            cut = next((i for i, char in enumerate(word) if char in _APOSTROPHES), -1)
            if cut <= 0 or fold(word[:cut]) not in ELISIONS:
                break
            tokens.append(Token(word[: cut + 1], fold(word[:cut]) + "'", start, start + cut + 1))
            word, start = word[cut + 1 :], start + cut + 1
        if word:
            tokens.append(Token(word, fold(word), start, start + len(word)))
    return tokens


def content_words(text: str, lang: str | None = None) -> list[str]:
    """The folded words of `text` that carry content: no function words, time words, verbs
    of wanting, elisions or single letters."""
    stop = function_words(lang)
    return [
        token.folded
        for token in tokenise(text)
        if len(token.folded) >= 2
        and not token.folded.endswith("'")
        and token.folded not in stop
        and token.folded not in TIME_WORDS
        and token.folded not in WANT_VERBS
    ]


def content_stems(text: str, lang: str | None = None) -> list[str]:
    """`content_words` stemmed with the strong stemmer: "Infirmière" and "infirmiers" both
    give "infirmier", so two free texts can be compared word for word."""
    return [stem(word, strong=True) for word in content_words(text, lang)]


@functools.cache
def _phrase_pattern(phrases):
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])")


def find_phrases(folded: str, phrases: tuple[str, ...]) -> list[str]:
    """The entries of the tuple `phrases` found as whole words in `folded`, each once, in the
    order they appear; where entries overlap the longest wins ("project manager", not
    "manager"). One compiled pattern per tuple, so a long text stays fast."""
    if not phrases:
        return []
    return list(dict.fromkeys(m.group(0) for m in _phrase_pattern(tuple(phrases)).finditer(folded)))
