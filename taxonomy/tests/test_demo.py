"""The taxonomy demo data: idempotent, and harmless without a taxonomy."""

import io
from contextlib import redirect_stdout

from taxonomy import demo
from taxonomy.models import Skill, TargetOccupation, UserSkill
from taxonomy.tests.base import TaxonomyTestCase


class DemoTests(TaxonomyTestCase):
    def people(self):
        return {"seeker": self.alice, "mentor": self.bob}

    def test_it_builds_profiles_and_a_target_once(self):
        # The tiny release has none of the demo's skills: give it two under their real labels.
        Skill.objects.filter(label_en="assist patients with special needs").update(
            label_en="listen actively"
        )
        Skill.objects.filter(label_en="human anatomy").update(label_en="geriatrics")
        self.occupation("hca").__class__.objects.filter(pk=self.occupation("hca").pk).update(
            uri=demo.HEALTH_CARE_ASSISTANT
        )
        demo.load(self.people())
        demo.load(self.people())
        seeker_skills = UserSkill.objects.filter(user=self.alice)
        self.assertEqual(
            sorted(str(s) for s in seeker_skills),
            ["Premiers soins (RCR, certification de la Croix-Rouge)", "listen actively"],
        )
        self.assertEqual(seeker_skills.get(skill__isnull=False).evidence.count(), 1)
        self.assertEqual([str(s) for s in UserSkill.objects.filter(user=self.bob)], ["geriatrics"])
        target = TargetOccupation.objects.get(user=self.alice)
        self.assertEqual(
            (target.occupation.uri, target.horizon), (demo.HEALTH_CARE_ASSISTANT, "short")
        )

    def test_it_skips_with_a_message_when_the_taxonomy_is_empty(self):
        from taxonomy.models import Occupation, OccupationSkill

        OccupationSkill.objects.all().delete()
        Occupation.objects.all().delete()
        out = io.StringIO()
        with redirect_stdout(out):
            demo.load(self.people())
        self.assertIn("skipped", out.getvalue())
        self.assertFalse(UserSkill.objects.exists())
