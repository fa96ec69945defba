"""Every boundary of a mentorship, on the pages and through the API."""

import json

from django.urls import reverse

from accounts.testing import BaseTestCase
from mentoring import feedback_for_goal, lifecycle
from mentoring.models import PrivateNote
from mentoring.tests import factories
from mentoring.urls import urlpatterns

# Pages that belong to the person asking (their own profile, their own lists): not about Alice.
OWN_PAGES = {"index", "profile", "preferences", "find", "concept_search", "mentor", "request"}


class PrivacyTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.maria = factories.person("maria@example.org", "Maria")
        cls.profile = factories.mentor_profile(cls.maria, capacity=3)
        cls.shared = factories.goal(cls.alice, "Become a data analyst")
        cls.private = factories.goal(cls.alice, "Secret plan: leave my current employer")
        cls.mentorship = factories.active_mentorship(cls.alice, cls.profile, goals=[cls.shared])
        cls.session = factories.session(cls.mentorship)
        PrivateNote.objects.create(
            session=cls.session, author=cls.alice, text="ALICE-PRIVATE: I felt nervous"
        )
        PrivateNote.objects.create(
            session=cls.session, author=cls.maria, text="MARIA-PRIVATE: push on SQL"
        )
        cls.action = lifecycle.add_action(cls.session, cls.alice, "Read a SQL book")
        cls.feedback = lifecycle.give_feedback(
            cls.mentorship,
            cls.maria,
            "You undersell your work",
            "Name one number",
            link=cls.mentorship.links.get(),
        )
        lifecycle.reflect(cls.feedback, cls.alice, "ALICE-REFLECTION: she is right", "I rewrote")

    def get(self, user, url):
        self.client.force_login(user)
        return self.client.get(url)

    def test_the_mentor_sees_shared_goals_but_not_unshared_ones(self):
        page = self.get(self.maria, self.mentorship.get_absolute_url())
        self.assertContains(page, "Become a data analyst")
        self.assertNotContains(page, "Secret plan")
        url = reverse("mentoring:goal", args=[self.mentorship.pk, self.private.pk])
        assert self.get(self.maria, url).status_code == 404
        url = reverse("mentoring:goal", args=[self.mentorship.pk, self.shared.pk])
        assert self.get(self.maria, url).status_code == 200
        # Goal pages themselves stay the owner's.
        assert self.get(self.maria, self.shared.get_absolute_url()).status_code == 404

    def test_private_notes_reach_only_their_author_on_pages_and_api(self):
        for url in (
            self.session.get_absolute_url(),
            reverse("mentoring:session_listen", args=[self.session.pk]),
        ):
            page = self.get(self.maria, url)
            self.assertContains(page, "MARIA-PRIVATE")
            self.assertNotContains(page, "ALICE-PRIVATE")
            page = self.get(self.alice, url)
            self.assertContains(page, "ALICE-PRIVATE")
            self.assertNotContains(page, "MARIA-PRIVATE")
        for url in (
            f"/api/mentoring/sessions/{self.session.pk}",
            f"/api/mentoring/mentorships/{self.mentorship.pk}/sessions",
        ):
            body = self.client.get(url, headers=self.api_headers(self.maria)).content.decode()
            assert "MARIA-PRIVATE" in body and "ALICE-PRIVATE" not in body

    def test_a_reflection_stays_private_until_shared(self):
        page = self.get(self.maria, self.mentorship.get_absolute_url())
        self.assertNotContains(page, "ALICE-REFLECTION")
        api = self.client.get(
            f"/api/mentoring/mentorships/{self.mentorship.pk}/feedback",
            headers=self.api_headers(self.maria),
        )
        assert api.json()[0]["reflection"] is None
        assert feedback_for_goal(self.shared, self.maria)[0].reflection is None
        self.assertContains(self.get(self.alice, self.mentorship.get_absolute_url()), "ALICE-REF")
        lifecycle.reflect(self.feedback, self.alice, "ALICE-REFLECTION: shared now", shared=True)
        self.assertContains(self.get(self.maria, self.mentorship.get_absolute_url()), "shared now")

    def test_a_former_mentor_loses_the_goals_unless_the_mentee_keeps_sharing(self):
        lifecycle.complete(self.mentorship, self.maria)
        goal_url = reverse("mentoring:goal", args=[self.mentorship.pk, self.shared.pk])
        assert self.get(self.maria, goal_url).status_code == 404
        page = self.get(self.maria, self.mentorship.get_absolute_url())
        self.assertNotContains(page, "Become a data analyst")
        assert feedback_for_goal(self.shared, self.maria) == []
        api = self.client.get(
            f"/api/mentoring/mentorships/{self.mentorship.pk}",
            headers=self.api_headers(self.maria),
        )
        assert api.json()["shared_goal_ids"] == []
        self.client.force_login(self.alice)
        self.client.post(
            reverse("mentoring:keep_sharing", args=[self.mentorship.pk]), {"keep": "1"}
        )
        assert self.get(self.maria, goal_url).status_code == 200
        assert len(feedback_for_goal(self.shared, self.maria)) == 1

    def test_the_owner_reads_feedback_on_her_goal_with_her_reflection(self):
        [item] = feedback_for_goal(self.shared, self.alice)
        assert item.reflection.text.startswith("ALICE-REFLECTION")
        assert feedback_for_goal(self.shared, self.bob) == []

    def _urls(self):
        ids = {
            "pk": {
                "session": self.session.pk,
                "session_listen": self.session.pk,
                "session_update": self.session.pk,
                "action_to_step": self.action.pk,
                "action_toggle": self.action.pk,
                "reflect": self.feedback.pk,
            },
        }
        for pattern in urlpatterns:
            name = pattern.name
            if name in OWN_PAGES:
                continue
            kwargs = {}
            for key in pattern.pattern.converters:
                if key == "pk":
                    kwargs["pk"] = ids["pk"].get(name, self.mentorship.pk)
                elif key == "goal_id":
                    kwargs["goal_id"] = self.shared.pk
                elif key == "part":
                    kwargs["part"] = "notes"
            yield name, reverse(f"mentoring:{name}", kwargs=kwargs)

    def test_another_person_gets_404_on_every_page(self):
        self.client.force_login(self.bob)
        names = []
        for name, url in self._urls():
            names.append(name)
            assert self.client.get(url).status_code in (404, 405), name
            assert self.client.post(url, {"message": "x", "keep": "1"}).status_code == 404, name
        assert len(names) >= 18
        self.alice.refresh_from_db()
        self.mentorship.refresh_from_db()
        assert self.mentorship.status == "active"

    def test_another_person_gets_404_on_every_api_route(self):
        headers = self.api_headers(self.bob)
        m, s, f = self.mentorship.pk, self.session.pk, self.feedback.pk
        for method, url, body in [
            ("get", f"/api/mentoring/mentorships/{m}", None),
            ("post", f"/api/mentoring/mentorships/{m}/accept", None),
            ("post", f"/api/mentoring/mentorships/{m}/decline", {"message": "no"}),
            ("post", f"/api/mentoring/mentorships/{m}/end", {"outcome": "ended", "reason": "x"}),
            ("get", f"/api/mentoring/mentorships/{m}/sessions", None),
            (
                "post",
                f"/api/mentoring/mentorships/{m}/sessions",
                {"scheduled_at": "2030-01-01T10:00:00Z"},
            ),
            ("get", f"/api/mentoring/sessions/{s}", None),
            ("patch", f"/api/mentoring/sessions/{s}", {"shared_notes": "x"}),
            ("get", f"/api/mentoring/mentorships/{m}/feedback", None),
            (
                "post",
                f"/api/mentoring/mentorships/{m}/feedback",
                {"observation": "x", "suggestion": "y"},
            ),
            ("put", f"/api/mentoring/feedback/{f}/reflection", {"text": "x"}),
            ("get", f"/api/mentoring/mentorships/{m}/thanks", None),
            ("post", f"/api/mentoring/mentorships/{m}/thanks", {"message": "x"}),
        ]:
            call = getattr(self.client, method)
            kwargs = {"headers": headers}
            if body is not None:
                kwargs.update(data=json.dumps(body), content_type="application/json")
            response = call(url, **kwargs)
            assert response.status_code == 404, (method, url, response.content)
            assert "detail" in response.json()
        listing = self.client.get("/api/mentoring/mentorships", headers=headers)
        assert listing.json() == []
