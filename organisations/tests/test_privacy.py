"""Who sees what in an organisation: a manager sees only what each report shared; reflections,
private notes, mentorships and job applications are never visible to the organisation; a
teammate sees the roster, not the 1:1s; an ex-member and an outsider get 404 everywhere."""

from django.test import TestCase
from django.urls import reverse

from accounts.testing import BaseTestCase
from goals.models import Goal, Reflection
from jobs.models import Application
from organisations import access, assessments, conversations, people
from organisations.models import Assessment, JobRole, Role
from organisations.tests import factories

SECRET = "SAM-SECRET"
SHARED = "SAM-SHARED"


class Privacy(BaseTestCase):
    """Alice administers Acme; Li manages Sam; Tess is Sam's teammate; Eve managed Sam and left;
    Bob is in no organisation."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.li = factories.person("li@example.org", "Li")
        cls.sam = factories.person("sam@example.org", "Sam")
        cls.tess = factories.person("tess@example.org", "Tess")
        cls.eve = factories.person("eve@example.org", "Eve")
        cls.org, cls.admin = factories.organisation(cls.alice)
        team = people.create_team(cls.admin, "Care")
        model = factories.model(cls.org)
        role = JobRole.objects.get(model=model, code="analyst-1")
        factories.member(cls.org, cls.li, Role.MANAGER, team)
        cls.sam_member = factories.member(cls.org, cls.sam, team=team, job_role=role)
        factories.member(cls.org, cls.tess, team=team)
        eve_member = factories.member(cls.org, cls.eve, Role.MANAGER)

        old = factories.link(cls.org, cls.eve, cls.sam)
        cls.old_talk = conversations.schedule(old, cls.eve, factories.days(-30))
        conversations.save_shared_notes(cls.old_talk, cls.eve, f"{SHARED}-old-notes")
        people.leave(eve_member, cls.eve)  # Eve's links end; she is an ex-member now

        cls.link = people.accept_link(people.propose_link(cls.admin, cls.li, cls.sam), cls.sam)
        cls.shared_goal = Goal.objects.create(owner=cls.sam, statement=f"{SHARED}-goal")
        cls.private_goal = Goal.objects.create(owner=cls.sam, statement=f"{SECRET}-goal")
        people.share_goals(cls.link, cls.sam, [cls.shared_goal])
        Reflection.objects.create(owner=cls.sam, passions=f"{SECRET}-reflection")
        cls.application = Application.objects.create(user=cls.sam, title=f"{SECRET}-application")

        cls.talk = conversations.schedule(cls.link, cls.li, factories.days(7))
        conversations.add_topic(cls.talk, cls.sam, f"{SHARED}-topic")
        conversations.save_private_note(cls.talk, cls.sam, f"{SECRET}-private")
        conversations.save_private_note(cls.talk, cls.li, "LI-PRIVATE")

        cls.kept = assessments.start_self_assessment(cls.sam_member, role)
        cls.kept.ratings.update(level=1, comment=f"{SECRET}-kept")
        assessments.submit(cls.kept, cls.sam)  # submitted, not shared
        cls.shown = assessments.start_self_assessment(cls.sam_member, role)
        cls.shown.ratings.update(level=2, comment=f"{SHARED}-shown")
        assessments.submit(cls.shown, cls.sam, share=True)

    def page(self, user, name, **kwargs):
        self.client.force_login(user)
        return self.client.get(reverse(f"organisations:{name}", kwargs={"slug": "acme", **kwargs}))

    def test_the_manager_sees_the_shared_goal_and_topic_never_the_rest(self):
        response = self.page(self.li, "conversation", pk=self.talk.pk)
        body = response.content.decode()
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"{SHARED}-goal", body)
        self.assertIn(f"{SHARED}-topic", body)
        self.assertIn("LI-PRIVATE", body)
        self.assertNotIn(SECRET, body)

    def test_the_report_never_reads_her_managers_private_notes(self):
        body = self.page(self.sam, "conversation", pk=self.talk.pk).content.decode()
        self.assertIn(f"{SECRET}-private", body)
        self.assertNotIn("LI-PRIVATE", body)

    def test_the_manager_reads_a_self_assessment_only_once_shared(self):
        self.assertEqual(self.page(self.li, "assessment", pk=self.shown.pk).status_code, 200)
        self.assertEqual(self.page(self.li, "assessment", pk=self.kept.pk).status_code, 404)
        body = self.page(self.li, "assessments").content.decode()
        self.assertIn(f"/assessments/{self.shown.pk}/", body)
        self.assertNotIn(f"/assessments/{self.kept.pk}/", body)
        assessments.set_shared(self.shown, self.sam, False)
        self.assertEqual(self.page(self.li, "assessment", pk=self.shown.pk).status_code, 404)

    def test_a_managers_draft_reaches_the_person_only_when_submitted(self):
        li_member = access.membership_for(self.li, "acme")
        draft = assessments.start_manager_assessment(li_member, self.sam)
        self.assertEqual(self.page(self.sam, "assessment", pk=draft.pk).status_code, 404)
        draft.ratings.update(level=1)
        assessments.submit(draft, self.li)
        self.assertEqual(self.page(self.sam, "assessment", pk=draft.pk).status_code, 200)

    def test_the_manager_cannot_open_the_reports_own_things(self):
        self.client.force_login(self.li)
        for url in (
            reverse("jobs:detail", args=[self.application.pk]),
            reverse("goals:detail", args=[self.private_goal.pk]),
            reverse("goals:detail", args=[self.shared_goal.pk]),  # shared: read in the 1:1 only
            reverse("goals:reflection_index"),
        ):
            response = self.client.get(url)
            self.assertNotIn(SECRET, response.content.decode(), url)
            self.assertIn(response.status_code, (200, 404), url)
        self.assertEqual(
            self.client.get(reverse("jobs:detail", args=[self.application.pk])).status_code, 404
        )

    def test_a_teammate_sees_the_roster_not_the_conversations(self):
        team_page = self.page(self.tess, "team", pk=self.sam_member.team_id).content.decode()
        self.assertIn("Sam", team_page)
        self.assertNotIn("sam@example.org", team_page)  # addresses: administrators only
        self.assertEqual(self.page(self.tess, "conversation", pk=self.talk.pk).status_code, 404)
        self.assertEqual(self.page(self.tess, "assessment", pk=self.shown.pk).status_code, 404)
        self.assertEqual(self.page(self.tess, "link", pk=self.link.pk).status_code, 404)

    def test_the_administrator_sees_the_chart_but_not_the_content(self):
        self.assertIn("sam@example.org", self.page(self.alice, "people").content.decode())
        link_page = self.page(self.alice, "link", pk=self.link.pk).content.decode()
        self.assertNotIn(SHARED, link_page)
        self.assertEqual(self.page(self.alice, "conversation", pk=self.talk.pk).status_code, 404)
        self.assertEqual(self.page(self.alice, "assessment", pk=self.shown.pk).status_code, 404)

    def test_an_ex_member_gets_404_even_on_what_she_wrote(self):
        self.assertEqual(self.page(self.eve, "home").status_code, 404)
        self.assertEqual(self.page(self.eve, "conversation", pk=self.old_talk.pk).status_code, 404)
        self.assertEqual(self.page(self.eve, "conversation", pk=self.talk.pk).status_code, 404)

    def test_the_report_keeps_the_record_of_a_1_1_with_a_manager_who_left(self):
        self.old_talk.refresh_from_db()
        self.assertEqual(self.old_talk.status, "cancelled")  # planned when Eve left
        body = self.page(self.sam, "conversation", pk=self.old_talk.pk).content.decode()
        self.assertIn(f"{SHARED}-old-notes", body)
        self.assertEqual(self.page(self.li, "conversation", pk=self.old_talk.pk).status_code, 404)

    def test_an_outsider_gets_404_everywhere(self):
        for name, kwargs in (
            ("home", {}),
            ("people", {}),
            ("conversation", {"pk": self.talk.pk}),
            ("assessment", {"pk": self.shown.pk}),
            ("link", {"pk": self.link.pk}),
        ):
            self.assertEqual(self.page(self.bob, name, **kwargs).status_code, 404, name)

    def test_the_api_draws_the_same_lines(self):
        talk = f"/api/orgs/acme/conversations/{self.talk.pk}"
        as_li = self.client.get(talk, headers=self.api_headers(self.li)).json()
        self.assertEqual([g["id"] for g in as_li["shared_goals"]], [self.shared_goal.pk])
        self.assertEqual(as_li["my_private_notes"], "LI-PRIVATE")
        self.assertNotIn(SECRET, str(as_li))
        for person in (self.tess, self.bob, self.eve, self.alice):
            self.assertEqual(
                self.client.get(talk, headers=self.api_headers(person)).status_code, 404
            )
        members = self.client.get(
            "/api/orgs/acme/members", headers=self.api_headers(self.tess)
        ).json()
        self.assertEqual({m["email"] for m in members}, {None})
        listed = self.client.get("/api/orgs/acme/assessments", headers=self.api_headers(self.li))
        self.assertEqual([a["id"] for a in listed.json()], [self.shown.pk])

    def test_completion_counts_never_show_content(self):
        from organisations import cycles

        cycle = cycles.open_cycle(
            self.admin,
            "Q4",
            factories.days(-1).date(),
            factories.days(5).date(),
            factories.days(10).date(),
            factories.days(20).date(),
        )
        Assessment.objects.filter(pk=self.shown.pk).update(cycle=cycle)
        response = self.page(self.alice, "cycle", pk=cycle.pk)
        body = response.content.decode()
        self.assertNotIn(SHARED, body)
        self.assertNotIn(SECRET, body)
        counts, total = response.context["counts"], response.context["total"]
        self.assertEqual((total.members, total.self_reviews), (4, 1))
        self.assertEqual([row.team for row in counts], ["Care", "No team"])


class LeavingKeepsOwnData(TestCase):
    def test_a_person_who_left_reads_her_own_self_assessments_and_private_notes(self):
        ada = factories.person("ada@example.org", "Ada")
        li = factories.person("li@example.org", "Li")
        sam = factories.person("sam@example.org", "Sam")
        org, admin = factories.organisation(ada)
        model = factories.model(org)
        factories.member(org, li, Role.MANAGER)
        member = factories.member(org, sam)
        link = factories.link(org, li, sam)
        talk = conversations.schedule(link, li, factories.days(-2))
        conversations.save_private_note(talk, sam, "My own notes")
        conversations.save_private_note(talk, li, "Li's own notes")
        mine = assessments.start_self_assessment(member, model.roles.first())
        mine.ratings.update(level=2, comment="Solid")
        people.leave(member, sam)
        self.client.force_login(sam)
        response = self.client.get(reverse("organisations:former", args=[member.pk]))
        body = response.content.decode()
        self.assertIn("My own notes", body)
        self.assertIn("Solid", body)
        self.assertNotIn("Li's own notes", body)
        self.client.force_login(li)
        self.assertEqual(
            self.client.get(reverse("organisations:former", args=[member.pk])).status_code, 404
        )
        self.assertEqual(
            self.client.get(
                reverse("organisations:assessment", args=["acme", mine.pk])
            ).status_code,
            404,
        )
