"""Goals are private: Bob gets 404 on every goals page and API endpoint for Alice's things."""

import datetime
import re

from accounts.testing import BaseTestCase
from goals.models import CheckIn, Obstacle, Reflection, Requirement, Review, Stage, Statement, Step
from goals.tests.helpers import make_goal
from goals.urls import urlpatterns


class PrivacyTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.goal = make_goal(cls.alice)
        cls.stage = Stage.objects.create(
            goal=cls.goal, title="s", deadline=datetime.date(2027, 1, 1)
        )
        cls.step = Step.objects.create(goal=cls.goal, title="t")
        cls.checkin = CheckIn.objects.create(goal=cls.goal, note="n")
        cls.obstacle = Obstacle.objects.create(goal=cls.goal, description="o", way_to_overcome="w")
        cls.requirement = Requirement.objects.create(goal=cls.goal, description="r")
        cls.reflection = Reflection.objects.create(owner=cls.alice, passions="p")
        cls.review = Review.objects.create(owner=cls.alice)
        cls.statement = Statement.objects.create(owner=cls.alice, language="en")

    def _id_for(self, pattern):
        route = str(pattern.pattern)
        for prefix, obj in (
            ("stages/", self.stage),
            ("steps/", self.step),
            ("reflection/", self.reflection),
            ("reviews/", self.review),
            ("statements/", self.statement),
        ):
            if route.startswith(prefix):
                return obj.pk
        return self.goal.pk

    def test_it_answers_404_to_another_person_on_every_page_with_an_id(self):
        self.login(self.bob)
        checked = 0
        kinds = {
            "stage": self.stage,
            "step": self.step,
            "obstacle": self.obstacle,
            "requirement": self.requirement,
            "checkin": self.checkin,
        }
        for pattern in urlpatterns:
            route = str(pattern.pattern)
            if "<int:pk>" not in route:
                continue
            urls = []
            if "<str:kind>" in route:
                urls = [f"/goals/{kind}/{obj.pk}/delete/" for kind, obj in kinds.items()]
            elif "<str:step>" in route:
                urls = [
                    f"/goals/statements/{self.statement.pk}/{s}/" for s in ("passions", "adjust")
                ]
            else:
                pk = self._id_for(pattern)
                urls = ["/goals/" + route.replace("<int:pk>", str(pk))]
            for url in urls:
                for method in ("get", "post"):
                    response = getattr(self.client, method)(url)
                    self.assertIn(response.status_code, (404, 405), f"{method} {url}")
                    if response.status_code == 405:
                        continue
                    checked += 1
        self.assertGreater(checked, 30)
        # Nothing of Alice's changed.
        self.assertTrue(Step.objects.filter(pk=self.step.pk, done=False).exists())
        self.assertEqual(self.goal.stages.count(), 1)

    def test_it_lists_nothing_of_anothers_on_list_pages(self):
        self.login(self.bob)
        for url in ("/goals/", "/goals/reflection/", "/goals/reviews/", "/goals/statements/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertNotContains(response, self.goal.statement)
            self.assertNotContains(response, f"/goals/reflection/{self.reflection.pk}/")
            self.assertNotContains(response, f"/goals/statements/{self.statement.pk}/")
        self.assertNotContains(
            self.client.get("/goals/reviews/new/", follow=True), self.goal.statement
        )

    def test_it_answers_404_to_another_person_on_every_api_route(self):
        headers = self.api_headers(self.bob)
        ids = {
            "goal_id": self.goal.pk,
            "stage_id": self.stage.pk,
            "step_id": self.step.pk,
            "checkin_id": self.checkin.pk,
            "review_id": self.review.pk,
        }
        bodies = {
            "post": {"title": "x", "note": "x", "deadline": "2027-01-01"},
            "patch": {"reason": "x", "title": "y"},
        }
        checked = 0
        for path, methods in _api_paths():
            url = "/api" + re.sub(r"\{(?:\w+:)?(\w+)\}", lambda m: str(ids[m.group(1)]), path)
            for method in methods:
                if "{" not in path and method in ("get", "post"):
                    continue  # lists and creation are scoped, tested below
                kwargs = {"headers": headers}
                if method in bodies:
                    kwargs |= {"data": bodies[method], "content_type": "application/json"}
                response = getattr(self.client, method)(url, **kwargs)
                self.assertEqual(response.status_code, 404, f"{method} {url}: {response.content}")
                self.assertIn("detail", response.json())
                checked += 1
        self.assertGreaterEqual(checked, 15)
        self.assertEqual(self.client.get("/api/goals", headers=headers).json(), [])
        self.assertEqual(self.client.get("/api/goals/reviews", headers=headers).json(), [])
        response = self.client.post(
            "/api/goals/reviews",
            {"decisions": [{"goal_id": self.goal.pk, "decision": "drop", "reason": "mine"}]},
            content_type="application/json",
            headers=headers,
        )
        self.assertEqual(response.status_code, 404)
        self.goal.refresh_from_db()
        self.assertEqual(self.goal.status, "active")


def _api_paths():
    """(path, [methods]) of every route of the goals API (its router and those it includes)."""
    from goals.api import router

    found = []
    routers = [router]
    while routers:
        current = routers.pop(0)
        for path, path_view in current.path_operations.items():
            methods = sorted({m.lower() for op in path_view.operations for m in op.methods})
            found.append((path, methods))
        routers += [child for _prefix, child, _tags in current._routers]
    return found
