"""The learning plan pages: add, see the return on investment, complete, edit, delete."""

from decimal import Decimal
from unittest import mock

from django.urls import reverse

from accounts.testing import BaseTestCase
from growth.models import LearningItem
from taxonomy.models import Skill, UserSkill


def loan_training(**extra):
    data = {
        "title": "Certificate in data analysis",
        "kind": "certification",
        "provider": "Université de Montréal",
        "status": "planned",
        "cost": "10000",
        "currency": "CAD",
        "payer": "loan",
        "loan_rate": "5",
        "loan_term_months": "60",
        "salary_change": "6000",
        "salary_assumption": "Analyst pay scale, one step up",
        "accreditation": "unverified",
    }
    data.update(extra)
    return data


class LearningViewTests(BaseTestCase):
    def setUp(self):
        self.login()

    def test_it_adds_a_training_paid_by_a_loan_and_shows_its_payback(self):
        response = self.client.post(reverse("growth:learning_new"), loan_training(), follow=True)
        item = LearningItem.objects.get(user=self.alice)
        self.assertEqual(item.loan_term_months, 60)
        self.assertContains(response, "Pays for itself in about 1 year 11 months.")
        self.assertContains(response, "11,322.74")
        self.assertContains(response, "Analyst pay scale, one step up")
        self.assertContains(response, "Accreditation not verified.")

    def test_it_asks_for_the_loan_terms(self):
        response = self.client.post(
            reverse("growth:learning_new"), loan_training(loan_rate="", loan_term_months="")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give the loan&#x27;s term in months.")
        self.assertFalse(LearningItem.objects.exists())

    def test_it_rejects_bad_input_with_clear_errors(self):
        response = self.client.post(
            reverse("growth:learning_new"),
            loan_training(cost="-5", start_date="2026-05-01", end_date="2026-01-01", kind="x"),
        )
        self.assertContains(response, "Ensure this value is greater than or equal to 0.")
        self.assertContains(response, "The end date must be on or after the start date.")
        self.assertContains(response, "Select a valid choice.")

    def test_it_hides_the_warning_once_accreditation_is_verified(self):
        item = LearningItem.objects.create(
            user=self.alice, title="CPA", accreditation="verified", accrediting_body="CPA Canada"
        )
        response = self.client.get(item.get_absolute_url())
        self.assertNotContains(response, "Accreditation not verified.")
        self.assertContains(response, "CPA Canada")

    def test_it_requires_the_accrediting_body_when_verified(self):
        response = self.client.post(
            reverse("growth:learning_new"), loan_training(accreditation="verified")
        )
        self.assertContains(response, "Say which body accredits it.")

    def test_it_lists_items_with_their_verdict(self):
        LearningItem.objects.create(user=self.alice, title="Leadership", payer="employer", cost=900)
        response = self.client.get(reverse("growth:learning"))
        self.assertContains(response, "Leadership")
        self.assertContains(response, "Free to you")

    def test_it_adds_skills_on_completion_when_asked(self):
        skill = Skill.objects.create(uri="http://esco/s1", label_en="data analysis")
        owned = Skill.objects.create(uri="http://esco/s2", label_en="statistics")
        UserSkill.objects.create(user=self.alice, skill=owned, proficiency=3)
        item = LearningItem.objects.create(user=self.alice, title="Data course")
        item.skills.set([skill, owned])
        response = self.client.post(
            reverse("growth:learning_complete", args=[item.pk]), {"add_skills": "on"}, follow=True
        )
        self.assertContains(response, "1 skill added to your profile")
        item.refresh_from_db()
        self.assertEqual(item.status, "completed")
        self.assertIsNotNone(item.completed_on)
        added = UserSkill.objects.get(user=self.alice, skill=skill)
        self.assertEqual(added.evidence.get().kind, "training")
        self.assertEqual(UserSkill.objects.get(skill=owned).proficiency, 3)  # untouched

    def test_it_does_not_add_skills_without_the_checkbox(self):
        skill = Skill.objects.create(uri="http://esco/s1", label_en="data analysis")
        item = LearningItem.objects.create(user=self.alice, title="Data course")
        item.skills.add(skill)
        self.client.post(reverse("growth:learning_complete", args=[item.pk]))
        self.assertFalse(UserSkill.objects.filter(user=self.alice).exists())

    def test_it_saves_the_skills_picked(self):
        skill = Skill.objects.create(uri="http://esco/s1", label_en="data analysis")
        self.client.post(reverse("growth:learning_new"), loan_training(skills=[skill.pk]))
        item = LearningItem.objects.get()
        self.assertEqual(list(item.skills.all()), [skill])
        response = self.client.get(reverse("growth:learning_edit", args=[item.pk]))
        self.assertContains(response, f'value="{skill.pk}"')
        self.assertContains(response, "checked")

    def test_it_offers_skills_matching_the_search(self):
        from taxonomy.search import Match

        skill = Skill.objects.create(uri="http://esco/s1", label_en="data analysis")
        found = [Match(skill.uri, skill.pk, "data analysis", "data analysis", 0.9)]
        with mock.patch("taxonomy.search.search_skills", return_value=found) as search:
            response = self.client.get(reverse("growth:skill_options"), {"skill_query": "data"})
        search.assert_called_once_with("data", "en", 20)
        self.assertContains(response, f'value="{skill.pk}" id="skill_option_{skill.pk}">')
        # A skill ticked before a new search stays ticked.
        ticked = Skill.objects.create(uri="http://esco/s9", label_en="statistics")
        with mock.patch("taxonomy.search.search_skills", return_value=found):
            response = self.client.get(
                reverse("growth:skill_options"), {"skill_query": "data", "skills": [ticked.pk]}
            )
        self.assertContains(response, f'value="{ticked.pk}" id="skill_option_{ticked.pk}" checked')
        self.assertContains(response, "data analysis")
        self.assertContains(response, 'name="skills"')
        response = self.client.get(reverse("growth:skill_options"), {"skill_query": "d"})
        self.assertNotContains(response, "data analysis")

    def test_it_edits_and_deletes(self):
        item = LearningItem.objects.create(user=self.alice, title="Old")
        self.client.post(
            reverse("growth:learning_edit", args=[item.pk]),
            loan_training(title="New", payer="self"),
        )
        item.refresh_from_db()
        self.assertEqual(item.title, "New")
        self.assertEqual(item.cost, Decimal("10000"))
        self.assertEqual(
            self.client.get(reverse("growth:learning_delete", args=[item.pk])).status_code, 405
        )
        self.client.post(reverse("growth:learning_delete", args=[item.pk]))
        self.assertFalse(LearningItem.objects.exists())

    def test_it_links_goals_of_the_person_only(self):
        from goals.models import Goal

        mine = Goal.objects.create(owner=self.alice, statement="Become a data analyst")
        theirs = Goal.objects.create(owner=self.bob, statement="Bob's secret goal")
        response = self.client.get(reverse("growth:learning_new"))
        self.assertContains(response, "Become a data analyst")
        self.assertNotContains(response, "Bob&#x27;s secret goal")
        response = self.client.post(
            reverse("growth:learning_new"), loan_training(goals=[theirs.pk])
        )
        self.assertContains(response, "Select a valid choice.")
        self.client.post(reverse("growth:learning_new"), loan_training(goals=[mine.pk]))
        self.assertEqual(list(LearningItem.objects.get().goals.all()), [mine])

    def test_bob_gets_404(self):
        item = LearningItem.objects.create(user=self.alice, title="Mine")
        self.login(self.bob)
        for name in ("learning_detail", "learning_edit"):
            self.assertEqual(
                self.client.get(reverse(f"growth:{name}", args=[item.pk])).status_code, 404
            )
        for name in ("learning_complete", "learning_delete"):
            self.assertEqual(
                self.client.post(reverse(f"growth:{name}", args=[item.pk])).status_code, 404
            )
        self.assertNotContains(self.client.get(reverse("growth:learning")), "Mine")
