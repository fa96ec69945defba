"""Project-wide pytest configuration."""

import os

import pytest

# Tests never read or write the developer's own secret key or database directory.
os.environ.setdefault("PARCOURS_DATA_DIR", os.path.join(os.path.dirname(__file__), "var", "test"))


@pytest.fixture(autouse=True)
def _default_language_and_time_zone():
    """Each test starts in English and UTC, whatever an earlier test in this process activated.

    Code that answers in a person's language activates it for the rest of the thread (as a
    request would); without this, the order tests happen to run in would change what they read.
    """
    from django.conf import settings
    from django.utils import timezone, translation

    translation.activate(settings.LANGUAGE_CODE)
    timezone.deactivate()
    yield
    translation.activate(settings.LANGUAGE_CODE)
    timezone.deactivate()


@pytest.fixture(autouse=True)
def _fresh_label_lookup():
    """Each test reads the taxonomy it creates: the label lookup of the SMART check is built
    again, and the search indexes check the tables again (a rolled-back test's labels would
    otherwise linger in the process, and on PostgreSQL point at ids that no longer exist)."""
    from taxonomy import lexicon, search

    lexicon.invalidate()
    search.invalidate()
    yield
    lexicon.invalidate()
    search.invalidate()
