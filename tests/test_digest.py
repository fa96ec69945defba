import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from agenda import digest
from agenda.models import DigestSubscription
from core import scheduling
from goals.models import Goal, Step


class DigestTestCase(BaseTestCase):
    def setUp(self):
        self.now = timezone.now()
        today = timezone.localdate(self.now)
        goal = Goal.objects.create(owner=self.alice, statement="Become a data analyst")
        Step.objects.create(goal=goal, title="Finish the SQL module", due_date=today)
        Step.objects.create(
            goal=goal, title="Send two applications", due_date=today + datetime.timedelta(days=3)
        )
        Step.objects.create(
            goal=goal, title="Far away step", due_date=today + datetime.timedelta(days=20)
        )

    def test_it_sends_nothing_to_people_who_did_not_ask(self):
        self.assertEqual(digest.send_due_digests(self.now), 0)
        self.assertEqual(mail.outbox, [])

    def test_it_sends_the_week_ahead_once_a_week(self):
        DigestSubscription.objects.create(user=self.alice)
        self.assertEqual(digest.send_due_digests(self.now), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["alice@example.org"])
        self.assertIn("your week ahead (2 due)", message.subject)
        self.assertIn("Finish the SQL module", message.body)
        self.assertIn("Send two applications", message.body)
        self.assertNotIn("Far away step", message.body)
        self.assertIn("/agenda/", message.body)
        # The worker runs every hour: no second email within the week.
        self.assertEqual(digest.send_due_digests(self.now + datetime.timedelta(hours=5)), 0)
        self.assertEqual(digest.send_due_digests(self.now + datetime.timedelta(days=7)), 1)
        self.assertEqual(len(mail.outbox), 2)

    def test_it_writes_in_the_persons_language(self):
        self.alice.language = "fr"
        self.alice.save()
        DigestSubscription.objects.create(user=self.alice)
        digest.send_due_digests(self.now)
        self.assertIn("votre semaine", mail.outbox[0].subject)
        self.assertIn("Voici ce qui est prévu", mail.outbox[0].body)

    def test_it_sends_nothing_when_nothing_is_due(self):
        DigestSubscription.objects.create(user=self.bob)
        self.assertEqual(digest.send_due_digests(self.now), 0)
        self.assertIsNotNone(DigestSubscription.objects.get(user=self.bob).last_sent_on)

    def test_the_worker_runs_it_every_hour(self):
        scheduling.discover()
        periodic = {p.name: p for p in scheduling.periodic_tasks()}
        self.assertEqual(
            periodic["agenda.tasks.send_weekly_digests"].interval, datetime.timedelta(hours=1)
        )

    def test_the_agenda_page_starts_and_stops_it(self):
        self.login()
        self.assertContains(self.client.get(reverse("agenda:index")), "Send me the weekly digest")
        self.client.post(reverse("agenda:digest"), {"digest": "on"})
        self.assertTrue(DigestSubscription.objects.filter(user=self.alice).exists())
        self.assertContains(self.client.get(reverse("agenda:index")), "Stop the weekly digest")
        self.client.post(reverse("agenda:digest"), {"digest": "off"})
        self.assertFalse(DigestSubscription.objects.exists())
        self.assertEqual(self.client.get(reverse("agenda:digest")).status_code, 405)
