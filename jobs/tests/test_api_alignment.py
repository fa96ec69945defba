"""POST /api/jobs/check-answer: the alignment check through the API."""

import json

from accounts.testing import BaseTestCase
from jobs.tests.alignment_cases_en import POSTINGS
from jobs.tests.alignment_cases_fr import POSTINGS as POSTINGS_FR

CONTRADICTING = "My goal is a role that doesn't involve working with customers as much."


class CheckAnswerApiTests(BaseTestCase):
    url = "/api/jobs/check-answer"

    def post(self, payload, headers=None):
        return self.client.post(
            self.url,
            json.dumps(payload),
            content_type="application/json",
            headers=self.api_headers() if headers is None else headers,
        )

    def test_it_returns_the_json_contract(self):
        r = self.post({"posting": POSTINGS["sales_manager"], "answer": CONTRADICTING})
        self.assertEqual(r.status_code, 200)
        data = r.json()
        self.assertEqual(set(data), {"aligned", "issues", "suggestions"})
        self.assertFalse(data["aligned"])
        self.assertEqual(data["issues"][0]["code"], "contradicts_role")

    def test_it_answers_in_the_persons_language_by_default(self):
        self.alice.language = "fr"
        self.alice.save()
        data = self.post({"posting": POSTINGS_FR["prepose"], "answer": "Je veux réussir."}).json()
        self.assertTrue(data["issues"][0]["message"].startswith("La réponse"))
        data = self.post(
            {"posting": POSTINGS_FR["prepose"], "answer": "Je veux réussir.", "lang": "en"}
        ).json()
        self.assertTrue(data["issues"][0]["message"].startswith("The answer"))

    def test_it_refuses_empty_texts_with_422_detail(self):
        r = self.post({"posting": " ", "answer": CONTRADICTING})
        self.assertEqual(r.status_code, 422)
        self.assertEqual(r.json(), {"detail": "Paste the job posting."})
        r = self.post({"posting": POSTINGS["nurse"], "answer": ""})
        self.assertEqual(r.json(), {"detail": "Write the answer to check."})

    def test_it_refuses_bad_input_without_a_500(self):
        for payload in (
            {"posting": "x", "answer": "y", "lang": "de"},
            {"posting": "x" * 20_001, "answer": "y"},
            {"posting": "x"},
            {"posting": ["x"], "answer": "y"},
        ):
            r = self.post(payload)
            self.assertEqual(r.status_code, 422, payload)
            self.assertIn("detail", r.json())

    def test_it_requires_authentication(self):
        r = self.post({"posting": POSTINGS["nurse"], "answer": CONTRADICTING}, headers={})
        self.assertEqual(r.status_code, 401)

    def test_it_allows_only_post(self):
        self.assertEqual(self.client.get(self.url, headers=self.api_headers()).status_code, 405)
