"""The demo data of the jobs app."""

from accounts.testing import BaseTestCase
from jobs import demo
from jobs.models import Application, InterviewReflection, PreparedAnswer, Technique


class DemoTests(BaseTestCase):
    def test_it_gives_the_seeker_two_applications_an_interview_reflection_and_an_answer(self):
        people = {"seeker": self.alice}
        demo.load(people)
        demo.load(people)  # idempotent
        applications = Application.objects.filter(user=self.alice)
        self.assertEqual(applications.count(), 2)
        self.assertEqual(
            sorted(applications.values_list("status", flat=True)), ["interview", "rejected"]
        )
        care = applications.get(status="interview")
        self.assertIn("aux bénéficiaires", care.posting_text)
        self.assertEqual(care.posting_language, "fr")
        self.assertEqual(InterviewReflection.objects.filter(interview__application=care).count(), 1)
        self.assertEqual(Technique.objects.filter(user=self.alice).count(), 2)
        answer = PreparedAnswer.objects.get(user=self.alice)
        self.assertEqual(answer.question_key, "career_goals")

    def test_its_career_goals_answer_passes_the_check(self):
        from jobs import coaching

        demo.load({"seeker": self.alice})
        answer = PreparedAnswer.objects.get(user=self.alice)
        self.assertTrue(coaching.run_check(answer)["aligned"])

    def test_it_targets_the_healthcare_assistant_occupation_when_the_taxonomy_has_it(self):
        from jobs.tests.factories import make_occupation

        occupation = make_occupation("healthcare assistant", "aide-soignant en institution")
        demo.load({"seeker": self.alice})
        care = Application.objects.get(user=self.alice, status="interview")
        self.assertEqual(care.occupation, occupation)
