from django.test import Client

from accounts.testing import PASSWORD
from accounts.tests.helpers import AccountsTestCase

URL = "/accounts/password/"
NEW = "a brand new passphrase 42"


class PasswordChangeTestCase(AccountsTestCase):
    def test_it_needs_a_signed_in_person(self):
        self.assertRedirects(self.client.get(URL), "/accounts/login/?next=/accounts/password/")

    def test_it_changes_the_password_and_keeps_the_person_signed_in(self):
        self.login()
        data = {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
        response = self.client.post(URL, data)
        self.assertRedirects(response, "/accounts/profile/", fetch_redirect_response=False)
        self.assertContains(self.client.get("/accounts/profile/"), "Your password was changed.")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(NEW))

    def test_it_refuses_a_wrong_old_password(self):
        self.login()
        data = {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW}
        response = self.client.post(URL, data)
        self.assertContains(response, "Your old password was entered incorrectly.")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))

    def test_it_refuses_mismatched_or_missing_passwords(self):
        self.login()
        response = self.client.post(URL, {})
        self.assertContains(response, "This field is required.", count=3)
        response = self.client.post(
            URL, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW + "x"}
        )
        self.assertContains(response, "The two password fields didn’t match.")

    def test_it_enforces_csrf(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        data = {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
        self.assertEqual(client.post(URL, data).status_code, 403)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))
