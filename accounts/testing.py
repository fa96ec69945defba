"""Shared test fixtures: two people, one who owns things and one who must not see them."""

import functools

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import TestCase

from accounts.models import User

PASSWORD = "correct horse battery staple"  # noqa: S105


def password_hash() -> str:
    """PASSWORD hashed once per test process and hasher list: Argon2 is slow on purpose."""
    return _hash_with(tuple(settings.PASSWORD_HASHERS))


@functools.cache
def _hash_with(hashers):
    return make_password(PASSWORD)


def make_person(email: str, display_name: str, **fields: object) -> User:
    """A person whose password is PASSWORD, created without hashing it again."""
    return User.objects.create(
        email=email, display_name=display_name, password=password_hash(), **fields
    )


class BaseTestCase(TestCase):
    """Alice owns data; Bob is another person who must never see it unless she shares it.

    Every view's tests end with the boundary: Bob gets a 404 for Alice's things.
    """

    @classmethod
    def setUpTestData(cls):
        cls.alice = make_person("alice@example.org", "Alice", language="en")
        cls.bob = make_person("bob@example.org", "Bob", language="en")

    def login(self, user=None):
        self.client.force_login(user or self.alice)

    def api_headers(self, user=None):
        """Headers that authenticate an API call as `user` with a fresh personal token."""
        from accounts.models import ApiToken

        _token, raw = ApiToken.issue(user or self.alice, "tests")
        return {"Authorization": f"Bearer {raw}"}


def run_queued_tasks() -> None:
    """Run every queued background task now, as `parcours worker` would, then return."""
    from io import StringIO

    from django.core.management import call_command

    call_command(
        "db_worker",
        batch=True,
        interval=0,
        no_startup_delay=True,
        queue_name="*",
        stdout=StringIO(),
        stderr=StringIO(),
    )
