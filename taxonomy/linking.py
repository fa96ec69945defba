"""Link a sentence of a job ad or a CV to the ESCO skills it shows or asks for.

One rule behind `parcours skills match` (the sentence is the query), skill extraction
(taxonomy.extraction, sentence by sentence) and the skills detected in a job application's
posting. A sentence names its skills in a few words among many others ("Solid understanding of
Angular React or similar JS frameworks"), so the sentence encoder, which reads a long sentence as
one blurred meaning, reads its short phrases instead:

1. the sentence is cut into segments: every run of 3 and of 5 words that neither starts nor
   ends with a function word, each clause (between punctuation and coordinating words), and
   the whole sentence;
2. each skill gets three scores from the skills index (taxonomy.search.channels): the lexical
   score of the whole sentence against all its labels (stemmed words and character trigrams,
   preferred and alternative labels, both languages), the best meaning score of any segment
   against its preferred labels (English or French), and the index's own search score of the
   whole sentence;
3. they are mixed with fixed weights (LEXICAL, SEMANTIC, SEARCH below) into a 0..1 score.

Weights and segment sizes were chosen on the two public development sets together (TECH and
HOUSE validation, docs/apps/taxonomy-search.md gives the figures and what was tried and
dropped); the fresh cases of bench/data/linking_fresh.jsonl were never used to choose.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from core.language import fold_words
from taxonomy import search, text

# Weights of the three scores (chosen on TECH and HOUSE validation together).
LEXICAL = 1.2
SEMANTIC = 1.0
SEARCH = 0.3
# Window sizes (words) read by the sentence encoder, besides clauses and the whole sentence.
WINDOW_SIZES = (3, 5)
# Windows are taken over the first words of a sentence only: a "sentence" of thousands of
# words (a pasted page without punctuation) would cost thousands of encodings.
MAX_WINDOW_WORDS = 120
# Sentences scored together: bounds the (skills, segments) score arrays to ~60 MB.
SENTENCES_PER_BATCH = 16
MAX_SENTENCE_LENGTH = 2_000

WORD = re.compile(r"[\w+#][\w+#'’.-]*[\w+#]|[\w+#]", re.UNICODE)
# Clause boundaries: punctuation, and coordinating or listing words between two phrases.
_CLAUSE = re.compile(
    r"[.;:!?\n•·()\[\]/|,]+|\s[-–—]\s"
    r"|\s(?:and|or|with|as well as|including|such as|et|ou|avec|ainsi que|dont|notamment)\s",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    """A piece of a sentence the encoder reads, with its character offsets in the sentence."""

    text: str
    start: int
    end: int
    words: int


@dataclass(frozen=True)
class Link:
    """A skill linked to a sentence, with the segment that best carries its meaning."""

    position: int  # the skill's position in the index (search.Channels order)
    score: float  # 0..1, the mixed score
    lexical: float
    semantic: float  # the best segment's meaning score
    phrase: float  # the best segment's lexical score
    segment: Segment  # that segment


def segments(
    sentence: str, sizes: tuple[int, ...] = WINDOW_SIZES, names: frozenset[str] = frozenset()
) -> list[Segment]:
    """The windows, clauses and whole of a sentence, without repeats, in reading order; and
    each single word whose folded form is in `names`."""
    sentence = sentence[:MAX_SENTENCE_LENGTH]
    words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(sentence)]
    found = {}

    def add(start, end):
        piece = sentence[start:end].strip()
        if piece and piece not in found:
            offset = sentence.index(piece, start)
            found[piece] = Segment(piece, offset, offset + len(piece), len(WORD.findall(piece)))

    windowed = words[:MAX_WINDOW_WORDS]
    # Function words that may not start or end a window: the search index's list
    # (core.language's larger list was measured too: 0.01 lower on both development sets).
    edges = text.STOPWORDS
    for word, start, end in windowed:
        if names and fold_words(word) in names:
            add(start, end)
    for size in sizes:
        for first in range(max(1, len(windowed) - size + 1)):
            window = windowed[first : first + size]
            if not window:
                continue
            if fold_words(window[0][0]) in edges or fold_words(window[-1][0]) in edges:
                continue
            add(window[0][1], window[-1][2])
    offset = 0
    for piece in _CLAUSE.split(sentence):
        start = sentence.find(piece, offset) if piece else offset
        offset = start + len(piece)
        if WORD.search(piece):
            add(start, offset)
    if words:
        add(words[0][1], words[-1][2])
    return sorted(found.values(), key=lambda segment: (segment.start, -segment.end))


def score_sentences(
    pairs: list[tuple[str, str]],
    sizes: tuple[int, ...] = WINDOW_SIZES,
    names: frozenset[str] = frozenset(),
) -> Iterator[tuple]:
    """For each (sentence, lang): (skills' mixed scores, lexical, best segment semantic, index of
    the best segment per skill, the segments, the channels of the batch). Yields per sentence."""
    for batch_start in range(0, len(pairs), SENTENCES_PER_BATCH):
        batch = pairs[batch_start : batch_start + SENTENCES_PER_BATCH]
        pieces = [segments(sentence or "", sizes, names) for sentence, _lang in batch]
        queries = []
        for (sentence, lang), found in zip(batch, pieces, strict=True):
            queries.append(((sentence or "")[:MAX_SENTENCE_LENGTH], lang))  # the whole first
            queries.extend((segment.text, lang) for segment in found)
        scores = search.channels(search.SKILLS, queries)
        column = 0
        for found in pieces:
            whole = column
            first, last = whole + 1, whole + 1 + len(found)
            column = last
            lexical = scores.lexical[:, whole]
            if len(found):
                block = scores.semantic[:, first:last]
                best = np.argmax(block, axis=1)
                semantic = np.take_along_axis(block, best[:, None], axis=1)[:, 0]
                phrase = scores.lexical[:, first:last].max(axis=1)
            else:
                phrase = lexical
                best = np.zeros(len(lexical), dtype=np.int64)
                semantic = scores.semantic[:, whole]
            mixed = (LEXICAL * lexical + SEMANTIC * semantic + SEARCH * scores.fused[:, whole]) / (
                LEXICAL + SEMANTIC + SEARCH
            )
            yield Scored(scores, mixed, lexical, semantic, phrase, best, found, (first, last))


@dataclass
class Scored:
    """The scores of every skill for one sentence."""

    channels: search.Channels
    mixed: np.ndarray
    lexical: np.ndarray
    semantic: np.ndarray
    phrase: np.ndarray  # the best lexical score of a segment (comparable across sentences)
    best_segment: np.ndarray
    segments: list
    columns: tuple  # the segments' columns in channels.lexical / channels.semantic

    def top(self, limit):
        """The `limit` best links, best first."""
        limit = max(0, min(limit, len(self.mixed)))
        if not limit:
            return []
        best = np.argpartition(-self.mixed, limit - 1)[:limit]
        best = best[np.argsort(-self.mixed[best], kind="stable")]
        return [self.link(int(position)) for position in best]

    def link(self, position):
        segment = (
            self.segments[int(self.best_segment[position])]
            if self.segments
            else Segment("", 0, 0, 0)
        )
        return Link(
            position,
            float(self.mixed[position]),
            float(self.lexical[position]),
            float(self.semantic[position]),
            float(self.phrase[position]),
            segment,
        )


def link_sentences(pairs: list[tuple[str, str]], limit: int = 10) -> list[list[search.Match]]:
    """The skills each (sentence, lang) shows or asks for, best first: lists of search.Match."""
    limit = max(1, min(int(limit), search.MAX_LIMIT))
    cleaned = [((query or "").strip(), "fr" if lang == "fr" else "en") for query, lang in pairs]
    answerable = [i for i, (sentence, _lang) in enumerate(cleaned) if sentence]
    results = [[] for _ in pairs]
    scored = score_sentences([cleaned[i] for i in answerable])
    for i, sentence in zip(answerable, scored, strict=True):
        lang = cleaned[i][1]
        labels = sentence.channels.labels_fr if lang == "fr" else sentence.channels.labels_en
        results[i] = [
            search.Match(
                uri=sentence.channels.uris[link.position],
                concept_id=sentence.channels.ids[link.position],
                label=labels[link.position],
                matched_label=link.segment.text,
                score=round(min(1.0, max(0.0, link.score)), 4),
            )
            for link in sentence.top(limit)
            if link.score > search.MIN_SCORE
        ]
    return results
