"""An application's page: facts, history, detected skills and the gap, interviews."""

from django.urls import reverse

from accounts.testing import BaseTestCase
from jobs.models import DetectedSkill
from jobs.tests.factories import (
    make_application,
    make_interview,
    make_reflection,
    make_skill,
)
from taxonomy.models import UserSkill


class DetailTests(BaseTestCase):
    def setUp(self):
        self.application = make_application(self.alice, title="Care aide")
        self.bathing = make_skill("assist with bathing")
        self.teamwork = make_skill("work in a team")
        for skill in (self.bathing, self.teamwork):
            DetectedSkill.objects.create(application=self.application, skill=skill, confidence=0.9)
        UserSkill.objects.create(user=self.alice, skill=self.teamwork, proficiency=3)

    def test_it_shows_the_skills_the_person_has_and_lacks(self):
        self.login()
        response = self.client.get(reverse("jobs:detail", args=[self.application.pk]))
        gap = response.context["gap"]
        self.assertEqual([item.skill for item, _mine in gap.has], [self.teamwork])
        self.assertEqual([item.skill for item in gap.lacks], [self.bathing])
        self.assertContains(response, "You have 1 of the 2 skills found in the posting.")

    def test_it_removes_a_wrong_skill_and_can_put_it_back(self):
        detected = DetectedSkill.objects.get(skill=self.bathing)
        self.login()
        url = reverse("jobs:remove_skill", args=[self.application.pk, detected.pk])
        self.client.post(url)
        response = self.client.get(reverse("jobs:detail", args=[self.application.pk]))
        self.assertEqual(response.context["gap"].total, 1)
        self.assertContains(response, "1 skill removed as wrong")
        self.client.post(url, {"restore": "1"})
        detected.refresh_from_db()
        self.assertFalse(detected.removed)

    def test_it_shows_the_status_history(self):
        self.application.move_to("applied")
        self.login()
        response = self.client.get(reverse("jobs:detail", args=[self.application.pk]))
        self.assertEqual(len(response.context["application"].history.all()), 2)
        self.assertContains(response, "Applied")

    def test_it_runs_a_fixed_number_of_queries(self):
        self.login()
        url = reverse("jobs:detail", args=[self.application.pk])
        make_reflection(make_interview(self.application))
        self.client.get(url)
        with self.assertNumQueries(11) as small:
            self.client.get(url)
        for i in range(5):
            make_reflection(make_interview(self.application), techniques=[f"T{i}", f"U{i}"])
            skill = make_skill(f"skill {i}")
            DetectedSkill.objects.create(application=self.application, skill=skill)
            UserSkill.objects.create(user=self.alice, skill=skill)
            self.application.move_to(["applied", "interview"][i % 2])
        with self.assertNumQueries(len(small.captured_queries)):
            self.client.get(url)

    def test_it_gives_bob_404(self):
        self.login(self.bob)
        response = self.client.get(reverse("jobs:detail", args=[self.application.pk]))
        self.assertEqual(response.status_code, 404)

    def test_it_links_to_the_skills_gap_of_a_targeted_occupation(self):
        from jobs.tests.factories import make_occupation
        from taxonomy.models import TargetOccupation

        occupation = make_occupation("health care assistant", "préposé aux bénéficiaires")
        application = make_application(self.alice, occupation=occupation)
        self.login()
        url = reverse("jobs:detail", args=[application.pk])
        self.assertNotContains(self.client.get(url), "Your skills gap for this occupation")
        target = TargetOccupation.objects.create(user=self.alice, occupation=occupation)
        response = self.client.get(url)
        self.assertContains(response, reverse("taxonomy:gap", args=[target.pk]))
