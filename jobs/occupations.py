"""Finding the target occupation of an application.

The taxonomy app's search (`taxonomy.search.search_occupations`) ranks ESCO occupations by
their labels in both languages; where it is not installed, a plain label match stands in.
"""

from django.db.models import Q

from taxonomy.models import Occupation

LIMIT = 10


def _search():
    try:
        from taxonomy.search import search_occupations
    except ImportError:
        return None
    return search_occupations


def search_available() -> bool:
    return _search() is not None


def find_occupations(query: str, language: str = "en") -> list[Occupation]:
    """Up to LIMIT occupations matching `query`, best first."""
    from taxonomy.models import Occupation

    query = (query or "").strip()
    if not query:
        return []
    search = _search()
    if search is None:
        return list(
            Occupation.objects.filter(Q(label_en__icontains=query) | Q(label_fr__icontains=query))
            .only("id", "label_en", "label_fr", "uri")
            .order_by("label_en")[:LIMIT]
        )
    ids = [match.concept_id for match in search(query, lang=language, limit=LIMIT)]
    found = Occupation.objects.only("id", "label_en", "label_fr", "uri").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
