"""Scheduling interviews and writing the post-interview reflection."""

import datetime

from django.urls import reverse

from accounts.testing import BaseTestCase
from jobs.models import Interview, InterviewReflection
from jobs.tests.factories import make_application, make_interview, make_reflection


class InterviewTests(BaseTestCase):
    def test_it_schedules_an_interview_and_moves_the_application(self):
        application = make_application(self.alice, status="applied")
        self.login()
        response = self.client.post(
            reverse("jobs:interview_new", args=[application.pk]),
            {
                "scheduled_at": "2026-12-03T10:30",
                "duration_minutes": 45,
                "kind": "in_person",
                "with_whom": "Julie Roy, head nurse",
            },
        )
        self.assertRedirects(response, reverse("jobs:detail", args=[application.pk]))
        interview = Interview.objects.get()
        self.assertEqual(
            interview.scheduled_at, datetime.datetime(2026, 12, 3, 10, 30, tzinfo=datetime.UTC)
        )
        application.refresh_from_db()
        self.assertEqual(application.status, "interview")

    def test_it_reads_the_time_in_the_person_time_zone(self):
        self.alice.time_zone = "America/Toronto"
        self.alice.save()
        application = make_application(self.alice)
        self.login()
        self.client.post(
            reverse("jobs:interview_new", args=[application.pk]),
            {"scheduled_at": "2026-12-03T10:30", "duration_minutes": 60, "kind": "video"},
        )
        self.assertEqual(Interview.objects.get().scheduled_at.hour, 15)

    def test_it_explains_a_bad_date_and_duration(self):
        application = make_application(self.alice)
        self.login()
        response = self.client.post(
            reverse("jobs:interview_new", args=[application.pk]),
            {"scheduled_at": "next tuesday", "duration_minutes": 0, "kind": "video"},
        )
        self.assertContains(response, "Enter a date and time")
        self.assertContains(response, "Give a duration between 5 and 600 minutes.")
        self.assertFalse(Interview.objects.exists())

    def test_it_edits_and_deletes_an_interview(self):
        interview = make_interview(make_application(self.alice))
        self.login()
        self.client.post(
            reverse("jobs:interview_edit", args=[interview.pk]),
            {"scheduled_at": "2026-12-04T09:00", "duration_minutes": 30, "kind": "phone"},
        )
        interview.refresh_from_db()
        self.assertEqual(interview.kind, "phone")
        self.client.post(reverse("jobs:interview_delete", args=[interview.pk]))
        self.assertFalse(Interview.objects.exists())

    def test_it_records_a_reflection_with_techniques(self):
        interview = make_interview(make_application(self.alice))
        self.login()
        self.client.post(
            reverse("jobs:reflection", args=[interview.pk]),
            {
                "went_well": "My internship story",
                "do_differently": "Ask about the team",
                "techniques": "Use the STAR method\n\nPrepare two questions\nUse the STAR method",
            },
        )
        reflection = InterviewReflection.objects.get()
        self.assertEqual(
            sorted(reflection.techniques.values_list("text", flat=True)),
            ["Prepare two questions", "Use the STAR method"],
        )
        response = self.client.get(reverse("jobs:detail", args=[interview.application_id]))
        self.assertContains(response, "My internship story")
        self.assertContains(response, "Prepare two questions")

    def test_it_prefills_the_techniques_when_editing(self):
        interview = make_interview(make_application(self.alice))
        make_reflection(interview, techniques=["Breathe", "Smile"])
        self.login()
        response = self.client.get(reverse("jobs:reflection", args=[interview.pk]))
        self.assertEqual(response.context["form"]["techniques"].value(), "Breathe\nSmile")

    def test_it_refuses_an_empty_reflection(self):
        interview = make_interview(make_application(self.alice))
        self.login()
        response = self.client.post(reverse("jobs:reflection", args=[interview.pk]), {})
        self.assertContains(response, "Write at least one thing")
        self.assertFalse(InterviewReflection.objects.exists())
