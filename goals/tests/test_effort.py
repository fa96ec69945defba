"""Effort typed in hours or minutes, stored in hours, shown back readably (goals/effort.py)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.testing import BaseTestCase
from goals.effort import parse_effort, readable_hours
from goals.models import Step
from goals.tests.helpers import api, make_goal

MAX = Decimal("99999.99")


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        ("30 min", "0.50"),
        ("1 h 30", "1.50"),
        ("1h30", "1.50"),
        ("90 minutes", "1.50"),
        ("1,5 h", "1.50"),
        ("1.5", "1.50"),
        ("2 heures", "2.00"),
        ("une heure et demie", "1.50"),
        ("20 min", "0.33"),
        ("1 200", "1200.00"),
        (3, "3.00"),
        (2.25, "2.25"),
        ("", None),
        (None, None),
    ],
)
def test_it_reads_hours_and_minutes_in_both_languages(typed, hours):
    assert parse_effort(typed, MAX) == (Decimal(hours) if hours else None)


@pytest.mark.parametrize(
    "typed", ["lots", "-2", "2 jours", "3 weeks", "1e5", "nan", "30 min 2 h", True, -1, "9" * 400]
)
def test_it_refuses_what_is_not_one_duration_in_hours_or_minutes(typed):
    with pytest.raises(ValidationError):
        parse_effort(typed, MAX)


def test_it_refuses_more_than_the_field_holds():
    with pytest.raises(ValidationError) as error, translation.override("fr"):
        parse_effort("200000 h", MAX)
    assert (
        "99\u202f999,99" in error.value.messages[0] or "99\u00a0999,99" in error.value.messages[0]
    )


@pytest.mark.parametrize(
    ("hours", "en", "fr"),
    [
        ("0.5", "30 min", "30\u00a0min"),
        ("2", "2 h", "2\u00a0h"),
        ("1.5", "1.5 h", "1,5\u00a0h"),
        ("1.33", "1 h 20 min", "1\u00a0h\u00a020"),
    ],
)
def test_it_shows_the_effort_readably_in_each_language(hours, en, fr):
    with translation.override("en"):
        assert readable_hours(Decimal(hours)) == en
    with translation.override("fr"):
        assert readable_hours(Decimal(hours)) == fr


@settings(max_examples=300, deadline=None)
@given(minutes=st.integers(min_value=0, max_value=5_999_999), lang=st.sampled_from(["en", "fr"]))
def test_what_it_shows_reads_back_to_the_same_hours(minutes, lang):
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"))
    with translation.override(lang):
        shown = readable_hours(hours)
        assert parse_effort(shown, MAX) == hours, shown


class EffortDoorsTests(BaseTestCase):
    def setUp(self):
        self.goal = make_goal(self.alice)
        self.login()

    def test_a_step_takes_minutes_and_shows_them_back_in_french(self):
        self.client.post(
            reverse("goals:step_add", args=[self.goal.pk]),
            {"title": "Practise interviews", "estimated_effort_hours": "1 h 30"},
        )
        step = Step.objects.get()
        self.assertEqual(step.estimated_effort_hours, Decimal("1.50"))
        self.alice.language = "fr"
        self.alice.save()
        page = self.client.get(self.goal.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr")
        self.assertContains(page, "1,5\u00a0h")
        edit = self.client.get(reverse("goals:step_edit", args=[step.pk]))
        self.assertContains(edit, 'value="1,5\u00a0h"')

    def test_a_bad_effort_is_a_translated_form_error_and_nothing_is_saved(self):
        self.alice.language = "fr"
        self.alice.save()
        response = self.client.post(
            reverse("goals:step_add", args=[self.goal.pk]),
            {"title": "Practise interviews", "estimated_effort_hours": "beaucoup"},
        )
        self.assertContains(response, "Indiquez l&#x27;effort en heures ou en minutes")
        self.assertFalse(Step.objects.exists())

    def test_the_goal_form_takes_minutes_too(self):
        response = self.client.post(
            reverse("goals:create"),
            {"statement": "Become a roofer", "start_date": "2026-01-01",
             "estimated_effort_hours": "90 minutes"},
        )  # fmt: skip
        self.assertEqual(response.status_code, 302)
        goal = self.alice.goals.get(statement="Become a roofer")
        self.assertEqual(goal.estimated_effort_hours, Decimal("1.50"))

    def api(self, method, url, body):
        return api(self, method, url, body)

    def test_the_api_takes_hours_or_a_text_and_answers_hours(self):
        url = f"/goals/{self.goal.pk}/steps"
        text = self.api("post", url, {"title": "Read", "estimated_effort_hours": "45 min"})
        self.assertEqual(text.status_code, 201, text.content)
        self.assertEqual(Decimal(text.json()["estimated_effort_hours"]), Decimal("0.75"))
        number = self.api("post", url, {"title": "Write", "estimated_effort_hours": 2.5})
        self.assertEqual(Decimal(number.json()["estimated_effort_hours"]), Decimal("2.5"))
        step = number.json()["id"]
        patched = self.api("patch", f"{url}/{step}", {"estimated_effort_hours": "1 h 30"})
        self.assertEqual(Decimal(patched.json()["estimated_effort_hours"]), Decimal("1.5"))

    def test_the_api_refuses_a_bad_effort_with_the_pages_sentence(self):
        for body in ({"estimated_effort_hours": "lots"}, {"estimated_effort_hours": -1}):
            response = self.api("post", f"/goals/{self.goal.pk}/steps", {"title": "x", **body})
            self.assertEqual(response.status_code, 422)
            self.assertEqual(
                response.json()["detail"][0]["loc"], ["body", "estimated_effort_hours"]
            )
            self.assertIn("hours or minutes", response.json()["detail"][0]["msg"])
        goal = self.api(
            "patch",
            f"/goals/{self.goal.pk}",
            {"estimated_effort_hours": "2 jours", "reason": "More work"},
        )
        self.assertEqual(goal.status_code, 422)
        self.assertFalse(Step.objects.exists())
