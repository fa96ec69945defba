"""Practice mode: timed attempts kept side by side."""

import datetime

from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from jobs.models import PracticeAttempt
from jobs.tests.factories import make_answer, make_application
from jobs.tests.test_coach import ALIGNED, CONTRADICTING, SALES_POSTING


class PracticeTests(BaseTestCase):
    def setUp(self):
        application = make_application(self.alice, posting_text=SALES_POSTING)
        self.answer = make_answer(self.alice, application, text=ALIGNED)
        self.login()

    def _attempt(self, text, seconds):
        self.client.post(reverse("jobs:practice_start", args=[self.answer.pk]))
        attempt = PracticeAttempt.objects.get(finished_at__isnull=True)
        PracticeAttempt.objects.filter(pk=attempt.pk).update(
            started_at=timezone.now() - datetime.timedelta(seconds=seconds)
        )
        self.client.post(reverse("jobs:attempt_finish", args=[attempt.pk]), {"text": text})
        attempt.refresh_from_db()
        return attempt

    def test_it_times_an_attempt_on_the_server(self):
        attempt = self._attempt(ALIGNED, 90)
        self.assertTrue(89 <= attempt.duration_seconds <= 95)

    def test_it_keeps_each_attempt_with_its_check_side_by_side(self):
        first = self._attempt(CONTRADICTING, 40)
        second = self._attempt(ALIGNED, 70)
        self.assertFalse(first.check_result["aligned"])
        self.assertTrue(second.check_result["aligned"])
        response = self.client.get(reverse("jobs:practice", args=[self.answer.pk]))
        self.assertContains(response, "Attempt 1")
        self.assertContains(response, "Attempt 2")
        self.assertContains(response, "Not aligned")
        self.assertEqual(len(response.context["attempts"]), 2)

    def test_it_shows_the_running_attempt_with_a_stopwatch(self):
        self.client.post(reverse("jobs:practice_start", args=[self.answer.pk]))
        response = self.client.get(reverse("jobs:practice", args=[self.answer.pk]))
        self.assertContains(response, 'class="stopwatch"')
        self.assertContains(response, "jobs/stopwatch.js")

    def test_it_does_not_restart_the_clock_of_a_finished_attempt(self):
        attempt = self._attempt("First", 30)
        finished_at = attempt.finished_at
        self.client.post(reverse("jobs:attempt_finish", args=[attempt.pk]), {"text": "Again"})
        attempt.refresh_from_db()
        self.assertEqual(attempt.finished_at, finished_at)

    def test_it_deletes_an_attempt(self):
        attempt = self._attempt("First", 30)
        self.client.post(reverse("jobs:attempt_delete", args=[attempt.pk]))
        self.assertFalse(PracticeAttempt.objects.exists())
