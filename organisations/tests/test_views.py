"""The pages' own behaviour: import with a preview and line-numbered errors, joining through an
invitation link, an administrator's forms, bad input answered with a message (never a 500)."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from accounts.testing import BaseTestCase
from goals.models import Goal
from organisations import modelfile, people
from organisations.forms import pack
from organisations.models import (
    CompetencyModel,
    CompetencySkill,
    ManagerLink,
    Membership,
    Objective,
    Role,
)
from organisations.tests import factories


class Import(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.org, cls.admin = factories.organisation(cls.alice)
        factories.member(cls.org, cls.bob)

    def setUp(self):
        self.login()
        self.url = reverse("organisations:model_import", args=["acme"])

    def upload(self, content, name="model.csv", **extra):
        return self.client.post(
            self.url, {"file": SimpleUploadedFile(name, content.encode()), **extra}
        )

    def test_a_preview_then_a_confirmation_imports_the_model(self):
        doc = factories.document()
        response = self.upload(modelfile.to_csv(doc))
        self.assertContains(response, "A new model")
        self.assertFalse(CompetencyModel.objects.exists())
        content = response.context["content"]
        confirmed = self.client.post(
            self.url, {"action": "confirm", "content": content, "file_format": "json"}
        )
        model = CompetencyModel.objects.get()
        self.assertRedirects(confirmed, model.get_absolute_url())
        page = self.client.get(model.get_absolute_url())
        self.assertContains(page, "Competency 2")
        self.assertContains(page, "Analyst II")

    def test_a_broken_file_lists_every_problem_with_its_line_and_imports_nothing(self):
        lines = modelfile.to_csv(factories.document()).splitlines()
        lines[6] = "indicator,,8,,,x,y,c0,,,"
        lines[9] = lines[9].replace("Competency 1", "")
        response = self.upload("\n".join(lines))
        self.assertContains(response, "Line 7: level 8 is not one of")
        self.assertContains(response, "Line 10: name_en is required")
        self.assertContains(response, "nothing was imported")
        self.assertNotContains(response, 'action" value="confirm')
        self.assertFalse(CompetencyModel.objects.exists())

    def test_a_confirmation_is_checked_again(self):
        response = self.client.post(
            self.url, {"action": "confirm", "content": pack("{}"), "file_format": "json"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "“format” must be")
        damaged = self.client.post(self.url, {"action": "confirm", "content": "not base64!"})
        self.assertContains(damaged, "This preview is damaged")
        bomb = pack("x" * (3 * 1024 * 1024))  # a few kB that would inflate past the limit
        self.assertLess(len(bomb), 10_000)
        self.assertContains(self.client.post(self.url, {"content": bomb}), "too large")
        self.assertFalse(CompetencyModel.objects.exists())

    def test_no_file_and_binary_garbage_get_a_message(self):
        self.assertContains(self.client.post(self.url, {}), "Choose a file to import.")
        response = self.client.post(
            self.url, {"file": SimpleUploadedFile("m.json", b"\xff\xfe\x00")}
        )
        self.assertContains(response, "not UTF-8")

    def test_export_gives_a_file_that_imports_as_it_is(self):
        model = factories.model(self.org)
        for fmt in ("csv", "json"):
            response = self.client.get(
                reverse("organisations:model_export", args=["acme", model.pk, fmt])
            )
            self.assertIn(f'filename="analysts.{fmt}"', response["Content-Disposition"])
            preview = self.upload(response.content.decode(), f"x.{fmt}")
            self.assertContains(preview, "importing changes nothing")

    def test_members_read_the_model_only_administrators_import_or_export(self):
        model = factories.model(self.org)
        self.login(self.bob)
        self.assertEqual(self.client.get(model.get_absolute_url()).status_code, 200)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        export = reverse("organisations:model_export", args=["acme", model.pk, "csv"])
        self.assertEqual(self.client.get(export).status_code, 404)

    def test_an_administrator_confirms_esco_suggestions(self):
        model = factories.model(self.org, competencies=1, skills_per=0)
        [skill] = factories.skills("analyse data")
        competency = model.competencies.get()
        url = reverse("organisations:competency_esco", args=["acme", competency.pk])
        self.assertContains(self.client.get(url, {"q": "analyse"}), "analyse data")
        self.client.post(url, {"action": "confirm", "skill": skill.pk})
        self.assertTrue(CompetencySkill.objects.get(skill=skill).confirmed)
        self.client.post(url, {"action": "reject", "skill": skill.pk})
        self.assertFalse(CompetencySkill.objects.exists())
        response = self.client.post(url, {"action": "confirm", "skill": "99999999999999999999999"})
        self.assertEqual(response.status_code, 302)


class Joining(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.org, cls.admin = factories.organisation(cls.ada)
        cls.sam = factories.person("sam@example.org", "Sam")

    def test_the_invitation_link_asks_to_sign_in_then_joins(self):
        self.client.force_login(self.ada)
        response = self.client.post(
            reverse("organisations:invite", args=["acme"]),
            {"email": "sam@example.org", "role": "member"},
        )
        self.assertRedirects(response, reverse("organisations:people", args=["acme"]))
        link = next(w for w in mail.outbox[0].body.split() if "/orgs/join/" in w)
        path = link.split("8000", 1)[1]
        self.client.logout()
        self.assertRedirects(
            self.client.get(path),
            f"{reverse('accounts:login')}?next={path}",
            fetch_redirect_response=False,
        )
        self.client.force_login(self.sam)
        self.assertContains(self.client.get(path), "Join Acme")
        self.assertRedirects(self.client.post(path), reverse("organisations:home", args=["acme"]))
        self.assertTrue(Membership.objects.filter(user=self.sam, left_at__isnull=True).exists())
        self.assertContains(self.client.get(path), "no longer valid")
        self.assertEqual(self.client.get("/orgs/join/not-a-token/").status_code, 404)

    def test_a_report_accepts_her_manager_on_her_home_page(self):
        li = factories.person("li@example.org", "Li")
        factories.member(self.org, li, Role.MANAGER)
        factories.member(self.org, self.sam)
        link = people.propose_link(self.admin, li, self.sam)
        self.client.force_login(self.sam)
        home = self.client.get(reverse("organisations:home", args=["acme"]))
        self.assertContains(home, "Li would be your manager")
        self.client.post(reverse("organisations:link_accept", args=["acme", link.pk]))
        link.refresh_from_db()
        self.assertEqual(link.status, ManagerLink.Status.ACTIVE)
        goal = Goal.objects.create(owner=self.sam, statement="Lead the evening shift")
        self.client.post(
            reverse("organisations:link_goals", args=["acme", link.pk]),
            {"goals": [goal.pk], "next": "home"},
        )
        self.assertEqual([s.goal for s in link.shares.all()], [goal])
        self.client.force_login(li)
        self.assertEqual(
            self.client.post(
                reverse("organisations:link_goals", args=["acme", link.pk]), {"goals": []}
            ).status_code,
            404,
        )
        self.assertEqual(link.shares.count(), 1)


class Administration(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.org, cls.admin = factories.organisation(cls.alice)
        cls.bob_member = factories.member(cls.org, cls.bob)

    def test_an_administrator_sets_a_role_and_team_and_a_member_cannot(self):
        team = people.create_team(self.admin, "Care")
        self.login()
        url = reverse("organisations:member", args=["acme", self.bob_member.pk])
        self.client.post(url, {"role": "manager", "team": team.pk, "job_role": ""})
        self.bob_member.refresh_from_db()
        self.assertEqual((self.bob_member.role, self.bob_member.team), ("manager", team))
        self.login(self.bob)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(url, {"role": "admin"}).status_code, 404)

    def test_objectives_come_from_administrators_and_goals_link_to_them(self):
        self.login()
        self.client.post(
            reverse("organisations:objectives", args=["acme"]), {"title": "Fewer falls"}
        )
        objective = Objective.objects.get()
        self.login(self.bob)
        self.assertEqual(
            self.client.post(
                reverse("organisations:objectives", args=["acme"]), {"title": "x"}
            ).status_code,
            404,
        )
        goal = Goal.objects.create(owner=self.bob, statement="Get the PDSB certificate")
        url = reverse("organisations:goal_align", args=["acme", goal.pk])
        self.client.post(
            url, {"objective": objective.pk, "why_me": "Confidence", "why_team": "Safety"}
        )
        home = self.client.get(reverse("organisations:home", args=["acme"]))
        self.assertContains(home, "→ Fewer falls")
        alice_goal = Goal.objects.create(owner=self.alice, statement="Alice's")
        self.assertEqual(
            self.client.get(
                reverse("organisations:goal_align", args=["acme", alice_goal.pk])
            ).status_code,
            404,
        )

    def test_leaving_through_the_page(self):
        self.login(self.bob)
        self.client.post(reverse("organisations:leave", args=["acme"]))
        self.assertEqual(
            self.client.get(reverse("organisations:home", args=["acme"])).status_code, 404
        )
        self.assertContains(
            self.client.get(reverse("organisations:index")), "Organisations you left"
        )

    def test_creating_an_organisation(self):
        self.login(self.bob)
        response = self.client.post(
            reverse("organisations:create"), {"name": "Bob's shop", "slug": ""}
        )
        self.assertRedirects(response, reverse("organisations:home", args=["bobs-shop"]))
        again = self.client.post(reverse("organisations:create"), {"name": "Acme", "slug": "acme"})
        self.assertContains(again, "is taken")
