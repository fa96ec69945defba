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
    def test_it_throttles_invalid_tokens_per_address(self):
        headers = self.api_headers()
        bad = {"Authorization": "Bearer prc_guess"}
        with frozen_clock() as clock:
            for _ in range(3):
                self.assertEqual(self.client.get("/api/me", headers=bad).status_code, 401)
            response = self.client.get("/api/me", headers=headers)  # even a valid token
            self.assertEqual(response.status_code, 429)
            self.assertIn("Try again in 10 minutes", response.json()["detail"])
            # Another address is not affected.
            other = self.client.get("/api/me", headers=headers, REMOTE_ADDR="10.1.1.1")
            self.assertEqual(other.status_code, 200)
            clock.advance(601)
            self.assertEqual(self.client.get("/api/me", headers=headers).status_code, 200)
        self.assertFalse(AuthFailure.objects.filter(scope="account").exists())
