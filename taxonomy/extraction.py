"""Find the ESCO skills a CV paragraph or a job posting mentions, in English or French.

Two passes over the text, both built on the skills search index (taxonomy.search):

1. exact phrases: every run of 1 to 6 words is folded and stemmed like the index labels and
   looked up among all skill labels (preferred and alternative, both languages); the longest
   non-overlapping phrases win. "Gestion de projet", "project management", "Python" are found
   where they are written, whatever the accents, case, plural or gender.
2. clauses: each clause (between punctuation, "and"/"et") that pass 1 did not cover is searched
   as a whole (lexical + sentence-encoder search); its best skill is kept when it scores high.

Each result carries the text span that matched and a confidence (0..1) the person can judge;
they confirm which skills to keep.
"""

import re
from dataclasses import dataclass

from core.language import fold_words
from taxonomy import search, text

MAX_TEXT_LENGTH = 20_000
MAX_PHRASE_WORDS = 6
# A clause-level search result is kept only above this score (tuned on the labelled set).
CLAUSE_THRESHOLD = 0.62
# One-word labels shorter than this must be written in capitals or with symbols ("SQL", "C#").
MIN_SINGLE_WORD_LENGTH = 4

_WORD = re.compile(r"[\w+#][\w+#'’.-]*[\w+#]|[\w+#]", re.UNICODE)
_CLAUSE = re.compile(r"[.;:!?\n•·\-–—,()]+|\s(?:and|et|or|ou|with|avec)\s", re.IGNORECASE)


@dataclass(frozen=True)
class FoundSkill:
    uri: str
    concept_id: int
    label: str  # in the requested language, English fallback
    matched_label: str  # the ESCO label that matched
    span: str  # the words of the text that matched
    start: int  # character offsets of the span in the text
    end: int
    confidence: float


def _phrase_key(words):
    return " ".join(text.tokens(fold_words(" ".join(words))))


def _phrase_table(index):
    """Folded, stemmed label → (concept position, label, weight), built once per index."""
    table = getattr(index, "phrase_table", None)
    if table is not None:
        return table
    table = {}
    for label, position, weight in zip(
        index.label_texts, index.label_concept, index.label_weight, strict=True
    ):
        for key in _label_keys(label):
            _add(table, key, int(position), label, float(weight))
    index.phrase_table = table
    return table


def _label_keys(label):
    """The phrase keys of a label: itself, and its head for "Python (computer programming)"."""
    cleaned = text.clean_label(label)
    keys = [_phrase_key([cleaned])]
    head = re.sub(r"\s*\([^)]*\)\s*$", "", cleaned)
    if head != cleaned:
        keys.append(_phrase_key([head]))
    return [key for key in keys if key and len(key.split()) <= MAX_PHRASE_WORDS]


def _add(table, key, position, label, weight):
    # One word alone is ambiguous ("report", "warehouse"): only a preferred label counts.
    if " " not in key and weight < 1:
        return
    if key not in table or table[key][2] < weight:
        table[key] = (position, label, weight)


def _found(index, position, matched, span, start, end, confidence, lang):
    labels = index.labels_fr if lang == "fr" else index.labels_en
    return FoundSkill(
        uri=index.uris[position],
        concept_id=index.ids[position],
        label=labels[position],
        matched_label=matched,
        span=span,
        start=start,
        end=end,
        confidence=round(confidence, 3),
    )


def extract_skills(source, lang="en"):
    """ESCO skills mentioned in `source`, one per skill, in the order they appear."""
    source = (source or "")[:MAX_TEXT_LENGTH]
    lang = "fr" if lang == "fr" else "en"
    if not source.strip():
        return []
    index = search._index(search.SKILLS)
    if not index.ids:
        return []
    table = _phrase_table(index)
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(source)]
    covered = [False] * len(words)
    results = {}

    # Pass 1: longest exact phrases first.
    for size in range(MAX_PHRASE_WORDS, 0, -1):
        for first in range(len(words) - size + 1):
            window = range(first, first + size)
            if any(covered[i] for i in window):
                continue
            edges = (fold_words(words[first][0]), fold_words(words[first + size - 1][0]))
            if size > 1 and (edges[0] in text.STOPWORDS or edges[1] in text.STOPWORDS):
                continue  # "chef de" is not a phrase; "chef de partie" may be
            key = _phrase_key([words[i][0] for i in window])
            hit = table.get(key)
            if hit is None or not key:
                continue
            written = words[first][0]
            if size == 1 and (
                fold_words(written) in text.STOPWORDS
                # Short one-word labels ("SQL", "PHP", "C++") only where written as such.
                or (len(key) < MIN_SINGLE_WORD_LENGTH and written.islower())
            ):
                continue
            position, matched, weight = hit
            start, end = words[first][1], words[first + size - 1][2]
            for i in window:
                covered[i] = True
            if position not in results:
                confidence = min(1.0, 0.8 + 0.04 * size) * weight
                results[position] = _found(
                    index, position, matched, source[start:end], start, end, confidence, lang
                )

    # Pass 2: clauses with no exact phrase, searched as a whole.
    clauses, offset = [], 0
    for piece in _CLAUSE.split(source):
        start = source.find(piece, offset) if piece else offset
        offset = start + len(piece)
        clause = piece.strip()
        content = [word for word in fold_words(clause).split() if word not in text.STOPWORDS]
        if len(content) < 2 or len(clause.split()) > 12:
            continue
        start = source.find(clause, start)
        end = start + len(clause)
        if any(covered[i] for i, (_w, ws, we) in enumerate(words) if ws >= start and we <= end):
            continue
        clauses.append((clause, start, end))
    if clauses:
        found = index.search([(clause, lang) for clause, _s, _e in clauses], 1)
        for (clause, start, end), best in zip(clauses, found, strict=True):
            if not best:
                continue
            position, matched, score = best[0]
            if score >= CLAUSE_THRESHOLD and position not in results:
                results[position] = _found(
                    index, position, matched, clause, start, end, score, lang
                )
    return sorted(results.values(), key=lambda found: (found.start, -found.confidence))
