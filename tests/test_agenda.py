import datetime

import icalendar
from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from agenda.models import FeedToken
from goals.models import ReviewSettings, Stage, Step, StepCompletion
from goals.tests.helpers import make_goal, make_plan


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


class AgendaPageTests(BaseTestCase):
    def setUp(self):
        self.goal = make_goal(
            self.alice, start_date=days(-30), deadline=days(300), last_reviewed_on=days(-100)
        )
        Step.objects.create(goal=self.goal, title="Overdue résumé", due_date=days(-3))
        Step.objects.create(goal=self.goal, title="Call Maria", due_date=days(2))
        Step.objects.create(goal=self.goal, title="Done long ago", due_date=days(-9), done=True)
        Step.objects.create(
            goal=self.goal, title="Weekly applications", due_date=days(-14), recurrence="weekly"
        )
        Stage.objects.create(goal=self.goal, title="Portfolio ready", deadline=days(5))

    def test_it_shows_overdue_first_then_upcoming_by_day(self):
        self.login()
        response = self.client.get(reverse("agenda:index"))
        text = response.content.decode()
        self.assertLess(text.index("Overdue résumé"), text.index("Call Maria"))
        self.assertIn("Stage deadline: Portfolio ready", text)
        self.assertNotIn("Done long ago", text)
        self.assertEqual(text.count("Weekly applications"), 5)  # today, +7, +14, +21, +28
        self.assertIn("Review your goals (1 due)", text)  # quarterly: 100 days ago is overdue
        self.assertLess(text.index("Review your goals"), text.index("Call Maria"))

    def test_it_marks_todays_occurrence_done(self):
        step = Step.objects.get(title="Weekly applications")
        StepCompletion.objects.create(step=step, date=timezone.localdate())
        from goals.agenda import items

        today_items = [
            i for i in items(self.alice, days(0), days(0)) if i.title == "Weekly applications"
        ]
        self.assertEqual(len(today_items), 1)
        self.assertTrue(today_items[0].done)

    def test_it_shows_nothing_of_another_person(self):
        self.login(self.bob)
        response = self.client.get(reverse("agenda:index"))
        self.assertNotContains(response, "Call Maria")

    def test_it_gathers_items_in_a_fixed_number_of_queries(self):
        from agenda.collect import collect

        counts = []
        for size in (1, 10):
            goals = [make_goal(self.alice, deadline=days(100)) for _ in range(size)]
            for goal in goals:
                make_plan(goal, size)
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as captured:
                found = collect(self.alice, days(-400), days(400))
            self.assertTrue(found)
            counts.append(len(captured))
        self.assertEqual(counts[0], counts[1])


class FeedTests(BaseTestCase):
    def setUp(self):
        self.goal = make_goal(self.alice, start_date=days(-30), deadline=days(300))
        Step.objects.create(
            goal=self.goal, title="Call Maria; ask about Power BI, SQL", due_date=days(2)
        )
        Step.objects.create(
            goal=self.goal, title="Weekly applications", due_date=days(0), recurrence="weekly"
        )

    def issue(self):
        self.login()
        self.client.post(reverse("agenda:feed_issue"))
        response = self.client.get(reverse("agenda:index"))
        url = response.context["feed_url"]
        self.assertIn("/agenda/feed/", url)
        self.client.logout()
        return url.split("testserver", 1)[1]

    def test_it_serves_a_valid_calendar_without_a_session(self):
        path = self.issue()
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertIn(b"DTSTART;VALUE=DATE:", response.content)
        self.assertIn(b"Call Maria\\; ask about Power BI\\, SQL", response.content)
        calendar = icalendar.Calendar.from_ical(response.content)
        self.assertEqual(str(calendar["VERSION"]), "2.0")
        self.assertIn("Parcours", str(calendar["PRODID"]))
        events = list(calendar.walk("VEVENT"))
        summaries = [str(e["SUMMARY"]) for e in events]
        self.assertIn("Call Maria; ask about Power BI, SQL", summaries)
        for event in events:
            self.assertIn("DTSTAMP", event)
            self.assertIsInstance(event.decoded("DTSTART"), datetime.date)
        uids = [str(e["UID"]) for e in events]
        self.assertEqual(len(uids), len(set(uids)))
        again = icalendar.Calendar.from_ical(self.client.get(path).content)
        self.assertEqual(sorted(uids), sorted(str(e["UID"]) for e in again.walk("VEVENT")))

    def test_it_stores_only_a_hash_of_the_token(self):
        path = self.issue()
        raw = path.rsplit("/", 1)[1].removesuffix(".ics")
        token = FeedToken.objects.get(user=self.alice)
        self.assertNotEqual(token.digest, raw)
        self.assertNotIn(raw, token.digest)

    def test_it_answers_404_after_revoking_or_regenerating(self):
        path = self.issue()
        second = self.issue()
        self.assertEqual(self.client.get(path).status_code, 404)
        self.assertEqual(self.client.get(second).status_code, 200)
        self.login()
        self.client.post(reverse("agenda:feed_revoke"))
        self.client.logout()
        self.assertEqual(self.client.get(second).status_code, 404)
        self.assertEqual(self.client.get("/agenda/feed/not-a-token.ics").status_code, 404)

    def test_it_only_accepts_post_to_change_the_link(self):
        self.login()
        self.assertEqual(self.client.get(reverse("agenda:feed_issue")).status_code, 405)
        self.assertEqual(self.client.get(reverse("agenda:feed_revoke")).status_code, 405)


class AgendaApiTests(BaseTestCase):
    def test_it_lists_items_between_two_dates(self):
        goal = make_goal(self.alice, start_date=days(-30), deadline=days(300))
        Step.objects.create(goal=goal, title="Call Maria", due_date=days(2))
        ReviewSettings.objects.create(user=self.alice, cadence="monthly")
        url = f"/api/agenda?start={days(0)}&end={days(10)}"
        response = self.client.get(url, headers=self.api_headers())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Call Maria", [item["title"] for item in response.json()])
        other = self.client.get(url, headers=self.api_headers(self.bob))
        self.assertEqual(other.json(), [])

    def test_it_explains_bad_dates(self):
        headers = self.api_headers()
        backwards = self.client.get(f"/api/agenda?start={days(5)}&end={days(0)}", headers=headers)
        self.assertEqual(backwards.status_code, 400)
        self.assertIn("detail", backwards.json())
        too_long = self.client.get(f"/api/agenda?start={days(0)}&end={days(900)}", headers=headers)
        self.assertEqual(too_long.status_code, 400)
        garbage = self.client.get("/api/agenda?start=tomorrow", headers=headers)
        self.assertEqual(garbage.status_code, 422)
        self.assertEqual(self.client.get("/api/agenda").status_code, 401)
