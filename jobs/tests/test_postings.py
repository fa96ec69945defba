"""Skills detected in a posting, and the gap against the person's profile."""

from types import SimpleNamespace
from unittest import mock

from accounts.testing import BaseTestCase
from jobs import postings
from jobs.models import DetectedSkill
from jobs.tests.factories import make_application, make_skill
from taxonomy.models import SkillRelation, UserSkill


def extractor(results):
    return mock.patch.object(postings, "_extractor", return_value=lambda text, lang: results)


class PostingTests(BaseTestCase):
    def setUp(self):
        self.application = make_application(self.alice)
        self.bathing = make_skill("assist with bathing")
        self.teamwork = make_skill("work in a team")

    def test_it_stores_skills_with_confidence_and_span(self):
        with extractor([{"skill": self.bathing, "span": (30, 37), "confidence": 0.72}]):
            postings.detect_skills(self.application)
        detected = DetectedSkill.objects.get()
        self.assertEqual(detected.skill, self.bathing)
        self.assertAlmostEqual(detected.confidence, 0.72)
        self.assertEqual((detected.span_start, detected.span_end), (30, 37))
        self.assertEqual(detected.matched_text, self.application.posting_text[30:37])

    def test_it_reads_results_given_as_objects(self):
        found = SimpleNamespace(skill=self.teamwork, span=(0, 4), confidence=0.5, text="Team")
        with extractor([found]):
            postings.detect_skills(self.application)
        self.assertEqual(DetectedSkill.objects.get().matched_text, "Team")

    def test_it_keeps_a_removed_skill_out_of_later_detections(self):
        with extractor([{"skill": self.bathing, "confidence": 0.9}]):
            postings.detect_skills(self.application)
        DetectedSkill.objects.update(removed=True)
        with extractor([{"skill": self.bathing, "confidence": 0.9}]):
            kept = postings.detect_skills(self.application)
        self.assertEqual(kept, [])
        self.assertTrue(DetectedSkill.objects.get().removed)

    def test_it_drops_skills_no_longer_in_an_edited_posting(self):
        with extractor([{"skill": self.bathing}, {"skill": self.teamwork}]):
            postings.detect_skills(self.application)
        with extractor([{"skill": self.teamwork, "confidence": 0.6}]):
            postings.detect_skills(self.application)
        self.assertEqual(
            list(DetectedSkill.objects.values_list("skill__label_en", flat=True)),
            ["work in a team"],
        )

    def test_it_keeps_the_best_confidence_of_a_skill_found_twice(self):
        with extractor(
            [
                {"skill": self.bathing, "confidence": 0.4},
                {"skill": self.bathing, "confidence": 0.8},
            ]
        ):
            postings.detect_skills(self.application)
        self.assertAlmostEqual(DetectedSkill.objects.get().confidence, 0.8)

    def test_it_says_when_extraction_is_missing(self):
        with (
            mock.patch.dict("sys.modules", {"taxonomy.extraction": None}),
            self.assertRaises(postings.ExtractionUnavailable),
        ):
            postings.detect_skills(self.application)

    def test_it_sorts_skills_into_have_nearly_and_lack(self):
        application = make_application(self.alice)
        had, near, lacking, related = (
            make_skill(label) for label in ("teamwork", "bathing", "first aid", "hygiene")
        )
        SkillRelation.objects.create(skill=near, related=related, relation_type="optional")
        for skill in (had, near, lacking):
            DetectedSkill.objects.create(application=application, skill=skill)
        UserSkill.objects.create(user=self.alice, skill=had)
        UserSkill.objects.create(user=self.alice, skill=related)
        UserSkill.objects.create(user=self.bob, skill=lacking)
        gap = postings.posting_gap(self.alice, application.detected_skills.all())
        self.assertEqual([d.skill for d, _mine in gap.has], [had])
        self.assertEqual(
            [(d.skill, [m.skill for m in m_]) for d, m_ in gap.partial], [(near, [related])]
        )
        self.assertEqual([d.skill for d in gap.lacks], [lacking])
        self.assertEqual(gap.percent_covered, 50)

    def test_it_leaves_removed_skills_out(self):
        application = make_application(self.alice)
        DetectedSkill.objects.create(application=application, skill=make_skill("x"), removed=True)
        self.assertEqual(
            postings.posting_gap(self.alice, application.detected_skills.all()).total, 0
        )


class RealExtractionTests(BaseTestCase):
    """The taxonomy app's extraction, end to end, on a tiny taxonomy."""

    def test_it_detects_skills_written_in_the_posting_in_both_languages(self):
        service = make_skill("customer service", "service à la clientèle")
        projects = make_skill("project management", "gestion de projet")
        make_skill("operate forklift", "conduire un chariot élévateur")
        en = make_application(
            self.alice,
            posting_text="We need strong customer service and project management skills.",
        )
        fr = make_application(
            self.alice,
            posting_language="fr",
            posting_text="Excellent service à la clientèle exigé.",
        )
        kept_en = postings.detect_skills(en)
        kept_fr = postings.detect_skills(fr)
        self.assertIn(service, [d.skill for d in kept_en])
        self.assertIn(projects, [d.skill for d in kept_en])
        self.assertEqual([d.skill for d in kept_fr], [service])
        detected = en.detected_skills.get(skill=service)
        self.assertIn("customer service", detected.matched_text.lower())
        self.assertEqual(
            en.posting_text[detected.span_start : detected.span_end], detected.matched_text
        )
        self.assertGreater(detected.confidence, 0.5)
