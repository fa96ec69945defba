"""goals.context: what another app knows of a person's job role reaches the SMART check and the
statement writer as plain data (goals imports no such app)."""

from unittest import mock

from django.test import TestCase
from django.urls import reverse

from accounts.testing import BaseTestCase
from goals import context, plan, smart
from goals.models import Statement


def provider(user):
    return [context.RoleContext("Care aide II (Les Érables)", ("Teamwork", "Safe transfers"))]


class RoleContext(TestCase):
    def test_a_goal_naming_a_competency_of_the_role_is_relevant(self):
        profile = smart.Profile(competencies=[("Safe transfers", "Care aide II")])
        result = smart.check("Complete 30 safe transfers by 2030-01-01", "en", profile=profile)
        self.assertTrue(result.relevant.met)
        self.assertIn("competency “Safe transfers”", result.relevant.reason)
        self.assertIn("Care aide II", result.relevant.reason)

    def test_without_a_role_nothing_changes(self):
        profile = smart.Profile(skills=["Cooking"])
        result = smart.check("Complete 30 safe transfers by 2030-01-01", "en", profile=profile)
        self.assertFalse(result.relevant.met)

    def test_the_statement_names_the_competencies_chosen(self):
        text = plan.compose_statement({"goal": "lead a shift", "competencies": "Teamwork"}, "en")
        self.assertIn("It develops competencies my role calls for: Teamwork.", text)


class Writer(BaseTestCase):
    def test_the_research_step_offers_the_roles_competencies(self):
        self.login()
        statement = Statement.objects.create(owner=self.alice, language="en", answers={})
        url = reverse("goals:statement_step", args=[statement.pk, "research"])
        with mock.patch.object(context, "_providers", [provider]):
            page = self.client.get(url)
            self.assertContains(page, "Care aide II (Les Érables)")
            chosen = ["Teamwork", "Forged"]
            self.client.post(url, {"answer": "Read postings", "competencies": chosen})
        statement.refresh_from_db()
        self.assertEqual(statement.answers["competencies"], "Teamwork")
        self.assertNotContains(self.client.get(url), "Care aide II")  # no provider: nothing shown
