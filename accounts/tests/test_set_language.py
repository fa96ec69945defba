from django.test import Client

from accounts.tests.helpers import AccountsTestCase

URL = "/accounts/language/"


class SetLanguageTestCase(AccountsTestCase):
    def test_it_keeps_a_visitor_s_choice_in_a_cookie(self):
        response = self.client.post(URL, {"language": "fr", "next": "/accounts/login/"})
        self.assertRedirects(response, "/accounts/login/", fetch_redirect_response=False)
        self.assertEqual(response.cookies["parcours_language"].value, "fr")
        page = self.client.get("/accounts/login/")
        self.assertContains(page, '<html lang="fr">')
        self.assertEqual(page["Content-Language"], "fr")
        self.assertContains(page, "Se connecter")

    def test_it_saves_a_signed_in_person_s_choice_on_the_profile(self):
        self.login()
        self.client.post(URL, {"language": "fr", "next": "/"})
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.language, "fr")
        # The profile wins over the browser, on any device.
        other = Client(HTTP_ACCEPT_LANGUAGE="en")
        other.force_login(self.alice)
        page = other.get("/")
        self.assertContains(page, '<html lang="fr">')
        self.assertContains(page, "Objectifs")

    def test_it_ignores_an_unknown_language(self):
        self.login()
        response = self.client.post(URL, {"language": "xx", "next": "/"})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertNotIn("parcours_language", response.cookies)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.language, "en")

    def test_it_never_redirects_off_site(self):
        for next_url in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
            response = self.client.post(URL, {"language": "fr", "next": next_url})
            self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_it_refuses_a_get(self):
        self.assertEqual(self.client.get(URL, {"language": "fr"}).status_code, 405)

    def test_it_enforces_csrf(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        self.assertEqual(client.post(URL, {"language": "fr"}).status_code, 403)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.language, "en")
