from django.test import Client

from accounts.tests.helpers import AccountsTestCase

URL = "/accounts/logout/"


class LogoutTestCase(AccountsTestCase):
    def test_it_logs_out_with_a_post(self):
        self.login()
        response = self.client.post(URL)
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertContains(self.client.get("/"), "You are logged out.")

    def test_it_refuses_a_get(self):
        self.login()
        self.assertEqual(self.client.get(URL).status_code, 405)
        self.assertIn("_auth_user_id", self.client.session)

    def test_it_enforces_csrf(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        self.assertEqual(client.post(URL).status_code, 403)
        self.assertIn("_auth_user_id", client.session)
