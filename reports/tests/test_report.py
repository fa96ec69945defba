"""'My career plan': the printable page and the PDF (reports.report, reports.views)."""

import datetime
import re
from decimal import Decimal

from django.utils import timezone

from accounts.testing import make_person
from goals.models import CheckIn, Stage
from goals.tests.helpers import make_goal, make_plan
from growth.models import LearningItem
from mentoring.models import Mentorship, Session
from reports.report import build
from reports.report_pdf import render_pdf, safe
from taxonomy.models import TargetOccupation, UserSkill
from taxonomy.tests.base import TaxonomyTestCase


def pdf_text(content):
    """The text drawn in an uncompressed PDF (reportlab writes strings as (...) Tj)."""
    raw = content.decode("latin-1")
    strings = re.findall(r"\(((?:[^()\\]|\\.)*)\)\s*Tj", raw)
    text = " ".join(strings)
    text = re.sub(r"\\([0-7]{3})", lambda match: chr(int(match[1], 8)), text)
    return re.sub(r"\\([()\\])", r"\1", text)


class ReportTestCase(TaxonomyTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.mentor = make_person("carole@example.org", "Carole Mentor")
        UserSkill.objects.create(user=cls.alice, skill=cls.skill("communicate"))
        TargetOccupation.objects.create(user=cls.alice, occupation=cls.occupation("hca"))
        cls.goal = make_goal(cls.alice, statement="Become a health care assistant by 2027-06-30")
        Stage.objects.create(
            goal=cls.goal, title="Finish the attendant course", deadline=datetime.date(2027, 1, 15)
        )
        CheckIn.objects.create(
            goal=cls.goal, note="Sent eight", indicator_value=8, date=datetime.date(2026, 3, 1)
        )
        LearningItem.objects.create(
            user=cls.alice,
            title="Patient care attendant diploma",
            provider="Centre de formation",
            cost=Decimal("1200"),
            payer=LearningItem.Payer.SELF,
            salary_change=Decimal("4800"),
        )
        LearningItem.objects.create(
            user=cls.alice,
            title="First aid refresher",
            cost=Decimal("150"),
            payer=LearningItem.Payer.EMPLOYER,
        )
        mentorship = Mentorship.objects.create(
            mentor=cls.mentor,
            mentee=cls.alice,
            status=Mentorship.Status.ACTIVE,
            objectives="Prepare the move into health care",
            hoped_gain="Advice",
        )
        Session.objects.create(
            mentorship=mentorship, scheduled_at=timezone.now() - datetime.timedelta(days=7)
        )
        # Bob's plan must never show in Alice's report.
        make_goal(cls.bob, statement="Bob's secret goal")
        LearningItem.objects.create(user=cls.bob, title="Bob's secret course", cost=10)


class ReportPageTests(ReportTestCase):
    def test_it_shows_every_section_with_the_person_s_data(self):
        self.login()
        response = self.client.get("/report/")
        self.assertEqual(response.status_code, 200)
        # Gap: 1 of 4 essential skills covered, 1 optional partly → (3 + 0.5) / (3 × 4 + 2).
        self.assertContains(response, "health care assistant")
        self.assertContains(response, "25 % (essential skills count three times)")
        self.assertContains(response, "1 covered, 0 partly covered, 3 to develop")
        # Goal, indicator, progress (8 of 20 = 40 %), chart and stage.
        self.assertContains(response, "Become a health care assistant by 2027-06-30")
        self.assertContains(response, "from 0.00, now 8.00, target 20.00")
        self.assertContains(response, '<progress max="100" value="40"')
        self.assertContains(response, '<polyline class="actual"')
        self.assertContains(response, "Finish the attendant course")
        # Learning plan: cost, who pays, the ROI verdict, what is still to pay.
        self.assertContains(response, "Patient care attendant diploma")
        self.assertContains(response, "1,200.00 CAD")
        self.assertContains(response, "Pays for itself in about 3 months.")
        self.assertContains(response, "Free to you: someone else pays")
        self.assertContains(response, "Still to pay for planned and current items")
        # Mentorship.
        self.assertContains(response, "Mentored by Carole Mentor")
        self.assertContains(response, "Prepare the move into health care")
        self.assertNotContains(response, "Bob&#x27;s secret")

    def test_it_speaks_the_person_s_language(self):
        self.alice.language = "fr"
        self.alice.save()
        self.login()
        response = self.client.get("/report/")
        self.assertContains(response, "Mon plan de carrière")
        self.assertContains(response, "préposé aux bénéficiaires")
        self.assertContains(response, "Plan de formation")
        self.assertContains(response, "1\xa0200,00 CAD")
        self.assertContains(response, "Gratuit pour vous")
        self.assertContains(response, "Mentoré(e) par Carole Mentor")

    def test_it_is_linked_from_the_dashboard(self):
        self.login()
        self.assertContains(self.client.get("/"), 'href="/report/"')

    def test_its_query_count_does_not_grow_with_the_plan(self):
        self.login()
        self.client.get("/report/")  # Warm caches (session, content types).
        with self.assertNumQueries(15) as small:
            self.client.get("/report/")
        make_plan(self.goal, 6)
        for index in range(6):
            goal = make_goal(self.alice, statement=f"Goal {index}")
            make_plan(goal, 2)
            LearningItem.objects.create(user=self.alice, title=f"Course {index}", cost=index)
            other = make_person(f"mentee{index}@example.org", f"Mentee {index}")
            mentorship = Mentorship.objects.create(
                mentor=self.alice, mentee=other, status=Mentorship.Status.ACTIVE, hoped_gain="x"
            )
            Session.objects.create(mentorship=mentorship, scheduled_at=timezone.now())
        with self.assertNumQueries(len(small.captured_queries)):
            response = self.client.get("/report/")
        self.assertContains(response, "Mentor of Mentee 5")
        self.assertContains(response, "Goal 5")

    def test_it_sends_visitors_to_log_in(self):
        response = self.client.get("/report/")
        self.assertRedirects(response, "/accounts/login/?next=/report/")
        response = self.client.get("/report.pdf")
        self.assertRedirects(response, "/accounts/login/?next=/report.pdf")

    def test_it_shows_bob_only_his_own_plan(self):
        self.login(self.bob)
        response = self.client.get("/report/")
        self.assertContains(response, "Bob&#x27;s secret goal")
        self.assertNotContains(response, "health care assistant")
        self.assertNotContains(response, "Patient care attendant diploma")
        self.assertNotContains(response, "Carole Mentor")

    def test_it_only_answers_get(self):
        self.login()
        self.assertEqual(self.client.post("/report/").status_code, 405)


class ReportPdfTests(ReportTestCase):
    def test_it_downloads_a_pdf(self):
        self.login()
        response = self.client.get("/report.pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertTrue(response.content.startswith(b"%PDF-"))
        self.assertIn(b"%%EOF", response.content[-32:])
        self.assertGreater(len(response.content), 2000)

    def test_it_draws_every_section_in_the_pdf(self):
        content = render_pdf(build(self.alice), invariant=1, pageCompression=0)
        text = pdf_text(content)
        for expected in (
            "My career plan",
            "health care assistant",
            "Skills covered: 25 %",
            "Become a health care assistant by 2027-06-30",
            "Progress: 40 %",
            "Finish the attendant course",
            "Patient care attendant diploma",
            "1,200.00 CAD",
            "Pays for itself in about 3 months.",
            "Mentored by Carole Mentor",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Bob's secret", text)

    def test_it_writes_french_accents_and_quotes_in_the_pdf(self):
        self.alice.language = "fr"
        self.alice.save()
        self.goal.statement = "Être préposée à l’hôpital, ça « compte » — vraiment…"
        self.goal.save()
        content = render_pdf(build(self.alice), invariant=1, pageCompression=0)
        text = pdf_text(content)
        self.assertIn("Mon plan de carrière", text)
        self.assertIn("Être préposée à l'hôpital, ça « compte » - vraiment...", text)
        self.assertIn("Plan de formation", text)

    def test_it_is_the_same_pdf_for_the_same_plan(self):
        report = build(self.alice, today=datetime.date(2026, 11, 22))
        self.assertEqual(render_pdf(report, invariant=1), render_pdf(report, invariant=1))

    def test_it_maps_typographic_characters_helvetica_lacks(self):
        self.assertEqual(safe("l’été « à » ça\u202f; — …"), "l'été « à » ça\xa0; - ...")
        self.assertEqual(safe("日本"), "??")
