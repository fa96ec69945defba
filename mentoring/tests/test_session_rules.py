"""Editing a session: one rule, one error (lifecycle.LifecycleError) that the page shows as a
message and the API answers 400, whichever door a party uses; nothing is saved."""

import json

from django.urls import reverse

from accounts.testing import BaseTestCase
from mentoring.models import Mentorship, PrivateNote
from mentoring.tests import factories


class SessionRulesTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.maria = factories.person("maria@example.org", "Maria")
        cls.profile = factories.mentor_profile(cls.maria)

    def setUp(self):
        self.mentorship = factories.active_mentorship(self.alice, self.profile)
        self.session = factories.session(self.mentorship, questions="Where to start?")

    def page(self, user, part, data):
        self.client.force_login(user)
        url = reverse("mentoring:session_update", args=[self.session.pk, part])
        return self.client.post(url, data, follow=True)

    def api(self, user, body):
        return self.client.patch(
            f"/api/mentoring/sessions/{self.session.pk}",
            data=json.dumps(body),
            content_type="application/json",
            headers=self.api_headers(user),
        )

    def test_only_the_mentee_prepares_the_questions_whichever_door(self):
        message = "Only the mentee prepares the questions."
        self.assertContains(self.page(self.maria, "questions", {"questions": "Mine"}), message)
        answer = self.api(self.maria, {"questions": "Mine"})
        self.assertEqual(answer.status_code, 400)
        self.assertEqual(answer.json(), {"detail": message})
        self.session.refresh_from_db()
        self.assertEqual(self.session.questions, "Where to start?")
        self.assertEqual(self.api(self.alice, {"questions": "SQL?"}).status_code, 200)

    def test_shared_notes_wait_for_an_active_mentorship_whichever_door(self):
        Mentorship.objects.filter(pk=self.mentorship.pk).update(status=Mentorship.Status.ENDED)
        message = "This mentorship is not active any more."
        page = self.page(self.maria, "notes", {"shared_notes": "Late"})
        self.assertContains(page, message)
        answer = self.api(self.maria, {"shared_notes": "Late"})
        self.assertEqual((answer.status_code, answer.json()), (400, {"detail": message}))
        self.session.refresh_from_db()
        self.assertEqual(self.session.shared_notes, "")

    def test_a_refused_change_saves_nothing_of_the_same_request(self):
        Mentorship.objects.filter(pk=self.mentorship.pk).update(status=Mentorship.Status.ENDED)
        body = {"questions": "Changed", "shared_notes": "Late", "private_notes": "Mine"}
        self.assertEqual(self.api(self.alice, body).status_code, 400)
        self.session.refresh_from_db()
        self.assertEqual(self.session.questions, "Where to start?")
        self.assertFalse(PrivateNote.objects.exists())

    def test_private_notes_stay_their_authors_after_the_end(self):
        Mentorship.objects.filter(pk=self.mentorship.pk).update(status=Mentorship.Status.ENDED)
        self.page(self.maria, "private", {"text": "For me", "heard": ""})
        self.assertEqual(self.api(self.alice, {"private_notes": "Mine"}).status_code, 200)
        notes = {n.author: n.text for n in PrivateNote.objects.all()}
        self.assertEqual(notes, {self.maria: "For me", self.alice: "Mine"})
