from django.contrib.auth import get_user_model
from django.test import Client, TestCase


class HomeTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = get_user_model().objects.create(
            email="alice@example.org", display_name="Alice", language="en"
        )

    def login(self):
        self.client.force_login(self.alice)

    def test_it_welcomes_visitors_with_a_way_in(self):
        response = self.client.get("/")
        self.assertContains(response, "Turn career ambitions into a plan")
        self.assertContains(response, 'href="/accounts/signup/"')
        self.assertContains(response, 'href="/accounts/login/"')
        self.assertNotContains(response, 'class="main-nav"')

    def test_it_has_landmarks_a_skip_link_and_one_main_heading(self):
        response = self.client.get("/")
        html = response.content.decode()
        self.assertLess(html.index('class="skip-link" href="#main"'), html.index("<header"))
        for landmark in ("<header", '<main id="main"', "<footer"):
            self.assertIn(landmark, html)
        self.assertEqual(html.count("<h1"), 1)

    def test_it_speaks_french_to_a_french_browser(self):
        response = Client(HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9").get("/")
        self.assertContains(response, '<html lang="fr">')
        self.assertEqual(response["Content-Language"], "fr")
        self.assertContains(response, "Transformez vos ambitions professionnelles en plan")
        self.assertContains(response, ">English</button>")

    def test_it_shows_a_signed_in_person_the_areas_and_their_settings(self):
        self.login()
        response = self.client.get("/")
        self.assertContains(response, "Welcome, Alice")
        self.assertContains(response, '<nav class="main-nav" aria-label="Main">')
        self.assertContains(response, "Log out</button>")
        self.assertContains(response, "<dd>3</dd>")

    def test_it_shows_the_navigation_in_the_person_s_language(self):
        self.alice.language = "fr"
        self.alice.save()
        self.login()
        response = self.client.get("/")
        self.assertContains(response, "Bienvenue, Alice")
        self.assertContains(response, "Se déconnecter")
        self.assertContains(response, '<html lang="fr">')
