"""API doors: /api/occupations, /api/skills, /api/occupations/{id}, /api/skills/extract."""

from accounts.testing import BaseTestCase
from taxonomy.tests.search_fixtures import build_taxonomy


class SearchApiTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.concepts = build_taxonomy()

    def get(self, url, **params):
        return self.client.get(url, params, headers=self.api_headers())

    def test_it_searches_occupations_in_the_requested_language(self):
        response = self.get("/api/occupations", q="préposé aux bénéficiaires", lang="fr", limit=3)
        self.assertEqual(response.status_code, 200)
        first = response.json()[0]
        self.assertEqual(first["uri"], self.concepts["healthcare assistant"].uri)
        self.assertEqual(
            first["label"], "aide-soignant en institution/aide-soignante en institution"
        )
        self.assertEqual(set(first), {"id", "uri", "label", "matched_label", "score"})
        self.assertLessEqual(len(response.json()), 3)

    def test_it_searches_skills(self):
        response = self.get("/api/skills", q="SQL")
        self.assertEqual(response.json()[0]["label"], "SQL")

    def test_it_rejects_bad_parameters_with_a_clear_4xx(self):
        for params in (
            {"q": "   "},
            {},
            {"q": "nurse", "lang": "de"},
            {"q": "nurse", "limit": 0},
            {"q": "nurse", "limit": 51},
            {"q": "nurse", "limit": "many"},
        ):
            response = self.get("/api/occupations", **params)
            self.assertIn(response.status_code, (400, 422), params)
            self.assertIn("detail", response.json())

    def test_it_gives_a_short_occupation_record(self):
        occupation = self.concepts["butcher"]
        response = self.get(f"/api/occupations/{occupation.pk}", lang="fr")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["label"], "boucher/bouchère")
        self.assertEqual(response.json()["url"], f"/occupations/{occupation.pk}/")
        self.assertEqual(self.get("/api/occupations/999999").status_code, 404)

    def test_it_extracts_skills_from_a_posting(self):
        response = self.client.post(
            "/api/skills/extract",
            {"text": "We need someone fluent in SQL who enjoys working in teams.", "lang": "en"},
            content_type="application/json",
            headers=self.api_headers(),
        )
        self.assertEqual(response.status_code, 200)
        labels = {item["label"] for item in response.json()}
        self.assertIn("SQL", labels)
        self.assertIn("work in teams", labels)
        empty = self.client.post(
            "/api/skills/extract",
            {"text": "  "},
            content_type="application/json",
            headers=self.api_headers(),
        )
        self.assertEqual(empty.status_code, 400)

    def test_it_requires_authentication(self):
        self.assertEqual(self.client.get("/api/occupations", {"q": "nurse"}).status_code, 401)
