"""POST /api/goals/check: the SMART check through the API, with and without the profile."""

import datetime as dt
import json

from accounts.testing import BaseTestCase
from taxonomy.models import Occupation, OccupationSkill, Skill, TargetOccupation, UserSkill


class ApiCheckTests(BaseTestCase):
    url = "/api/goals/check"

    def post(self, payload, user=None, headers=None):
        return self.client.post(
            self.url,
            json.dumps(payload),
            content_type="application/json",
            headers=self.api_headers(user) if headers is None else headers,
        )

    def test_it_returns_the_json_contract(self):
        r = self.post({"text": "Get my PMP certification by 2027-06-30", "today": "2026-11-22"})
        self.assertEqual(r.status_code, 200)
        data = r.json()
        self.assertEqual(set(data), {"lang", "criteria", "horizon", "suggestions"})
        self.assertEqual(data["criteria"]["time_bound"]["deadline"], "2027-06-30")
        self.assertIs(data["criteria"]["achievable"]["met"], None)
        self.assertEqual(data["horizon"], "short")

    def test_it_answers_in_the_persons_language_by_default(self):
        self.alice.language = "fr"
        self.alice.save()
        data = self.post({"text": "Réussir", "today": "2026-11-22"}).json()
        self.assertEqual(data["lang"], "fr")
        self.assertIn("ne dit pas", data["criteria"]["specific"]["reason"])

    def test_it_judges_achievable_and_relevant_from_the_profile(self):
        self.alice.hours_per_week = 4
        self.alice.save()
        accountant = Occupation.objects.create(
            uri="http://data.europa.eu/esco/occupation/test-accountant",
            label_en="accountant",
            label_fr="comptable",
        )
        bookkeeping = Skill.objects.create(
            uri="http://data.europa.eu/esco/skill/test-bookkeeping",
            label_en="bookkeeping regulations",
            label_fr="réglementation de la tenue de livres",
            skill_type="knowledge",
        )
        OccupationSkill.objects.create(
            occupation=accountant, skill=bookkeeping, relation_type="essential"
        )
        TargetOccupation.objects.create(user=self.alice, occupation=accountant)
        today = dt.date(2026, 11, 22)
        # No word in common with "accountant": ESCO says the target needs this skill.
        r = self.post({"text": "Pass an exam on bookkeeping regulations by 2027-06-30",
                       "today": today.isoformat(), "use_profile": True,
                       "effort_hours": 80})  # fmt: skip
        data = r.json()
        self.assertIs(data["criteria"]["achievable"]["met"], True)
        self.assertIn("4 hours a week", data["criteria"]["achievable"]["reason"])
        self.assertIs(data["criteria"]["relevant"]["met"], True)
        self.assertIn("accountant", data["criteria"]["relevant"]["reason"])
        self.assertIn("needs", data["criteria"]["relevant"]["reason"])

    def test_it_ignores_the_profile_unless_asked(self):
        UserSkill.objects.create(user=self.alice, free_text="welding")
        data = self.post({"text": "Become a welder by 2028"}).json()
        self.assertIs(data["criteria"]["relevant"]["met"], None)

    def test_it_uses_only_the_callers_profile(self):
        UserSkill.objects.create(user=self.bob, free_text="welding")
        data = self.post({"text": "Become a welder by 2028", "use_profile": True}).json()
        self.assertIsNot(data["criteria"]["relevant"]["met"], True)

    def test_it_refuses_empty_text_with_422_detail(self):
        r = self.post({"text": "   "})
        self.assertEqual(r.status_code, 422)
        self.assertEqual(r.json(), {"detail": "Write the goal to check."})

    def test_it_refuses_bad_input_without_a_500(self):
        for payload in (
            {"text": "x", "lang": "de"},
            {"text": "x", "today": "2026-13-01"},
            {},
            {"text": 12},
            {"text": "x" * 2001},
            {"text": "x", "effort_hours": -1},
        ):
            r = self.post(payload)
            self.assertEqual(r.status_code, 422, payload)
            self.assertIn("detail", r.json())  # fmt: skip

    def test_it_requires_authentication(self):
        r = self.post({"text": "Become a nurse by 2028"}, headers={})
        self.assertEqual(r.status_code, 401)

    def test_it_allows_only_post(self):
        r = self.client.get(self.url, headers=self.api_headers())
        self.assertEqual(r.status_code, 405)
