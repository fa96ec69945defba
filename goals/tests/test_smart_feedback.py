"""The live SMART feedback partial of the goal form (goals/views/check.py)."""

from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from taxonomy.models import Occupation, TargetOccupation, UserSkill


class SmartFeedbackTests(BaseTestCase):
    url = reverse("goals:smart_feedback")

    def test_it_lists_each_criterion_with_its_reason_and_a_text_status(self):
        self.login()
        r = self.client.post(self.url, {"statement": "Get better at management"})
        self.assertEqual(r.status_code, 200)
        html = r.content.decode()
        self.assertIn('aria-live="polite"', html)
        for label in ("Specific", "Measurable", "Achievable", "Relevant", "Time-bound"):
            self.assertIn(f"<strong>{label}</strong>", html)
        self.assertIn("Not met", html)  # status in words, not by colour alone
        self.assertIn('aria-hidden="true">✗</span>', html)
        self.assertIn("says you want to improve, not what you will achieve", html)
        self.assertIn("40-hour team-leadership course", html)

    def test_it_counts_the_forms_target_occupation_as_the_goals_target(self):
        roofer = Occupation.objects.create(uri="urn:test:roofer", label_en="roofer")
        TargetOccupation.objects.create(user=self.alice, occupation=roofer)
        stranger = Occupation.objects.create(uri="urn:test:other", label_en="museum curator")
        self.login()
        plain = self.client.post(self.url, {"statement": "Work in the field I love by 2028"})
        self.assertIn("No concrete target found", plain.content.decode())
        with_target = self.client.post(
            self.url,
            {"statement": "Work in the field I love by 2028", "target_occupation": roofer.pk},
        )
        self.assertIn("Names a concrete target: “roofer”", with_target.content.decode())
        # Someone else's occupation id, or one too big for any id, is ignored.
        for value in (stranger.pk, "9" * 40, "x"):
            r = self.client.post(
                self.url,
                {"statement": "Work in the field I love by 2028", "target_occupation": value},
            )
            self.assertEqual(r.status_code, 200)
            self.assertIn("No concrete target found", r.content.decode())

    def test_it_speaks_french_to_a_french_session(self):
        self.alice.language = "fr"
        self.alice.save()
        self.login()
        r = self.client.post(
            self.url, {"statement": "Devenir infirmière un jour"}, HTTP_ACCEPT_LANGUAGE="fr"
        )
        html = r.content.decode()
        self.assertIn("Limité dans le temps", html)
        self.assertIn("Non respecté", html)
        self.assertIn("n&#x27;est pas une échéance", html)

    def test_it_uses_the_forms_deadline_and_effort_fields(self):
        self.alice.hours_per_week = 2
        self.alice.save()
        self.login()
        deadline = timezone.localdate().replace(year=timezone.localdate().year + 1)
        r = self.client.post(
            self.url,
            {"statement": "Become a nurse", "deadline": deadline.isoformat(),
             "estimated_effort_hours": "5000"},
        )  # fmt: skip
        html = r.content.decode()
        self.assertIn("from the deadline field", html)
        self.assertIn("About 5000 hours needed, but 2 hours a week", html)

    def test_it_ignores_unparsable_extra_fields(self):
        self.login()
        r = self.client.post(
            self.url,
            {"statement": "Become a nurse", "deadline": "soon", "estimated_effort_hours": "lots"},
        )
        self.assertEqual(r.status_code, 200)
        self.assertIn("No deadline", r.content.decode())

    def test_it_invites_typing_when_the_text_is_empty(self):
        self.login()
        r = self.client.post(self.url, {"statement": "  "})
        self.assertContains(r, "Start typing your goal")

    def test_it_judges_relevance_with_the_signed_in_persons_skills_only(self):
        UserSkill.objects.create(user=self.bob, free_text="welding")
        self.login()
        html = self.client.post(self.url, {"statement": "Become a welder by 2030"}).content
        self.assertNotIn(b"Builds on your skill", html)
        UserSkill.objects.create(user=self.alice, free_text="welding")
        html = self.client.post(self.url, {"statement": "Become a welder by 2030"}).content
        self.assertIn("Builds on your skill “welding”".encode(), html)

    def test_it_needs_a_signed_in_person(self):
        r = self.client.post(self.url, {"statement": "Become a nurse"})
        self.assertEqual(r.status_code, 302)

    def test_it_allows_only_post(self):
        self.login()
        self.assertEqual(self.client.get(self.url).status_code, 405)
