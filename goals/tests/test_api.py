import datetime
import json

from accounts.testing import BaseTestCase
from goals.models import Goal, GoalRevision, Stage
from goals.tests.helpers import make_goal


class GoalApiTests(BaseTestCase):
    def call(self, method, url, body=None, user=None):
        kwargs = {"headers": self.api_headers(user)}
        if body is not None:
            kwargs |= {"data": json.dumps(body), "content_type": "application/json"}
        return getattr(self.client, method)("/api" + url, **kwargs)

    def test_it_creates_reads_updates_and_deletes_a_goal(self):
        response = self.call(
            "post",
            "/goals",
            {
                "statement": "Become a data analyst by June 30, 2027",
                "baseline": 0,
                "target_value": 20,
                "deadline": "2027-06-30",
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        goal = response.json()
        self.assertEqual(goal["progress"], 0.0)
        self.assertIn("criteria", goal["smart"])
        url = f"/goals/{goal['id']}"
        self.assertEqual(self.call("get", url).json()["statement"], goal["statement"])
        # The statement says June 30: the new deadline is kept and the statement says it too.
        changed = self.call(
            "patch",
            url,
            {"deadline": "2027-09-30", "keep_deadline": "deadline", "reason": "Course delayed"},
        )
        self.assertEqual(changed.status_code, 200, changed.content)
        self.assertEqual(changed.json()["deadline"], "2027-09-30")
        self.assertEqual(changed.json()["statement"], "Become a data analyst by September 30, 2027")
        revisions = self.call("get", url + "/revisions").json()
        self.assertEqual(revisions[0]["snapshot"]["deadline"], "2027-06-30")
        self.assertEqual(revisions[0]["reason"], "Course delayed")
        self.assertEqual(self.call("delete", url).status_code, 204)
        self.assertFalse(Goal.objects.exists())

    def test_it_explains_bad_input(self):
        missing = self.call("post", "/goals", {"statement": ""})
        self.assertEqual(missing.status_code, 422)
        self.assertIn("detail", missing.json())
        half = self.call("post", "/goals", {"statement": "x", "baseline": 3})
        self.assertEqual(half.status_code, 422)
        self.assertEqual(
            half.json()["detail"],
            [
                {
                    "loc": ["body", "target_value"],
                    "msg": "Give both a baseline and a target value, or neither.",
                }
            ],
        )
        backwards = self.call(
            "post",
            "/goals",
            {"statement": "x", "start_date": "2027-01-01", "deadline": "2026-01-01"},
        )
        self.assertEqual(backwards.status_code, 422)
        goal = make_goal(self.alice)
        no_reason = self.call("patch", f"/goals/{goal.pk}", {"statement": "y"})
        self.assertEqual(no_reason.status_code, 422)
        self.assertEqual(self.call("get", "/goals/abc").status_code, 404)

    def test_it_manages_stages_steps_and_check_ins(self):
        goal = make_goal(self.alice)
        base = f"/goals/{goal.pk}"
        late = self.call("post", base + "/stages", {"title": "Late", "deadline": "2027-08-01"})
        self.assertEqual(late.status_code, 422)
        self.assertEqual(late.json()["detail"][0]["loc"], ["body", "deadline"])
        self.assertIn("after the goal's deadline (2027-06-30)", late.json()["detail"][0]["msg"])
        stage = self.call("post", base + "/stages", {"title": "Ready", "deadline": "2027-01-31"})
        self.assertEqual(stage.status_code, 201)
        stage_id = stage.json()["id"]
        step = self.call(
            "post",
            base + "/steps",
            {
                "title": "Apply",
                "stage_id": stage_id,
                "due_date": "2026-12-01",
                "recurrence": "weekly",
            },
        )
        self.assertEqual(step.status_code, 201, step.content)
        step_id = step.json()["id"]
        done = self.call("post", f"{base}/steps/{step_id}/done?date=2026-12-08")
        self.assertEqual(done.status_code, 200)
        self.assertEqual(goal.steps.get().completions.get().date, datetime.date(2026, 12, 8))
        checkin = self.call("post", base + "/checkins", {"note": "Sent 5", "indicator_value": 5})
        self.assertEqual(checkin.status_code, 201)
        self.assertEqual(self.call("get", base).json()["progress"], 0.25)
        self.assertEqual(len(self.call("get", base + "/checkins").json()), 1)
        moved = self.call("patch", f"{base}/stages/{stage_id}", {"deadline": "2027-02-28"})
        self.assertEqual(moved.json()["deadline"], "2027-02-28")
        self.assertEqual(self.call("delete", f"{base}/stages/{stage_id}").status_code, 204)
        self.assertFalse(Stage.objects.exists())

    def test_it_refuses_a_stage_of_another_goal_for_a_step(self):
        goal, other = make_goal(self.alice), make_goal(self.alice)
        stage = Stage.objects.create(goal=other, title="s", deadline=datetime.date(2027, 1, 1))
        response = self.call(
            "post", f"/goals/{goal.pk}/steps", {"title": "x", "stage_id": stage.pk}
        )
        self.assertEqual(response.status_code, 422)

    def test_it_records_a_review_that_adjusts_a_deadline(self):
        goal = make_goal(self.alice)
        response = self.call(
            "post",
            "/goals/reviews",
            {
                "note": "Quarterly",
                "decisions": [
                    {
                        "goal_id": goal.pk,
                        "decision": "adjust",
                        "reason": "Slower than planned",
                        "deadline": "2027-12-31",
                    }
                ],
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        goal.refresh_from_db()
        self.assertEqual(goal.deadline, datetime.date(2027, 12, 31))
        self.assertEqual(GoalRevision.objects.get().source, "review")
        review_id = response.json()["id"]
        self.assertEqual(
            self.call("get", f"/goals/reviews/{review_id}").json()["note"], "Quarterly"
        )
        empty = self.call(
            "post",
            "/goals/reviews",
            {"decisions": [{"goal_id": goal.pk, "decision": "adjust", "reason": "x"}]},
        )
        self.assertEqual(empty.status_code, 422)
