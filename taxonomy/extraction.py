"""Find the ESCO skills a CV paragraph or a job posting mentions, in English or French.

The rule is skill linking's (taxonomy.linking), applied sentence by sentence:

1. the text is cut into sentences (and bullet lines); each sentence is linked to the skills it
   shows or asks for, and its CANDIDATES best skills are the candidates;
2. a candidate is kept only when one phrase of the sentence carries it: for each segment (the
   3- and 5-word windows, the clauses, the whole sentence) its phrase score mixes the lexical
   score of that phrase against all the skill's labels (PHRASE_LEXICAL) and the encoder's
   meaning score against its preferred labels; the best phrase must score at least THRESHOLD,
   and no other candidate may score higher on that same phrase (a phrase names one skill).

So a word that appears in a skill's label is not enough: "dental clinics" shares "dental" with
"dental anatomy", but no phrase of "Our group runs twelve dental clinics" means dental anatomy
to the encoder, and the sentence as a whole is not about it. The weights were chosen on the
development sets (ESCO-wording texts, TECH and HOUSE sentences), never on the fresh set
(docs/apps/taxonomy-search.md).

Each result carries the phrase that matched, its offsets in the text and a confidence (0..1)
the person can judge; they confirm which skills to keep.
"""

import re
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Max

from core.language import fold_words
from taxonomy import linking, text

MAX_TEXT_LENGTH = 20_000
# How many of a sentence's best-linked skills are candidates.
CANDIDATES = 5
# A candidate's phrase score: PHRASE_LEXICAL × lexical + (1 − PHRASE_LEXICAL) × meaning.
PHRASE_LEXICAL = 0.3
# The phrase score a kept skill needs (chosen on the development sets together).
THRESHOLD = 0.70

# Longer runs are cut (at spaces): linking reads windows over a sentence's first
# linking.MAX_WINDOW_WORDS words only.
MAX_SENTENCE = 600

# Sentences and bullet lines: a skill is read within one of them.
_SENTENCE = re.compile(r"[^.!?;\n•·]+(?:[.!?;]+|$)", re.MULTILINE)


@dataclass(frozen=True)
class FoundSkill:
    uri: str
    concept_id: int
    label: str  # in the requested language, English fallback
    matched_label: str  # the ESCO preferred label of the skill, in the requested language
    span: str  # the words of the text that carry it
    start: int  # character offsets of the span in the text
    end: int
    confidence: float


_names = {}


def skill_names() -> dict[str, frozenset[int]]:
    """{folded one-word skill name: skill ids}: preferred labels of one word, or whose head
    before a parenthesis is one word ("Python (computer programming)" → "python", "SQL" →
    "sql").

    Extraction reads these words alone too, so that "Python and SQL" finds both, and a name
    written as such counts as full lexical evidence for its skill. Other single words are not
    read alone ("dental" in "dental clinics" is no skill), and a name must still pass the same
    phrase test as any candidate: the encoder must read the skill in it."""
    from taxonomy.models import Skill

    fingerprint = Skill.objects.filter(retired=False).aggregate(count=Count("pk"), top=Max("pk"))
    key = (fingerprint["count"], fingerprint["top"])
    if key not in _names:
        found = {}
        rows = Skill.objects.filter(retired=False).values_list("pk", "label_en", "label_fr")
        for pk, label_en, label_fr in rows:
            for label in (label_en, label_fr):
                head = fold_words(re.sub(r"\s*\([^)]*\)\s*$", "", label or ""))
                if head and " " not in head and head not in text.STOPWORDS:
                    found.setdefault(head, set()).add(pk)
        _names.clear()
        _names[key] = {name: frozenset(ids) for name, ids in found.items()}
    return _names[key]


def sentences(source: str) -> list[tuple[str, int]]:
    """(sentence, offset) pairs of a text, sentences with at least one word; a run longer than
    MAX_SENTENCE (a pasted page without punctuation) is cut at spaces, so that linking reads
    every word of it."""
    found = []
    for match in _SENTENCE.finditer(source):
        piece = match.group()
        start = match.start()
        while piece:
            head = piece[:MAX_SENTENCE]
            if len(piece) > len(head) and " " in head:
                head = head[: head.rindex(" ")]
            stripped = head.strip()
            if linking.WORD.search(stripped):
                found.append((stripped, start + len(head) - len(head.lstrip())))
            start += len(head)
            piece = piece[len(head) :]
    return found


def phrase_winners(
    scored: linking.Scored, names: dict[str, frozenset[int]]
) -> list[tuple[int, float, linking.Segment]]:
    """The candidates of one linked sentence that a phrase carries: (position, confidence,
    segment) for each kept skill. `names` is skill_names()."""
    first, last = scored.columns
    if last == first:
        return []
    candidates = [link.position for link in scored.top(CANDIDATES)]
    if not candidates:
        return []
    lexical = scored.channels.lexical[candidates, first:last].copy()
    semantic = scored.channels.semantic[candidates, first:last].copy()
    ids = [scored.channels.ids[position] for position in candidates]
    for column, segment in enumerate(scored.segments):
        if segment.words != 1:
            continue
        named = names.get(fold_words(segment.text), ())
        for row, skill_id in enumerate(ids):
            if skill_id in named:
                lexical[row, column] = 1.0  # the skill's own name, written as such
            else:  # a single word carries only the skill it names
                lexical[row, column] = semantic[row, column] = 0.0
    phrase = PHRASE_LEXICAL * lexical + (1 - PHRASE_LEXICAL) * semantic
    kept = []
    for row, position in enumerate(candidates):
        best = int(np.argmax(phrase[row]))
        confidence = float(phrase[row, best])
        # The phrase must carry the skill, and carry it better than any other candidate.
        if confidence >= THRESHOLD and int(np.argmax(phrase[:, best])) == row:
            kept.append((position, min(1.0, confidence), scored.segments[best]))
    return kept


def extract_skills(source: str, lang: str = "en") -> list[FoundSkill]:
    """ESCO skills mentioned in `source`, one per skill, in the order they appear."""
    source = (source or "")[:MAX_TEXT_LENGTH]
    lang = "fr" if lang == "fr" else "en"
    if not source.strip():
        return []
    pieces = sentences(source)
    results = {}
    names = skill_names()
    scored_sentences = linking.score_sentences(
        [(sentence, lang) for sentence, _ in pieces], names=names
    )
    for (_sentence, offset), scored in zip(pieces, scored_sentences, strict=True):
        channels = scored.channels
        labels = channels.labels_fr if lang == "fr" else channels.labels_en
        for position, confidence, segment in phrase_winners(scored, names):
            found = results.get(position)
            if found is not None and found.confidence >= round(confidence, 3):
                continue
            start, end = offset + segment.start, offset + segment.end
            results[position] = FoundSkill(
                uri=channels.uris[position],
                concept_id=channels.ids[position],
                label=labels[position],
                matched_label=labels[position],
                span=source[start:end],
                start=start,
                end=end,
                confidence=round(confidence, 3),
            )
    return sorted(results.values(), key=lambda found: (found.start, -found.confidence))
