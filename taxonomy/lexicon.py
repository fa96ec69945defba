"""ESCO occupation and skill labels found inside a free text: a small, fast lookup.

`labels_in(text)` returns the ESCO concepts whose label (preferred or alternative, English or
French, every gender form: "couvreur/couvreuse" gives both) the text contains as whole words,
longest first, with the stretch of the text each came from. Words are compared folded and
lightly stemmed (`core.language`), so "Coiffeuse", "coiffeurs" and "coiffeur" meet.

The lookup is built once per process from the label columns (two queries), kept while the
taxonomy does not change (the same fingerprint as search, checked at most every few seconds),
and is empty, not an error, when the taxonomy is empty or not migrated. Finding the labels of
one goal then costs microseconds. Building it from the full ESCO import takes a few seconds, so
the result is kept on disk next to the search index (`DATA_DIR/search/lexicon.json`, with the
fingerprint it was built for): a new process (`parcours goals check`) reads it in a fraction of
a second.

Which labels count, read from the data rather than listed by hand:
- occupations: every preferred and alternative label; a one-word alternative label only when
  that word is the head of the labels it appears in (last word in English: "pastry cook";
  first in French: "cuisinier de collectivité"), so a modifier such as "general" or "major" is
  not an occupation; a word that heads several labels is a role even when no label is that
  word alone ("veterinarian" heads "general veterinarian", "official veterinarian"); hidden
  labels (misspellings) are left out; a one-word occupation right after a possessive ("ma
  carrière", "my career") is the person's own, not an occupation named (French "carrière" is
  also the feminine of "carrier", quarry worker);
- skills: preferred and alternative labels of two words or more; a one-word skill only when it
  is a preferred knowledge label ("psychology", "welding") or a proper name ("Python",
  "Spanish"), and a proper name only when the text writes it with a capital too.
"""

import json
import os
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save

from core.language import fold_words, function_words, gender_forms, stem, tokenise

__all__ = ["LabelHit", "Lexicon", "invalidate", "labels_in", "lexicon"]

MAX_WORDS = 8
# Bump when the rules that build the lookup change: the copy on disk is then rebuilt.
LEXICON_VERSION = 3
# A lookup smaller than this (a test's tiny taxonomy) is not worth keeping on disk.
MIN_ENTRIES_ON_DISK = 1000
# Possessives: "my X" is something the person has, not an occupation they name.
_OWN = frozenset(
    ["my", "our", "his", "her", "their", "ma", "mon", "mes", "notre", "nos", "sa", "son"]
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class LabelHit:
    kind: str  # "occupation" or "skill"
    concept_id: int | None  # None for a role noun that heads labels but is none itself
    text: str  # the words of the text, as written
    start: int
    end: int
    words: int  # how many words the label has


def _key(label):
    """The folded, stemmed words of a label, joined by spaces."""
    return " ".join(stem(word) for word in fold_words(label).split())


def _forms(label):
    """The spellings a label is found under: without its qualifier in parentheses, each
    gender form ("couvreur/couvreuse" → "couvreur", "couvreuse")."""
    label = _PARENTHESES.sub("", label).strip()
    return gender_forms(label) if label else []


class Lexicon:
    """Folded, stemmed label words (joined by spaces) → (kind, concept id); see the module's
    docstring."""

    def __init__(self, occupations=(), skills=(), fingerprint=None):
        self.fingerprint = fingerprint
        self.entries = {}
        self.proper = set()  # one-word keys that must be written with a capital
        # One-word keys and the folded words they were written as: a one-word label matches
        # only these words or their plurals, so a stem shared across the languages does not
        # ("carrière" and "carrier" share the stem "carrier").
        self.surfaces = {}
        stop = function_words()
        occupation_keys = [
            (concept_id, lang, kind, [(_key(form), form) for form in _forms(label)])
            for concept_id, labels in occupations
            for label, lang, kind in labels
        ]
        heads = _head_words(occupation_keys)
        for concept_id, lang, kind, keys in occupation_keys:
            for key, _form in keys:
                one_word = key and " " not in key
                if not key or (one_word and (key in stop or len(key) < 3)):
                    continue
                if one_word and kind != "preferred" and key not in heads[lang]:
                    continue
                self._add(key, _form, ("occupation", concept_id))
        for concept_id, labels, knowledge in skills:
            for label, lang, kind in labels:
                one_word = " " not in label.strip()
                if not one_word or kind == "preferred":
                    for form in _forms(label):
                        self._add_skill(_key(form), form, lang, kind, knowledge, concept_id, stop)
        # Last, the head noun of several occupation labels is a role too ("veterinarian" heads
        # "general veterinarian", "official veterinarian"...), though no concept is that word.
        for words in heads.values():
            for word, count in words.items():
                if count >= 2 and word not in stop and len(word) >= 4:
                    self._add(word, None, ("occupation", None))
        self.longest = max((key.count(" ") + 1 for key in self.entries), default=0)
        # Every folded word of every label, as written: what the taxonomy's vocabulary holds
        # ("manager", "customer", "summer"), so that a check can tell a word of the world of
        # work from one that is not ("stronger", "happier").
        self.words = {
            word
            for _id, labels in occupations
            for label, _lang, _kind in labels
            for word in fold_words(label).split()
        } | {
            word
            for _id, labels, _knowledge in skills
            for label, _lang, _kind in labels
            for word in fold_words(label).split()
        }

    def _add_skill(self, key, form, lang, kind, knowledge, concept_id, stop):
        if not key:
            return
        if " " not in key:
            capital = form[:1].isupper()
            if kind != "preferred" or not (knowledge or capital):
                return
            if key in stop or len(key) < 2:
                return
            if capital and lang == "en":
                self.proper.add(key)
        self._add(key, form, ("skill", concept_id))

    def _add(self, key, form, value):
        self.entries.setdefault(key, value)
        if " " not in key:
            surfaces = self.surfaces.setdefault(key, [])
            surface = fold_words(form) if form else key
            if surface not in surfaces:
                surfaces.append(surface)

    def _written_as(self, key, word):
        if self.entries[key][1] is None:
            return True  # a role noun: any of its forms ("éducatrice" for "éducateur")
        surfaces = self.surfaces.get(key, ())
        return word in surfaces or word.rstrip("sx") in surfaces or word[:-1] in surfaces

    def as_json(self):
        return {
            "version": LEXICON_VERSION,
            "fingerprint": list(self.fingerprint or ()),
            "entries": self.entries,
            "proper": sorted(self.proper),
            "surfaces": self.surfaces,
            "longest": self.longest,
            "words": sorted(self.words),
        }

    @classmethod
    def from_json(cls, data, fingerprint):
        lexicon = cls(fingerprint=fingerprint)
        lexicon.entries = data["entries"]
        lexicon.proper = set(data["proper"])
        lexicon.surfaces = data["surfaces"]
        lexicon.longest = int(data["longest"])
        lexicon.words = set(data["words"])
        return lexicon

    def uses_word(self, folded_word: str) -> bool:
        """Whether some ESCO label (occupation or skill, either language) has this word."""
        return folded_word in self.words

    def __len__(self):
        return len(self.entries)

    def find(self, text):
        """The labels `text` contains, left to right, longest first, without overlaps."""
        if not self.entries:
            return []
        words = []  # (stem, start, end, capitalised)
        for token in tokenise(text):
            for word in fold_words(token.text).split():
                capital = token.text[:1].isupper()
                words.append((stem(word), token.start, token.end, capital, word))
        hits, at = [], 0
        while at < len(words):
            for size in range(min(self.longest, len(words) - at), 0, -1):
                key = " ".join(word[0] for word in words[at : at + size])
                found = self.entries.get(key)
                if found is None or (key in self.proper and not words[at][3]):
                    continue
                if size == 1 and not self._written_as(key, words[at][4]):
                    continue
                if size == 1 and found[0] == "occupation" and at and words[at - 1][4] in _OWN:
                    continue  # "ma carrière" is the person's career, not the quarry worker
                start, end = words[at][1], words[at + size - 1][2]
                hits.append(LabelHit(found[0], found[1], text[start:end], start, end, size))
                at += size
                break
            else:
                at += 1
        return hits


def _head_words(occupation_keys):
    """{lang: {stem: labels it heads}} for the words that head the occupation labels they
    appear in at least as often as they modify one (last word in English, first in French)."""
    head, other = {"en": Counter(), "fr": Counter()}, {"en": Counter(), "fr": Counter()}
    for _concept_id, lang, _kind, keys in occupation_keys:
        for key, _form in keys:
            words = key.split()
            if len(words) == 1:
                head[lang][words[0]] += 1  # a one-word label heads itself
                continue
            position = len(words) - 1 if lang == "en" else 0
            for index, word in enumerate(words):
                (head if index == position else other)[lang][word] += 1
    return {lang: {w: n for w, n in head[lang].items() if n >= other[lang][w]} for lang in head}


def _lines(value):
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _load():
    from taxonomy.models import Occupation, Skill

    occupations = []
    for row in Occupation.objects.filter(retired=False).values_list(
        "pk", "label_en", "label_fr", "alt_labels_en", "alt_labels_fr"
    ):
        labels = [(row[1], "en", "preferred"), (row[2], "fr", "preferred")]
        labels += [(label, "en", "alternative") for label in _lines(row[3])]
        labels += [(label, "fr", "alternative") for label in _lines(row[4])]
        occupations.append((row[0], [label for label in labels if label[0]]))
    skills = []
    for row in Skill.objects.filter(retired=False).values_list(
        "pk", "label_en", "label_fr", "alt_labels_en", "alt_labels_fr", "skill_type"
    ):
        labels = [(row[1], "en", "preferred"), (row[2], "fr", "preferred")]
        labels += [(label, "en", "alternative") for label in _lines(row[3])]
        labels += [(label, "fr", "alternative") for label in _lines(row[4])]
        skills.append((row[0], [label for label in labels if label[0]], row[5] == "knowledge"))
    return occupations, skills


def _fingerprint():
    from taxonomy.models import Occupation, Skill, TaxonomyImport

    return [
        *Occupation.objects.aggregate(n=Count("pk"), high=Max("pk")).values(),
        *Skill.objects.aggregate(n=Count("pk"), high=Max("pk")).values(),
        TaxonomyImport.objects.aggregate(latest=Max("pk"))["latest"],
    ]


def _disk_path():
    return Path(settings.DATA_DIR) / "search" / "lexicon.json"


def _read_disk(fingerprint):
    """The lookup kept on disk for this fingerprint, or None."""
    try:
        with open(_disk_path(), encoding="utf-8") as stored:
            data = json.load(stored)
        if data.get("version") == LEXICON_VERSION and data.get("fingerprint") == fingerprint:
            return Lexicon.from_json(data, fingerprint)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def _write_disk(lexicon):
    if len(lexicon) < MIN_ENTRIES_ON_DISK:
        return
    path = _disk_path()
    partial = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "w", encoding="utf-8") as stored:
            json.dump(lexicon.as_json(), stored, ensure_ascii=False)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)  # a read-only data folder only costs the next start


# How long a checked fingerprint is trusted (an import in another process is seen after it).
FINGERPRINT_TTL = 2.0
_cache = {"lexicon": None, "checked": 0.0}
_lock = threading.Lock()


def lexicon() -> Lexicon:
    """The lookup for the current taxonomy (empty when there is none)."""
    current = _cache["lexicon"]
    now = time.monotonic()
    if current is not None and now - _cache["checked"] < FINGERPRINT_TTL:
        return current
    try:
        fingerprint = _fingerprint()
    except DatabaseError:
        return current or Lexicon()
    _cache["checked"] = now
    if current is not None and current.fingerprint == fingerprint:
        return current
    with _lock:
        current = _cache["lexicon"]
        if current is None or current.fingerprint != fingerprint:
            current = _read_disk(fingerprint)
            if current is None:
                try:
                    current = Lexicon(*_load(), fingerprint=fingerprint)
                except DatabaseError:
                    current = Lexicon()
                else:
                    _write_disk(current)
            _cache["lexicon"] = current
    return current


def invalidate() -> None:
    """Build the lookup again at its next use (labels changed in this process)."""
    _cache["lexicon"] = None
    _cache["checked"] = 0.0


def _mark_stale(sender, **kwargs):
    invalidate()


def _connect():
    from taxonomy.models import Occupation, Skill

    for model in (Occupation, Skill):
        for signal in (post_save, post_delete):
            signal.connect(_mark_stale, sender=model, dispatch_uid=f"lexicon-{model.__name__}")


_connect()


def labels_in(text: str) -> list[LabelHit]:
    """The ESCO labels `text` contains (see `Lexicon.find`)."""
    return lexicon().find(text)
