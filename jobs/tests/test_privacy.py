"""Another person gets 404 on every jobs page and endpoint for Alice's things."""

from django.urls import URLPattern, reverse

from accounts.testing import BaseTestCase
from jobs import urls as jobs_urls
from jobs.models import DetectedSkill
from jobs.tests.factories import (
    make_answer,
    make_application,
    make_attempt,
    make_interview,
    make_reflection,
    make_skill,
)

# URL patterns that take no object: they show only the signed-in person's own things.
UNSCOPED = {"index", "new", "coach", "answer_start", "occupation_search"}


class PrivacyTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.application = make_application(cls.alice)
        cls.interview = make_interview(cls.application)
        cls.reflection = make_reflection(cls.interview)
        cls.technique = cls.reflection.techniques.get()
        cls.answer = make_answer(cls.alice, cls.application, text="I want to care for people.")
        cls.attempt = make_attempt(cls.answer)
        cls.detected = DetectedSkill.objects.create(
            application=cls.application, skill=make_skill("assist residents"), confidence=0.9
        )

    def _kwargs_for(self, pattern):
        name = pattern.name
        if name in ("interview_edit", "interview_delete", "reflection"):
            return {"pk": self.interview.pk}
        if name in ("answer", "answer_check", "answer_delete", "practice", "practice_start"):
            return {"pk": self.answer.pk}
        if name in ("attempt_finish", "attempt_delete"):
            return {"pk": self.attempt.pk}
        if name == "technique_tried":
            return {"pk": self.technique.pk}
        if name == "remove_skill":
            return {"pk": self.application.pk, "skill_pk": self.detected.pk}
        return {"pk": self.application.pk}

    def scoped_urls(self):
        for pattern in jobs_urls.urlpatterns:
            assert isinstance(pattern, URLPattern)
            if pattern.name in UNSCOPED:
                continue
            yield pattern.name, reverse(f"jobs:{pattern.name}", kwargs=self._kwargs_for(pattern))

    def test_it_walks_every_scoped_pattern(self):
        names = {name for name, _url in self.scoped_urls()}
        every = {p.name for p in jobs_urls.urlpatterns}
        self.assertEqual(names | UNSCOPED, every)

    def test_it_gives_bob_404_on_every_page_and_action(self):
        self.login(self.bob)
        for name, url in self.scoped_urls():
            for method in ("get", "post"):
                response = getattr(self.client, method)(url)
                self.assertIn(response.status_code, (404, 405), f"{method.upper()} {name} {url}")
                if response.status_code == 405:
                    self.assertEqual(method, "get", f"{name} refuses POST")

    def test_it_lets_alice_open_every_page(self):
        self.login(self.alice)
        for name, url in self.scoped_urls():
            response = self.client.get(url)
            self.assertIn(response.status_code, (200, 405), f"GET {name} {url}")

    def test_it_leaves_alice_data_untouched_after_bob_tries(self):
        self.login(self.bob)
        for _name, url in self.scoped_urls():
            self.client.post(url, {"status": "rejected", "text": "hijacked", "tried": "1"})
        self.application.refresh_from_db()
        self.answer.refresh_from_db()
        self.technique.refresh_from_db()
        self.assertEqual(self.application.status, "saved")
        self.assertEqual(self.answer.text, "I want to care for people.")
        self.assertFalse(self.technique.tried)

    def test_it_hides_alice_applications_from_bob_board_and_coach(self):
        self.login(self.bob)
        for url in (reverse("jobs:index"), reverse("jobs:coach")):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertNotContains(response, "Riverside")
            self.assertNotContains(response, "STAR method")

    def test_it_sends_visitors_to_the_login_page(self):
        response = self.client.get(reverse("jobs:index"))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
