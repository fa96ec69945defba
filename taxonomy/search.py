"""Occupation and skill search: one rule behind the web page, the API and the CLI.

A query is matched against every label of every concept (preferred, alternative and hidden
labels, in English and in French) by two methods whose scores are mixed:

- lexical: TF-IDF cosine over the folded, stemmed words of the labels plus their character
  trigrams, so accents, case, plurals, masculine/feminine forms and typos barely matter;
- semantic: the cosine of multilingual sentence embeddings (taxonomy.encoder), which finds
  "préposé aux bénéficiaires" → "health care assistant" and "Sr. dev" → "software developer"
  across languages and wordings.

A query is read in its own language (from its words, the interface language only breaking
ties) and in every full form of its gender pairs ("Agent / Agente de sécurité"). A concept's
score mixes its best lexical label, its best English and best French label by meaning (and
their agreement), and how close the query sits to the centroid of all its label embeddings;
the label that scored best is the `matched_label`. Each index is built once into files under
settings.DATA_DIR (numpy arrays that every process memory-maps, keyed by a digest of what they
are built from), reopened when the taxonomy changes (a cheap fingerprint of the table, plus
model signals); label embeddings are also kept by label text, so a rebuild only encodes new
labels.

Public contract: `search_occupations`, `search_skills` (lists of `Match`, best first),
`match_occupations` (batch), `rebuild_index`.
"""

import fcntl
import hashlib
import importlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import Count, Max, Min
from django.db.models.signals import post_delete, post_save

from core.language import fold_words, language_scores, stem
from taxonomy import text
from taxonomy.encoder import blas_threads, get_encoder
from taxonomy.models import Occupation, Skill, TaxonomyImport
from taxonomy.recent import Recent

logger = logging.getLogger(__name__)


class _LazyModule:
    """A module imported on first use. scipy alone takes about 0.6 s to import, and most
    processes that import this module (the URLconf of a CLI command, a worker that serves
    other pages) never build an index."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attribute):
        return getattr(importlib.import_module(self._name), attribute)


sparse = _LazyModule("scipy.sparse")
fuzz = _LazyModule("rapidfuzz.fuzz")
process = _LazyModule("rapidfuzz.process")

OCCUPATIONS = "occupations"
SKILLS = "skills"
MAX_LIMIT = 50

# Weight of the lexical score in the mix (the rest is semantic), and how much an alternative or
# hidden label counts next to the preferred one. Tuned on the MELO development set and checked
# on the JobBERT set (docs/apps/taxonomy-search.md).
LEXICAL_WEIGHT = 0.3
LABEL_KIND_WEIGHT = {"preferred": 1.0, "alternative": 0.97, "hidden": 0.95}
# The share of the word-level cosine in the lexical score (the rest is character trigrams).
WORD_SHARE = 0.7
# Weight of the cross-language agreement bonus (see _Index.concept_scores).
LANGUAGE_AGREEMENT = 0.4
# Weight of the concept-centroid similarity (see _Index.concept_scores).
CENTROID_WEIGHT = 0.2
# How much a concept's labels in the query's own language count over its labels in the other
# language (0: the better language whatever the query's; 1: only the query's), for the lexical
# and the semantic scores (see _by_language).
LEXICAL_LANGUAGE = 0.0
SEMANTIC_LANGUAGE = 0.0
# Reading a query's language (see _Index.french_odds): the most one word can weigh (log-odds),
# and how much the interface language weighs when the query itself says nothing.
LANGUAGE_VOTE = 3.0
LANGUAGE_HINT = 0.5
# The index files' layout: change it when _build's arrays change.
INDEX_FORMAT = 1
# The modules whose code shapes the labels' features: a change to any of them builds new files.
NORMALISATION_MODULES = (
    "taxonomy.text",
    "core.language.folding",
    "core.language.stemming",
    "core.language.gender",
)
# Index folders kept per kind (the current one and a few older, for processes still on them).
INDEX_FOLDERS_KEPT = 4
# Where label embeddings are kept (None: settings.DATA_DIR / "search"). They depend only on the
# label texts and the encoder, so any database may share them.
CACHE_DIR = os.environ.get("PARCOURS_SEARCH_CACHE_DIR") or None
# How close (rapidfuzz ratio, 0..100) a misspelt query word must be to a label word to be fixed.
TYPO_SIMILARITY = 80
# The sentence encoder reads only the surer corrections (see _Index.correct): a word no label
# uses may be a typo ("devloper", 94) or a real word the labels happen not to use ("chariots" →
# "charity", 80; "coffreur" → "coiffeur", 88), which would change the query's meaning.
ENCODER_TYPO_SIMILARITY = 90
# Results scoring at or below this are noise, not matches.
MIN_SCORE = 0.05
# Queries scored together in a batch (bounds the (labels, queries) score matrices to ~25 MB).
CHUNK = 128
# Answers to single queries each index remembers, most recent first: people retype the same
# titles and htmx asks again as they type; an answer costs tens of milliseconds of CPU. An index
# rebuilt after the taxonomy changed starts with none.
RESULT_CACHE_SIZE = 2048
EMBEDDED_LABELS = {
    OCCUPATIONS: {"preferred", "alternative", "hidden"},
    SKILLS: {"preferred"},
}


@dataclass(frozen=True)
class Match:
    """One search result."""

    uri: str
    concept_id: int
    label: str  # in the person's language, English where ESCO has no French label
    matched_label: str  # the label that matched, in whatever language
    score: float  # 0..1, higher is better


@dataclass
class _Concepts:
    """What the index needs from the database, one entry per concept."""

    ids: list
    uris: list
    labels_en: list
    labels_fr: list
    # Per concept: list of (label text, language, kind).
    labels: list


def _label_lines(value):
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _load_concepts(kind):
    if kind == OCCUPATIONS:
        fields = ("pk", "uri", "label_en", "label_fr", "alt_labels_en", "alt_labels_fr")
        fields += ("hidden_labels_en", "hidden_labels_fr")
        rows = Occupation.objects.filter(retired=False).order_by("pk").values_list(*fields)
    else:
        fields = ("pk", "uri", "label_en", "label_fr", "alt_labels_en", "alt_labels_fr")
        rows = Skill.objects.filter(retired=False).order_by("pk").values_list(*fields)
    concepts = _Concepts([], [], [], [], [])
    for row in rows:
        pk, uri, label_en, label_fr, alt_en, alt_fr = row[:6]
        labels = [(label_en, "en", "preferred")]
        if label_fr:
            labels.append((label_fr, "fr", "preferred"))
        labels += [(label, "en", "alternative") for label in _label_lines(alt_en)]
        labels += [(label, "fr", "alternative") for label in _label_lines(alt_fr)]
        if kind == OCCUPATIONS:
            labels += [(label, "en", "hidden") for label in _label_lines(row[6])]
            labels += [(label, "fr", "hidden") for label in _label_lines(row[7])]
        concepts.ids.append(pk)
        concepts.uris.append(uri)
        concepts.labels_en.append(label_en)
        concepts.labels_fr.append(label_fr or label_en)
        concepts.labels.append(labels)
    return concepts


def _features(folded):
    """Word and character-trigram features of a folded text, as two sets."""
    words = text.tokens(folded) or folded.split()
    grams = set()
    for word in words:
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return set(words), grams


def _tfidf(documents):
    """Binary TF-IDF of feature sets: (vocabulary list, idf, rows L2-normalised CSR matrix)."""
    # Columns in order of first appearance. Each document's features are a set, so a feature's
    # document frequency is how often its column appears: one bincount.
    vocabulary, lengths, cols = {}, [], []
    for features in documents:
        lengths.append(len(features))
        cols.extend([vocabulary.setdefault(feature, len(vocabulary)) for feature in features])
    count = len(documents)
    cols = np.asarray(cols, dtype=np.int64)
    rows = np.repeat(np.arange(count, dtype=np.int64), lengths)
    frequencies = np.bincount(cols, minlength=len(vocabulary)).astype(np.float32)
    idf = (np.log((count + 1) / (frequencies + 1)) + 1).astype(np.float32)
    matrix = sparse.csr_matrix(
        (idf[cols], (rows, cols)), shape=(count, len(vocabulary)), dtype=np.float32
    )
    return list(vocabulary), idf, _normalise_rows(matrix)


class _Vectoriser:
    """Turns feature sets into binary TF-IDF rows over a fixed vocabulary (L2-normalised)."""

    def __init__(self, vocabulary, idf):
        self.vocabulary = {feature: column for column, feature in enumerate(vocabulary)}
        self.idf = idf

    def transform(self, documents):
        rows, cols = [], []
        for row, features in enumerate(documents):
            for feature in features:
                col = self.vocabulary.get(feature)
                if col is not None:
                    rows.append(row)
                    cols.append(col)
        data = self.idf[np.asarray(cols, dtype=np.int64)] if cols else np.zeros(0, np.float32)
        matrix = sparse.csr_matrix(
            (data, (rows, cols)), shape=(len(documents), len(self.vocabulary)), dtype=np.float32
        )
        return _normalise_rows(matrix)


def _normalise_rows(matrix):
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.diags(1 / norms).astype(np.float32) @ matrix


class _Segments:
    """Contiguous runs of rows (a concept's labels), to take the maximum of each run.

    np.maximum.reduceat does the same but walks the matrix run by run; this walks it rank by
    rank (every run's first row, then every run's second row...), a few dozen vectorised steps
    that are about five times faster on (45,690 labels, 128 queries). Empty runs give 0.
    """

    def __init__(self, starts, ends, rows):
        lengths = ends - starts
        self.empty = lengths == 0
        self.run_starts = np.asarray(starts, dtype=np.int64)
        self.starts = np.minimum(starts, max(rows - 1, 0))
        longest = int(lengths.max()) if len(lengths) else 0
        # For each rank k ≥ 1: the runs that have a (k + 1)-th row, and where that row is.
        self.steps = []
        for rank in range(1, longest):
            runs = np.flatnonzero(lengths > rank)
            self.steps.append((None if len(runs) == len(lengths) else runs, starts[runs] + rank))

    @classmethod
    def of_keys(cls, keys, count):
        """Runs of sorted integer `keys` (0..count-1), one per key value, empty when absent."""
        starts = np.searchsorted(keys, np.arange(count))
        ends = np.append(starts[1:], len(keys))
        return cls(starts, ends, len(keys))

    def max(self, matrix):
        if matrix.shape[1] == 1:
            # One query: reduceat over one contiguous vector is fast; the appended -inf gives
            # empty runs at the end a valid index without changing any maximum.
            vector = np.append(matrix[:, 0], np.full(1, -np.inf, dtype=matrix.dtype))
            out = np.maximum.reduceat(vector, self.run_starts)[:, None]
            out[self.empty] = 0
            return out
        out = matrix[self.starts]
        for runs, rows in self.steps:
            if runs is None:
                np.maximum(out, matrix[rows], out=out)
            else:
                out[runs] = np.maximum(out[runs], matrix[rows])
        out[self.empty] = 0
        return out


class _Texts:
    """The label texts, kept as one UTF-8 buffer and offsets (memory-mapped from the index
    files): a label is decoded only when a result shows it."""

    def __init__(self, blob, offsets):
        self.blob, self.offsets = blob, offsets

    @classmethod
    def of(cls, texts):
        encoded = [label.encode("utf-8") for label in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(label) for label in encoded], out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets)

    def __len__(self):
        return len(self.offsets) - 1

    def __getitem__(self, position):
        start, end = int(self.offsets[position]), int(self.offsets[position + 1])
        return bytes(self.blob[start:end]).decode("utf-8")

    def __iter__(self):
        data = bytes(self.blob)
        offsets = self.offsets.tolist()
        for start, end in zip(offsets, offsets[1:], strict=False):
            yield data[start:end].decode("utf-8")


def _build(kind, concepts, encoder):
    """Everything an index needs, computed from the concepts: (arrays, meta).

    Arrays are what every worker memory-maps from the index files; meta (JSON) holds the
    vocabularies. Labels are grouped by concept, English labels first then French inside each
    concept, so the best label per concept (and per language) is one pooling pass.
    """
    texts, label_concept, weights, is_fr, kinds, clean, folded = [], [], [], [], [], [], []
    for position, labels in enumerate(concepts.labels):
        seen = set()
        for label, lang, label_kind in sorted(labels, key=lambda label: label[1] == "fr"):
            forms = text.label_forms(label)
            # Both methods read the first (masculine) full form: a query's forms are all read,
            # but a label holding both forms would score lower than a label holding one
            # ("maître d'hôtel/maîtresse d'hôtel" against "maître d'hôtel").
            key = fold_words(forms[0])
            if not key or key in seen:
                continue
            seen.add(key)
            texts.append(label)
            label_concept.append(position)
            weights.append(LABEL_KIND_WEIGHT[label_kind])
            is_fr.append(lang == "fr")
            kinds.append(label_kind)
            clean.append(forms[0])
            folded.append(key)
    label_weight = np.asarray(weights, dtype=np.float32)
    features = [_features(label) for label in folded]
    word_vocabulary, word_idf, word_matrix = _tfidf([words for words, _grams in features])
    gram_vocabulary, gram_idf, gram_matrix = _tfidf([grams for _words, grams in features])
    # One sparse matrix for both lexical channels, each label row already weighted by its kind
    # and each channel by its share: one product gives the lexical score.
    lexical = sparse.hstack(
        [
            sparse.diags(WORD_SHARE * label_weight) @ word_matrix,
            sparse.diags((1 - WORD_SHARE) * label_weight) @ gram_matrix,
        ],
        format="csr",
        dtype=np.float32,
    )
    columns = lexical.tocsc()
    # How often each folded word (function words included) appears in English and in French
    # labels: what tells a query's language (see _Index.french_odds).
    counts = {}
    for key, french in zip(folded, is_fr, strict=True):
        for word in set(key.split()):
            counts.setdefault(word, [0, 0])[french] += 1
    arrays = {
        "label_concept": np.asarray(label_concept, dtype=np.int64),
        "label_weight": label_weight,
        "label_is_fr": np.asarray(is_fr, dtype=bool),
        "word_idf": word_idf,
        "gram_idf": gram_idf,
        "lexical_data": lexical.data,
        "lexical_indices": lexical.indices,
        "lexical_indptr": lexical.indptr,
        "columns_data": columns.data,
        "columns_indices": columns.indices,
        "columns_indptr": columns.indptr,
    }
    label_texts = _Texts.of(texts)
    arrays["text_blob"], arrays["text_offsets"] = label_texts.blob, label_texts.offsets
    meta = {
        "format": INDEX_FORMAT,
        "kind": kind,
        "encoder": getattr(encoder, "name", None),
        "concepts": len(concepts.ids),
        "labels": len(texts),
        "words": word_vocabulary,
        "grams": gram_vocabulary,
        "spellings": sorted({w for label in folded for w in label.split() if len(w) >= 4}),
        "language_counts": counts,
        "label_counts": [len(is_fr) - sum(is_fr), sum(is_fr)],
        "lexical_shape": list(lexical.shape),
    }
    # Which labels the sentence encoder reads (all of them, or only preferred labels for the
    # 14,000 skills, whose 110,000 alternative labels would cost minutes and memory).
    embedded = [i for i, label_kind in enumerate(kinds) if label_kind in EMBEDDED_LABELS[kind]]
    arrays["embedded"] = np.asarray(embedded, dtype=np.int64)
    embeddings = _embeddings(kind, [clean[i].lower() for i in embedded], encoder)
    if embeddings is not None:
        concept = arrays["label_concept"][arrays["embedded"]]
        # Each concept's centroid: the mean direction of all its labels, a prototype that
        # rewards concepts whose labels agree with the query as a whole (not one odd label).
        centroids = np.zeros((len(concepts.ids), embeddings.shape[1]), dtype=np.float32)
        np.add.at(centroids, concept, embeddings)
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        norms[norms == 0] = 1
        arrays["centroids"] = centroids / norms
        # The label-kind weight is folded into the rows: the product gives weighted cosines.
        arrays["embeddings"] = np.ascontiguousarray(
            embeddings * label_weight[arrays["embedded"]][:, None], dtype=np.float32
        )
    return arrays, meta


class _Index:
    """All labels of one kind of concept, ready to score queries.

    Built from `_build`'s arrays, which are memory-mapped from the index files when they come
    from disk (shared by every process through the page cache), or plain arrays.
    """

    def __init__(self, kind, concepts, arrays, meta, encoder, fingerprint, path=None):
        self.kind = kind
        self.fingerprint = fingerprint
        self.path = path
        self.ids = concepts.ids
        self.uris = concepts.uris
        self.labels_en = concepts.labels_en
        self.labels_fr = concepts.labels_fr
        self.label_texts = _Texts(arrays["text_blob"], arrays["text_offsets"])
        self.label_concept = arrays["label_concept"]
        self.label_weight = arrays["label_weight"]
        self.label_is_fr = arrays["label_is_fr"]
        count = len(self.ids)
        # Labels are grouped by concept: each concept's labels start at starts[i].
        self.starts = np.searchsorted(self.label_concept, np.arange(count))
        self.ends = np.append(self.starts[1:], len(self.label_concept))
        self.segments = _Segments(self.starts, self.ends, len(self.label_concept))
        # Run 2c holds concept c's English labels, run 2c + 1 its French ones.
        self.language_runs = _Segments.of_keys(2 * self.label_concept + self.label_is_fr, 2 * count)
        self.words = _Vectoriser(meta["words"], arrays["word_idf"])
        self.grams = _Vectoriser(meta["grams"], arrays["gram_idf"])
        shape = tuple(meta["lexical_shape"])
        self.lexical = sparse.csr_matrix(
            (arrays["lexical_data"], arrays["lexical_indices"], arrays["lexical_indptr"]),
            shape=shape,
            copy=False,
        )
        self.lexical_columns = sparse.csc_matrix(
            (arrays["columns_data"], arrays["columns_indices"], arrays["columns_indptr"]),
            shape=shape,
            copy=False,
        )
        # The words of the labels as written (folded), to correct typos in queries.
        self.spellings = {}
        for word in meta["spellings"]:
            self.spellings.setdefault(word[0], []).append(word)
        self.language_counts = meta["language_counts"]
        english_labels, french_labels = meta["label_counts"]
        self.language_totals = (max(english_labels, 1), max(french_labels, 1))
        self.corrections = {}
        self.results = Recent(RESULT_CACHE_SIZE)
        self.encoder = encoder
        self.embedded = arrays["embedded"]
        self.embedded_position = np.full(len(self.label_concept), -1, dtype=np.int64)
        self.embedded_position[self.embedded] = np.arange(len(self.embedded))
        self.embeddings = arrays.get("embeddings")
        self.centroids = arrays.get("centroids")
        if self.embeddings is not None:
            concept = self.label_concept[self.embedded]
            self.runs = _Segments.of_keys(2 * concept + self.label_is_fr[self.embedded], 2 * count)

    def __len__(self):
        return len(self.ids)

    def correct(self, folded, similarity=TYPO_SIMILARITY, same_ending=False):
        """Replace words no label uses by the closest word labels use ("sofware" → "software").

        `similarity` is the rapidfuzz ratio (0..100) a correction needs. With `same_ending`,
        a correction must also keep the word's last two letters: a word that differs by its
        ending is usually another word of the same family ("agriculteur" / "agriculture",
        "diploma" / "diplomat"), not a typo ("excutive" / "executive").
        """
        words = folded.split()
        changed = False
        for i, word in enumerate(words):
            if len(word) < 4 or word.isdigit() or stem(word) in self.words.vocabulary:
                continue
            if word not in self.corrections:
                # Typos rarely hit the first letter: compare with words sharing it only.
                best = process.extractOne(
                    word,
                    self.spellings.get(word[0], ()),
                    scorer=fuzz.ratio,
                    score_cutoff=TYPO_SIMILARITY,
                )
                if len(self.corrections) > 50_000:
                    self.corrections.clear()
                self.corrections[word] = best[:2] if best else None
            correction = self.corrections[word]
            if (
                correction
                and correction[1] >= similarity
                and (not same_ending or correction[0][-2:] == word[-2:])
            ):
                words[i], changed = correction[0], True
        return " ".join(words) if changed else folded

    def french_odds(self, query, hint):
        """Log-odds that `query` is French rather than English, read from the query itself.

        Each folded word votes with how much more often French labels use it than English
        ones (function words included: "de", "aux", "of", "and" weigh most); words no label
        uses do not vote; the language toolkit's own evidence (accents, elisions, function
        words and endings of one language only) adds its log-odds. The interface language
        `hint` only breaks ties: it cannot outvote one clear word.
        """
        odds = LANGUAGE_HINT if hint == "fr" else -LANGUAGE_HINT
        english_total, french_total = self.language_totals
        cleaned = text.strip_noise(query)
        for word in fold_words(cleaned).split():
            english, french = self.language_counts.get(word, (0, 0))
            if english + french == 0:
                continue
            vote = np.log((french + 0.5) / french_total) - np.log((english + 0.5) / english_total)
            odds += float(np.clip(vote, -LANGUAGE_VOTE, LANGUAGE_VOTE))
        # The toolkit's reading of the words themselves: accents, elisions ("l'", "d'"),
        # function words and endings only one language uses.
        french_share = language_scores(cleaned)["fr"]
        odds += float(np.log(french_share / (1 - french_share)))
        return odds

    def prepare(self, queries):
        """Per query: its language (probability of French), its folded lexical text, and the
        texts the encoder reads (one per gender form)."""
        prepared = []
        for query, hint in queries:
            french = 1 / (1 + np.exp(-self.french_odds(query, hint)))
            lang = "fr" if french >= 0.5 else "en"
            forms = text.query_forms(query)
            folded = [text.expand(fold_words(form), lang) for form in forms]
            prepared.append((french, " ".join(folded), forms, folded))
        return prepared

    def channel_scores(self, queries):
        """Lexical scores of every label, semantic scores of every embedded label, the query
        vectors and the probability each query is French.

        Scores are label-major arrays, (labels, queries): pooling per concept then reads
        contiguous rows, which is several times faster than pooling along columns.
        """
        prepared = self.prepare(queries)
        french = np.asarray([entry[0] for entry in prepared], dtype=np.float32)
        normalised = [self.correct(entry[1]) for entry in prepared]
        features = [_features(folded) for folded in normalised]
        words = self.words.transform([w for w, _g in features])
        grams = self.grams.transform([g for _w, g in features])
        lexical = _similarity(
            self.lexical, self.lexical_columns, sparse.hstack([words, grams], format="csr")
        )
        if self.embeddings is None:
            return lexical, None, None, french
        vectors = self._query_vectors(prepared)
        with blas_threads(1):
            semantic = self.embeddings @ vectors.T
        return lexical, semantic, vectors, french

    def _query_vectors(self, prepared):
        """The encoder's vectors of the queries: the mean of their gender forms' vectors, each
        form read with only the surer typo corrections."""
        texts, owners = [], []
        for number, (_french, _lexical, forms, folded) in enumerate(prepared):
            for form, expanded in zip(forms, folded, strict=True):
                corrected = self.correct(expanded, ENCODER_TYPO_SIMILARITY, same_ending=True)
                texts.append(corrected if corrected != expanded else _semantic_text(form, expanded))
                owners.append(number)
        encoded = self.encoder.encode(texts)
        if len(texts) == len(prepared):
            return encoded
        vectors = np.zeros((len(prepared), encoded.shape[1]), dtype=np.float32)
        np.add.at(vectors, np.asarray(owners), encoded)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1
        return vectors / norms

    def concept_scores(self, lexical, semantic, vectors, french):
        """Pool label scores per concept and mix the methods: (concepts, queries)."""
        # The best lexical label per concept and language, mixed by the query's language.
        runs = self.language_runs.max(lexical)
        pooled = _by_language(runs[0::2], runs[1::2], french, LEXICAL_LANGUAGE)
        if semantic is None:
            return pooled
        pooled *= LEXICAL_WEIGHT
        # The best English and the best French label of each concept by meaning (0 when none).
        runs = self.runs.max(semantic)
        np.maximum(runs, 0, out=runs)
        english, french_labels = runs[0::2], runs[1::2]
        pooled += (1 - LEXICAL_WEIGHT) * _by_language(
            english, french_labels, french, SEMANTIC_LANGUAGE
        )
        # Agreement across languages: a concept whose English AND French labels both sit close
        # to the query is a safer answer than one reached through a single odd label.
        pooled += LANGUAGE_AGREEMENT * np.minimum(french_labels, english)
        pooled /= 1 + LANGUAGE_AGREEMENT
        # The same idea within the concept: closeness to the centroid of all its labels.
        with blas_threads(1):
            centroid = self.centroids @ vectors.T
        np.maximum(centroid, 0, out=centroid)
        pooled += CENTROID_WEIGHT * centroid
        pooled /= 1 + CENTROID_WEIGHT
        return pooled

    def search(self, queries, limit):
        """The best `limit` concepts per (query, lang): lists of (position, label, score)."""
        if not self.ids or not queries:
            return [[] for _ in queries]
        results = []
        for chunk_start in range(0, len(queries), CHUNK):
            chunk = queries[chunk_start : chunk_start + CHUNK]
            lexical, semantic, vectors, french = self.channel_scores(chunk)
            pooled = self.concept_scores(lexical, semantic, vectors, french)
            pooled = np.ascontiguousarray(pooled.T)
            count = min(limit, pooled.shape[1])
            best = np.argpartition(-pooled, count - 1, axis=1)[:, :count]
            best_scores = np.take_along_axis(pooled, best, axis=1)
            order = np.argsort(-best_scores, axis=1, kind="stable")
            best = np.take_along_axis(best, order, axis=1)
            best_scores = np.take_along_axis(best_scores, order, axis=1)
            for column in range(len(chunk)):
                found = []
                for position, score in zip(
                    best[column].tolist(), best_scores[column].tolist(), strict=True
                ):
                    if score <= MIN_SCORE:
                        break
                    label = self._matched_label(position, lexical, semantic, column)
                    found.append((position, label, score))
                results.append(found)
        return results

    def search_one(self, query, lang, limit):
        """`search` of a single query, remembered (RESULT_CACHE_SIZE answers, least recent out)."""
        key = (query, lang, limit)
        found = self.results.get(key)
        if found is None:
            found = tuple(self.search([(query, lang)], limit)[0])
            self.results.put(key, found)
        return found

    def _matched_label(self, position, lexical, semantic, column):
        """The label of a concept that scored best for the query in `column`."""
        start, end = self.starts[position], self.ends[position]
        label_scores = LEXICAL_WEIGHT * lexical[start:end, column]
        if semantic is not None:
            embedded = self.embedded_position[start:end]
            has = embedded >= 0
            label_scores[has] += (1 - LEXICAL_WEIGHT) * semantic[embedded[has], column]
        return self.label_texts[start + int(np.argmax(label_scores))]


def _by_language(english, french_labels, french, share):
    """Per concept, its English and French label scores mixed by the query's language.

    `french` is each query's probability of being French. With `share` 0 a concept counts its
    better language whatever the query's; with `share` 1 only the query's language counts (by
    its probability); between the two, both.
    """
    best = np.maximum(english, french_labels)
    if not share:
        return best
    own = french * french_labels + (1 - french) * english
    return (1 - share) * best + share * own


def _similarity(matrix, columns, queries):
    """Dot product of each row of `matrix` with each query row: dense (rows, queries)."""
    if queries.shape[0] == 1:
        # One query touches a handful of features: sum those columns only.
        row = queries.getrow(0)
        if not row.nnz:
            return np.zeros((matrix.shape[0], 1), dtype=np.float32)
        return np.asarray(columns[:, row.indices] @ row.data, dtype=np.float32).reshape(-1, 1)
    # Many queries: keep the features they use, then one sparse × dense product. Twice as fast
    # as a sparse × sparse product, whose (rows, queries) result is far from sparse.
    used = np.unique(queries.indices)
    if not len(used):
        return np.zeros((matrix.shape[0], queries.shape[0]), dtype=np.float32)
    dense = queries[:, used].T.toarray()
    return np.asarray(columns[:, used].tocsr() @ dense, dtype=np.float32)


def _semantic_text(form, expanded):
    """What the sentence encoder reads of one form of a query: the form as written (lower
    case), or its expansion when it has one (abbreviations, Canadian French)."""
    cleaned = form.lower()
    return expanded if expanded != fold_words(cleaned) else cleaned


def _embeddings(kind, texts, encoder):
    """Label embeddings, read from the disk cache when the same texts were encoded before."""
    if encoder is None or not texts:
        return None
    unique = sorted(set(texts))
    cache = _search_dir() / f"{kind}-{encoder.name}.npz"
    known = {}
    try:
        with np.load(cache, allow_pickle=False) as stored:
            known = dict(zip(stored["texts"].tolist(), stored["vectors"], strict=True))
    except (OSError, KeyError, ValueError):
        known = {}
    missing = [label for label in unique if label not in known]
    if missing:
        logger.info("Encoding %d %s labels", len(missing), kind)
        for start in range(0, len(missing), 256):
            batch = missing[start : start + 256]
            known.update(zip(batch, encoder.encode(batch), strict=True))
    # The cache keeps the labels of every data set this machine has seen (tests, an older
    # release), so switching back re-encodes nothing; it is pruned when that history grows big.
    oversized = len(known) > max(3 * len(unique), 100_000)
    if oversized:
        known = {label: known[label] for label in unique if label in known}
    if (missing or oversized) and getattr(encoder, "cacheable", True):
        stored_texts = sorted(known)
        vectors = np.stack([known[label] for label in stored_texts]).astype(np.float16)
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.stem}.{os.getpid()}.{threading.get_ident()}.tmp.npz")
        np.savez(partial, texts=np.asarray(stored_texts), vectors=vectors)
        partial.replace(cache)
    return np.stack([known[label] for label in texts]).astype(np.float32)


# --- Index files: built once, memory-mapped by every process. ---


def _search_dir():
    return Path(CACHE_DIR or Path(settings.DATA_DIR) / "search")


def _digest(kind, concepts, encoder):
    """What an index is built from: the concepts' labels, the encoder, and the code and
    settings that shape the index. Equal digests mean identical index files."""
    digest = hashlib.sha256()
    # The normalisation (text.py and the toolkit's folding, stems and gender forms it calls)
    # shapes every label's features; the rest of this module only reads the index (a change
    # to what _build writes must bump INDEX_FORMAT).
    for module in NORMALISATION_MODULES:
        digest.update(Path(importlib.import_module(module).__file__).read_bytes())
    shape = (INDEX_FORMAT, kind, getattr(encoder, "name", None), LABEL_KIND_WEIGHT, WORD_SHARE)
    digest.update(repr((shape, sorted(EMBEDDED_LABELS[kind]))).encode())
    for row in zip(concepts.ids, concepts.uris, concepts.labels, strict=True):
        digest.update(repr(row).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


def _save(folder, arrays, meta):
    """Write the index files into a new folder next to `folder`, then move it into place (a
    reader never sees half an index)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        # mkdtemp makes a private folder; the files are as readable as the data folder's others
        # (a CLI command run by another user reads them too).
        partial.chmod(0o777 & ~_umask())
        for name, array in arrays.items():
            np.save(partial / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
        (partial / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        try:
            partial.rename(folder)
        except OSError:  # another process finished the same index first: theirs is identical
            shutil.rmtree(partial, ignore_errors=True)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _load(folder):
    """The arrays (memory-mapped, read-only) and meta of an index folder, or None."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != INDEX_FORMAT:
            return None
        # Plain arrays viewing the mapped pages: the np.memmap subclass costs a Python call on
        # every indexing, and the hot paths index a lot.
        arrays = {
            path.stem: np.asarray(np.load(path, mmap_mode="r", allow_pickle=False))
            for path in folder.glob("*.npy")
        }
    except (OSError, ValueError):
        return None
    return arrays, meta


def _prune(kind, keep):
    """Remove index folders of `kind` that no current data needs: all but the newest few
    (a running process keeps reading a removed folder's mapped files until it reloads)."""
    folders = sorted(
        (path for path in (_search_dir() / "index").glob(f"{kind}-*") if path.is_dir()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for path in folders[INDEX_FOLDERS_KEPT:]:
        if path != keep:
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _build_lock(kind):
    """One process builds a given kind's index files at a time; the others wait, then load."""
    folder = _search_dir() / "index"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{kind}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _FilesMissing(Exception):
    """The index files of this data do not exist yet (and the caller does not build them)."""


def _open_index(kind, concepts, encoder, fingerprint, build=True):
    """The index of these concepts: from its files when they exist, else built and written
    (once, under a lock), and memory-mapped. An encoder that may not be cached (a test's fake)
    gets an index in memory only. With `build` false, missing files raise _FilesMissing."""
    if not getattr(encoder, "cacheable", True):
        arrays, meta = _build(kind, concepts, encoder)
        return _Index(kind, concepts, arrays, meta, encoder, fingerprint)
    folder = _search_dir() / "index" / f"{kind}-{_digest(kind, concepts, encoder)}"
    loaded = _load(folder)
    if loaded is None and not build and concepts.ids:
        raise _FilesMissing(kind)
    if loaded is None:
        try:
            with _build_lock(kind):
                loaded = _load(folder)
                if loaded is None:
                    started = time.monotonic()
                    _save(folder, *_build(kind, concepts, encoder))
                    logger.info("Built the %s index in %.1f s", kind, time.monotonic() - started)
                    _prune(kind, folder)
                    loaded = _load(folder)
        except OSError:  # a read-only or full data folder
            logger.exception("Could not write the %s index files: keeping it in memory", kind)
    if loaded is None:  # unreadable files (full disk...): an index in memory still works
        arrays, meta = _build(kind, concepts, encoder)
        return _Index(kind, concepts, arrays, meta, encoder, fingerprint)
    return _Index(kind, concepts, *loaded, encoder, fingerprint, path=folder)


# --- The index registry: opened lazily, rebuilt when the data changes. ---

_indexes = {}
_lock = threading.Lock()
_generation = {OCCUPATIONS: 0, SKILLS: 0}


def _table_fingerprint(kind):
    model = Occupation if kind == OCCUPATIONS else Skill
    summary = model.objects.filter(retired=False).aggregate(
        count=Count("pk"), low=Min("pk"), high=Max("pk")
    )
    latest_import = TaxonomyImport.objects.aggregate(latest=Max("pk"))["latest"]
    return (_generation[kind], latest_import, summary["count"], summary["low"], summary["high"])


# How long a checked fingerprint is trusted. Changes made in this process are seen at once
# (model signals bump the generation); another process's import is seen within this delay.
FINGERPRINT_TTL = 2.0
_checked = {}


def _index(kind, build=True):
    index = _indexes.get(kind)
    now = time.monotonic()
    checked = _checked.get(kind)
    if (
        index is not None
        and checked is not None
        and now - checked[0] < FINGERPRINT_TTL
        and checked[1] == _generation[kind]
        and index.fingerprint == checked[2]
    ):
        return index
    fingerprint = _table_fingerprint(kind)
    _checked[kind] = (now, _generation[kind], fingerprint)
    if index is not None and index.fingerprint == fingerprint:
        return index
    with _lock:
        index = _indexes.get(kind)
        if index is None or index.fingerprint != fingerprint:
            concepts = _load_concepts(kind)
            index = _open_index(kind, concepts, get_encoder(), fingerprint, build)
            _indexes[kind] = index
    return index


def warm_up(build_apart: bool = False) -> None:
    """Open both indexes and load the sentence encoder now, not on the first search.

    `parcours serve` calls it once in gunicorn's master process before the workers fork. The
    indexes come from their files (memory-mapped: every worker shares one copy through the
    page cache). When this data has no files yet (a first start after an upgrade that changes
    them), `build_apart` builds them in a separate Python process: building takes hundreds of
    MB that the master would otherwise keep, and its workers inherit.
    """
    indexes, missing = [], []
    for kind in (OCCUPATIONS, SKILLS):
        try:
            indexes.append(_index(kind, build=not build_apart))
        except _FilesMissing:
            missing.append(kind)
    if missing:
        logger.info("Building the %s index files in a separate process", " and ".join(missing))
        script = "import django; django.setup(); from taxonomy import search; search.warm_up()"
        subprocess.run([sys.executable, "-c", script], check=False, env=os.environ.copy())
        indexes += [_index(kind) for kind in missing]  # built here if the other process failed
    if any(len(index) for index in indexes):  # without a taxonomy nothing needs the encoder
        get_encoder().load()


def rebuild_index() -> None:
    """Build both indexes' files now (the importer calls this after an import), so no
    server waits for them."""
    with _lock:
        _indexes.clear()
    for kind in (OCCUPATIONS, SKILLS):
        _generation[kind] += 1
        _index(kind)


def invalidate() -> None:
    """Check the tables again on the next search, however recently they were checked.

    Model signals do this for saves and deletes; a rolled-back transaction or a bulk insert
    sends none (tests call this between tests, as they do for the label lookup)."""
    for kind in (OCCUPATIONS, SKILLS):
        _generation[kind] += 1


def _mark_stale(sender, **kwargs):
    _generation[OCCUPATIONS if sender is Occupation else SKILLS] += 1


post_save.connect(_mark_stale, sender=Occupation, dispatch_uid="search-occupation-saved")
post_delete.connect(_mark_stale, sender=Occupation, dispatch_uid="search-occupation-deleted")
post_save.connect(_mark_stale, sender=Skill, dispatch_uid="search-skill-saved")
post_delete.connect(_mark_stale, sender=Skill, dispatch_uid="search-skill-deleted")


# --- Public functions. ---


def _clamp(limit):
    return max(1, min(int(limit), MAX_LIMIT))


def _matches(index, found, lang):
    labels = index.labels_fr if lang == "fr" else index.labels_en
    return [
        Match(
            uri=index.uris[position],
            concept_id=index.ids[position],
            label=labels[position],
            matched_label=matched,
            score=round(min(1.0, max(0.0, score)), 4),
        )
        for position, matched, score in found
    ]


def _search(kind, query, lang, limit):
    query = (query or "").strip()
    if not query:
        return []
    lang = "fr" if lang == "fr" else "en"
    index = _index(kind)
    return _matches(index, index.search_one(query, lang, _clamp(limit)), lang)


def search_occupations(query: str, lang: str = "en", limit: int = 10) -> list[Match]:
    """ESCO occupations that best match a job title, in English or French, best first."""
    return _search(OCCUPATIONS, query, lang, limit)


def search_skills(query: str, lang: str = "en", limit: int = 10) -> list[Match]:
    """ESCO skills and knowledge that best match a text, in English or French, best first."""
    return _search(SKILLS, query, lang, limit)


def match_many(kind: str, queries: list[tuple[str, str]], limit: int = 10) -> list[list[Match]]:
    """Answer many (query, lang) pairs at once, much faster than one by one."""
    index = _index(kind)
    cleaned = [((query or "").strip(), "fr" if lang == "fr" else "en") for query, lang in queries]
    answerable = [i for i, (query, _lang) in enumerate(cleaned) if query]
    found = index.search([cleaned[i] for i in answerable], _clamp(limit))
    results = [[] for _ in queries]
    for i, matches in zip(answerable, found, strict=True):
        results[i] = _matches(index, matches, cleaned[i][1])
    return results


def build_index(kind: str, label_langs: tuple[str, ...] | None = None) -> _Index:
    """A private index of `kind` over the labels of `label_langs` only (all when None): the
    bench's one-language protocol (MELO: French queries against French labels only)."""
    concepts = _load_concepts(kind)
    if label_langs:
        concepts.labels = [
            [label for label in labels if label[1] in label_langs] for labels in concepts.labels
        ]
    encoder = get_encoder()
    return _Index(kind, concepts, *_build(kind, concepts, encoder), encoder, None)


def match_with(index: _Index, queries: list[tuple[str, str]], limit: int = 10) -> list[list[Match]]:
    """`match_many` on an index from `build_index`."""
    cleaned = [((query or "").strip(), "fr" if lang == "fr" else "en") for query, lang in queries]
    found = index.search(cleaned, _clamp(limit))
    return [
        _matches(index, matches, lang) for matches, (_q, lang) in zip(found, cleaned, strict=True)
    ]


@dataclass(frozen=True)
class Channels:
    """Per-concept scores of a batch of (query, lang) pairs, for rules built on the index
    (taxonomy.linking): each array is (concepts, queries), float32, concepts in `ids` order."""

    ids: list
    uris: list
    labels_en: list
    labels_fr: list
    lexical: np.ndarray  # the best lexical label (every label, both languages)
    semantic: np.ndarray  # the best embedded label by meaning, either language (0 without encoder)
    fused: np.ndarray  # the search score itself


def channels(kind: str, queries: list[tuple[str, str]]) -> Channels:
    """The lexical, semantic and fused scores of every concept for (query, lang) pairs."""
    index = _index(kind)
    count = len(index.ids)
    lexical = np.zeros((count, len(queries)), dtype=np.float32)
    semantic, fused = np.zeros_like(lexical), np.zeros_like(lexical)
    for start in range(0, len(queries) if count else 0, CHUNK):
        chunk = [
            ((query or "").strip() or "-", "fr" if lang == "fr" else "en")
            for query, lang in queries[start : start + CHUNK]
        ]
        end = start + len(chunk)
        label_lexical, label_semantic, vectors, french = index.channel_scores(chunk)
        lexical[:, start:end] = index.segments.max(label_lexical)
        fused[:, start:end] = index.concept_scores(label_lexical, label_semantic, vectors, french)
        if label_semantic is not None:
            runs = index.runs.max(label_semantic)
            semantic[:, start:end] = np.maximum(runs[0::2], runs[1::2])
    return Channels(
        index.ids, index.uris, index.labels_en, index.labels_fr, lexical, semantic, fused
    )


def match_occupations(queries: list[tuple[str, str]], limit: int = 10) -> list[list[Match]]:
    """Batch occupation search: a list of (query, lang) → a list of Match lists."""
    return match_many(OCCUPATIONS, queries, limit)
