"""Occupation and skill search: one rule behind the web page, the API and the CLI.

A query is matched against every label of every concept (preferred, alternative and hidden
labels, in English and in French) by two methods whose scores are mixed:

- lexical: TF-IDF cosine over the folded, stemmed words of the labels plus their character
  trigrams, so accents, case, plurals, masculine/feminine forms and typos barely matter;
- semantic: the cosine of multilingual sentence embeddings (taxonomy.encoder), which finds
  "préposé aux bénéficiaires" → "health care assistant" and "Sr. dev" → "software developer"
  across languages and wordings.

A concept's score mixes its best lexical label, its best English and best French label by
meaning (and their agreement), and how close the query sits to the centroid of all its label
embeddings; the label that scored best is the `matched_label`. The index lives in memory, is
rebuilt when the taxonomy changes (a cheap fingerprint of the table, plus model signals) and
keeps its label embeddings on disk in settings.DATA_DIR, keyed by the label texts, so a warm
start does not re-encode anything.

Public contract: `search_occupations`, `search_skills` (lists of `Match`, best first),
`match_occupations` (batch), `rebuild_index`.
"""

import importlib
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import Count, Max, Min
from django.db.models.signals import post_delete, post_save

from core.language import fold_words, stem
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


class _Vectoriser:
    """Binary TF-IDF over a fixed vocabulary, rows L2-normalised."""

    def __init__(self, documents):
        # Columns in order of first appearance. Each document's features are a set, so a
        # feature's document frequency is how often its column appears: one bincount. (A loop
        # per feature was a quarter of building the skill index.)
        vocabulary, lengths, cols = {}, [], []
        for features in documents:
            lengths.append(len(features))
            cols.extend([vocabulary.setdefault(feature, len(vocabulary)) for feature in features])
        count = len(documents)
        cols = np.asarray(cols, dtype=np.int64)
        rows = np.repeat(np.arange(count, dtype=np.int64), lengths)
        frequencies = np.bincount(cols, minlength=len(vocabulary)).astype(np.float32)
        self.vocabulary = vocabulary
        self.idf = (np.log((count + 1) / (frequencies + 1)) + 1).astype(np.float32)
        data = self.idf[cols]
        matrix = sparse.csr_matrix(
            (data, (rows, cols)), shape=(count, len(vocabulary)), dtype=np.float32
        )
        self.matrix = _normalise_rows(matrix)

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


class _Index:
    """All labels of one kind of concept, ready to score queries."""

    def __init__(self, kind, concepts, encoder, fingerprint):
        self.kind = kind
        self.fingerprint = fingerprint
        self.ids = concepts.ids
        self.uris = concepts.uris
        self.labels_en = concepts.labels_en
        self.labels_fr = concepts.labels_fr
        self.label_texts, label_concept, weights, clean, langs, kinds = [], [], [], [], [], []
        folded = []
        for position, labels in enumerate(concepts.labels):
            seen = set()
            # English labels first, then French: each concept's labels form two contiguous
            # runs, so the best label per language is one pooling pass (concept_scores).
            for label, lang, label_kind in sorted(labels, key=lambda label: label[1] == "fr"):
                cleaned = text.clean_label(label)
                key = fold_words(cleaned)
                if not key or key in seen:
                    continue
                seen.add(key)
                self.label_texts.append(label)
                label_concept.append(position)
                weights.append(LABEL_KIND_WEIGHT[label_kind])
                langs.append(lang)
                kinds.append(label_kind)
                clean.append(cleaned)
                folded.append(key)  # folding is a third of the build: once per label
        self.label_concept = np.asarray(label_concept, dtype=np.int64)
        self.label_weight = np.asarray(weights, dtype=np.float32)
        self.label_is_fr = np.asarray([lang == "fr" for lang in langs], dtype=bool)
        # Labels are grouped by concept: each concept's labels start at starts[i].
        self.starts = np.searchsorted(self.label_concept, np.arange(len(self.ids)))
        self.ends = np.append(self.starts[1:], len(self.label_texts))
        self.segments = _Segments(self.starts, self.ends, len(self.label_texts))
        features = [_features(label) for label in folded]
        self.words = _Vectoriser([words for words, _grams in features])
        self.grams = _Vectoriser([grams for _words, grams in features])
        # One sparse matrix for both lexical channels, each label row already weighted by its
        # kind and each channel by its share: one product gives the lexical score.
        self.lexical = sparse.hstack(
            [
                sparse.diags(WORD_SHARE * self.label_weight) @ self.words.matrix,
                sparse.diags((1 - WORD_SHARE) * self.label_weight) @ self.grams.matrix,
            ],
            format="csr",
            dtype=np.float32,
        )
        self.lexical_columns = self.lexical.tocsc()
        # The words of the labels as written (folded), to correct typos in queries.
        self.spellings = {}
        for word in sorted({w for label in folded for w in label.split() if len(w) >= 4}):
            self.spellings.setdefault(word[0], []).append(word)
        self.corrections = {}
        self.results = Recent(RESULT_CACHE_SIZE)
        self.encoder = encoder
        # Which labels the sentence encoder reads (all of them, or only preferred labels for
        # the 14,000 skills, whose 110,000 alternative labels would cost minutes and memory).
        embedded = [i for i, label_kind in enumerate(kinds) if label_kind in EMBEDDED_LABELS[kind]]
        self.embedded = np.asarray(embedded, dtype=np.int64)
        self.embedded_position = np.full(len(clean), -1, dtype=np.int64)
        self.embedded_position[self.embedded] = np.arange(len(embedded))
        embeddings = _embeddings(kind, [clean[i].lower() for i in embedded], encoder)
        self.embeddings = self.centroids = None
        if embeddings is not None:
            self._prepare_semantic(embeddings)

    def _prepare_semantic(self, embeddings):
        """Weighted label embeddings, per-language pooling runs and concept centroids."""
        concept = self.label_concept[self.embedded]
        # The label-kind weight is folded into the rows: the product gives weighted cosines.
        self.embeddings = np.ascontiguousarray(
            embeddings * self.label_weight[self.embedded][:, None], dtype=np.float32
        )
        # Run 2c holds concept c's English labels, run 2c + 1 its French ones.
        run_keys = 2 * concept + self.label_is_fr[self.embedded]
        run_count = 2 * len(self.ids)
        run_starts = np.searchsorted(run_keys, np.arange(run_count))
        run_ends = np.append(run_starts[1:], len(run_keys))
        self.runs = _Segments(run_starts, run_ends, len(run_keys))
        # Each concept's centroid: the mean direction of all its labels, a prototype that
        # rewards concepts whose labels agree with the query as a whole (not one odd label).
        centroids = np.zeros((len(self.ids), embeddings.shape[1]), dtype=np.float32)
        np.add.at(centroids, concept, embeddings)
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        norms[norms == 0] = 1
        self.centroids = centroids / norms

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

    def channel_scores(self, queries):
        """Lexical scores of every label, semantic scores of every embedded label, and the
        query vectors.

        Scores are label-major arrays, (labels, queries): pooling per concept then reads
        contiguous rows, which is several times faster than pooling along columns.
        """
        expanded = [text.normalise_query(query, lang) for query, lang in queries]
        normalised = [self.correct(folded) for folded in expanded]
        features = [_features(folded) for folded in normalised]
        words = self.words.transform([w for w, _g in features])
        grams = self.grams.transform([g for _w, g in features])
        lexical = _similarity(
            self.lexical, self.lexical_columns, sparse.hstack([words, grams], format="csr")
        )
        if self.embeddings is None:
            return lexical, None, None
        vectors = self._query_vectors(queries, expanded)
        with blas_threads(1):
            semantic = self.embeddings @ vectors.T
        return lexical, semantic, vectors

    def _query_vectors(self, queries, expanded):
        """The encoder's vectors of the queries, with only the surer typo corrections."""
        texts = []
        for (query, _lang), folded in zip(queries, expanded, strict=True):
            corrected = self.correct(folded, ENCODER_TYPO_SIMILARITY, same_ending=True)
            texts.append(corrected if corrected != folded else _semantic_text(query, folded))
        return self.encoder.encode(texts)

    def concept_scores(self, lexical, semantic, vectors):
        """Pool label scores per concept and mix the methods: (concepts, queries)."""
        pooled = self.segments.max(lexical)
        if semantic is None:
            return pooled
        pooled *= LEXICAL_WEIGHT
        # The best English and the best French label of each concept (0 when it has none).
        runs = self.runs.max(semantic)
        np.maximum(runs, 0, out=runs)
        english, french = runs[0::2], runs[1::2]
        pooled += (1 - LEXICAL_WEIGHT) * np.maximum(french, english)
        # Agreement across languages: a concept whose English AND French labels both sit close
        # to the query is a safer answer than one reached through a single odd label.
        pooled += LANGUAGE_AGREEMENT * np.minimum(french, english)
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
            lexical, semantic, vectors = self.channel_scores(chunk)
            pooled = np.ascontiguousarray(self.concept_scores(lexical, semantic, vectors).T)
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


def _semantic_text(query, normalised):
    """What the sentence encoder reads: the cleaned query, or its expansion when it has one."""
    cleaned = text.clean_label(query).lower()
    return normalised if normalised != fold_words(cleaned) else cleaned


def _embeddings(kind, texts, encoder):
    """Label embeddings, read from the disk cache when the same texts were encoded before."""
    if encoder is None or not texts:
        return None
    unique = sorted(set(texts))
    cache = Path(CACHE_DIR or Path(settings.DATA_DIR) / "search") / f"{kind}-{encoder.name}.npz"
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
        # Keep what other databases (tests, an older release) needed too: the cache only grows
        # by the labels of the data sets this machine has seen.
        stored_texts = sorted(known)
        vectors = np.stack([known[label] for label in stored_texts]).astype(np.float16)
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.stem}.{os.getpid()}.{threading.get_ident()}.tmp.npz")
        np.savez(partial, texts=np.asarray(stored_texts), vectors=vectors)
        partial.replace(cache)
    return np.stack([known[label] for label in texts]).astype(np.float32)


# --- The index registry: built lazily, rebuilt when the data changes. ---

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


def _index(kind):
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
            index = _Index(kind, _load_concepts(kind), get_encoder(), fingerprint)
            _indexes[kind] = index
    return index


def warm_up():
    """Load the sentence encoder and build both indexes now, not on the first search.

    `parcours serve` calls it once in gunicorn's master process before the workers fork: they
    then share the model and the indexes (copy-on-write) instead of each loading its own on its
    first search, which cost seconds per worker under load.
    """
    indexes = [_index(kind) for kind in (OCCUPATIONS, SKILLS)]
    if any(len(index) for index in indexes):  # without a taxonomy nothing needs the encoder
        get_encoder().load()


def rebuild_index():
    """Rebuild both indexes now (the importer calls this after an import)."""
    with _lock:
        _indexes.clear()
    for kind in (OCCUPATIONS, SKILLS):
        _generation[kind] += 1
        _index(kind)


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


def search_occupations(query, lang="en", limit=10):
    """ESCO occupations that best match a job title, in English or French, best first."""
    return _search(OCCUPATIONS, query, lang, limit)


def search_skills(query, lang="en", limit=10):
    """ESCO skills and knowledge that best match a text, in English or French, best first."""
    return _search(SKILLS, query, lang, limit)


def match_many(kind, queries, limit=10):
    """Answer many (query, lang) pairs at once, much faster than one by one."""
    index = _index(kind)
    cleaned = [((query or "").strip(), "fr" if lang == "fr" else "en") for query, lang in queries]
    answerable = [i for i, (query, _lang) in enumerate(cleaned) if query]
    found = index.search([cleaned[i] for i in answerable], _clamp(limit))
    results = [[] for _ in queries]
    for i, matches in zip(answerable, found, strict=True):
        results[i] = _matches(index, matches, cleaned[i][1])
    return results


def match_occupations(queries, limit=10):
    """Batch occupation search: a list of (query, lang) → a list of Match lists."""
    return match_many(OCCUPATIONS, queries, limit)


def match_skills(queries, limit=10):
    """Batch skill search: a list of (query, lang) → a list of Match lists."""
    return match_many(SKILLS, queries, limit)
