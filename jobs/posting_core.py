"""What a job posting is about, read from the posting itself and the taxonomy: no field list.

`read_posting(text)` returns a `Posting`:

- `title` and `role`: the posting's first line when it is a title ("Stage Technician – Grand
  Theatre" → role "Stage Technician"), else the object of "hiring / seeking / looking for /
  nous recherchons…"; French gender pairs are reduced to one form ("Couvreur ou couvreuse");
- `units`: what the work is, as short texts the sentence encoder compares with an answer: the
  role, each sentence and each clause of the posting (its duties: "repair leaks", "install
  water heaters"), and the ESCO occupations the taxonomy finds for the role, in English and
  French — kept only when the search is confident, because a title search can miss;
- `stems`: the content words of all that, folded and stemmed, for the lexical channel;
- `occupations`: the ESCO occupations kept, for labels in the other language;
- `skills`: the essential ESCO skills of the best of them (both languages), what the taxonomy
  says that work is made of: an answer that turns away from one of them turns away from the
  job ("arrêter la programmation" for a developer posting that never says "programmation").

With an empty taxonomy (or none installed) the posting is read from its own text only: the
comparison then works within one language by words and across languages by the encoder alone.
"""

import logging
import re
from dataclasses import dataclass, field

from django.db import DatabaseError

from core import language

logger = logging.getLogger(__name__)

__all__ = ["Posting", "Unit", "clauses_of", "content_stems", "read_posting", "sentences_of"]

MAX_CHARS = 20_000
# A posting's first segment is its title when it is at most this many words.
TITLE_WORDS = 14
# ESCO occupations searched for the role: kept when the search is confident (a title search can
# miss: "Greenhouse Grower Assistant" is not a chiropractic assistant, 0.56), at most two, close
# to the best one.
OCCUPATION_CANDIDATES = 5
OCCUPATION_MIN_SCORE = 0.6
OCCUPATION_SPREAD = 0.1
OCCUPATIONS_KEPT = 2

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])|\n+|\s*[•·▪●]\s*|;\s*")
_CLAUSE_CUT = re.compile(
    r"\s*[,:;()]\s*|\s+(?:and|or|et|ou|but|mais)\s+|\s+[–—-]\s+", re.IGNORECASE
)
_TITLE_CUT = re.compile(r"\s+[–—|-]\s+|\s*[|:(]\s*|,\s+")
# The grammar of job postings: the verb that introduces the role sought.
_ROLE_CUE = re.compile(
    r"\b(?:hiring|seeking|looking for|recruiting|needs|recherchons|recherche|recrute|recrutons|"
    r"cherchons|embauchons|embauche)\s+(?:an?\s+|une?\s+|des\s+|a new\s+|un\(e\)\s+)?"
    r"(?P<role>[^.,:;!\n()]{3,60}?)(?=\s+(?:to|who|for|pour|qui|afin|a|au|in|en|with|avec|"
    r"that|joining|dans|chez)\b|[.,:;!\n(])",
    re.IGNORECASE,
)
# Where a posting states its duties: "hiring a cook to prepare…", "You will plan…", "pour
# préparer…" (an infinitive follows).
_DUTY_START = re.compile(r"\b(?:to|you will|you'll|pour|afin de)\s+(?=[a-zà-ÿ])", re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    text: str
    kind: str  # "role", "sentence", "clause", "duty", "occupation"


@dataclass
class Posting:
    text: str
    lang: str
    title: str
    role: str
    units: tuple
    stems: frozenset
    occupations: tuple = ()  # (label_en, label_fr) of the ESCO occupations kept
    occupation_ids: tuple = ()  # their taxonomy ids
    skills: tuple = ()  # Unit: the essential ESCO skills of the best occupation, EN and FR
    duties: tuple = field(default=())  # the duties it lists, as infinitive phrases, in order


def content_stems(text: str) -> list[str]:
    """Stemmed content words of a text, in either language, except words about jobs in
    general ("role", "équipe", "senior")."""
    from jobs.meaning import GENERIC_JOB_WORDS

    return [word for word in language.content_stems(text) if word not in GENERIC_JOB_WORDS]


def sentences_of(text: str) -> list[str]:
    """The sentences of a text, in order, stripped."""
    return [piece.strip() for piece in _SENTENCE_END.split(text or "") if piece and piece.strip()]


def clauses_of(sentence: str) -> list[str]:
    """The clauses of a sentence: cut at punctuation and coordinating conjunctions."""
    return [piece.strip() for piece in _CLAUSE_CUT.split(sentence) if piece and piece.strip()]


def duty_items(sentence: str) -> list[str]:
    """The duties a sentence lists, as infinitive phrases: "We are hiring a plumber to
    diagnose and repair leaks, install water heaters…" → ["diagnose and repair leaks",
    "install water heaters…"]. Empty when the sentence states none this way."""
    start = _DUTY_START.search(sentence)
    if not start:
        return []
    items = []
    for piece in re.split(r",\s*|;\s*", sentence[start.end() :]):
        piece = re.sub(r"^(?:and|et|or|ou)\s+", "", piece.strip(" .!"), flags=re.IGNORECASE)
        if piece:
            items.append(piece)
    return items


def _one_gender(title):
    """ "Couvreur ou couvreuse" → "Couvreur"; "Technicien ou technicienne comptable" →
    "Technicien comptable"; a title that is not a gender pair is kept whole."""
    forms = language.gender_forms(re.sub(r"\s+(?:ou|or)\s+", " / ", title))
    if len(forms) > 1:
        return forms[0]
    return title


def _title_and_role(text, sentences):
    first = re.split(r"(?<=[.!?])\s+|\n", text.strip(), maxsplit=1)[0].strip(" .")
    title = first if 0 < len(first.split()) <= TITLE_WORDS else ""
    role = ""
    if title:
        role = _one_gender(_TITLE_CUT.split(title, maxsplit=1)[0].strip())
    if not role:
        cue = _ROLE_CUE.search(text)
        role = cue["role"].strip() if cue else ""
    return title, role


def _occupations(role, lang):
    """The ESCO occupations the taxonomy finds, confidently, for the role: [(id, en, fr)]."""
    if not role:
        return []
    try:
        from taxonomy.models import Occupation
        from taxonomy.search import search_occupations

        found = search_occupations(role, lang, OCCUPATION_CANDIDATES)
        found = [
            match
            for match in found
            if match.score >= OCCUPATION_MIN_SCORE
            and match.score >= found[0].score - OCCUPATION_SPREAD
        ][:OCCUPATIONS_KEPT]
        if not found:
            return []
        labels = {
            pk: (label_en, label_fr or label_en)
            for pk, label_en, label_fr in Occupation.objects.filter(
                pk__in=[match.concept_id for match in found]
            ).values_list("pk", "label_en", "label_fr")
        }
    except DatabaseError:  # no taxonomy tables (yet): read the posting alone
        logger.warning("The taxonomy could not be read; the posting is read from its text alone.")
        return []
    return [
        (match.concept_id, *labels[match.concept_id])
        for match in found
        if match.concept_id in labels
    ]


def _essential_skills(occupation_id):
    """The labels (EN and FR) of an ESCO occupation's essential skills: what the taxonomy
    says the work is, in both languages ("programmation informatique" for a developer)."""
    from taxonomy.models import OccupationSkill, RelationType

    labels = []
    try:
        rows = OccupationSkill.objects.filter(
            occupation_id=occupation_id, relation_type=RelationType.ESSENTIAL
        ).values_list("skill__label_en", "skill__label_fr")
        for label_en, label_fr in rows:
            labels += [label for label in (label_en, label_fr) if label]
    except DatabaseError:
        return []
    return list(dict.fromkeys(labels))


def _read(text):
    text = (text or "")[:MAX_CHARS]
    sentences = sentences_of(text)
    title, role = _title_and_role(text, sentences)
    lang = language.detect_language(text)
    body = sentences[1:] if title and sentences and sentences[0].strip(" .") == title else sentences
    units, duties = [], []
    if role:
        units.append(Unit(role, "role"))
    if title and title != role:
        units.append(Unit(title, "role"))
    for sentence in body:
        units.append(Unit(sentence, "sentence"))
        for clause in clauses_of(sentence):
            if clause != sentence and len(content_stems(clause)) >= 1:
                units.append(Unit(clause, "clause"))
        for item in duty_items(sentence):
            duties.append(item)
            units.append(Unit(item, "duty"))
    found = _occupations(role, lang)
    occupations = [(label_en, label_fr) for _id, label_en, label_fr in found]
    for label_en, label_fr in occupations:
        units.append(Unit(label_en, "occupation"))
        if label_fr != label_en:
            units.append(Unit(label_fr, "occupation"))
    skills = _essential_skills(found[0][0]) if found else []
    stems = set(content_stems(text))
    for label_en, label_fr in occupations:
        stems.update(content_stems(label_en))
        stems.update(content_stems(label_fr))
    return Posting(
        text=text,
        lang=lang,
        title=title,
        role=role,
        units=tuple(dict.fromkeys(units)),
        stems=frozenset(stems),
        occupations=tuple(occupations),
        occupation_ids=tuple(pk for pk, _en, _fr in found),
        skills=tuple(Unit(label, "skill") for label in skills),
        duties=tuple(duties),
    )


def read_posting(text: str) -> Posting:
    """The `Posting` read from `text`. Not remembered as a whole (the taxonomy may change); its
    embeddings and occupation searches are."""
    return _read(text)
