from django.test import Client, override_settings

from accounts.models import AuthFailure
from accounts.testing import PASSWORD
from accounts.tests.helpers import AccountsTestCase, frozen_clock

URL = "/accounts/login/"


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_LOCKOUT_SECONDS=600)
class LoginTestCase(AccountsTestCase):
    def attempt(self, email="alice@example.org", password=PASSWORD, address="10.0.0.1", **extra):
        return self.client.post(
            URL, {"username": email, "password": password}, REMOTE_ADDR=address, **extra
        )

    def test_it_shows_the_form(self):
        response = self.client.get(URL)
        self.assertContains(response, 'type="email" name="username"')
        self.assertContains(response, 'autocomplete="username"')
        self.assertContains(response, 'autocomplete="current-password"')
        self.assertContains(response, "/accounts/password/reset/")

    def test_it_logs_in_with_email_and_password(self):
        response = self.attempt(email="Alice@Example.org")
        self.assertRedirects(response, "/")
        self.assertEqual(response.cookies["parcours_language"].value, "en")
        self.assertContains(self.client.get("/"), "Welcome, Alice")

    def test_it_follows_a_safe_next_only(self):
        credentials = {"username": "alice@example.org", "password": PASSWORD}
        response = self.client.post(URL + "?next=/accounts/profile/", credentials)
        self.assertRedirects(response, "/accounts/profile/")
        self.client.logout()
        response = self.client.post(URL + "?next=https://evil.example/", credentials)
        self.assertRedirects(response, "/")

    def test_it_refuses_a_wrong_password(self):
        response = self.attempt(password="wrong")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This email and password do not match an account.")
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_refuses_missing_fields_and_a_bad_email(self):
        response = self.client.post(URL, {"username": "not an email"})
        self.assertContains(response, "Enter a valid email address.")
        self.assertContains(response, "This field is required.")

    def test_it_locks_the_account_out_after_repeated_failures(self):
        for _ in range(3):
            self.attempt(password="wrong")
        response = self.attempt()  # the right password, too late
        self.assertContains(response, "Too many failed attempts.")
        self.assertContains(response, "try again in 10 minutes")
        self.assertNotIn("_auth_user_id", self.client.session)
        # From another address too: the account is locked, not only the address.
        response = self.attempt(address="10.0.0.2")
        self.assertContains(response, "Too many failed attempts.")

    def test_it_says_so_in_the_person_s_language(self):
        for _ in range(3):
            self.attempt(password="wrong")
        response = self.attempt(HTTP_ACCEPT_LANGUAGE="fr")
        self.assertContains(response, "Trop de tentatives")
        self.assertContains(response, "dans 10 minutes")

    def test_it_lifts_the_lock_out_when_the_window_has_passed(self):
        with frozen_clock() as clock:
            for _ in range(3):
                self.attempt(password="wrong")
                clock.advance(10)
            clock.advance(600 - 30 - 1)  # one second before the first failure leaves the window
            self.assertContains(self.attempt(), "try again in 1 minute")
            clock.advance(2)
            self.assertRedirects(self.attempt(), "/")
        self.assertFalse(
            AuthFailure.objects.filter(scope=AuthFailure.Scope.ACCOUNT).exists(),
            "a successful log-in clears the account's failures",
        )

    def test_it_locks_an_address_out_whatever_the_account(self):
        for n in range(3):
            self.attempt(email=f"nobody{n}@example.org", password="wrong")
        response = self.attempt(email="bob@example.org")
        self.assertContains(response, "Too many failed attempts.")
        # Bob can still log in from elsewhere.
        self.assertRedirects(self.attempt(email="bob@example.org", address="10.0.0.9"), "/")

    def test_it_clears_the_account_s_failures_on_success(self):
        self.attempt(password="wrong")
        self.attempt(password="wrong")
        self.assertRedirects(self.attempt(), "/")
        self.client.logout()
        self.attempt(password="wrong", address="10.0.0.3")
        self.assertRedirects(self.attempt(address="10.0.0.3"), "/")

    def test_it_enforces_csrf(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(URL, {"username": "alice@example.org", "password": PASSWORD})
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("_auth_user_id", client.session)

    def test_it_sends_a_signed_in_person_home(self):
        self.login()
        self.assertRedirects(self.client.get(URL), "/")
