"""Pages fetch what they show in a fixed number of queries, whatever the amount of data."""

from django.urls import reverse

from accounts.testing import BaseTestCase
from goals.tests.helpers import make_goal, make_plan

# Index: session, user, goals, check-ins, steps, stages, review settings, latest reflection.
# Goal page: session, user, goal, check-ins, steps, completions, stages, skills, obstacles,
# requirements.
INDEX_QUERIES = 8
DETAIL_QUERIES = 10


class QueryCountTests(BaseTestCase):
    def assert_fixed_queries(self, expected, url_for):
        """The page at `url_for(goal)` runs `expected` queries with 1 and with 10 of everything."""
        for size in (1, 10):
            goals = [make_goal(self.alice, statement=f"Goal {size}-{i}") for i in range(size)]
            for goal in goals:
                make_plan(goal, size)
            url = url_for(goals[0])
            self.client.get(url)  # warm the session and content types
            with self.assertNumQueries(expected):
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, goals[0].statement)
            for goal in goals:
                goal.delete()

    def test_it_shows_the_goals_index_in_a_fixed_number_of_queries(self):
        self.login()
        self.assert_fixed_queries(INDEX_QUERIES, lambda goal: reverse("goals:index"))

    def test_it_shows_a_goal_in_a_fixed_number_of_queries(self):
        self.login()
        self.assert_fixed_queries(
            DETAIL_QUERIES, lambda goal: reverse("goals:detail", args=[goal.pk])
        )
