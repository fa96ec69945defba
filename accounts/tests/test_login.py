from django.test import Client, override_settings

from accounts import throttle
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

    def test_failures_from_one_address_lock_that_address_out_of_that_account_only(self):
        for _ in range(3):
            self.attempt(password="wrong")
        response = self.attempt()  # the right password, too late from this address
        self.assertContains(response, "Too many failed attempts.")
        self.assertContains(response, "try again in 10 minutes")
        self.assertNotIn("_auth_user_id", self.client.session)
        # Bob, behind the same address (an office, a proxy), is not affected.
        self.assertRedirects(self.attempt(email="bob@example.org"), "/")

    def test_failures_from_many_addresses_slow_the_owner_down_but_never_lock_her_out(self):
        # The probe: five bad passwords from five addresses locked the owner out for good.
        with frozen_clock() as clock:
            for n in range(5):
                clock.advance(5)
                response = self.attempt(password="wrong", address=f"198.51.100.{n}")
                self.assertContains(response, "do not match")  # each one was checked
            response = self.attempt(address="203.0.113.9")
            self.assertContains(response, "wait 4 seconds")
            self.assertNotIn("_auth_user_id", self.client.session)
            clock.advance(5)
            self.assertRedirects(self.attempt(address="203.0.113.9"), "/")

    def test_the_wait_grows_with_each_failure_up_to_a_limit(self):
        with frozen_clock() as clock:
            for n in range(12):
                clock.advance(61)  # each attempt after the previous wait has passed
                response = self.attempt(password="wrong", address=f"198.51.100.{n}")
                self.assertContains(response, "do not match")
            # Ten failures in the window, seven past the limit: 2**7 s, capped at a minute.
            self.assertEqual(throttle.slowdown("alice@example.org").seconds_left, 60)

    def test_a_correct_password_from_a_known_device_gets_through_an_attack(self):
        owner = Client()
        self.assertRedirects(
            owner.post(URL, {"username": "alice@example.org", "password": PASSWORD}), "/"
        )
        self.assertIn("parcours_device", owner.cookies)
        owner.post("/accounts/logout/")
        for n in range(20):  # an attacker, from everywhere, without the device cookie
            self.attempt(password=f"guess{n}", address=f"198.51.100.{n}")
        self.assertContains(self.attempt(address="203.0.113.1"), "wait")
        response = owner.post(
            URL, {"username": "alice@example.org", "password": PASSWORD}, REMOTE_ADDR="198.51.100.1"
        )
        self.assertRedirects(response, "/")

    def test_a_known_device_has_its_own_limit_and_a_forged_cookie_counts_for_nothing(self):
        owner = Client()
        owner.post(URL, {"username": "alice@example.org", "password": PASSWORD})
        owner.post("/accounts/logout/")
        for _ in range(3):
            owner.post(URL, {"username": "alice@example.org", "password": "typo"})
        response = owner.post(URL, {"username": "alice@example.org", "password": PASSWORD})
        self.assertContains(response, "Too many failed attempts.")
        forged = Client()
        forged.cookies["parcours_device"] = "e30:forged:signature"
        for n in range(5):
            forged.post(
                URL,
                {"username": "alice@example.org", "password": "x"},
                REMOTE_ADDR=f"198.51.100.{n}",
            )
        response = forged.post(
            URL, {"username": "alice@example.org", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
        )
        self.assertContains(response, "wait")

    @override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=4)
    def test_an_address_trying_many_accounts_is_locked_out(self):
        for n in range(4):
            self.attempt(email=f"nobody{n}@example.org", password="wrong")
        response = self.attempt(email="bob@example.org")
        self.assertContains(response, "Too many failed attempts.")
        # Bob can still log in from elsewhere.
        self.assertRedirects(self.attempt(email="bob@example.org", address="10.0.0.9"), "/")

    def test_it_clears_the_failures_of_this_address_on_success(self):
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
