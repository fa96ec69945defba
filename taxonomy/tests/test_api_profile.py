"""The skills profile, targets, gap and transferable routes of the JSON API."""

import json

from taxonomy.models import TargetOccupation, UserSkill
from taxonomy.tests.base import TaxonomyTestCase


class ApiTestCase(TaxonomyTestCase):
    def call(self, method, path, data=None, user=None):
        headers = self.api_headers(user or self.alice)
        kwargs = {"headers": headers}
        if data is not None:
            kwargs.update(data=json.dumps(data), content_type="application/json")
        return getattr(self.client, method)(f"/api{path}", **kwargs)


class SkillRoutesTests(ApiTestCase):
    def test_it_adds_lists_updates_and_deletes_skills(self):
        response = self.call(
            "post",
            "/profile/skills",
            {
                "skill_id": self.skill("assist").pk,
                "proficiency": 2,
                "years_of_experience": 1.5,
                "evidence": [{"kind": "job", "description": "Caregiver"}],
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        created = response.json()
        self.assertEqual(created["label"], "assist patients with special needs")
        self.assertEqual(created["evidence"][0]["kind"], "job")
        listed = self.call("get", "/profile/skills").json()
        self.assertEqual([item["id"] for item in listed], [created["id"]])
        patched = self.call(
            "patch",
            f"/profile/skills/{created['id']}",
            {
                "proficiency": 4,
                "add_evidence": [{"kind": "feedback", "description": "Praised"}],
            },
        ).json()
        self.assertEqual((patched["proficiency"], len(patched["evidence"])), (4, 2))
        self.assertEqual(self.call("delete", f"/profile/skills/{created['id']}").status_code, 204)
        self.assertFalse(UserSkill.objects.exists())

    def test_free_text_is_kept_when_nothing_matches(self):
        from unittest import mock

        with mock.patch("taxonomy.profile.search_skills", return_value=[]):
            response = self.call("post", "/profile/skills", {"free_text": "Bee keeping"})
        self.assertEqual(response.status_code, 201)
        self.assertEqual(
            (response.json()["skill_id"], response.json()["label"]), (None, "Bee keeping")
        )

    def test_bad_input_is_a_clear_4xx(self):
        cases = [
            ({"proficiency": 9, "skill_id": self.skill("assist").pk}, 422),
            ({"skill_id": 999999}, 400),
            ({"free_text": ""}, 400),
            (
                {
                    "skill_id": self.skill("assist").pk,
                    "evidence": [{"kind": "rumour", "description": "x"}],
                },
                422,
            ),
            ({"skill_id": self.skill("assist").pk, "years_of_experience": -2}, 422),
        ]
        for payload, status in cases:
            response = self.call("post", "/profile/skills", payload)
            self.assertEqual(response.status_code, status, payload)
            self.assertIn("detail", response.json())
        self.assertFalse(UserSkill.objects.exists())

    def test_another_persons_skill_is_404(self):
        user_skill = UserSkill.objects.create(user=self.alice, skill=self.skill("drive"))
        for method, data in (("patch", {"proficiency": 2}), ("delete", None)):
            response = self.call(method, f"/profile/skills/{user_skill.pk}", data, user=self.bob)
            self.assertEqual(response.status_code, 404)
            self.assertEqual(response.json(), {"detail": "Not found."})
        self.assertEqual(self.call("get", "/profile/skills", user=self.bob).json(), [])
        self.assertTrue(UserSkill.objects.filter(pk=user_skill.pk, proficiency=1).exists())

    def test_it_needs_authentication(self):
        self.assertEqual(self.client.get("/api/profile/skills").status_code, 401)


class TargetRoutesTests(ApiTestCase):
    def test_it_adds_lists_changes_and_deletes_targets(self):
        hca = self.occupation("hca")
        response = self.call("post", "/targets", {"occupation_id": hca.pk, "horizon": "short"})
        self.assertEqual(response.status_code, 201)
        target = response.json()
        self.assertEqual((target["label"], target["horizon"]), ("health care assistant", "short"))
        again = self.call("post", "/targets", {"occupation_id": hca.pk, "horizon": "long"})
        self.assertEqual((again.status_code, again.json()["horizon"]), (200, "long"))
        self.assertEqual(len(self.call("get", "/targets").json()), 1)
        self.assertEqual(
            self.call("patch", f"/targets/{target['id']}", {"horizon": "medium"}).json()["horizon"],
            "medium",
        )
        self.assertEqual(self.call("delete", f"/targets/{target['id']}").status_code, 204)
        self.assertFalse(TargetOccupation.objects.exists())

    def test_bad_targets_are_refused(self):
        self.assertEqual(self.call("post", "/targets", {"occupation_id": 999999}).status_code, 400)
        response = self.call(
            "post", "/targets", {"occupation_id": self.occupation("hca").pk, "horizon": "soon"}
        )
        self.assertEqual(response.status_code, 422)

    def test_the_gap_route_explains_coverage_and_suggests_actions(self):
        target = TargetOccupation.objects.create(user=self.alice, occupation=self.occupation("hca"))
        UserSkill.objects.create(user=self.alice, skill=self.skill("communicate"))
        UserSkill.objects.create(user=self.alice, skill=self.skill("monitor"))
        body = self.call("get", f"/targets/{target.pk}/gap").json()
        self.assertAlmostEqual(body["coverage"], 0.4643, places=4)
        self.assertIn("3 × essential covered", body["formula"])
        statuses = {item["label"]: item["status"] for item in body["essential"]}
        self.assertEqual(statuses["human anatomy"], "missing")
        anatomy = next(entry for entry in body["guide"] if entry["label"] == "human anatomy")
        self.assertEqual(anatomy["suggestions"][0]["kind"], "training")

    def test_another_persons_target_is_404(self):
        target = TargetOccupation.objects.create(user=self.alice, occupation=self.occupation("hca"))
        for method, path, data in (
            ("get", f"/targets/{target.pk}/gap", None),
            ("patch", f"/targets/{target.pk}", {"horizon": "long"}),
            ("delete", f"/targets/{target.pk}", None),
        ):
            self.assertEqual(self.call(method, path, data, user=self.bob).status_code, 404)
        self.assertTrue(TargetOccupation.objects.filter(pk=target.pk, horizon="medium").exists())


class TransferableRouteTests(ApiTestCase):
    def test_it_ranks_occupations_for_my_skills(self):
        UserSkill.objects.create(user=self.alice, skill=self.skill("assist"))
        UserSkill.objects.create(user=self.alice, skill=self.skill("drive"))
        body = self.call("get", "/transferable").json()
        self.assertEqual(body[0]["label"], "patient transport aide")
        self.assertEqual((body[0]["essential_covered"], body[0]["essential_total"]), (2, 2))
        self.assertEqual(self.call("get", "/transferable?major_group=2").json(), [])
        self.assertEqual(self.call("get", "/transferable", user=self.bob).json(), [])

    def test_a_bad_major_group_is_400(self):
        response = self.call("get", "/transferable?major_group=xy")
        self.assertEqual(response.status_code, 400)
        self.assertIn("ISCO", response.json()["detail"])
        self.assertEqual(self.call("get", "/transferable?limit=0").status_code, 422)
