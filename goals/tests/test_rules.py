"""One rule, one message, every door: the goal's rules live on the model (Goal.clean,
Stage.clean, Step.clean) and the pages, the review and the API all answer with them."""

import datetime
import html
import json

from django.urls import reverse

from accounts.testing import BaseTestCase
from goals.models import Goal, Review, Stage, Step
from goals.tests.helpers import make_goal

DEADLINE = datetime.date(2027, 6, 30)
LATE_STAGE = (
    "The stage “Portfolio” ends on 2027-05-31, after the goal's deadline (2027-03-31): "
    "move one of the two dates."
)
BOTH = "Give both a baseline and a target value, or neither."


class GoalRulesTests(BaseTestCase):
    def setUp(self):
        self.goal = make_goal(self.alice, deadline=DEADLINE)
        Stage.objects.create(goal=self.goal, title="Portfolio", deadline=datetime.date(2027, 5, 31))
        self.login()

    def api(self, method, url, body):
        return getattr(self.client, method)(
            "/api" + url,
            data=json.dumps(body),
            content_type="application/json",
            headers=self.api_headers(),
        )

    def page_errors(self, response):
        return html.unescape(response.content.decode())

    def test_an_earlier_deadline_than_a_stage_gets_one_message_on_the_page_and_the_api(self):
        form = {
            "statement": self.goal.statement,
            "indicator_name": "applications sent",
            "baseline": "0",
            "target_value": "20",
            "start_date": "2026-01-01",
            "deadline": "2027-03-31",
            # The statement says 2027-06-30: the deadline field's date is the one kept.
            "keep_deadline": "deadline",
            "status": "active",
            "reason": "Sooner",
        }
        page = self.client.post(reverse("goals:edit", args=[self.goal.pk]), form)
        self.assertIn(LATE_STAGE, self.page_errors(page))
        answer = self.api(
            "patch",
            f"/goals/{self.goal.pk}",
            {"deadline": "2027-03-31", "keep_deadline": "deadline", "reason": "Sooner"},
        )
        self.assertEqual(answer.status_code, 422)
        self.assertEqual(
            answer.json()["detail"], [{"loc": ["body", "deadline"], "msg": LATE_STAGE}]
        )
        self.goal.refresh_from_db()
        self.assertEqual(self.goal.deadline, DEADLINE)

    def test_a_review_that_moves_the_deadline_before_a_stage_gets_the_same_message(self):
        prefix = f"g{self.goal.pk}"
        page = self.client.post(
            reverse("goals:review_new"),
            {
                f"{prefix}-decision": "adjust",
                f"{prefix}-reason": "Sooner",
                f"{prefix}-deadline": "2027-03-31",
            },
        )
        self.assertIn(LATE_STAGE, self.page_errors(page))
        answer = self.api(
            "post",
            "/goals/reviews",
            {
                "decisions": [
                    {
                        "goal_id": self.goal.pk,
                        "decision": "adjust",
                        "reason": "Sooner",
                        "deadline": "2027-03-31",
                    }
                ]
            },
        )
        self.assertEqual(answer.status_code, 422)
        self.assertEqual(
            answer.json()["detail"], [{"loc": ["body", "deadline"], "msg": LATE_STAGE}]
        )
        self.assertFalse(Review.objects.exists())

    def test_a_review_that_gives_a_target_without_a_baseline_is_refused(self):
        goal = make_goal(self.alice, baseline=None, target_value=None)
        answer = self.api(
            "post",
            "/goals/reviews",
            {
                "decisions": [
                    {"goal_id": goal.pk, "decision": "adjust", "reason": "x", "target_value": 5}
                ]
            },
        )
        self.assertEqual(answer.json()["detail"], [{"loc": ["body", "target_value"], "msg": BOTH}])
        goal.refresh_from_db()
        self.assertIsNone(goal.target_value)

    def test_a_stage_after_the_deadline_gets_one_message_from_every_door(self):
        self.goal.deadline = datetime.date(2027, 3, 31)
        Goal.objects.filter(pk=self.goal.pk).update(deadline=self.goal.deadline)
        Stage.objects.all().delete()
        stage = {"title": "Portfolio", "deadline": "2027-05-31"}
        page = self.client.post(reverse("goals:stage_add", args=[self.goal.pk]), stage)
        self.assertIn(LATE_STAGE, self.page_errors(page))
        proposed = self.client.post(
            reverse("goals:propose_stages", args=[self.goal.pk]),
            {
                "form-TOTAL_FORMS": "1",
                "form-INITIAL_FORMS": "0",
                "form-MIN_NUM_FORMS": "1",
                "form-MAX_NUM_FORMS": "1000",
                "form-0-title": "Portfolio",
                "form-0-deadline": "2027-05-31",
            },
        )
        self.assertIn(LATE_STAGE, self.page_errors(proposed))
        answer = self.api("post", f"/goals/{self.goal.pk}/stages", stage)
        self.assertEqual(
            answer.json()["detail"], [{"loc": ["body", "deadline"], "msg": LATE_STAGE}]
        )
        self.assertFalse(Stage.objects.exists())

    def test_an_indicator_needs_both_values_on_the_page_and_the_api(self):
        page = self.client.post(
            reverse("goals:create"),
            {"statement": "Learn SQL", "baseline": "3", "start_date": "2026-11-01"},
        )
        self.assertIn(BOTH, self.page_errors(page))
        answer = self.api("post", "/goals", {"statement": "Learn SQL", "baseline": 3})
        self.assertEqual(answer.json()["detail"], [{"loc": ["body", "target_value"], "msg": BOTH}])
        self.assertEqual(Goal.objects.count(), 1)

    def test_a_step_due_after_the_deadline_gets_one_message_on_the_page_and_the_api(self):
        message = "This step is due after the goal's deadline (2027-06-30)."
        page = self.client.post(
            reverse("goals:step_add", args=[self.goal.pk]),
            {"title": "Late", "due_date": "2027-07-01"},
        )
        self.assertIn(message, self.page_errors(page))
        answer = self.api(
            "post", f"/goals/{self.goal.pk}/steps", {"title": "Late", "due_date": "2027-07-01"}
        )
        self.assertEqual(answer.json()["detail"], [{"loc": ["body", "due_date"], "msg": message}])
        self.assertFalse(Step.objects.exists())
