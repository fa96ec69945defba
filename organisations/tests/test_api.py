"""The API under /api/orgs/: one smoke test per door, the import's 422 with lines, the schema."""

import datetime

from accounts.testing import BaseTestCase
from goals.models import Goal
from organisations import modelfile
from organisations.models import Organisation
from organisations.tests import factories


class Api(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.li = factories.person("li@example.org", "Li")
        cls.sam = factories.person("sam@example.org", "Sam")

    def call(self, method, path, user, body=None):
        kwargs = {"headers": self.api_headers(user)}
        if body is not None:
            kwargs["data"] = body
            kwargs["content_type"] = "application/json"
        return getattr(self.client, method)(f"/api{path}", **kwargs)

    def test_an_organisation_from_creation_to_a_held_conversation(self):
        created = self.call("post", "/orgs", self.alice, {"name": "Acme", "slug": "acme"})
        self.assertEqual((created.status_code, created.json()["role"]), (201, "admin"))
        invited = self.call(
            "post",
            "/orgs/acme/invitations",
            self.alice,
            {"email": "li@example.org", "role": "manager"},
        )
        self.assertEqual(invited.status_code, 201)
        token = invited.json()["url"].rstrip("/").rsplit("/", 1)[1]
        self.client.force_login(self.li)
        self.client.post(f"/orgs/join/{token}/")
        factories.member(Organisation.objects.get(slug="acme"), self.sam)
        members = self.call("get", "/orgs/acme/members", self.alice).json()
        self.assertEqual(
            {m["email"] for m in members},
            {"alice@example.org", "li@example.org", "sam@example.org"},
        )

        proposed = self.call(
            "post",
            "/orgs/acme/links",
            self.li,
            {"manager_user_id": self.li.pk, "report_user_id": self.sam.pk},
        )
        self.assertEqual(proposed.status_code, 201)
        link_id = proposed.json()["id"]
        self.assertEqual(
            self.call("post", f"/orgs/acme/links/{link_id}/accept", self.li).status_code, 400
        )
        self.assertEqual(
            self.call("post", f"/orgs/acme/links/{link_id}/accept", self.sam).json()["status"],
            "active",
        )
        goal = Goal.objects.create(owner=self.sam, statement="Lead the evening shift")
        shared = self.call(
            "put", f"/orgs/acme/links/{link_id}/goals", self.sam, {"goal_ids": [goal.pk]}
        )
        self.assertEqual(shared.json()["shared_goal_ids"], [goal.pk])

        when = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2)).isoformat()
        talk = self.call(
            "post", f"/orgs/acme/links/{link_id}/conversations", self.sam, {"scheduled_at": when}
        )
        self.assertEqual(talk.status_code, 201)
        talk_id = talk.json()["id"]
        self.call(
            "post", f"/orgs/acme/conversations/{talk_id}/topics", self.li, {"text": "Night shifts"}
        )
        self.call(
            "patch", f"/orgs/acme/conversations/{talk_id}", self.sam, {"private_notes": "Mine"}
        )
        action = self.call(
            "post",
            f"/orgs/acme/conversations/{talk_id}/actions",
            self.li,
            {"title": "Shadow Noor", "owner_user_id": self.sam.pk},
        ).json()
        step = self.call(
            "post", f"/orgs/acme/actions/{action['id']}/step", self.sam, {"goal_id": goal.pk}
        )
        self.assertEqual(step.json()["goal_id"], goal.pk)
        held = self.call("post", f"/orgs/acme/conversations/{talk_id}/held", self.li).json()
        self.assertEqual(held["status"], "held")
        as_li = self.call("get", f"/orgs/acme/conversations/{talk_id}", self.li).json()
        self.assertEqual(as_li["my_private_notes"], "")
        self.assertEqual(as_li["actions"][0]["goal_id"], goal.pk)  # shared with Li
        listed = self.call("get", "/orgs/acme/conversations", self.sam).json()
        self.assertEqual(len(listed), 2)  # the held one and the next, planned one rhythm later

    def test_import_previews_applies_and_reports_lines(self):
        self.call("post", "/orgs", self.alice, {"name": "Acme", "slug": "acme"})
        content = modelfile.to_csv(factories.document())
        preview = self.call(
            "post", "/orgs/acme/models/import", self.alice, {"format": "csv", "content": content}
        )
        self.assertEqual((preview.status_code, preview.json()["applied"]), (200, False))
        self.assertEqual(preview.json()["counts"]["competencies"], 3)
        applied = self.call(
            "post",
            "/orgs/acme/models/import",
            self.alice,
            {"format": "csv", "content": content, "dry_run": False},
        )
        self.assertEqual(applied.status_code, 201)
        model_id = applied.json()["model_id"]
        exported = self.call("get", f"/orgs/acme/models/{model_id}", self.sam)
        self.assertEqual(exported.status_code, 404)  # not a member
        exported = self.call("get", f"/orgs/acme/models/{model_id}", self.alice).json()
        self.assertEqual(exported, modelfile.to_data(modelfile.read(content, "csv")))
        broken = content.replace("indicator,,1,,,C0 at 1", "indicator,,9,,,C0 at 1", 1)
        refused = self.call(
            "post", "/orgs/acme/models/import", self.alice, {"format": "csv", "content": broken}
        )
        self.assertEqual(refused.status_code, 422)
        self.assertEqual(refused.json()["detail"][0]["loc"], ["body", "content", 7])
        self.assertIn("Line 7", refused.json()["detail"][0]["msg"])
        self.assertEqual(
            self.call(
                "post", "/orgs/acme/models/import", self.sam, {"format": "csv", "content": content}
            ).status_code,
            404,
        )

    def test_assessment_and_gap_through_the_api(self):
        org, admin = factories.organisation(self.alice)
        model = factories.model(org)
        role = model.roles.get(code="analyst-1")
        factories.member(org, self.sam, job_role=role)
        started = self.call("post", "/orgs/acme/assessments", self.sam, {"role_id": role.pk})
        self.assertEqual(started.status_code, 201)
        assessment = started.json()
        ratings = [{"competency_id": r["competency_id"], "level": 2} for r in assessment["ratings"]]
        self.call(
            "patch", f"/orgs/acme/assessments/{assessment['id']}", self.sam, {"ratings": ratings}
        )
        bad = self.call(
            "patch",
            f"/orgs/acme/assessments/{assessment['id']}",
            self.sam,
            {
                "ratings": [
                    {"competency_id": ratings[0]["competency_id"], "level": 3},
                    {"competency_id": 999999, "level": 1},
                ]
            },
        )
        self.assertEqual(bad.status_code, 400)
        submitted = self.call(
            "post", f"/orgs/acme/assessments/{assessment['id']}/submit", self.sam, {}
        )
        self.assertEqual(submitted.json()["status"], "submitted")
        next_role = model.roles.get(code="analyst-2")
        gap = self.call("get", f"/orgs/acme/roles/{next_role.pk}/gap", self.sam).json()
        self.assertEqual({c["status"] for c in gap["competencies"]}, {"met"})
        self.assertEqual(
            self.call("get", f"/orgs/acme/assessments/{assessment['id']}", self.bob).status_code,
            404,
        )

    def test_the_schema_lists_the_routes_under_orgs(self):
        schema = self.client.get("/api/openapi.json").json()
        paths = [p for p in schema["paths"] if p.startswith("/api/orgs")]
        self.assertIn("/api/orgs/{slug}/models/import", paths)
        self.assertIn("/api/orgs/{slug}/conversations/{conversation_id}", paths)
        self.assertIn("/api/orgs/{slug}/cycles/{cycle_id}/completion", paths)
        responses = schema["paths"]["/api/orgs/{slug}/models/import"]["post"]["responses"]
        self.assertIn("422", responses)

    def test_cycles_and_counts_for_administrators_only(self):
        org, admin = factories.organisation(self.alice)
        factories.member(org, self.sam)
        today = datetime.date.today()
        body = {
            "name": "Q1",
            "starts_on": today.isoformat(),
            "self_review_due": (today + datetime.timedelta(days=5)).isoformat(),
            "manager_review_due": (today + datetime.timedelta(days=9)).isoformat(),
            "ends_on": (today + datetime.timedelta(days=20)).isoformat(),
        }
        self.assertEqual(self.call("post", "/orgs/acme/cycles", self.sam, body).status_code, 404)
        cycle = self.call("post", "/orgs/acme/cycles", self.alice, body).json()
        counts = self.call("get", f"/orgs/acme/cycles/{cycle['id']}/completion", self.alice).json()
        self.assertEqual(counts["total"]["members"], 2)
        self.assertEqual(
            self.call("get", f"/orgs/acme/cycles/{cycle['id']}/completion", self.sam).status_code,
            404,
        )
        backwards = body | {"ends_on": today.isoformat()}
        self.assertEqual(
            self.call("post", "/orgs/acme/cycles", self.alice, backwards).status_code, 400
        )


def test_no_api_schema_of_organisations_shares_a_name():
    """The OpenAPI components are keyed by class name: a second `StepIn` would silently replace
    the first in the schema (and in every client built from it). (Other apps share three names
    today: jobs and mentoring ReflectionIn/ReflectionOut, mentoring and taxonomy MatchOut.)"""
    from ninja import Schema

    import parcours.api  # noqa: F401 (mounts every router, importing every schema)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    seen = {}
    for schema in subclasses(Schema):
        if schema.__module__.split(".")[0] in ("ninja", "pydantic"):
            continue
        seen.setdefault(schema.__name__, set()).add(schema.__module__)
    twice = {
        name: modules
        for name, modules in seen.items()
        if len(modules) > 1 and any(m.startswith("organisations.") for m in modules)
    }
    assert not twice, twice
