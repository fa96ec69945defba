import re

from django.core import mail
from django.test import Client, override_settings

from accounts.models import AuthFailure
from accounts.testing import make_person
from accounts.tests.helpers import AccountsTestCase, frozen_clock
from accounts.throttle import Scope, record_failure

URL = "/accounts/password/reset/"
NEW = "a brand new passphrase 42"


class PasswordResetTestCase(AccountsTestCase):
    def reset_link(self):
        self.assertEqual(len(mail.outbox), 1)
        return re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body)[1]

    def test_it_mails_a_link_that_sets_a_new_password(self):
        response = self.client.post(URL, {"email": "Alice@example.org"})
        self.assertRedirects(response, "/accounts/password/reset/sent/")
        self.assertEqual(mail.outbox[0].to, ["alice@example.org"])
        self.assertEqual(mail.outbox[0].subject, "Reset your Parcours password")
        self.assertIn("Hello Alice,", mail.outbox[0].body)
        link = self.reset_link()
        form_url = self.client.get(link, follow=True).redirect_chain[-1][0]
        response = self.client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
        self.assertRedirects(response, "/accounts/password/reset/done/")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(NEW))
        # The link works once.
        self.assertContains(self.client.get(link, follow=True), "This link is not valid")

    def test_it_writes_in_the_person_s_language(self):
        self.alice.language = "fr"
        self.alice.save()
        self.client.post(URL, {"email": "alice@example.org"}, HTTP_ACCEPT_LANGUAGE="en")
        self.assertEqual(mail.outbox[0].subject, "Réinitialiser votre mot de passe Parcours")
        self.assertIn("Bonjour Alice,", mail.outbox[0].body)

    def test_it_says_the_same_for_an_unknown_address(self):
        response = self.client.post(URL, {"email": "nobody@example.org"})
        self.assertRedirects(response, "/accounts/password/reset/sent/")
        self.assertEqual(mail.outbox, [])

    def test_it_refuses_a_bad_or_missing_email(self):
        self.assertContains(self.client.post(URL, {"email": "nope"}), "Enter a valid email")
        self.assertContains(self.client.post(URL, {}), "This field is required.")
        self.assertEqual(mail.outbox, [])

    def test_it_refuses_mismatched_new_passwords(self):
        self.client.post(URL, {"email": "alice@example.org"})
        form_url = self.client.get(self.reset_link(), follow=True).redirect_chain[-1][0]
        response = self.client.post(form_url, {"new_password1": NEW, "new_password2": "other"})
        self.assertContains(response, "The two password fields didn’t match.")

    def test_it_lifts_the_account_s_lock_out(self):
        for _ in range(5):
            record_failure((Scope.ACCOUNT, "alice@example.org"))
        self.client.post(URL, {"email": "alice@example.org"})
        form_url = self.client.get(self.reset_link(), follow=True).redirect_chain[-1][0]
        self.client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
        self.assertFalse(AuthFailure.objects.filter(scope=Scope.ACCOUNT).exists())

    @override_settings(PASSWORD_RESET_EMAILS_PER_HOUR=2)
    def test_it_sends_a_few_reset_emails_per_account_and_hour_and_says_the_same(self):
        with frozen_clock() as clock:
            for n in range(5):
                response = self.client.post(
                    URL, {"email": "alice@example.org"}, REMOTE_ADDR=f"198.51.100.{n}"
                )
                self.assertRedirects(response, "/accounts/password/reset/sent/")
            self.assertEqual(len(mail.outbox), 2)
            self.client.post(URL, {"email": "bob@example.org"})
            self.assertEqual(len(mail.outbox), 3)  # another account: not affected
            clock.advance(3601)
            self.client.post(URL, {"email": "alice@example.org"})
            self.assertEqual(len(mail.outbox), 4)

    @override_settings(PASSWORD_RESET_EMAILS_PER_ADDRESS_PER_HOUR=3)
    def test_one_address_cannot_send_reset_emails_to_everyone(self):
        for n in range(6):
            make_person(f"person{n}@example.org", f"Person {n}")
            self.client.post(URL, {"email": f"person{n}@example.org"}, REMOTE_ADDR="198.51.100.1")
        self.assertEqual(len(mail.outbox), 3)

    def test_the_reset_link_makes_this_browser_a_known_device(self):
        self.client.post(URL, {"email": "alice@example.org"})
        form_url = self.client.get(self.reset_link(), follow=True).redirect_chain[-1][0]
        response = self.client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
        self.assertIn("parcours_device", response.cookies)

    def test_it_enforces_csrf(self):
        client = Client(enforce_csrf_checks=True)
        self.assertEqual(client.post(URL, {"email": "alice@example.org"}).status_code, 403)
        self.assertEqual(mail.outbox, [])
