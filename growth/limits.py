"""How much one person may keep in the growth app, so that one account cannot fill the disk.

Each cap has a default here and can be changed in the project settings (read at call time, so
tests can use override_settings). The numbers are far above what a person uses: a large address
book has a few thousand contacts; a busy industry watch a few dozen feeds.
"""

from django.conf import settings

DEFAULTS = {
    # Contacts per person (web, API, vCard import and `parcours contacts import-vcard`).
    "GROWTH_MAX_CONTACTS": 10_000,
    # Feeds followed per person.
    "GROWTH_MAX_FEEDS": 100,
    # Articles kept per feed: the newest; older ones are dropped as new ones arrive. With the
    # feeds cap, at most 50,000 stored articles per person.
    "GROWTH_MAX_ENTRIES_PER_FEED": 500,
    # One fetch of a feed, redirects included, ends within this many seconds (core.safe_http).
    "GROWTH_FEED_FETCH_SECONDS": 30,
}

# Free text (notes, summaries, takeaways), in characters: about four printed pages.
LONG_TEXT = 10_000


def get(name: str) -> int:
    return getattr(settings, name, DEFAULTS[name])
