"""A skills-gap suggestion becomes a learning-plan item in one click."""

from django.urls import reverse

from growth.models import LearningItem
from taxonomy.models import TargetOccupation
from taxonomy.tests.base import TaxonomyTestCase


class GapActionTestCase(TaxonomyTestCase):
    def setUp(self):
        super().setUp()
        self.target = TargetOccupation.objects.create(
            user=self.alice, occupation=self.occupation("nurse")
        )
        self.anatomy = self.skill("anatomy")
        self.login()

    def click(self, kind):
        return self.client.post(
            reverse("taxonomy:gap_action", args=[self.target.pk]),
            {"handler": "growth.learning_item", "skill": self.anatomy.pk, "kind": kind},
        )

    def test_it_offers_the_button_on_the_gap_page(self):
        page = self.client.get(reverse("taxonomy:gap", args=[self.target.pk]))
        self.assertContains(page, "Add to my learning plan")

    def test_it_plans_a_course_that_develops_the_skill(self):
        response = self.click("training")
        item = LearningItem.objects.get()
        self.assertEqual((item.user, item.kind, item.status), (self.alice, "course", "planned"))
        self.assertEqual(list(item.skills.all()), [self.anatomy])
        self.assertRedirects(
            response,
            reverse("growth:learning_edit", args=[item.pk]),
            fetch_redirect_response=False,
        )

    def test_it_plans_a_book_for_a_reading_suggestion(self):
        self.click("reading")
        self.assertEqual(LearningItem.objects.get().kind, "book")

    def test_it_refuses_kinds_it_does_not_handle(self):
        self.assertEqual(self.click("project").status_code, 404)
        self.assertFalse(LearningItem.objects.exists())
