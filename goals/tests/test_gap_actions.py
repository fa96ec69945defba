"""A skills-gap suggestion becomes a step of the person's goal in one click."""

from django.urls import reverse

from goals.models import Goal, Step
from taxonomy.models import TargetOccupation
from taxonomy.tests.base import TaxonomyTestCase


class GapActionTestCase(TaxonomyTestCase):
    def setUp(self):
        super().setUp()
        self.nurse = self.occupation("nurse")
        self.target = TargetOccupation.objects.create(user=self.alice, occupation=self.nurse)
        self.anatomy = self.skill("anatomy")

    def click(self, kind="mentoring", user=None):
        self.login(user)
        return self.client.post(
            reverse("taxonomy:gap_action", args=[self.target.pk]),
            {"handler": "goals.step", "skill": self.anatomy.pk, "kind": kind},
        )

    def test_it_offers_the_button_on_the_gap_page(self):
        self.login()
        page = self.client.get(reverse("taxonomy:gap", args=[self.target.pk]))
        self.assertContains(page, "Add as a step of my goal")

    def test_it_adds_a_step_to_the_goal_aimed_at_that_occupation(self):
        Goal.objects.create(owner=self.alice, statement="Another goal")
        aimed = Goal.objects.create(
            owner=self.alice, statement="Become a nurse", target_occupation=self.nurse
        )
        response = self.click()
        step = Step.objects.get()
        self.assertEqual(step.goal, aimed)
        self.assertIn("anatomy", step.title)
        self.assertRedirects(
            response, reverse("goals:step_edit", args=[step.pk]), fetch_redirect_response=False
        )
        self.assertEqual(
            list(aimed.requirements.values_list("skill", flat=True)), [self.anatomy.pk]
        )
        # A second click adds another step but does not repeat the requirement.
        self.click()
        self.assertEqual(aimed.steps.count(), 2)
        self.assertEqual(aimed.requirements.count(), 1)

    def test_it_asks_for_a_goal_first(self):
        response = self.click()
        self.assertRedirects(
            response, reverse("taxonomy:gap", args=[self.target.pk]), fetch_redirect_response=False
        )
        page = self.client.get(reverse("taxonomy:gap", args=[self.target.pk]))
        self.assertContains(page, "create a career goal first")
        self.assertFalse(Step.objects.exists())

    def test_it_never_uses_another_persons_goal(self):
        Goal.objects.create(owner=self.bob, statement="Bob's goal", target_occupation=self.nurse)
        self.click()
        self.assertFalse(Step.objects.exists())
        self.assertEqual(self.click(user=self.bob).status_code, 404)
