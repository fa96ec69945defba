from django.urls import reverse

from accounts.testing import BaseTestCase
from goals import demo
from goals.models import Goal, GoalRevision, Reflection, Statement


class DemoTests(BaseTestCase):
    def test_it_loads_a_realistic_plan_once(self):
        people = {"seeker": self.alice}
        demo.load(people)
        demo.load(people)
        goal = Goal.objects.get(owner=self.alice)
        self.assertEqual(goal.stages.count(), 2)
        self.assertEqual(goal.steps.filter(recurrence="weekly").count(), 1)
        self.assertEqual(goal.checkins.count(), 2)
        self.assertEqual(GoalRevision.objects.filter(goal=goal).count(), 1)
        self.assertEqual(Reflection.objects.filter(owner=self.alice).count(), 1)
        self.assertTrue(Statement.objects.get(owner=self.alice).versions.exists())
        self.assertEqual(goal.progress_percent, 30)
        self.login()
        page = self.client.get(reverse("goals:detail", args=[goal.pk]))
        self.assertContains(page, "<svg")
        self.assertContains(self.client.get(reverse("goals:history", args=[goal.pk])), "repousse")
        self.assertContains(self.client.get(reverse("agenda:index")), "Mettre à jour mon CV")
