from django.test import override_settings

from accounts.models import ApiToken, AuthFailure
from accounts.tests.helpers import AccountsTestCase, frozen_clock


class ApiTokensTestCase(AccountsTestCase):
    def test_it_lists_the_person_s_active_tokens(self):
        headers = self.api_headers()
        revoked, _raw = ApiToken.issue(self.alice, "revoked")
        revoked.revoke()
        ApiToken.issue(self.bob, "bob's")
        response = self.client.get("/api/tokens", headers=headers)
        self.assertEqual(response.status_code, 200)
        self.assertEqual([t["name"] for t in response.json()], ["tests"])
        self.assertEqual(
            set(response.json()[0]), {"id", "name", "hint", "created_at", "last_used_at"}
        )
        self.assertIsNotNone(response.json()[0]["last_used_at"])

    def test_it_revokes_a_token(self):
        token, raw = ApiToken.issue(self.alice, "script")
        headers = self.api_headers()
        response = self.client.delete(f"/api/tokens/{token.pk}", headers=headers)
        self.assertEqual(response.status_code, 204)
        response = self.client.get("/api/me", headers={"Authorization": f"Bearer {raw}"})
        self.assertEqual(response.status_code, 401)
        again = self.client.delete(f"/api/tokens/{token.pk}", headers=headers)
        self.assertEqual(again.status_code, 404)

    def test_bob_cannot_revoke_alice_s_token(self):
        token, _raw = ApiToken.issue(self.alice, "alice's")
        response = self.client.delete(f"/api/tokens/{token.pk}", headers=self.api_headers(self.bob))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json(), {"detail": "Not found."})
        token.refresh_from_db()
        self.assertTrue(token.is_active)

    def test_it_answers_404_for_a_malformed_id(self):
        for token_id in ("abc", "-1", "1.5", "99999999999999999999"):
            response = self.client.delete(f"/api/tokens/{token_id}", headers=self.api_headers())
            self.assertEqual(response.status_code, 404)
            self.assertIn("detail", response.json())

    def test_it_has_no_route_to_create_tokens(self):
        response = self.client.post("/api/tokens", {}, headers=self.api_headers())
        self.assertEqual(response.status_code, 405)


class TokenAuthTestCase(AccountsTestCase):
    def test_it_accepts_a_valid_token(self):
        response = self.client.get("/api/me", headers=self.api_headers(self.bob))
        self.assertEqual(response.json()["email"], "bob@example.org")

    def test_it_refuses_a_revoked_token(self):
        token, raw = ApiToken.issue(self.alice, "old")
        token.revoke()
        response = self.client.get("/api/me", headers={"Authorization": f"Bearer {raw}"})
        self.assertEqual(response.status_code, 401)
        self.assertIn("detail", response.json())

    def test_it_refuses_missing_or_malformed_headers(self):
        _token, raw = ApiToken.issue(self.alice, "ok")
        values = (None, "", "Bearer", "Bearer ", f"Token {raw}", raw, "Bearer x", f"Basic {raw}")
        for value in values:
            with self.subTest(header=value):
                headers = {} if value is None else {"Authorization": value}
                response = self.client.get("/api/me", headers=headers)
                self.assertEqual(response.status_code, 401)
                self.assertIn("Authentication required", response.json()["detail"])

    def test_it_refuses_the_token_of_an_inactive_person(self):
        headers = self.api_headers()
        self.alice.is_active = False
        self.alice.save()
        self.assertEqual(self.client.get("/api/me", headers=headers).status_code, 401)

    def test_it_answers_in_the_token_owner_s_language(self):
        self.alice.language = "fr"
        self.alice.save()
        response = self.client.delete("/api/tokens/999", headers=self.api_headers())
        self.assertEqual(response.json(), {"detail": "Introuvable."})

    @override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_LOCKOUT_SECONDS=600)
    def test_bad_tokens_from_one_address_never_lock_the_valid_tokens_of_that_address(self):
        # The probe: five bad tokens from one address locked every token from it (everyone
        # behind a NAT or a proxy).
        headers = self.api_headers()
        for n in range(10):
            bad = {"Authorization": f"Bearer prc_guess{n:02d}xxxxxxxx"}
            self.assertEqual(self.client.get("/api/me", headers=bad).status_code, 401)
        self.assertEqual(self.client.get("/api/me", headers=headers).status_code, 200)
        self.assertFalse(AuthFailure.objects.filter(scope="account").exists())

    @override_settings(TOKEN_FAILURE_LIMIT=3, TOKEN_LOCKOUT_SECONDS=600)
    def test_a_token_refused_again_and_again_is_throttled_by_its_prefix(self):
        headers = self.api_headers()
        _token, raw = ApiToken.issue(self.alice, "revoked soon")
        ApiToken.objects.filter(name="revoked soon").get().revoke()
        revoked = {"Authorization": f"Bearer {raw}"}
        with frozen_clock() as clock:
            for _ in range(3):
                self.assertEqual(self.client.get("/api/me", headers=revoked).status_code, 401)
            response = self.client.get("/api/me", headers=revoked)
            self.assertEqual(response.status_code, 429)
            self.assertEqual(response["Retry-After"], "600")
            self.assertIn("Try again in 10 minutes", response.json()["detail"])
            # Another token, from the same address, works.
            self.assertEqual(self.client.get("/api/me", headers=headers).status_code, 200)
            clock.advance(601)
            self.assertEqual(self.client.get("/api/me", headers=revoked).status_code, 401)

    @override_settings(TOKEN_ADDRESS_FAILURE_LIMIT=5, TOKEN_LOCKOUT_SECONDS=600)
    def test_an_address_guessing_tokens_gets_429_but_its_valid_tokens_still_work(self):
        headers = self.api_headers()
        for n in range(5):
            bad = {"Authorization": f"Bearer prc_guess{n:02d}xxxxxxxx"}
            self.assertEqual(self.client.get("/api/me", headers=bad).status_code, 401)
        bad = {"Authorization": "Bearer prc_another-guess-xxxxx"}
        response = self.client.get("/api/me", headers=bad)
        self.assertEqual(response.status_code, 429)
        self.assertIn("from your address", response.json()["detail"])
        self.assertEqual(self.client.get("/api/me", headers=headers).status_code, 200)
        # Past the limit, failures are no longer written: the table stays small.
        rows = AuthFailure.objects.count()
        self.client.get("/api/me", headers=bad)
        self.assertEqual(AuthFailure.objects.count(), rows)
