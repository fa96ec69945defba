"""The language toolkit every judgement uses: English and French text, read one way.

Pure Python, no app imported (core is the floor). docs/apps/language.md describes each part,
its rules and its limits.

- folding: `fold`, `fold_words`, `fold_map`, `original_words`, `span_of`
- words: `tokenise` (words with their offsets), `content_words`, `content_stems`,
  `find_phrases`, `function_words`
- stemming: `stem` (light; `strong=True` for comparing two free texts)
- language: `detect_language`, `language_scores`
- gender forms: `gender_forms`, `strip_gender_markers`
- numbers: `find_numbers`, `parse_number`
- durations: `find_durations`, `parse_hours`
- dates: `find_deadline`, `find_term` (spans without a date: "long term", "à moyen terme"),
  `horizon_of`, `add_months`, `end_of_month`
- intentions: `find_intentions` (aim, avoid, leave, less, stop, with their scope and negation)
"""

from core.language.dates import (
    Deadline,
    add_months,
    end_of_month,
    find_deadline,
    find_term,
    horizon_of,
)
from core.language.detect import LANGUAGES, detect_language, language_scores
from core.language.durations import Duration, find_durations, parse_hours
from core.language.folding import fold, fold_map, fold_words, original_words, span_of
from core.language.gender import gender_forms, strip_gender_markers
from core.language.intentions import Intention, find_intentions
from core.language.numbers import Number, find_numbers, parse_number
from core.language.stemming import stem
from core.language.tokens import Token, content_stems, content_words, find_phrases, tokenise
from core.language.words import FUNCTION_WORDS, function_words

__all__ = [
    "FUNCTION_WORDS",
    "LANGUAGES",
    "Deadline",
    "Duration",
    "Intention",
    "Number",
    "Token",
    "add_months",
    "content_stems",
    "content_words",
    "detect_language",
    "end_of_month",
    "find_deadline",
    "find_durations",
    "find_intentions",
    "find_numbers",
    "find_phrases",
    "find_term",
    "fold",
    "fold_map",
    "fold_words",
    "function_words",
    "gender_forms",
    "horizon_of",
    "language_scores",
    "original_words",
    "parse_hours",
    "parse_number",
    "span_of",
    "stem",
    "strip_gender_markers",
    "tokenise",
]
