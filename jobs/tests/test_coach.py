"""The interview coach: questions, answers, the alignment check and the techniques to try."""

from django.urls import reverse

from accounts.testing import BaseTestCase
from jobs.models import PreparedAnswer
from jobs.tests.factories import (
    make_answer,
    make_application,
    make_interview,
    make_reflection,
)

SALES_POSTING = (
    "Sales manager. We are hiring a sales manager to lead a team of sales representatives, "
    "meet our customers every week and grow revenue across Quebec."
)
SALES_POSTING_FR = (
    "Directeur ou directrice des ventes. Nous recrutons une personne pour diriger une équipe de "
    "représentants, rencontrer nos clients chaque semaine et faire croître le chiffre d'affaires."
)
CONTRADICTING = "My goal is to find a role that doesn't involve working with customers as much."
ALIGNED = (
    "In three years, I want to lead a larger sales team. This role is the right step toward "
    "that, and I will help you grow revenue and keep your customers loyal."
)


class CoachPageTests(BaseTestCase):
    def test_it_lists_the_common_questions(self):
        self.login()
        response = self.client.get(reverse("jobs:coach"))
        self.assertContains(response, "Tell me about yourself.")
        self.assertContains(response, "What are your career goals?")
        self.assertContains(response, "What are your weaknesses?")

    def test_it_shows_techniques_from_past_interviews_on_any_application(self):
        first = make_application(self.alice, title="First job")
        make_reflection(make_interview(first), techniques=["Use the STAR method"])
        second = make_application(self.alice, title="Second job")
        self.login()
        response = self.client.get(reverse("jobs:application_coach", args=[second.pk]))
        self.assertContains(response, "Use the STAR method")
        self.assertContains(response, "First job")

    def test_it_runs_a_fixed_number_of_queries(self):
        application = make_application(self.alice)
        make_reflection(make_interview(application), techniques=["A"])
        make_answer(self.alice, application, text="x")
        self.login()
        url = reverse("jobs:application_coach", args=[application.pk])
        self.client.get(url)
        with self.assertNumQueries(5) as small:
            self.client.get(url)
        for i in range(6):
            other = make_application(self.alice, title=f"Job {i}")
            make_reflection(make_interview(other), techniques=[f"T{i}", f"U{i}"])
            make_answer(self.alice, application, question_key="", custom_question=f"Q{i}")
        with self.assertNumQueries(len(small.captured_queries)):
            self.client.get(url)

    def test_it_toggles_tried_on_a_technique_with_htmx(self):
        reflection = make_reflection(make_interview(make_application(self.alice)))
        technique = reflection.techniques.get()
        self.login()
        response = self.client.post(
            reverse("jobs:technique_tried", args=[technique.pk]),
            {"tried": "1"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "Tried it")
        technique.refresh_from_db()
        self.assertTrue(technique.tried)
        self.client.post(reverse("jobs:technique_tried", args=[technique.pk]), {"tried": "0"})
        technique.refresh_from_db()
        self.assertFalse(technique.tried)

    def test_it_starts_an_answer_to_a_common_question_once(self):
        application = make_application(self.alice)
        self.login()
        url = reverse("jobs:application_answer_start", args=[application.pk])
        first = self.client.post(url, {"question_key": "career_goals"})
        again = self.client.post(url, {"question_key": "career_goals"})
        self.assertEqual(first["Location"], again["Location"])
        answer = PreparedAnswer.objects.get()
        self.assertEqual(answer.application, application)
        self.assertEqual(str(answer.question), "What are your career goals?")

    def test_it_adds_a_question_of_ones_own(self):
        self.login()
        self.client.post(reverse("jobs:answer_start"), {"custom_question": "Why the gap in 2024?"})
        answer = PreparedAnswer.objects.get()
        self.assertIsNone(answer.application)
        self.assertEqual(answer.question, "Why the gap in 2024?")
        response = self.client.get(reverse("jobs:coach"))
        self.assertContains(response, "Why the gap in 2024?")

    def test_it_refuses_an_unknown_question_or_an_empty_own_question(self):
        self.login()
        response = self.client.post(
            reverse("jobs:answer_start"), {"question_key": "nope"}, follow=True
        )
        self.assertContains(response, "Choose one of the questions in the list.")
        response = self.client.post(
            reverse("jobs:answer_start"), {"custom_question": ""}, follow=True
        )
        self.assertContains(response, "Write the question you want to prepare.")
        self.assertFalse(PreparedAnswer.objects.exists())


class AlignmentCheckTests(BaseTestCase):
    def setUp(self):
        self.application = make_application(
            self.alice, title="Sales manager", posting_text=SALES_POSTING
        )
        self.answer = make_answer(self.alice, self.application, text=CONTRADICTING)
        self.login()

    def test_it_shows_why_an_answer_contradicts_the_role(self):
        response = self.client.post(
            reverse("jobs:answer_check", args=[self.answer.pk]),
            {"text": CONTRADICTING, "language": "en"},
            headers={"HX-Request": "true"},
        )
        self.assertTemplateUsed(response, "jobs/_check_result.html")
        self.assertContains(response, "Not aligned")
        self.assertContains(response, 'data-code="contradicts_role"')
        self.assertContains(response, "A rewritten example")

    def test_it_passes_a_fixed_answer_after_editing(self):
        self.client.post(
            reverse("jobs:answer_check", args=[self.answer.pk]),
            {"text": CONTRADICTING, "language": "en"},
            headers={"HX-Request": "true"},
        )
        response = self.client.post(
            reverse("jobs:answer_check", args=[self.answer.pk]),
            {"text": ALIGNED, "language": "en"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "Your answer matches the job you are applying for.")
        self.answer.refresh_from_db()
        self.assertEqual(self.answer.text, ALIGNED)
        self.assertTrue(self.answer.last_check["aligned"])

    def test_it_checks_in_french(self):
        self.application.posting_text = SALES_POSTING_FR
        self.application.save()
        self.answer.language = "fr"
        self.answer.save()
        response = self.client.post(
            reverse("jobs:answer_check", args=[self.answer.pk]),
            {
                "text": "Je veux un poste où je serai moins en contact avec les clients.",
                "language": "fr",
            },
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, 'data-code="contradicts_role"')

    def test_it_checks_with_the_plain_form_too(self):
        response = self.client.post(
            reverse("jobs:answer", args=[self.answer.pk]),
            {"text": ALIGNED, "language": "en", "check": "1"},
            follow=True,
        )
        self.assertContains(response, "Your answer matches the job you are applying for.")

    def test_it_marks_a_check_as_outdated_after_the_answer_changes(self):
        self.client.post(
            reverse("jobs:answer", args=[self.answer.pk]),
            {"text": ALIGNED, "language": "en", "check": "1"},
        )
        self.client.post(
            reverse("jobs:answer", args=[self.answer.pk]),
            {"text": ALIGNED + " Also, I like Mondays.", "language": "en"},
        )
        response = self.client.get(reverse("jobs:answer", args=[self.answer.pk]))
        self.assertContains(response, "You changed your answer since this check")

    def test_it_explains_when_there_is_no_posting_to_compare_with(self):
        general = make_answer(self.alice, None, text=ALIGNED)
        response = self.client.post(
            reverse("jobs:answer_check", args=[general.pk]),
            {"text": ALIGNED, "language": "en"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "Prepare this answer for an application")

    def test_it_refuses_a_language_it_does_not_know(self):
        response = self.client.post(
            reverse("jobs:answer_check", args=[self.answer.pk]),
            {"text": ALIGNED, "language": "de"},
            headers={"HX-Request": "true"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "could not be saved")
        self.answer.refresh_from_db()
        self.assertEqual(self.answer.text, CONTRADICTING)
