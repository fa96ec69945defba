"""Assessments with history and evidence, and the gap to a job role (levels and ESCO skills)."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import SharingEvent
from goals.models import CheckIn, Goal
from growth.models import LearningItem
from organisations import access, assessments, gaps
from organisations.models import Evidence, JobRole, Role
from organisations.people import OrgError
from organisations.tests import factories
from taxonomy.models import Skill, UserSkill


class Assessments(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.li = factories.person("li@example.org", "Li")
        cls.sam = factories.person("sam@example.org", "Sam")
        cls.org, cls.admin = factories.organisation(cls.ada)
        cls.model = factories.model(cls.org)
        cls.role1 = JobRole.objects.get(model=cls.model, code="analyst-1")
        cls.role2 = JobRole.objects.get(model=cls.model, code="analyst-2")
        cls.li_member = factories.member(cls.org, cls.li, Role.MANAGER)
        cls.sam_member = factories.member(cls.org, cls.sam, job_role=cls.role1)
        cls.link = factories.link(cls.org, cls.li, cls.sam)

    def rate(self, assessment, levels, user=None):
        ratings = {
            r.competency_id: (levels.get(r.competency.code), "")
            for r in assessment.ratings.select_related("competency")
        }
        assessments.save(assessment, user or assessment.author, ratings)

    def test_a_new_assessment_starts_from_the_last_submitted_levels_and_history_keeps_both(self):
        first = assessments.start_self_assessment(self.sam_member, self.role1)
        self.rate(first, {"c0": 1, "c1": 2})
        assessments.submit(first, self.sam)
        second = assessments.start_self_assessment(self.sam_member, self.role2)
        levels = dict(second.ratings.values_list("competency__code", "level"))
        self.assertEqual(levels, {"c0": 1, "c1": 2, "c2": None})
        self.rate(second, {"c0": 3})
        first.refresh_from_db()
        self.assertEqual(
            dict(first.ratings.values_list("competency__code", "level"))["c0"], 1
        )  # the submitted one is kept as it was

    def test_a_submitted_assessment_cannot_change(self):
        assessment = assessments.start_self_assessment(self.sam_member, self.role1)
        self.rate(assessment, {"c0": 1})
        assessments.submit(assessment, self.sam)
        with self.assertRaises(OrgError):
            self.rate(assessment, {"c0": 3})
        with self.assertRaises(OrgError):
            assessments.add_evidence(
                assessment, self.sam, assessment.ratings.first().competency_id, "x"
            )

    def test_it_refuses_a_level_outside_the_model_and_an_empty_submission(self):
        assessment = assessments.start_self_assessment(self.sam_member, self.role1)
        with self.assertRaises(OrgError):
            self.rate(assessment, {"c0": 4})
        with self.assertRaisesMessage(OrgError, "Rate at least one"):
            assessments.submit(assessment, self.sam)

    def test_only_the_author_changes_it(self):
        assessment = assessments.start_self_assessment(self.sam_member, self.role1)
        with self.assertRaises(OrgError):
            self.rate(assessment, {"c0": 1}, user=self.li)

    def test_sharing_is_the_persons_choice_and_is_in_her_history(self):
        assessment = assessments.start_self_assessment(self.sam_member, self.role1)
        self.rate(assessment, {"c0": 2})
        assessments.submit(assessment, self.sam, share=True)
        event = SharingEvent.objects.filter(owner=self.sam).latest("id")
        self.assertEqual(
            (event.action, event.effect, event.counterpart),
            ("assessment_shared", "granted", self.li),
        )
        with self.assertRaises(OrgError):
            assessments.set_shared(assessment, self.li, False)
        assessments.set_shared(assessment, self.sam, False)
        self.assertEqual(SharingEvent.objects.filter(owner=self.sam).latest("id").effect, "removed")

    def test_a_manager_assesses_only_her_current_reports(self):
        assessment = assessments.start_manager_assessment(self.li_member, self.sam)
        self.assertEqual((assessment.role, assessment.author), (self.role1, self.li))
        with self.assertRaises(OrgError):
            assessments.start_manager_assessment(self.li_member, self.ada)

    def test_the_other_sides_levels_show_beside(self):
        mine = assessments.start_self_assessment(self.sam_member, self.role1)
        self.rate(mine, {"c0": 2})
        assessments.submit(mine, self.sam, share=True)
        review = assessments.start_manager_assessment(self.li_member, self.sam)
        self.rate(review, {"c0": 1})
        self.assertEqual(assessments.beside(review, self.li), mine)
        rows = assessments.rows(review, self.li, beside=mine)
        self.assertEqual([(r.rating.level, r.beside) for r in rows][0], (1, 2))
        # Not submitted: Sam does not see Li's review beside his own.
        self.assertIsNone(assessments.beside(mine, self.sam))
        assessments.submit(review, self.li)
        self.assertEqual(assessments.beside(mine, self.sam), review)

    def test_evidence_is_suggested_from_the_persons_own_checkins_and_learning(self):
        skill = Skill.objects.get(uri=factories.ESCO + "c0-s0")
        goal = Goal.objects.create(owner=self.sam, statement="Get better at c0")
        goal.target_skills.add(skill)
        checkin = CheckIn.objects.create(goal=goal, note="Led the c0 workshop")
        course = LearningItem.objects.create(
            user=self.sam,
            title="c0 course",
            status=LearningItem.Status.COMPLETED,
            completed_on=datetime.date(2026, 5, 1),
        )
        course.skills.add(skill)
        elsewhere = Goal.objects.create(owner=self.li, statement="Li's")
        elsewhere.target_skills.add(skill)
        CheckIn.objects.create(goal=elsewhere, note="Li's check-in")
        assessment = assessments.start_self_assessment(self.sam_member, self.role1)
        rows = assessments.rows(assessment, self.sam)
        suggested = [s.text for s in rows[0].suggestions]
        self.assertTrue(any("Led the c0 workshop" in text for text in suggested))
        self.assertIn("c0 course · 2026-05-01", suggested)
        self.assertFalse(any("Li's" in text for text in suggested))
        self.assertEqual(rows[1].suggestions, [])
        evidence = assessments.add_evidence(
            assessment,
            self.sam,
            rows[0].competency.pk,
            suggested[0],
            Evidence.Kind.CHECKIN,
            checkin,
        )
        self.assertEqual(evidence.checkin, checkin)
        li_checkin = CheckIn.objects.get(goal=elsewhere)
        with self.assertRaises(OrgError):
            assessments.add_evidence(
                assessment, self.sam, rows[0].competency.pk, "x", Evidence.Kind.CHECKIN, li_checkin
            )
        # A manager's assessment never gets suggestions from the report's data.
        review = assessments.start_manager_assessment(self.li_member, self.sam)
        self.assertEqual([r.suggestions for r in assessments.rows(review, self.li)], [[], [], []])


class Gap(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.sam = factories.person("sam@example.org", "Sam")
        cls.org, cls.admin = factories.organisation(cls.ada)
        cls.model = factories.model(cls.org, competencies=3, skills_per=2)
        cls.role1 = JobRole.objects.get(model=cls.model, code="analyst-1")
        cls.role2 = JobRole.objects.get(model=cls.model, code="analyst-2")
        cls.sam_member = factories.member(cls.org, cls.sam, job_role=cls.role1)

    def test_the_gap_compares_levels_and_reuses_the_skills_engine(self):
        assessment = assessments.start_self_assessment(self.sam_member, self.role1)
        levels = {"c0": 2, "c1": 1}
        assessments.save(
            assessment,
            self.sam,
            {
                r.competency_id: (levels.get(r.competency.code), "")
                for r in assessment.ratings.all()
            },
        )
        assessments.submit(assessment, self.sam)
        UserSkill.objects.create(
            user=self.sam, skill=Skill.objects.get(uri=factories.ESCO + "c1-s0")
        )
        gap = gaps.role_gap(self.sam, self.role2, self.org.pk, "en")
        self.assertEqual(
            [(g.competency.code, g.status) for g in gap.competencies],
            [("c0", "met"), ("c1", "below"), ("c2", "unrated")],
        )
        self.assertEqual(gap.competencies[1].indicators[0].text_en, "C1 at 2")
        essential = {s.skill.uri.rsplit("/", 1)[1] for s in gap.skills.essential}
        optional = {s.skill.uri.rsplit("/", 1)[1] for s in gap.skills.optional}
        self.assertEqual(essential, {"c1-s0", "c1-s1", "c2-s0", "c2-s1"})
        self.assertEqual(optional, {"c0-s0", "c0-s1"})
        covered = [s for s in gap.skills.essential if s.status == "covered"]
        self.assertEqual([s.skill.uri for s in covered], [factories.ESCO + "c1-s0"])
        # (3 × 1 essential covered) / (3 × 4 essential + 2 optional)
        self.assertAlmostEqual(gap.skills.coverage, 3 / 14)
        self.assertTrue(gap.suggestion(covered[0].skill.pk, "training") is None)

    def test_a_suggestion_becomes_a_learning_item_in_one_click(self):
        self.client.force_login(self.sam)
        Skill.objects.filter(uri=factories.ESCO + "c1-s0").update(
            skill_type=Skill.SkillType.KNOWLEDGE
        )
        gap = gaps.role_gap(self.sam, self.role2, self.org.pk, "en")
        entry = next(e for e in gap.skills.guide if e.skill.uri.endswith("c1-s0"))
        response = self.client.post(
            reverse("organisations:role_gap_action", args=["acme", self.role2.pk]),
            {"handler": "growth.learning_item", "skill": entry.skill.pk, "kind": "reading"},
        )
        item = LearningItem.objects.get(user=self.sam)
        self.assertRedirects(response, reverse("growth:learning_edit", args=[item.pk]))
        self.assertEqual(list(item.skills.all()), [entry.skill])
        self.assertIn("Analyst II", item.title)
        bad = self.client.post(
            reverse("organisations:role_gap_action", args=["acme", self.role2.pk]),
            {"handler": "growth.learning_item", "skill": "9" * 40, "kind": "training"},
        )
        self.assertEqual(bad.status_code, 404)

    def test_the_gap_page_runs_the_same_queries_whatever_the_models_size(self):
        counts = []
        for size in (2, 12):
            model = factories.model(self.org, code=f"m{size}", competencies=size, skills_per=2)
            role = JobRole.objects.get(model=model, code="analyst-2")
            self.client.force_login(self.sam)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(
                    reverse("organisations:role_gap", args=["acme", role.pk])
                )
            self.assertEqual(response.status_code, 200)
            counts.append(len(queries))
        self.assertEqual(counts[0], counts[1])

    def test_nobody_reads_anothers_gap(self):
        li = factories.person("li@example.org", "Li")
        factories.member(self.org, li, Role.MANAGER)
        factories.link(self.org, li, self.sam)
        assessment = assessments.start_self_assessment(self.sam_member, self.role1)
        assessment.ratings.update(level=3)
        assessments.submit(assessment, self.sam)  # not shared
        self.client.force_login(li)
        body = self.client.get(
            reverse("organisations:role_gap", args=["acme", self.role2.pk])
        ).content.decode()
        self.assertIn("Assess yourself first", body)  # Li's own gap, not Sam's
        self.assertIsNone(
            access.assessments(access.membership_for(li, "acme")).filter(pk=assessment.pk).first()
        )
