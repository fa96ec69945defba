import json

from accounts.testing import BaseTestCase
from mentoring.models import Mentorship
from mentoring.tests import factories


class ApiTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.maria = factories.person("maria@example.org", "Maria")
        cls.profile = factories.mentor_profile(cls.maria)
        cls.goal = factories.goal(cls.alice)

    def call(self, method, url, user, body=None):
        kwargs = {"headers": self.api_headers(user)}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        return getattr(self.client, method)(url, **kwargs)

    def test_it_runs_a_mentorship_from_match_to_thanks(self):
        matches = self.call("get", "/api/mentoring/matches", self.alice).json()
        assert matches[0]["name"] == "Maria"
        assert [p["key"] for p in matches[0]["parts"]] == [
            "skills",
            "values",
            "style",
            "language",
            "capacity",
        ]
        response = self.call(
            "post",
            "/api/mentoring/requests",
            self.alice,
            {"mentor_id": self.profile.pk, "hoped_gain": "Advice", "goal_ids": [self.goal.pk]},
        )
        assert response.status_code == 201, response.content
        mentorship = response.json()
        assert mentorship["shared_goal_ids"] == [self.goal.pk]
        url = f"/api/mentoring/mentorships/{mentorship['id']}"
        assert self.call("post", f"{url}/accept", self.alice).status_code == 400
        assert self.call("post", f"{url}/accept", self.maria).json()["status"] == "active"
        session = self.call(
            "post",
            f"{url}/sessions",
            self.alice,
            {"scheduled_at": "2030-01-01T18:00:00Z", "questions": "Where to start?"},
        ).json()
        patched = self.call(
            "patch",
            f"/api/mentoring/sessions/{session['id']}",
            self.maria,
            {"shared_notes": "SQL first", "private_notes": "mine"},
        ).json()
        assert (patched["shared_notes"], patched["my_private_notes"]) == ("SQL first", "mine")
        feedback = self.call(
            "post",
            f"{url}/feedback",
            self.maria,
            {"observation": "O", "suggestion": "S", "goal_id": self.goal.pk},
        )
        assert feedback.status_code == 201
        reflection = self.call(
            "put",
            f"/api/mentoring/feedback/{feedback.json()['id']}/reflection",
            self.alice,
            {"text": "Fair"},
        )
        assert reflection.json() == {"text": "Fair", "action_taken": "", "shared": False}
        assert self.call("post", f"{url}/thanks", self.alice, {"message": "Merci"}).status_code == (
            201
        )
        ended = self.call("post", f"{url}/end", self.maria, {"outcome": "completed"}).json()
        assert ended["status"] == "completed"

    def test_bad_input_answers_4xx_with_a_detail(self):
        for body in (
            {"mentor_id": self.profile.pk, "hoped_gain": "Advice"},  # no objectives
            {"mentor_id": self.profile.pk, "hoped_gain": "x", "goal_ids": [99999]},
        ):
            response = self.call("post", "/api/mentoring/requests", self.alice, body)
            assert response.status_code == 400
            assert isinstance(response.json()["detail"], str)
        response = self.call("post", "/api/mentoring/requests", self.alice, {"mentor_id": "x"})
        assert response.status_code == 422 and response.json()["detail"]
        response = self.call(
            "put", "/api/mentoring/profile", self.bob, {"languages": ["klingon"], "capacity": 0}
        )
        assert response.status_code == 422
        response = self.call(
            "put", "/api/mentoring/profile", self.bob, {"languages": ["fr"], "skill_ids": [424242]}
        )
        # Checked by the profile page's form: an unknown skill is invalid input (422).
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", "skills"]
        assert self.call("get", "/api/mentoring/profile", self.bob).status_code == 404
        assert not Mentorship.objects.exists()

    def test_it_saves_and_returns_the_mentor_profile(self):
        body = {
            "languages": ["fr", "en"],
            "capacity": 4,
            "values": ["service"],
            "approach": "directive",
        }
        response = self.call("put", "/api/mentoring/profile", self.bob, body)
        assert response.status_code == 200, response.content
        got = self.call("get", "/api/mentoring/profile", self.bob).json()
        assert (got["languages"], got["capacity"], got["places_left"]) == (["fr", "en"], 4, 4)
