"""Interviews in the agenda."""

import datetime

from django.utils import timezone, translation

from accounts.testing import BaseTestCase
from jobs import agenda
from jobs.models import Interview
from jobs.tests.factories import make_application


class AgendaTests(BaseTestCase):
    def _interview(self, when, **fields):
        application = make_application(self.alice, title="Care aide", organisation="Riverside")
        return Interview.objects.create(application=application, scheduled_at=when, **fields)

    def test_it_lists_interviews_in_range_with_time_and_people(self):
        when = datetime.datetime(2026, 12, 3, 15, 30, tzinfo=datetime.UTC)
        interview = self._interview(when, with_whom="Julie Roy", duration_minutes=45)
        with translation.override("en"):
            items = agenda.items(self.alice, datetime.date(2026, 12, 1), datetime.date(2026, 12, 7))
        self.assertEqual(len(items), 1)
        item = items[0]
        self.assertEqual(item.uid, f"jobs-interview-{interview.pk}")
        self.assertEqual(
            (item.date, item.time), (datetime.date(2026, 12, 3), datetime.time(15, 30))
        )
        self.assertEqual(item.duration_minutes, 45)
        self.assertEqual(item.kind, "interview")
        self.assertIn("Care aide", item.title)
        self.assertIn("Julie Roy", item.description)
        self.assertEqual(item.url, f"/jobs/{interview.application_id}/#interviews")

    def test_it_uses_the_person_local_date(self):
        self._interview(datetime.datetime(2026, 12, 3, 2, 0, tzinfo=datetime.UTC))
        self.alice.time_zone = "America/Toronto"
        with timezone.override("Europe/Paris"):
            items = agenda.items(self.alice, datetime.date(2026, 12, 2), datetime.date(2026, 12, 2))
        self.assertEqual(items[0].date, datetime.date(2026, 12, 2))
        self.assertEqual(items[0].time, datetime.time(21, 0))

    def test_it_leaves_out_other_dates_and_other_people(self):
        self._interview(datetime.datetime(2026, 11, 1, 10, tzinfo=datetime.UTC))
        other = make_application(self.bob)
        Interview.objects.create(
            application=other, scheduled_at=datetime.datetime(2026, 12, 3, 10, tzinfo=datetime.UTC)
        )
        items = agenda.items(self.alice, datetime.date(2026, 12, 1), datetime.date(2026, 12, 7))
        self.assertEqual(items, [])

    def test_it_runs_one_query_whatever_the_number_of_interviews(self):
        for day in range(1, 6):
            self._interview(datetime.datetime(2026, 12, day, 10, tzinfo=datetime.UTC))
        with self.assertNumQueries(1):
            agenda.items(self.alice, datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
