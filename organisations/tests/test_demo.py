"""`parcours demo`: Li manages a small team with Sam in a residence with a bilingual competency
model mapped to ESCO, one past and one upcoming 1:1, and an open cycle."""

import json

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.demo import load_demo
from organisations import access, gaps
from organisations.demo import MODEL_FILE, SLUG
from organisations.models import (
    Competency,
    CompetencySkill,
    Conversation,
    Cycle,
    GoalShare,
    ManagerLink,
)
from taxonomy.models import Skill


class Demo(TestCase):
    @classmethod
    def setUpTestData(cls):
        # The model maps to real ESCO skills: make those the demo file names.
        data = json.loads(MODEL_FILE.read_text())
        uris = {uri for c in data["competencies"] for uri in c["esco_skills"]}
        Skill.objects.bulk_create(Skill(uri=u, label_en=u[-6:], label_fr=u[-6:]) for u in uris)
        cls.people = load_demo()
        load_demo()  # idempotent

    def test_li_manages_a_small_team_with_sam(self):
        li, sam = self.people["manager"], self.people["seeker"]
        membership = access.membership_for(li, SLUG)
        self.assertTrue(membership.is_admin)
        reports = [link.report for link in access.report_links(membership)]
        self.assertIn(sam, reports)
        self.assertEqual(len(reports), 3)
        self.assertEqual(ManagerLink.objects.filter(report=sam).count(), 1)

    def test_the_model_is_bilingual_with_ten_competencies_mapped_to_esco(self):
        competencies = Competency.objects.filter(model__organisation__slug=SLUG)
        self.assertEqual(competencies.count(), 10)
        self.assertTrue(
            all(c.name_en and c.name_fr and c.name_en != c.name_fr for c in competencies)
        )
        self.assertEqual(
            set(
                CompetencySkill.objects.filter(confirmed=True).values_list("competency", flat=True)
            ),
            set(competencies.values_list("pk", flat=True)),
        )

    def test_one_past_one_upcoming_conversation_and_an_open_cycle(self):
        now = timezone.now()
        talks = Conversation.objects.filter(link__report=self.people["seeker"])
        self.assertEqual(talks.filter(scheduled_at__lt=now, status="held").count(), 1)
        self.assertEqual(talks.filter(scheduled_at__gt=now, status="planned").count(), 1)
        self.assertEqual(Cycle.objects.filter(organisation__slug=SLUG, status="open").count(), 1)

    def test_sam_shares_one_goal_and_li_reads_only_it(self):
        li, sam = self.people["manager"], self.people["seeker"]
        shared = GoalShare.objects.get(link__report=sam).goal
        upcoming = Conversation.objects.get(link__report=sam, status="planned")
        self.client.force_login(li)
        body = self.client.get(upcoming.get_absolute_url()).content.decode()
        self.assertIn(escape(shared.statement), body)
        for goal in sam.goals.exclude(pk=shared.pk):
            self.assertNotIn(escape(goal.statement), body)
        self.assertNotIn("horaire de jour", body)  # Sam's private note of the past 1:1

    def test_sams_gap_to_the_next_level_reads_his_self_assessment(self):
        sam = self.people["seeker"]
        membership = access.membership_for(sam, SLUG)
        from organisations.roles import next_level

        role = next_level(membership.job_role)
        self.assertEqual(role.code, "care-aide-2")
        gap = gaps.role_gap(sam, role, membership.organisation_id, "fr")
        self.assertTrue(gap.below > 0 and gap.met > 0)
        self.client.force_login(sam)
        response = self.client.get(reverse("organisations:role_gap", args=[SLUG, role.pk]))
        self.assertEqual(response.status_code, 200)
