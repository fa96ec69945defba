"""Whatever people type or send, they get their data kept or a clear 4xx, never a 500."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from accounts.testing import BaseTestCase
from jobs.forms import ReflectionForm

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TechniqueLinesTests(HypothesisTestCase):
    @SETTINGS
    @given(st.text(st.characters(exclude_characters="\x00"), max_size=400))
    def test_it_turns_any_text_into_distinct_trimmed_techniques(self, text):
        form = ReflectionForm({"went_well": "ok", "do_differently": "", "techniques": text})
        self.assertTrue(form.is_valid(), form.errors)
        techniques = form.cleaned_data["techniques"]
        expected = list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))
        self.assertEqual(techniques, expected)


class ApiInputTests(HypothesisTestCase, BaseTestCase):
    @SETTINGS
    @given(
        st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "organisation",
                    "posting_url",
                    "posting_language",
                    "status",
                    "occupation_id",
                    "notes",
                    "posting_text",
                ]
            ),
            st.one_of(st.text(max_size=60), st.integers(), st.none(), st.booleans()),
        )
    )
    def test_it_never_answers_500_to_a_new_application(self, payload):
        response = self.client.post(
            "/api/jobs/applications",
            data=json.dumps(payload),
            content_type="application/json",
            headers=self.headers,
        )
        self.assertIn(response.status_code, (201, 422), response.content)
        self.assertTrue(response.status_code == 201 or "detail" in response.json())

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from accounts.models import ApiToken

        _token, raw = ApiToken.issue(cls.alice, "tests")
        cls.headers = {"Authorization": f"Bearer {raw}"}
