"""The jobs JSON API: each door onto the same rules, scoped to the caller."""

import json

from accounts.testing import BaseTestCase
from jobs.models import Application, Interview, PracticeAttempt, PreparedAnswer
from jobs.tests.factories import (
    make_answer,
    make_application,
    make_attempt,
    make_interview,
    make_occupation,
    make_reflection,
)
from jobs.tests.test_coach import ALIGNED, CONTRADICTING, SALES_POSTING


class ApiTestCase(BaseTestCase):
    def setUp(self):
        self.headers = self.api_headers(self.alice)
        self.bob_headers = self.api_headers(self.bob)

    def call(self, method, path, data=None, headers=None):
        kwargs = {"headers": headers or self.headers}
        if data is not None:
            kwargs["data"] = json.dumps(data)
            kwargs["content_type"] = "application/json"
        return getattr(self.client, method)("/api" + path, **kwargs)


class ApiTests(ApiTestCase):
    def test_it_creates_lists_updates_and_deletes_an_application(self):
        occupation = make_occupation("sales manager")
        response = self.call(
            "post",
            "/jobs/applications",
            {
                "title": "Sales manager",
                "organisation": "Acme",
                "posting_text": SALES_POSTING,
                "occupation_id": occupation.pk,
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        created = response.json()
        self.assertEqual(created["status"], "saved")
        self.assertEqual(created["posting_language"], "en")
        self.assertEqual([h["to_status"] for h in created["history"]], ["saved"])
        listed = self.call("get", "/jobs/applications").json()
        self.assertEqual([a["id"] for a in listed], [created["id"]])
        patched = self.call(
            "patch", f"/jobs/applications/{created['id']}", {"notes": "Call Friday"}
        ).json()
        self.assertEqual(patched["notes"], "Call Friday")
        response = self.call("delete", f"/jobs/applications/{created['id']}")
        self.assertEqual(response.status_code, 204)
        self.assertFalse(Application.objects.exists())

    def test_a_posting_s_skills_are_detected_in_the_background(self):
        from unittest import mock

        from django.core.management import call_command

        from jobs import postings
        from jobs.tests.factories import make_skill
        from jobs.tests.test_application_form import fake_extractor

        teamwork = make_skill("teamwork")
        extract = fake_extractor({"teamwork": teamwork})
        with mock.patch.object(postings, "_extractor", return_value=extract):
            created = self.call(
                "post",
                "/jobs/applications",
                {"title": "Aide", "organisation": "Riverside", "posting_text": "Teamwork."},
            ).json()
            self.assertTrue(created["skills_pending"])
            self.assertEqual(created["skills"], [])
            call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
            done = self.call("get", f"/jobs/applications/{created['id']}").json()
        self.assertFalse(done["skills_pending"])
        self.assertEqual([s["label"] for s in done["skills"]], ["teamwork"])

    def test_it_changes_the_status_and_keeps_the_history(self):
        application = make_application(self.alice)
        response = self.call(
            "post", f"/jobs/applications/{application.pk}/status", {"status": "applied"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual([h["to_status"] for h in response.json()["history"]], ["saved", "applied"])

    def test_it_filters_by_status_and_refuses_an_unknown_one(self):
        make_application(self.alice, status="offer")
        make_application(self.alice, status="saved")
        self.assertEqual(len(self.call("get", "/jobs/applications?status=offer").json()), 1)
        response = self.call("get", "/jobs/applications?status=hired")
        self.assertEqual(response.status_code, 422)
        self.assertIn("Unknown status", response.json()["detail"])

    def test_it_refuses_bad_input_with_a_detail(self):
        for payload in (
            {"title": "", "organisation": "Acme"},
            {"title": "X", "organisation": "Acme", "status": "hired"},
            {"title": "X", "organisation": "Acme", "posting_url": "nope"},
            {"title": "X", "organisation": "Acme", "occupation_id": 999999},
            {"title": "X", "organisation": "Acme", "posting_language": "de"},
        ):
            response = self.call("post", "/jobs/applications", payload)
            self.assertEqual(response.status_code, 422, payload)
            self.assertIn("detail", response.json())
        response = self.client.post(
            "/api/jobs/applications",
            data="{not json",
            content_type="application/json",
            headers=self.headers,
        )
        self.assertIn(response.status_code, (400, 422))
        self.assertIn("detail", response.json())
        self.assertFalse(Application.objects.exists())

    def test_it_refuses_to_empty_a_required_field(self):
        application = make_application(self.alice)
        response = self.call("patch", f"/jobs/applications/{application.pk}", {"title": None})
        self.assertEqual(response.status_code, 422)

    def test_it_needs_authentication(self):
        response = self.client.get("/api/jobs/applications")
        self.assertEqual(response.status_code, 401)

    def test_it_schedules_an_interview_and_records_a_reflection(self):
        application = make_application(self.alice, status="applied")
        response = self.call(
            "post",
            f"/jobs/applications/{application.pk}/interviews",
            {"scheduled_at": "2026-12-03T10:30:00Z", "kind": "panel", "with_whom": "HR"},
        )
        self.assertEqual(response.status_code, 201, response.content)
        interview_id = response.json()["id"]
        application.refresh_from_db()
        self.assertEqual(application.status, "interview")
        response = self.call(
            "put",
            f"/jobs/interviews/{interview_id}/reflection",
            {"went_well": "Rapport", "techniques": ["STAR method", " ", "STAR method"]},
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual([t["text"] for t in response.json()["techniques"]], ["STAR method"])
        techniques = self.call("get", "/jobs/techniques").json()
        self.assertEqual(techniques[0]["text"], "STAR method")
        marked = self.call(
            "post", f"/jobs/techniques/{techniques[0]['id']}/tried", {"tried": True}
        ).json()
        self.assertTrue(marked["tried"])

    def test_it_refuses_a_bad_interview_and_an_empty_reflection(self):
        application = make_application(self.alice)
        response = self.call(
            "post",
            f"/jobs/applications/{application.pk}/interviews",
            {"scheduled_at": "tomorrow", "duration_minutes": 0, "kind": "lunch"},
        )
        self.assertEqual(response.status_code, 422)
        self.assertFalse(Interview.objects.exists())
        interview = make_interview(application)
        response = self.call("put", f"/jobs/interviews/{interview.pk}/reflection", {})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(
            response.json()["detail"],
            [
                {
                    "loc": ["body"],
                    "msg": "Write at least one thing: what went well, what to change, or a "
                    "technique.",
                }
            ],
        )

    def test_it_lists_the_common_questions_in_french(self):
        response = self.client.get("/api/jobs/questions", headers={"Accept-Language": "fr"})
        keys = [q["key"] for q in response.json()]
        self.assertIn("career_goals", keys)

    def test_it_prepares_and_checks_a_career_goals_answer(self):
        application = make_application(self.alice, posting_text=SALES_POSTING)
        response = self.call(
            "post",
            "/jobs/answers",
            {
                "application_id": application.pk,
                "question_key": "career_goals",
                "text": CONTRADICTING,
                "language": "en",
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        answer_id = response.json()["id"]
        checked = self.call("post", f"/jobs/answers/{answer_id}/check").json()
        self.assertFalse(checked["last_check"]["aligned"])
        codes = [issue["code"] for issue in checked["last_check"]["issues"]]
        self.assertIn("contradicts_role", codes)
        self.call("patch", f"/jobs/answers/{answer_id}", {"text": ALIGNED})
        checked = self.call("post", f"/jobs/answers/{answer_id}/check").json()
        self.assertTrue(checked["last_check"]["aligned"])
        self.assertTrue(checked["check_is_current"])

    def test_it_says_why_an_answer_cannot_be_checked(self):
        answer = make_answer(self.alice, None, question_key="strengths", text="Patience")
        response = self.call("post", f"/jobs/answers/{answer.pk}/check")
        self.assertEqual(response.status_code, 400)
        self.assertIn("career goals", response.json()["detail"])

    def test_it_refuses_an_unknown_question(self):
        for payload in ({"question_key": "nope"}, {"question_key": "", "custom_question": " "}):
            response = self.call("post", "/jobs/answers", payload)
            self.assertEqual(response.status_code, 422)
        self.assertFalse(PreparedAnswer.objects.exists())

    def test_it_times_practice_attempts(self):
        application = make_application(self.alice, posting_text=SALES_POSTING)
        answer = make_answer(self.alice, application, text=ALIGNED)
        started = self.call("post", f"/jobs/answers/{answer.pk}/attempts")
        self.assertEqual(started.status_code, 201)
        attempt_id = started.json()["id"]
        finished = self.call("post", f"/jobs/attempts/{attempt_id}/finish", {"text": ALIGNED})
        self.assertEqual(finished.status_code, 200)
        self.assertIsNotNone(finished.json()["duration_seconds"])
        self.assertTrue(finished.json()["check_result"]["aligned"])
        again = self.call("post", f"/jobs/attempts/{attempt_id}/finish", {"text": "x"})
        self.assertEqual(again.status_code, 409)
        listed = self.call("get", f"/jobs/answers/{answer.pk}/attempts").json()
        self.assertEqual(len(listed), 1)

    def test_it_gives_bob_404_on_every_route_for_alice_things(self):
        application = make_application(self.alice)
        interview = make_interview(application)
        technique = make_reflection(interview).techniques.get()
        answer = make_answer(self.alice, application, text="Mine")
        attempt = make_attempt(answer)
        from jobs.models import DetectedSkill
        from jobs.tests.factories import make_skill

        detected = DetectedSkill.objects.create(application=application, skill=make_skill("x"))
        a, i, s = application.pk, interview.pk, answer.pk
        calls = [
            ("get", f"/jobs/applications/{a}", None),
            ("patch", f"/jobs/applications/{a}", {"notes": "x"}),
            ("delete", f"/jobs/applications/{a}", None),
            ("post", f"/jobs/applications/{a}/status", {"status": "offer"}),
            ("post", f"/jobs/applications/{a}/skills/detect", None),
            ("delete", f"/jobs/applications/{a}/skills/{detected.pk}", None),
            ("get", f"/jobs/applications/{a}/interviews", None),
            (
                "post",
                f"/jobs/applications/{a}/interviews",
                {"scheduled_at": "2026-12-03T10:30:00Z"},
            ),
            ("get", f"/jobs/interviews/{i}", None),
            ("put", f"/jobs/interviews/{i}", {"scheduled_at": "2026-12-03T10:30:00Z"}),
            ("delete", f"/jobs/interviews/{i}", None),
            ("get", f"/jobs/interviews/{i}/reflection", None),
            ("put", f"/jobs/interviews/{i}/reflection", {"went_well": "x"}),
            ("delete", f"/jobs/interviews/{i}/reflection", None),
            ("post", f"/jobs/techniques/{technique.pk}/tried", {"tried": True}),
            ("get", f"/jobs/answers/{s}", None),
            ("patch", f"/jobs/answers/{s}", {"text": "x"}),
            ("delete", f"/jobs/answers/{s}", None),
            ("post", f"/jobs/answers/{s}/check", None),
            ("get", f"/jobs/answers/{s}/attempts", None),
            ("post", f"/jobs/answers/{s}/attempts", None),
            ("post", f"/jobs/attempts/{attempt.pk}/finish", {"text": "x"}),
            ("delete", f"/jobs/attempts/{attempt.pk}", None),
            ("get", f"/jobs/answers?application_id={a}", None),
            ("post", "/jobs/answers", {"application_id": a, "question_key": "strengths"}),
        ]
        for method, path, data in calls:
            response = self.call(method, path, data, headers=self.bob_headers)
            self.assertEqual(response.status_code, 404, f"{method} {path}")
            self.assertIn("detail", response.json())
        self.assertEqual(
            self.call("get", "/jobs/applications", headers=self.bob_headers).json(), []
        )
        self.assertEqual(self.call("get", "/jobs/techniques", headers=self.bob_headers).json(), [])
        self.assertEqual(self.call("get", "/jobs/answers", headers=self.bob_headers).json(), [])
        self.assertTrue(Application.objects.filter(pk=a, notes="").exists())
        self.assertTrue(PracticeAttempt.objects.filter(pk=attempt.pk).exists())

    def test_it_answers_with_the_pages_messages(self):
        # The API validates with the page's forms: the same sentence, whichever door.
        response = self.call(
            "post",
            "/jobs/applications",
            {"title": "Analyst", "organisation": "City", "posting_url": "not a url"},
        )
        self.assertEqual(
            response.json()["detail"],
            [
                {
                    "loc": ["body", "posting_url"],
                    "msg": "Enter a full web address, starting with https://.",
                }
            ],
        )
        application = make_application(self.alice)
        interview = make_interview(application)
        response = self.call(
            "put",
            f"/jobs/interviews/{interview.pk}/reflection",
            {"went_well": "Examples", "techniques": ["x" * 501]},
        )
        self.assertEqual(
            response.json()["detail"],
            [{"loc": ["body", "techniques"], "msg": "Keep each technique under 500 characters."}],
        )
