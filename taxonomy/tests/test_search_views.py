"""Web doors: the occupation and skill search pages and the extraction page."""

from accounts.testing import BaseTestCase
from taxonomy.models import UserSkill
from taxonomy.tests.search_fixtures import build_taxonomy


class SearchPageTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.concepts = build_taxonomy()

    def test_it_shows_results_without_javascript(self):
        self.login()
        response = self.client.get("/occupations/search/", {"q": "programmer"})
        self.assertContains(response, "software developer")
        self.assertContains(response, 'aria-live="polite"')
        self.assertContains(response, f"/occupations/{self.concepts['software developer'].pk}/")

    def test_it_returns_only_the_results_to_htmx(self):
        self.login()
        response = self.client.get("/skills/search/", {"q": "SQL"}, headers={"HX-Request": "true"})
        self.assertContains(response, "SQL")
        self.assertNotContains(response, "<form")

    def test_it_adds_the_confirmed_skills_to_the_profile(self):
        self.login()
        response = self.client.post("/skills/extract/", {"text": "Gestion de projets et SQL."})
        self.assertContains(response, "project management")
        sql = self.concepts["SQL"]
        response = self.client.post("/skills/extract/", {"confirm": "1", "skill": [sql.pk, "x"]})
        self.assertRedirects(response, "/skills/profile/")
        self.assertEqual(
            list(UserSkill.objects.filter(user=self.alice).values_list("skill", flat=True)),
            [sql.pk],
        )
        self.assertFalse(UserSkill.objects.filter(user=self.bob).exists())

    def test_it_asks_for_a_text(self):
        self.login()
        response = self.client.post("/skills/extract/", {"text": "  "})
        self.assertContains(response, "Paste a text to find skills in.")

    def test_it_requires_signing_in(self):
        self.assertEqual(self.client.get("/occupations/search/").status_code, 302)
