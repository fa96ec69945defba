"""One light stemmer for English and French words (already folded).

It merges French masculine/feminine and singular/plural forms ("infirmières", "infirmière",
"infirmier" → "infirmier"; "conductrice" → "conducteur"; "préposées" → "prepose") and English
plurals ("developers" → "developer", "companies" → "company"). It is applied to both sides of a
comparison (indexed labels and the query, a goal and a profile), so an imperfect merge
("carrière" → "carrier") never hurts: both sides get the same stem.

`stem(word)` is the light form that search indexes use. `stem(word, strong=True)` also drops a
final plural "x" and a final mute "e" on longer words, so that free texts meet across the two
languages and their spellings ("analyste" / "analyst", "programme" / "program"); the checks
(SMART, answer alignment) use it when comparing one free text with another.
"""

from functools import lru_cache

__all__ = ["FEMININE_ENDINGS", "stem"]

# Feminine and plural endings (folded) and the masculine singular ending they map to.
FEMININE_ENDINGS = (
    ("trices", "teur"),
    ("trice", "teur"),
    ("euses", "eur"),
    ("euse", "eur"),
    ("eresses", "eur"),
    ("eresse", "eur"),
    ("ieres", "ier"),
    ("iere", "ier"),
    ("eres", "er"),
    ("ere", "er"),
    ("iennes", "ien"),
    ("ienne", "ien"),
    ("ennes", "en"),
    ("enne", "en"),
    ("onnes", "on"),
    ("onne", "on"),
    ("elles", "el"),
    ("elle", "el"),
    ("ettes", "et"),
    ("ette", "et"),
    ("ives", "if"),
    ("ive", "if"),
    ("ees", "e"),
    ("ee", "e"),
    ("aux", "al"),
    ("antes", "ant"),
    ("ante", "ant"),
    ("entes", "ent"),
    ("ente", "ent"),
    ("ates", "at"),
    ("ate", "at"),
    ("ies", "y"),
)


@lru_cache(maxsize=200_000)
def _light(word):
    if len(word) <= 3 or word.isdigit():
        return word
    for ending, replacement in FEMININE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)] + replacement
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def _strong(word):
    light = _light(word)
    if light == word and len(word) > 4 and word.endswith("x"):
        light = word[:-1]
    if len(light) > 5 and light.endswith("e") and not light.endswith("ee"):
        light = light[:-1]
    return light


def stem(word: str, strong: bool = False) -> str:
    """The stem of one folded word (see the module's docstring for `strong`)."""
    return _strong(word) if strong else _light(word)
