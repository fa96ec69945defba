"""Which language a text is written in, English or French, from the text itself.

Evidence, counted per word: function words that belong to one language only ("the", "my" /
"le", "mon"), French elisions ("l'", "d'", "qu'"), accented letters (é, è, à, ç…: French),
English contractions ("don't", "it's"), and a few endings that only one language uses
("-euse", "-ière", "-trice", "-ique", "-ir" / "-ing", "-ship", "-ness", "-ly"). Short texts
carry little evidence: `language_scores` says how sure the guess is, so a caller can search
both languages and mix the results by confidence.
"""

import re

from core.language.tokens import tokenise
from core.language.words import FUNCTION_WORDS

__all__ = ["LANGUAGES", "detect_language", "language_scores"]

LANGUAGES = ("en", "fr")

_FR_ONLY = FUNCTION_WORDS["fr"] - FUNCTION_WORDS["en"]
_EN_ONLY = FUNCTION_WORDS["en"] - FUNCTION_WORDS["fr"]
_ACCENTED = re.compile(r"[éèêëàâîïôûùüÿçœæÉÈÊËÀÂÎÏÔÛÙÜŸÇŒÆ]")
_FR_ENDINGS = (
    "euse", "euses", "iere", "ieres", "ienne", "iennes", "trice", "trices", "eaux", "eux",
    "ique", "iques", "aire", "aires", "oir", "ir",
)  # fmt: skip
_EN_ENDINGS = ("ing", "ship", "ships", "ness", "ity", "ful", "ly", "ous", "ed")


def language_scores(text: str) -> dict[str, float]:
    """{"en": p, "fr": 1 - p}: how likely each language is, from the evidence in `text`
    (0.5 each when there is none). Never raises."""
    english = french = 0.0
    for token in tokenise(text):
        word = token.folded
        if word.endswith("'"):
            french += 1.5  # l', d', qu'...
            continue
        if word in _FR_ONLY:
            french += 1
        elif word in _EN_ONLY:
            english += 1
        elif "'" in word and word.split("'")[-1] in ("t", "s", "re", "ve", "ll", "d", "m"):
            english += 1  # don't, it's, you're
        if _ACCENTED.search(token.text):
            french += 1
        elif len(word) > 5 and word.endswith(_FR_ENDINGS):
            french += 0.5
        elif len(word) > 5 and word.endswith(_EN_ENDINGS):
            english += 0.5
    total = english + french
    if not total:
        return {"en": 0.5, "fr": 0.5}
    french_share = (french + 0.25) / (total + 0.5)
    return {"en": 1 - french_share, "fr": french_share}


def detect_language(text: str, default: str = "en") -> str:
    """ "en" or "fr" from the words of `text`; `default` when the evidence is even."""
    scores = language_scores(text)
    if scores["fr"] > scores["en"]:
        return "fr"
    if scores["en"] > scores["fr"]:
        return "en"
    return default if default in LANGUAGES else "en"
