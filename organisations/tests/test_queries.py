"""The team, my-team, people and conversation pages run the same number of queries whatever the
team's size (1 and 12 people, each with shared goals, topics and actions)."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from goals.models import CheckIn, Goal, Step
from organisations import conversations, cycles, people
from organisations.models import JobRole, Role
from organisations.tests import factories


class Queries(TestCase):
    def build(self, size):
        """An organisation whose manager has `size` reports, everything filled in; returns the
        manager, her team and the conversation with her first report."""
        tag = f"s{size}"
        admin = factories.person(f"admin-{tag}@example.org", "Admin")
        org, membership = factories.organisation(admin, f"Org {tag}", tag)
        model = factories.model(org, code=f"m{tag}")
        role = JobRole.objects.get(model=model, code="analyst-1")
        team = people.create_team(membership, "Care")
        manager = factories.person(f"li-{tag}@example.org", "Li")
        factories.member(org, manager, Role.MANAGER, team)
        today = timezone.localdate()
        cycles.open_cycle(membership, "Q", today, today, today, today)
        first = None
        for n in range(size):
            report = factories.person(f"r{n}-{tag}@example.org", f"Report {n}")
            factories.member(org, report, team=team, job_role=role)
            link = factories.link(org, manager, report)
            goals = [
                Goal.objects.create(
                    owner=report, statement=f"Goal {k}", baseline=0, target_value=10
                )
                for k in range(2)
            ]
            for goal in goals:
                Step.objects.create(goal=goal, title="Step")
                CheckIn.objects.create(goal=goal, note="Progress", indicator_value=3)
            people.share_goals(link, report, goals)
            talk = conversations.schedule(
                link, manager, timezone.now() + timezone.timedelta(days=n + 1)
            )
            for k in range(3):
                conversations.add_topic(talk, report, f"Topic {k}")
                action = conversations.add_action(talk, manager, f"Action {k}", report)
                conversations.action_to_step(action, report, goals[0])
            first = first or talk
        return org, manager, team, first

    def count(self, user, url):
        self.client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def test_pages_do_not_grow_with_the_team(self):
        measured = {}
        for size in (1, 12):
            org, manager, team, talk = self.build(size)
            slug = org.slug
            measured[size] = {
                "team": self.count(manager, reverse("organisations:team", args=[slug, team.pk])),
                "my_team": self.count(manager, reverse("organisations:my_team", args=[slug])),
                "people": self.count(manager, reverse("organisations:people", args=[slug])),
                "conversation": self.count(manager, talk.get_absolute_url()),
                "conversation (report)": self.count(talk.link.report, talk.get_absolute_url()),
                "home": self.count(manager, reverse("organisations:home", args=[slug])),
            }
        self.assertEqual(measured[1], measured[12])
