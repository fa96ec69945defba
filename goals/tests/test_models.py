import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

from accounts.testing import BaseTestCase
from goals.models import CheckIn, Stage, Step, StepCompletion, add_months
from goals.tests.helpers import make_goal


class AddMonthsTests(BaseTestCase):
    def test_it_clamps_to_the_end_of_shorter_months(self):
        self.assertEqual(add_months(datetime.date(2027, 1, 31), 1), datetime.date(2027, 2, 28))
        self.assertEqual(add_months(datetime.date(2028, 1, 31), 1), datetime.date(2028, 2, 29))
        self.assertEqual(add_months(datetime.date(2026, 11, 30), 3), datetime.date(2027, 2, 28))
        self.assertEqual(add_months(datetime.date(2026, 12, 15), 12), datetime.date(2027, 12, 15))


class ProgressTests(BaseTestCase):
    def test_it_derives_progress_from_the_latest_check_in_value(self):
        goal = make_goal(self.alice, baseline=10, target_value=30)
        self.assertEqual(goal.progress, 0.0)
        CheckIn.objects.create(
            goal=goal, note="a", indicator_value=15, date=datetime.date(2026, 2, 1)
        )
        CheckIn.objects.create(
            goal=goal, note="b", indicator_value=20, date=datetime.date(2026, 3, 1)
        )
        CheckIn.objects.create(goal=goal, note="no value", date=datetime.date(2026, 4, 1))
        self.assertEqual(goal.latest_value, Decimal("20"))
        self.assertEqual(goal.progress_percent, 50)

    def test_it_falls_back_on_steps_done_without_an_indicator(self):
        goal = make_goal(self.alice, baseline=None, target_value=None)
        Step.objects.create(goal=goal, title="one", done=True)
        Step.objects.create(goal=goal, title="two")
        Step.objects.create(
            goal=goal, title="weekly", recurrence="weekly", due_date=goal.start_date
        )
        self.assertEqual(goal.progress_percent, 50)

    def test_it_caps_progress_between_zero_and_one(self):
        goal = make_goal(self.alice, baseline=0, target_value=10)
        CheckIn.objects.create(goal=goal, note="beyond", indicator_value=25)
        self.assertEqual(goal.progress, 1.0)


class StageTests(BaseTestCase):
    def test_it_refuses_a_stage_after_the_goals_deadline(self):
        goal = make_goal(self.alice, deadline=datetime.date(2027, 6, 30))
        stage = Stage(goal=goal, title="Late", deadline=datetime.date(2027, 7, 1))
        with self.assertRaises(ValidationError) as caught:
            stage.full_clean()
        self.assertIn("2027-06-30", str(caught.exception))

    def test_it_flags_a_long_goal_without_stages(self):
        goal = make_goal(self.alice, start_date=datetime.date(2026, 1, 1))
        self.assertTrue(goal.needs_stages)
        Stage.objects.create(goal=goal, title="Half", deadline=datetime.date(2026, 12, 1))
        goal = type(goal).objects.get(pk=goal.pk)
        self.assertFalse(goal.needs_stages)
        short = make_goal(self.alice, deadline=datetime.date(2026, 6, 1))
        self.assertFalse(short.needs_stages)


class RecurrenceTests(BaseTestCase):
    def test_it_lists_weekly_occurrences_within_a_range(self):
        goal = make_goal(self.alice)
        step = Step.objects.create(
            goal=goal, title="Network", recurrence="weekly", due_date=datetime.date(2026, 11, 2)
        )
        days = step.occurrences(datetime.date(2026, 11, 20), datetime.date(2026, 12, 8))
        self.assertEqual(
            days,
            [datetime.date(2026, 11, 23), datetime.date(2026, 11, 30), datetime.date(2026, 12, 7)],
        )

    def test_it_stops_daily_occurrences_at_the_end_of_the_repetition(self):
        goal = make_goal(self.alice)
        step = Step.objects.create(
            goal=goal,
            title="Read",
            recurrence="daily",
            due_date=datetime.date(2026, 11, 20),
            recurrence_until=datetime.date(2026, 11, 22),
        )
        days = step.occurrences(datetime.date(2026, 11, 1), datetime.date(2026, 12, 31))
        self.assertEqual(len(days), 3)
        StepCompletion.objects.create(step=step, date=datetime.date(2026, 11, 21))
        self.assertEqual(step.completions.count(), 1)
