import datetime
import re

from django.urls import reverse

from accounts.testing import BaseTestCase
from goals.models import (
    CheckIn,
    Goal,
    GoalRevision,
    Reflection,
    Review,
    Stage,
    Statement,
    Step,
    StepCompletion,
)
from goals.tests.helpers import make_goal


class GoalCreateTests(BaseTestCase):
    def test_it_creates_a_goal_and_shows_its_smart_check(self):
        self.login()
        response = self.client.post(
            reverse("goals:create"),
            {
                "statement": "Become a data analyst by sending 20 applications by June 30, 2027",
                "indicator_name": "applications sent",
                "baseline": "0",
                "target_value": "20",
                "start_date": "2026-11-01",
                "deadline": "2027-06-30",
            },
            follow=True,
        )
        goal = Goal.objects.get(owner=self.alice)
        self.assertContains(response, "SMART check")
        self.assertIn("time_bound", goal.smart_result["criteria"])
        self.assertEqual(goal.smart_result["criteria"]["time_bound"]["deadline"], "2027-06-30")
        self.assertEqual(goal.horizon, goal.smart_result["horizon"])
        self.assertIn(goal.horizon, ("short", "medium"))

    def test_it_asks_for_both_baseline_and_target(self):
        self.login()
        response = self.client.post(
            reverse("goals:create"),
            {"statement": "Something", "baseline": "3", "start_date": "2026-11-01"},
        )
        self.assertContains(response, "Give both a baseline and a target value")
        self.assertFalse(Goal.objects.exists())

    def test_it_prefills_a_suggested_statement(self):
        self.login()
        response = self.client.get(reverse("goals:create") + "?statement=Learn+SQL")
        self.assertContains(response, "Learn SQL</textarea>")


class GoalEditTests(BaseTestCase):
    def test_it_keeps_the_previous_version_with_the_reason(self):
        goal = make_goal(self.alice, statement="Old wording")
        self.login()
        data = {
            "statement": "New wording",
            "start_date": "2026-01-01",
            "deadline": "2027-06-30",
            "baseline": "0",
            "target_value": "20",
            "status": "active",
            "reason": "Clearer",
        }
        self.client.post(reverse("goals:edit", args=[goal.pk]), data)
        revision = GoalRevision.objects.get(goal=goal)
        self.assertEqual(revision.snapshot["statement"], "Old wording")
        self.assertEqual(revision.reason, "Clearer")
        response = self.client.get(reverse("goals:history", args=[goal.pk]))
        self.assertContains(response, "Old wording")
        self.assertContains(response, "New wording")
        self.assertContains(response, "Clearer")

    def test_it_requires_a_reason_to_change_a_goal(self):
        goal = make_goal(self.alice, statement="Old wording")
        self.login()
        response = self.client.post(
            reverse("goals:edit", args=[goal.pk]),
            {"statement": "New", "start_date": "2026-01-01", "status": "active"},
        )
        self.assertContains(response, "Say briefly why you are changing this goal")
        self.assertEqual(Goal.objects.get(pk=goal.pk).statement, "Old wording")

    def test_it_refuses_a_deadline_before_a_stage(self):
        goal = make_goal(self.alice)
        Stage.objects.create(goal=goal, title="Portfolio", deadline=datetime.date(2027, 3, 1))
        self.login()
        response = self.client.post(
            reverse("goals:edit", args=[goal.pk]),
            {
                "statement": goal.statement,
                "start_date": "2026-01-01",
                "deadline": "2027-02-01",
                # The statement says 2027-06-30: the person keeps the deadline field's date.
                "keep_deadline": "deadline",
                "baseline": "0",
                "target_value": "20",
                "status": "active",
                "reason": "Sooner",
            },
        )
        self.assertContains(response, "Portfolio")
        self.assertEqual(Goal.objects.get(pk=goal.pk).deadline, datetime.date(2027, 6, 30))


class ActionPlanTests(BaseTestCase):
    def test_it_explains_a_stage_past_the_goals_deadline(self):
        goal = make_goal(self.alice)
        self.login()
        response = self.client.post(
            reverse("goals:stage_add", args=[goal.pk]),
            {"title": "Too late", "deadline": "2027-08-01"},
        )
        self.assertContains(response, "after the goal&#x27;s deadline (2027-06-30)")
        self.assertFalse(Stage.objects.exists())

    def test_it_offers_to_split_a_long_goal_and_saves_the_edited_stages(self):
        goal = make_goal(self.alice)
        self.login()
        page = self.client.get(reverse("goals:detail", args=[goal.pk]))
        self.assertContains(page, "long goal with no stages")
        proposal = self.client.get(reverse("goals:propose_stages", args=[goal.pk]))
        forms = proposal.context["formset"].initial
        self.assertGreaterEqual(len(forms), 2)
        self.assertEqual(forms[-1]["deadline"], goal.deadline)
        data = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2"}
        data |= {"form-0-title": "Portfolio ready", "form-0-deadline": "2026-09-30"}
        data |= {"form-1-title": "Hired", "form-1-deadline": "2027-06-30"}
        self.client.post(reverse("goals:propose_stages", args=[goal.pk]), data)
        self.assertEqual(
            list(goal.stages.values_list("title", flat=True)), ["Portfolio ready", "Hired"]
        )

    def test_it_adds_steps_obstacles_and_requirements(self):
        goal = make_goal(self.alice)
        stage = Stage.objects.create(goal=goal, title="Learn", deadline=datetime.date(2027, 1, 1))
        self.login()
        self.client.post(
            reverse("goals:step_add", args=[goal.pk]),
            {"title": "Finish SQL course", "stage": stage.pk, "due_date": "2026-12-15"},
        )
        self.client.post(
            reverse("goals:obstacle_add", args=[goal.pk]),
            {"description": "Little time", "way_to_overcome": "Two mornings a week"},
        )
        self.client.post(
            reverse("goals:requirement_add", args=[goal.pk]),
            {"kind": "qualification", "description": "Google Data Analytics certificate"},
        )
        page = self.client.get(reverse("goals:detail", args=[goal.pk]))
        for text in ("Finish SQL course", "Little time", "Two mornings a week", "Google Data"):
            self.assertContains(page, text)

    def test_it_needs_a_first_day_for_a_repeating_step(self):
        goal = make_goal(self.alice)
        self.login()
        response = self.client.post(
            reverse("goals:step_add", args=[goal.pk]), {"title": "Apply", "recurrence": "weekly"}
        )
        self.assertContains(response, "needs the first day")
        self.assertFalse(Step.objects.exists())

    def test_it_records_todays_occurrence_of_a_recurring_step(self):
        goal = make_goal(self.alice)
        step = Step.objects.create(
            goal=goal, title="Apply", recurrence="weekly", due_date=datetime.date(2026, 1, 5)
        )
        self.login()
        self.client.post(reverse("goals:step_toggle", args=[step.pk]))
        self.assertEqual(StepCompletion.objects.filter(step=step).count(), 1)
        page = self.client.get(reverse("goals:detail", args=[goal.pk]))
        self.assertContains(page, "Done today")
        self.client.post(reverse("goals:step_toggle", args=[step.pk]))
        self.assertFalse(StepCompletion.objects.exists())

    def test_it_marks_a_one_off_step_done(self):
        goal = make_goal(self.alice, baseline=None, target_value=None)
        step = Step.objects.create(goal=goal, title="Update résumé")
        self.login()
        self.client.post(reverse("goals:step_toggle", args=[step.pk]))
        self.assertTrue(Step.objects.get(pk=step.pk).done)
        page = self.client.get(reverse("goals:index"))
        self.assertContains(page, 'aria-valuenow="100"')

    def test_it_only_accepts_post_to_toggle(self):
        goal = make_goal(self.alice)
        step = Step.objects.create(goal=goal, title="x")
        self.login()
        self.assertEqual(
            self.client.get(reverse("goals:step_toggle", args=[step.pk])).status_code, 405
        )


class CheckInTests(BaseTestCase):
    def test_it_records_a_check_in_and_draws_the_chart(self):
        goal = make_goal(self.alice)
        self.login()
        self.client.post(
            reverse("goals:checkin_add", args=[goal.pk]),
            {
                "date": "2026-05-01",
                "kind": "feedback",
                "note": "Good mock interview",
                "indicator_value": "6",
            },
        )
        page = self.client.get(reverse("goals:detail", args=[goal.pk]))
        self.assertContains(page, "Good mock interview")
        self.assertContains(page, "<svg")
        self.assertContains(page, 'class="ideal"')
        self.assertContains(page, "2026-05-01: 6")
        self.assertEqual(goal.checkins.get().indicator_value, 6)

    def test_it_refuses_an_empty_check_in(self):
        goal = make_goal(self.alice)
        self.login()
        response = self.client.post(
            reverse("goals:checkin_add", args=[goal.pk]),
            {"date": "2026-05-01", "kind": "feedback", "note": "", "indicator_value": "abc"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "errorlist")
        self.assertFalse(CheckIn.objects.exists())


class ReflectionTests(BaseTestCase):
    def test_it_saves_versions_and_compares_them(self):
        self.login()
        self.client.post(reverse("goals:reflection_new"), {"passions": "Teaching"})
        self.client.post(
            reverse("goals:reflection_new"),
            {"passions": "Teaching and data", "skills_to_develop": "SQL\nPower BI"},
        )
        first, second = Reflection.objects.order_by("id")
        page = self.client.get(
            reverse("goals:reflection_detail", args=[second.pk]) + f"?compare={first.pk}"
        )
        self.assertContains(page, "Teaching and data")
        self.assertContains(page, "Changed")
        self.assertContains(page, "Reach a working level in SQL")
        index = self.client.get(reverse("goals:index"))
        self.assertContains(index, "Power BI")

    def test_it_refuses_an_empty_reflection(self):
        self.login()
        response = self.client.post(reverse("goals:reflection_new"), {})
        self.assertContains(response, "Answer at least one question")
        self.assertFalse(Reflection.objects.exists())


class ReviewTests(BaseTestCase):
    def test_it_adjusts_a_deadline_and_keeps_why(self):
        goal = make_goal(self.alice)
        other = make_goal(self.alice, statement="Second goal")
        self.login()
        prefix, other_prefix = f"g{goal.pk}", f"g{other.pk}"
        response = self.client.post(
            reverse("goals:review_new"),
            {
                f"{prefix}-decision": "adjust",
                f"{prefix}-reason": "Training took longer",
                f"{prefix}-deadline": "2027-09-30",
                f"{other_prefix}-decision": "pause",
                f"{other_prefix}-reason": "Family first",
            },
            follow=True,
        )
        self.assertContains(response, "Training took longer")
        goal.refresh_from_db()
        other.refresh_from_db()
        self.assertEqual(goal.deadline, datetime.date(2027, 9, 30))
        self.assertEqual(other.status, "paused")
        revision = goal.revisions.get()
        self.assertEqual(revision.source, "review")
        self.assertEqual(revision.snapshot["deadline"], "2027-06-30")
        self.assertEqual(Review.objects.get().decisions.count(), 2)

    def test_it_asks_what_changes_when_adjusting(self):
        goal = make_goal(self.alice)
        self.login()
        response = self.client.post(
            reverse("goals:review_new"),
            {f"g{goal.pk}-decision": "adjust", f"g{goal.pk}-reason": "because"},
        )
        self.assertContains(response, "To adjust, give a new statement")
        self.assertFalse(Review.objects.exists())

    def test_it_saves_the_review_cadence(self):
        self.login()
        self.client.post(reverse("goals:review_index"), {"cadence": "monthly"})
        self.assertEqual(self.alice.goal_review_settings.cadence, "monthly")


class StatementTests(BaseTestCase):
    def test_it_walks_the_wizard_and_versions_the_statement(self):
        self.login()
        self.client.post(reverse("goals:statement_new"))
        statement = Statement.objects.get()

        def answer(step, text, **extra):
            return self.client.post(
                reverse("goals:statement_step", args=[statement.pk, step]),
                {"answer": text, **extra},
            )

        answer("passions", "helping people make sense of data")
        answer("research", "analysts need SQL and Power BI")
        answer("questions", "what salary to expect")
        checked = answer("smart", "Become a data analyst by June 30, 2027", action="check")
        self.assertEqual(checked.status_code, 302)
        page = self.client.get(reverse("goals:statement_step", args=[statement.pk, "smart"]))
        self.assertContains(page, "SMART check")
        answer("smart", "Become a data analyst by June 30, 2027")
        answer("plan", "finish a SQL course and build two dashboards")
        adjust = self.client.get(reverse("goals:statement_step", args=[statement.pk, "adjust"]))
        self.assertContains(adjust, "my goal is to become a data analyst by June 30, 2027.")
        self.client.post(
            reverse("goals:statement_step", args=[statement.pk, "adjust"]),
            {"text": "First version"},
        )
        self.client.post(
            reverse("goals:statement_step", args=[statement.pk, "adjust"]),
            {"text": "Second version", "note": "shorter"},
        )
        page = self.client.get(reverse("goals:statement_detail", args=[statement.pk]))
        self.assertContains(page, "Second version")
        self.assertContains(page, "First version")

    def test_it_answers_404_for_an_unknown_step(self):
        self.login()
        self.client.post(reverse("goals:statement_new"))
        statement = Statement.objects.get()
        response = self.client.get(f"/goals/statements/{statement.pk}/nope/")
        self.assertEqual(response.status_code, 404)


class ChartLocaleTests(BaseTestCase):
    def test_it_keeps_svg_coordinates_unlocalised_in_french(self):
        self.alice.language = "fr"
        self.alice.save()
        goal = make_goal(self.alice)
        CheckIn.objects.create(
            goal=goal, note="x", indicator_value=5, date=datetime.date(2026, 4, 15)
        )
        self.login()
        page = self.client.get(reverse("goals:detail", args=[goal.pk])).content.decode()
        line = re.search(r'<line class="ideal"[^>]*>', page).group(0)
        self.assertNotIn(",", line)
