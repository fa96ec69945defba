"""How close a phrase is, in meaning, to a job posting's work: the sentence encoder plus words.

Two channels, both language-independent:

- semantic: the cosine of multilingual sentence embeddings (`taxonomy.encoder`), between the
  phrase and each unit of the posting (its title, its duty clauses, the ESCO occupations it
  names); the best unit counts. Cross-language by construction ("soins aux patients" meets
  "patient care").
- lexical: the share of the phrase's content words (folded, stemmed) that the posting uses
  (its text and the labels of its occupations in both languages).

`closeness(phrases, posting)` gives, per phrase, a `Closeness(semantic, lexical, unit)`; its
`score` mixes them. Texts are encoded once per process (a bounded memory of recent texts), so
checking the same posting again, or the same answer against several postings, is cheap.
"""

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from core.language import content_stems
from taxonomy.encoder import get_encoder

__all__ = [
    "GENERIC_JOB_WORDS",
    "Closeness",
    "closeness",
    "encode",
    "field_words",
    "similarity_matrix",
]

# Remembered embeddings (texts of postings and answers; a coach page re-checks the same ones).
MEMORY = 4096
# How much the lexical channel adds on top of the semantic one (see Closeness.score).
LEXICAL_WEIGHT = 0.35

# Words about jobs in general, in both languages: they name no field ("a role", "une équipe",
# "senior", "superviseur"), so sharing them says nothing about two texts' work. Grammar of job
# talk, not a list of fields: every field has roles, teams, seniors and supervisors.
_GENERIC = """
    job jobs role roles position positions post work working career field company team crew
    employer business organisation organization industry sector opportunity day days
    poste postes emploi emplois travail travailler carriere domaine entreprise equipe
    employeur organisation industrie secteur occasion milieu metier
    senior junior lead head chief principal assistant supervisor manager director
    coordinator specialist officer agent worker operator expert trainer instructor advisor
    adviser consultant technician professional staff employee associate operations
    principale chef responsable superviseur superviseure directeur directrice coordonnateur
    coordonnatrice specialiste agente gestionnaire adjoint adjointe formateur formatrice
    instructeur instructrice conseiller conseillere technicien technicienne professionnel
    professionnelle employe employee exploitation
    centre center department service services office unit site branch store shop agency firm
    facility institution administration responsibility responsibilities task tasks duty duties
    responsabilite responsabilites tache taches
    bureau unite succursale magasin boutique atelier agence firme cabinet etablissement
"""
GENERIC_JOB_WORDS = frozenset()  # filled below, once stems can be computed

_memory = OrderedDict()
_lock = threading.Lock()


def encode(texts: list[str]) -> np.ndarray:
    """Unit vectors of `texts` (rows), from the process-wide encoder, remembered."""
    texts = [text or " " for text in texts]
    with _lock:
        missing = [text for text in dict.fromkeys(texts) if text not in _memory]
    if missing:
        vectors = np.asarray(get_encoder().encode(missing), dtype=np.float32)
        with _lock:
            for text, vector in zip(missing, vectors, strict=True):
                _memory[text] = vector
                while len(_memory) > MEMORY:
                    _memory.popitem(last=False)
    with _lock:
        found = [_memory.get(text) for text in texts]
    if any(vector is None for vector in found):  # evicted meanwhile by another thread
        return np.asarray(get_encoder().encode(texts), dtype=np.float32)
    if not found:
        return np.zeros((0, 1), dtype=np.float32)
    return np.stack(found)


def similarity_matrix(left: list[str], right: list[str]) -> np.ndarray:
    """Cosine of each text of `left` with each text of `right`: an array (len(left),
    len(right)); empty sides give an empty array."""
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    return encode(left) @ encode(right).T


# Two words meet when one's stem starts the other's over most of its length ("prospect" and
# "prospecting", "enseigner" and "enseignement"): the light stemmer keeps derived forms apart.
SHARED_PREFIX = 5
SHARED_SHARE = 0.7


def _shares_stem(stem, stems):
    if stem in stems:
        return True
    if len(stem) < SHARED_PREFIX:
        return False
    for other in stems:
        if len(other) < SHARED_PREFIX or other[:SHARED_PREFIX] != stem[:SHARED_PREFIX]:
            continue
        common = SHARED_PREFIX
        limit = min(len(stem), len(other))
        while common < limit and stem[common] == other[common]:
            common += 1
        if common >= SHARED_SHARE * limit:
            return True
    return False


def field_words(text: str) -> str:
    """`text` without its words about jobs in general ("nurse assistant" → "nurse"), for
    comparing what two job titles are about; the text itself when nothing else is left."""
    kept = [
        word
        for word in text.replace("/", " / ").split()
        if not set(content_stems(word)) & GENERIC_JOB_WORDS
    ]
    cleaned = " ".join(kept).strip(" /-")
    return cleaned if content_stems(cleaned) else text


class Readable(Protocol):
    """What `closeness` reads of a posting (a `jobs.posting_core.Posting`)."""

    units: tuple  # of units with a `text`
    stems: frozenset


@dataclass(frozen=True)
class Closeness:
    semantic: float  # best cosine with a unit of the posting
    lexical: float  # share of the phrase's content stems the posting uses (0..1)
    unit: str  # the posting's unit that was closest in meaning

    @property
    def score(self):
        """One figure: the semantic closeness, raised by the words the posting shares."""
        return self.semantic + LEXICAL_WEIGHT * self.lexical


def closeness(phrases: Iterable[str], posting: Readable) -> list[Closeness]:
    """A `Closeness` for each phrase against a `jobs.posting_core.Posting`."""
    phrases = list(phrases)
    if not phrases:
        return []
    units = [unit.text for unit in posting.units]
    matrix = similarity_matrix(phrases, units)
    results = []
    for row, phrase in enumerate(phrases):
        stems = set(content_stems(phrase)) - GENERIC_JOB_WORDS
        shared = sum(1 for stem in stems if _shares_stem(stem, posting.stems))
        lexical = shared / len(stems) if stems else 0.0
        if units:
            best = int(np.argmax(matrix[row]))
            semantic, unit = float(matrix[row, best]), units[best]
        else:
            semantic, unit = 0.0, ""
        results.append(Closeness(semantic, lexical, unit))
    return results


GENERIC_JOB_WORDS = frozenset(content_stems(_GENERIC))
