from django.test import Client, override_settings

from accounts.models import ApiToken
from accounts.tests.helpers import AccountsTestCase

CREATE = "/accounts/tokens/"


class TokensTestCase(AccountsTestCase):
    def test_it_creates_a_token_shown_once(self):
        self.login()
        response = self.client.post(CREATE, {"name": "export script"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-store", response["Cache-Control"])
        raw = response.context["raw"]
        self.assertTrue(raw.startswith("prc_"))
        self.assertContains(response, raw)
        self.assertContains(response, "Copy it now: you will not see it again.")
        token = ApiToken.objects.get(user=self.alice)
        self.assertEqual(token.name, "export script")
        self.assertNotEqual(token.digest, raw)
        profile = self.client.get("/accounts/profile/")
        self.assertContains(profile, "export script")
        self.assertContains(profile, token.hint)
        self.assertNotContains(profile, raw)
        self.assertContains(profile, "Never")  # not used yet

    def test_it_refuses_a_blank_name(self):
        self.login()
        response = self.client.post(CREATE, {"name": "  "})
        self.assertContains(response, "This field is required.")
        self.assertFalse(ApiToken.objects.exists())

    @override_settings(ACCOUNTS_MAX_ACTIVE_TOKENS=2)
    def test_it_limits_the_number_of_active_tokens(self):
        self.login()
        self.client.post(CREATE, {"name": "one"})
        self.client.post(CREATE, {"name": "two"})
        response = self.client.post(CREATE, {"name": "three"})
        self.assertContains(response, "You already have 2 active tokens.")
        self.assertEqual(ApiToken.objects.count(), 2)

    def test_it_refuses_a_get_on_create(self):
        self.login()
        self.assertEqual(self.client.get(CREATE).status_code, 405)

    def test_it_asks_before_revoking_then_revokes(self):
        token, _raw = ApiToken.issue(self.alice, "old laptop")
        self.login()
        url = f"/accounts/tokens/{token.pk}/revoke/"
        response = self.client.get(url)
        self.assertContains(response, "Revoke the token “old laptop”")
        token.refresh_from_db()
        self.assertTrue(token.is_active)
        response = self.client.post(url)
        self.assertRedirects(response, "/accounts/profile/#tokens", fetch_redirect_response=False)
        token.refresh_from_db()
        self.assertFalse(token.is_active)
        profile = self.client.get("/accounts/profile/")
        self.assertContains(profile, "was revoked")
        self.assertContains(profile, "You have no active API token.")
        self.assertEqual(self.client.post(url).status_code, 404)

    def test_bob_cannot_see_or_revoke_alice_s_token(self):
        token, _raw = ApiToken.issue(self.alice, "alice's")
        self.login(self.bob)
        url = f"/accounts/tokens/{token.pk}/revoke/"
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(url).status_code, 404)
        self.assertNotContains(self.client.get("/accounts/profile/"), "alice's")
        token.refresh_from_db()
        self.assertTrue(token.is_active)

    def test_it_enforces_csrf(self):
        token, _raw = ApiToken.issue(self.alice, "kept")
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        self.assertEqual(client.post(CREATE, {"name": "x"}).status_code, 403)
        self.assertEqual(client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code, 403)
        token.refresh_from_db()
        self.assertTrue(token.is_active)
        self.assertEqual(ApiToken.objects.count(), 1)

    def test_it_needs_a_signed_in_person(self):
        self.assertEqual(self.client.post(CREATE, {"name": "x"}).status_code, 302)
        self.assertFalse(ApiToken.objects.exists())

    def test_it_adds_no_query_to_the_overview_however_many_tokens(self):
        self.login()
        self.client.get("/")  # warm up
        with self.assertNumQueries(2):  # session, person
            self.client.get("/")
        for n in range(5):
            ApiToken.issue(self.alice, f"token {n}")
        with self.assertNumQueries(2):
            self.client.get("/")
