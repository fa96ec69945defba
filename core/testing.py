"""Shared test fixtures: two people, one who owns things and one who must not see them."""

from django.test import TestCase

from accounts.models import User

PASSWORD = "correct horse battery staple"  # noqa: S105


class BaseTestCase(TestCase):
    """Alice owns data; Bob is another person who must never see it unless she shares it.

    Every view's tests end with the boundary: Bob gets a 404 for Alice's things.
    """

    @classmethod
    def setUpTestData(cls):
        cls.alice = User.objects.create_user(
            "alice@example.org", PASSWORD, display_name="Alice", language="en"
        )
        cls.bob = User.objects.create_user(
            "bob@example.org", PASSWORD, display_name="Bob", language="en"
        )

    def login(self, user=None):
        self.client.force_login(user or self.alice)

    def api_headers(self, user=None):
        """Headers that authenticate an API call as `user` with a fresh personal token."""
        from accounts.models import ApiToken

        _token, raw = ApiToken.issue(user or self.alice, "tests")
        return {"Authorization": f"Bearer {raw}"}
