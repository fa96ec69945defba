"""List pages and the agenda run a fixed number of queries whatever the amount of data."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from growth import agenda
from growth.models import (
    Association,
    Contact,
    Entry,
    Feed,
    Interaction,
    LearningItem,
    Membership,
    ReadingNote,
)
from taxonomy.models import Skill


def add_data(user, n, offset=0):
    from goals.models import Goal

    today = timezone.localdate()
    goal = Goal.objects.create(owner=user, statement=f"Goal {offset}")
    for i in range(offset, offset + n):
        skill = Skill.objects.create(uri=f"http://esco/{i}", label_en=f"skill {i}")
        item = LearningItem.objects.create(
            user=user,
            title=f"Item {i}",
            payer="loan",
            loan_rate=4,
            loan_term_months=12,
            end_date=today + datetime.timedelta(days=i),
        )
        item.skills.add(skill)
        item.goals.add(goal)
        contact = Contact.objects.create(
            user=user, name=f"Contact {i}", follow_up_days=10, tags="a, b"
        )
        Interaction.objects.create(contact=contact, date=today - datetime.timedelta(days=20))
        association = Association.objects.create(user=user, name=f"Association {i}")
        Membership.objects.create(association=association, renews_on=today)
        Membership.objects.create(association=association, renews_on=today, started_on=today)
        feed = Feed.objects.create(user=user, url=f"https://example.org/{i}")
        Entry.objects.create(feed=feed, guid=str(i), title=f"Entry {i}")
        note = ReadingNote.objects.create(user=user, title=f"Note {i}", takeaways="x")
        note.goals.add(goal)


class QueryCountTests(BaseTestCase):
    pages = ["index", "learning", "contacts", "associations", "watch", "reading"]

    def count(self, name):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse(f"growth:{name}"), {"show": "all"})
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_list_pages_run_a_fixed_number_of_queries(self):
        self.login()
        add_data(self.alice, 2)
        small = {name: self.count(name) for name in self.pages}
        add_data(self.alice, 15, offset=100)
        for name in self.pages:
            with self.subTest(page=name), self.assertNumQueries(small[name]):
                self.client.get(reverse(f"growth:{name}"), {"show": "all"})

    def test_the_agenda_provider_runs_a_fixed_number_of_queries(self):
        today = timezone.localdate()
        start, end = today, today + datetime.timedelta(days=60)
        add_data(self.alice, 2)
        with CaptureQueriesContext(connection) as queries:
            small = agenda.items(self.alice, start, end)
        add_data(self.alice, 15, offset=100)
        with self.assertNumQueries(len(queries)):
            large = agenda.items(self.alice, start, end)
        self.assertGreater(len(large), len(small))
