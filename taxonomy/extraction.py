"""Find the ESCO skills a CV paragraph or a job posting mentions, in English or French.

Extraction is skill linking (taxonomy.linking) restricted to the phrases of a text:

1. the text is cut into sentences and bullet lines; sentences on the employer's side are set
   aside by their structure (a section whose heading speaks for the employer, "What we offer",
   "Pourquoi nous rejoindre ?", "Benefits"; a sentence whose subject is "we"/"our ..."/"nous"
   with no duty for the reader in it, "We offer a pension plan", "Founded in 1985, our
   company has offices...");
2. each remaining sentence is linked (taxonomy.linking.score_sentences): every phrase of it (3-
   and 5-word windows, clauses, the whole sentence, and a skill's own one-word name) gets a
   phrase score against every skill, PHRASE_LEXICAL × lexical + (1 − PHRASE_LEXICAL) × meaning;
3. a skill is a candidate when it is the best skill of at least one phrase, or among the
   sentence's CANDIDATES best-linked skills; its confidence is a logistic vote (EVIDENCE) of
   its best phrase score, its margin over the best other skill on that phrase, the sentence's
   linking score and the skill's rank there, the previous rule's strict test (among the
   STRICT_LINKS best links, a phrase of at least STRICT_PHRASE that no other of them beats),
   and whether the phrase is the skill's own one-word name (capitalised in ESCO, "Python",
   "English", or a common noun, "cameras");
4. a one-word name used in another sense carries no skill, nor does any phrase around it:
   inside a proper name after a determiner ("our Java Street store"), an ESCO acronym written
   as a word ("Ajax, ON" is not AJAX), or a language name used as an adjective ("French
   fries", "des muffins anglais", "un berger allemand", "au cœur du Quartier latin");
5. a phrase that names an occupation better than any skill is a job title, not a skill:
   "Technicien de laboratoire" is not *laboratory techniques*, "Mechanic needed" not
   *mechanics* (the occupation index reads the winning phrases, TITLE_MARGIN);
6. a skill is kept when its confidence reaches THRESHOLD.

The weights, the cut-off and the margins were chosen on the development sets together (texts
in ESCO's wording, the TECH and HOUSE job-ad sentences, the first plain-language set); the
second plain-language set was never used to choose (docs/apps/taxonomy-search.md gives every
figure, and what the rule cannot do).

Each result carries the phrase that carried it, its offsets in the text and a confidence (0..1,
the rule's estimate that the skill is right) the person can judge; they confirm which skills
to keep.
"""

import math
import re
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Max

from core.language import fold, fold_words, function_words, tokenise
from taxonomy import linking, search, text

MAX_TEXT_LENGTH = 20_000
# A sentence's best-linked skills that are candidates besides the phrases' winners.
CANDIDATES = 8
# A phrase score: PHRASE_LEXICAL × lexical + (1 − PHRASE_LEXICAL) × meaning.
PHRASE_LEXICAL = 0.3
# The logistic vote behind a candidate's confidence (chosen on the development sets together):
# weight of each piece of evidence, and the intercept.
EVIDENCE = {
    "phrase": 0.837,  # its best phrase score
    "margin": 2.221,  # its best phrase score minus the best other skill's on that phrase
    "linked": 1.406,  # the sentence's linking score (taxonomy.linking)
    "rank": 0.758,  # −log of its rank among the sentence's links
    "proper_name": 0.312,  # the phrase is its capitalised one-word name ("Python", "English")
    "common_name": -2.142,  # the phrase is its one-word common-noun name ("cameras")
    "strict": 1.135,  # among the sentence's STRICT_LINKS best links, its phrase scores at least
    # STRICT_PHRASE and no other of them scores higher on that phrase
}
INTERCEPT = -2.354
STRICT_LINKS = 5
STRICT_PHRASE = 0.70
# The confidence a kept skill needs.
THRESHOLD = 0.30
# A winning phrase that reads as an occupation (its best occupation label by meaning) by more
# than this over its skill phrase score is a job title, not a skill.
TITLE_MARGIN = 0.20

# Longer runs are cut (at spaces): linking reads windows over a sentence's first
# linking.MAX_WINDOW_WORDS words only.
MAX_SENTENCE = 600

# Sentences and bullet lines: a skill is read within one of them.
_SENTENCE = re.compile(r"[^.!?;\n•·]+(?:[.!?;]+|$)", re.MULTILINE)

# Grammar of the employer's side of a posting. The reader is addressed in the second person;
# the employer speaks in the first person plural.
_FIRST_PLURAL = frozenset(("we", "we're", "weve", "we've", "our", "ours", "us", "nous", "notre"))
_FIRST_PLURAL |= {"nos"}
_SECOND_PERSON = frozenset(("you", "you'll", "youll", "you're", "youre", "you've", "your"))
_SECOND_PERSON |= {"yours", "tu", "vous", "votre", "vos", "ton", "ta", "tes"}
# A duty for the reader: a to-infinitive, "pour/afin de" + infinitive.
_DUTY = re.compile(
    r"\bto (?!the\b|a\b|an\b|our\b|their\b|its\b|be\b)[a-z]+"
    r"|\b(?:pour|afin de|a) (?:[a-z]+ )?[a-z]+(?:er|ir|re|oir)\b"
)
# The employer asking for someone ("We need a receptionist who...", "Nous cherchons..."): the
# sentence is about the person sought, not about the employer.
_SEEKING = re.compile(
    r"\b(?:need|needs|seek|seeking|looking for|hiring|hire|want|wants|require|requires|expect"
    r"|cherch\w*|recherch\w*|besoin|recrut\w*|embauch\w*|souhait\w*|exige\w*|attend\w*)\b"
)
# Section headings that speak for the employer when they name no one: the words of job ads'
# own structure (what is offered, benefits, joining, the company presenting itself).
_EMPLOYER_HEADING = re.compile(
    r"\b(?:offer|offers|offering|benefits?|perks|join|about|offrons|offre|offrir|proposons"
    r"|avantages?|rejoindre|propos|sommes)\b"
)
# Determiners: a name between one and another capitalised word is a proper name.
_DETERMINERS = frozenset(("the", "a", "an", "our", "your", "their", "my", "his", "her", "its"))
_DETERMINERS |= {"this", "that", "these", "those", "le", "la", "les", "l", "un", "une"}
_DETERMINERS |= {"notre", "votre", "leur", "leurs", "nos", "vos", "ce", "cette", "ces", "au"}
_DETERMINERS |= {"aux", "du", "des"}
# Words around a language name that make it the language in use (not an adjective):
# English nouns of language use after it, French verbs of language use before it (stems).
_LANGUAGE_USE_AFTER = frozenset(("skill", "skills", "speaking", "speaker", "speakers"))
_LANGUAGE_USE_AFTER |= {"spoken", "written", "writing", "reading", "proficiency", "fluency"}
_LANGUAGE_USE_AFTER |= {"language", "communication", "level", "native", "teacher", "teaching"}
_LANGUAGE_USE_AFTER |= {"lessons", "classes", "courses", "tutor", "translation", "translator"}
_LANGUAGE_USE_AFTER |= {"interpreter", "interpreting", "test"}
_LANGUAGE_USE_BEFORE = ("parl", "ecri", "lis", "lit", "lir", "compren", "maitris", "enseign")
_LANGUAGE_USE_BEFORE += ("tradui", "apprend", "etudi")


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
PROPER, ACRONYM, LANGUAGE = "proper", "acronym", "language"


def _fingerprint():
    from taxonomy.models import Skill

    fingerprint = Skill.objects.filter(retired=False).aggregate(count=Count("pk"), top=Max("pk"))
    return (fingerprint["count"], fingerprint["top"])


def _load_names(key):
    from taxonomy.models import Skill

    found = {}
    proper, languages, acronyms = set(), set(), set()
    rows = Skill.objects.filter(retired=False).values_list("pk", "label_en", "label_fr")
    for pk, label_en, label_fr in rows:
        for label in (label_en, label_fr):
            head = fold_words(re.sub(r"\s*\([^)]*\)\s*$", "", label or ""))
            if head and " " not in head and head not in text.STOPWORDS:
                found.setdefault(head, set()).add(pk)
        head_en = re.sub(r"\s*\([^)]*\)\s*$", "", label_en or "")
        if head_en[:1].isupper():
            proper.add(pk)  # ESCO writes it as a proper name: a language, a tool, a product
        if len(head_en) > 1 and " " not in head_en and head_en.isupper():
            acronyms.add(pk)
    # Languages: the skills ESCO files under a group of languages.
    in_language_groups = (
        Skill.objects.filter(retired=False, groups__label_en__icontains="languages")
        .exclude(groups__label_en__icontains="except")
        .values_list("pk", flat=True)
    )
    languages.update(in_language_groups)
    _names.clear()
    kinds = {}
    for flag, ids in ((PROPER, proper), (LANGUAGE, languages), (ACRONYM, acronyms)):
        for pk in ids:
            kinds.setdefault(pk, set()).add(flag)
    _names[key] = (
        {name: frozenset(ids) for name, ids in found.items()},
        {pk: frozenset(flags) for pk, flags in kinds.items()},
    )


def skill_names() -> dict[str, frozenset[int]]:
    """{folded one-word skill name: skill ids}: preferred labels of one word, or whose head
    before a parenthesis is one word ("Python (computer programming)" → "python", "SQL" →
    "sql").

    Extraction reads these words alone too, so that "Python and SQL" finds both. Other single
    words are not read alone ("dental" in "dental clinics" is no skill)."""
    key = _fingerprint()
    if key not in _names:
        _load_names(key)
    return _names[key][0]


def name_kinds() -> dict[int, frozenset[str]]:
    """{skill id: its flags}: ESCO writes it as a proper name (PROPER), as an acronym
    (ACRONYM), or files it under languages (LANGUAGE)."""
    key = _fingerprint()
    if key not in _names:
        _load_names(key)
    return _names[key][1]


def _words(source):
    return [token.folded for token in tokenise(source)]


_BULLET = re.compile(r"[•·*\-–—]\s*$")


def _is_heading(line):
    """A short line that announces a section: ends with ':' or '?', or has no final stop."""
    stripped = line.strip().strip("-•·*").strip()
    words = linking.WORD.findall(stripped)
    return 0 < len(words) <= 6 and (stripped[-1:] in ":?" or stripped[-1:].isalnum())


def _speaks_for_employer(sentence):
    """A sentence whose subject is the employer ("We offer...", "Our group runs...", "Founded
    in 1985, our company...", "Nous offrons...") with no duty for the reader in it."""
    words = _words(sentence)
    if not words or any(word in _SECOND_PERSON for word in words):
        return False
    folded = fold(sentence)
    if _DUTY.search(folded) or _SEEKING.search(folded):
        return False
    if words[0] in _FIRST_PLURAL:
        return True
    comma = sentence.find(",")
    if 0 < comma < 80:
        after = _words(sentence[comma + 1 :])
        return bool(after) and after[0] in _FIRST_PLURAL
    return False


def employer_side(source: str, pieces: list[tuple[str, int]]) -> set[int]:
    """Indexes of the (sentence, offset) pieces that speak for the employer: a section under a
    heading that speaks for the employer ("What we offer", "Why join us?", "Benefits",
    "Pourquoi nous rejoindre ?", up to the next heading or blank line), and sentences whose
    subject is the employer with no duty for the reader."""
    skipped = set()
    in_section = False
    previous_end = 0
    for number, (sentence, offset) in enumerate(pieces):
        gap = source[previous_end:offset].replace("\r", "")
        previous_end = offset + len(sentence)
        new_line = number == 0 or "\n" in gap
        # A heading starts a line, is no list item, and is short.
        bulleted = _BULLET.search(gap) or sentence[:1] in "-*–—"
        heading = new_line and not bulleted and _is_heading(sentence)
        if "\n\n" in gap or heading:
            in_section = False
        if heading:
            words = set(_words(sentence))
            if not words & _SECOND_PERSON and (
                words & _FIRST_PLURAL or _EMPLOYER_HEADING.search(fold(sentence))
            ):
                in_section = True
                skipped.add(number)
                continue
        if in_section or _speaks_for_employer(sentence):
            skipped.add(number)
    return skipped


_FUNCTION = function_words()


def _neighbours(sentence, start, end):
    """The words right before and after sentence[start:end] when only spaces separate them."""
    before = re.search(r"([^\W_][\w'’-]*)([ \t]+)$", sentence[:start])
    after = re.match(r"([ \t]+)([^\W_][\w'’-]*)", sentence[end:])
    return (
        (before.group(1), before.start(1)) if before else (None, None),
        after.group(2) if after else None,
    )


def name_in_other_sense(
    sentence: str,
    start: int,
    end: int,
    lang: str,
    kind: frozenset[str],
    names: dict[str, frozenset[int]],
) -> bool:
    """True when the one-word name at sentence[start:end] is not used as the skill's name:
    inside a proper name of capitalised words after a determiner ("our Java Street store");
    an acronym written as a word ("Ajax" is not AJAX, "Spark" not SPARK); or, for a language,
    as an adjective ("French fries", "muffins anglais", "berger
    allemand", "au cœur du Quartier latin"). `kind` is the skill's set of flags."""
    written = sentence[start:end]
    if ACRONYM in kind and written[:1].isupper() and written[1:].islower():
        return True
    (before, before_at), after = _neighbours(sentence, start, end)
    if (
        before
        and fold_words(before) in _DETERMINERS
        and after
        and after[0].isupper()
        and fold_words(after) not in names
    ):
        return True  # "our Java Street store": a determiner, then a name of two capitalised words
    if LANGUAGE not in kind:
        return False
    if lang == "en" and after and after[0].islower():
        folded = fold_words(after)
        if folded not in _FUNCTION and folded not in _LANGUAGE_USE_AFTER and folded not in names:
            return True
    if lang == "fr" and before and before_at and sentence[:before_at].strip():
        folded = fold_words(before)
        if (
            folded not in _FUNCTION
            and not folded.endswith("'")
            and not folded.startswith(_LANGUAGE_USE_BEFORE)
            and folded not in names
        ):
            return True
    return False


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


def _confidence(evidence):
    total = INTERCEPT + sum(EVIDENCE[name] * value for name, value in evidence.items())
    return 1 / (1 + math.exp(-total))


def phrase_candidates(
    scored: linking.Scored,
    sentence: str,
    lang: str,
    names: dict[str, frozenset[int]],
    kinds: dict[int, frozenset[str]],
    positions: dict[int, int],
) -> list[tuple]:
    """The candidates of one linked sentence: (position, confidence, segment, phrase score)
    for each skill a phrase wins or the sentence links best. `names` is skill_names(),
    `kinds` name_kinds(), `positions` {skill id: its position in the index}."""
    first, last = scored.columns
    if last == first or not len(scored.channels.ids):
        return []
    channels = scored.channels
    lexical = channels.lexical[:, first:last]
    semantic = channels.semantic[:, first:last]
    phrase = PHRASE_LEXICAL * lexical + (1 - PHRASE_LEXICAL) * semantic
    named_cells = {}
    blocked = []
    for column, segment in enumerate(scored.segments):
        if segment.words != 1:
            continue
        # A single word carries only the skills it names, and none when used in another sense.
        phrase[:, column] = 0.0
        for skill_id in names.get(fold_words(segment.text), ()):
            position = positions.get(skill_id)
            kind = kinds.get(skill_id, frozenset())
            if position is None:
                continue
            if name_in_other_sense(sentence, segment.start, segment.end, lang, kind, names):
                # Nor does any phrase around the word carry that skill.
                blocked.append((position, segment.start, segment.end))
                continue
            phrase[position, column] = PHRASE_LEXICAL + (1 - PHRASE_LEXICAL) * max(
                0.0, float(semantic[position, column])
            )
            named_cells[(position, column)] = PROPER in kind
    for position, start, end in blocked:
        for column, segment in enumerate(scored.segments):
            if segment.start <= start and segment.end >= end:
                phrase[position, column] = 0.0
    winners = np.argmax(phrase, axis=0)
    ordered = np.sort(phrase, axis=0)
    best_score = ordered[-1]
    runner_up = ordered[-2] if len(ordered) > 1 else np.zeros_like(best_score)
    wins = {}
    for column, position in enumerate(winners.tolist()):
        if best_score[column] > 0:
            wins[position] = wins.get(position, 0) + 1
    linked = [link.position for link in scored.top(CANDIDATES)]
    strict = set()
    top = linked[:STRICT_LINKS]
    for position in top:
        column = int(np.argmax(phrase[position]))
        on_phrase = phrase[top, column]
        if phrase[position, column] >= STRICT_PHRASE and top[int(np.argmax(on_phrase))] == position:
            strict.add(position)
    found = []
    for position in dict.fromkeys([*wins, *linked]):
        column = int(np.argmax(phrase[position]))
        score = float(phrase[position, column])
        if score <= 0:
            continue
        other = runner_up[column] if winners[column] == position else best_score[column]
        rank = 1 + int(np.count_nonzero(scored.mixed > scored.mixed[position]))
        proper = named_cells.get((position, column))
        evidence = {
            "phrase": score,
            "margin": score - max(0.0, float(other)),
            "linked": float(scored.mixed[position]),
            "rank": -math.log(rank),
            "proper_name": float(proper is True),
            "common_name": float(proper is False),
            "strict": float(position in strict),
        }
        found.append((position, _confidence(evidence), scored.segments[column], score))
    return found


def _job_titles(phrases):
    """The phrases (text, lang) that read as an occupation: {phrase: best occupation score by
    meaning}."""
    if not phrases:
        return {}
    scores = search.channels(search.OCCUPATIONS, phrases)
    if not len(scores.ids):
        return {}
    best = scores.semantic.max(axis=0)
    return {phrase: float(value) for phrase, value in zip(phrases, best, strict=True)}


def extract_skills(source: str, lang: str = "en") -> list[FoundSkill]:
    """ESCO skills mentioned in `source`, one per skill, in the order they appear."""
    source = (source or "")[:MAX_TEXT_LENGTH]
    lang = "fr" if lang == "fr" else "en"
    if not source.strip():
        return []
    pieces = sentences(source)
    skipped = employer_side(source, pieces)
    pieces = [piece for number, piece in enumerate(pieces) if number not in skipped]
    if not pieces:
        return []
    names, kinds = skill_names(), name_kinds()
    scored_sentences = linking.score_sentences(
        [(sentence, lang) for sentence, _ in pieces], names=names
    )
    candidates = []
    positions = None
    for (sentence, offset), scored in zip(pieces, scored_sentences, strict=True):
        if positions is None:
            positions = {skill_id: at for at, skill_id in enumerate(scored.channels.ids)}
        for position, confidence, segment, score in phrase_candidates(
            scored, sentence, lang, names, kinds, positions
        ):
            if confidence >= THRESHOLD:
                candidates.append((scored.channels, offset, position, confidence, segment, score))
    titles = _job_titles(
        list(dict.fromkeys((segment.text, lang) for *_, segment, _score in candidates))
    )
    results = {}
    for channels, offset, position, confidence, segment, score in candidates:
        if titles.get((segment.text, lang), 0.0) > score + TITLE_MARGIN:
            continue  # the phrase names an occupation: a job title, not a skill
        found = results.get(position)
        if found is not None and found.confidence >= round(confidence, 3):
            continue
        labels = channels.labels_fr if lang == "fr" else channels.labels_en
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
