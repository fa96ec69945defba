"""The gap analysis rule (taxonomy.gap) and transferable experience (taxonomy.transferable)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy import gap, transferable
from taxonomy.models import OccupationSkill, TargetOccupation, UserSkill
from taxonomy.tests.base import TaxonomyTestCase


class GapTests(TaxonomyTestCase):
    def give(self, *names, user=None):
        for name in names:
            UserSkill.objects.create(user=user or self.alice, skill=self.skill(name))

    def target(self, name="hca"):
        return TargetOccupation.objects.select_related("occupation").get(
            pk=TargetOccupation.objects.create(user=self.alice, occupation=self.occupation(name)).pk
        )

    def test_it_sorts_skills_into_covered_partial_and_missing(self):
        self.give("communicate", "monitor")
        result = gap.analyse(self.target(), "en")
        status = {item.label: item.status for item in result.essential + result.optional}
        self.assertEqual(
            status,
            {
                "communicate with patients": "covered",
                "monitor patient's health": "covered",
                "assist patients with special needs": "missing",
                "human anatomy": "missing",
                # ESCO relates "communicate with patients" to "show empathy".
                "show empathy": "partial",
                "drive vehicles": "missing",
            },
        )
        empathy = next(item for item in result.optional if item.label == "show empathy")
        self.assertEqual(empathy.via, ["communicate with patients"])

    def test_it_weights_essential_skills_and_counts_partial_coverage_half(self):
        self.give("communicate", "monitor")
        result = gap.analyse(self.target(), "en")
        # (3 × 2 essential + 0.5 optional) / (3 × 4 + 2)
        self.assertAlmostEqual(result.coverage, 6.5 / 14)
        self.assertEqual(result.percent, 46)
        self.assertEqual((result.essential_covered, result.essential_missing), (2, 2))

    def test_a_narrower_skill_partly_covers_its_broader_skill(self):
        self.give("vitals")
        result = gap.analyse(self.target(), "en")
        monitor = next(
            item for item in result.essential if item.label == "monitor patient's health"
        )
        self.assertEqual((monitor.status, monitor.via), ("partial", ["measure vital signs"]))

    def test_an_empty_profile_covers_nothing(self):
        result = gap.analyse(self.target(), "en")
        self.assertEqual(result.coverage, 0)
        self.assertEqual(len(result.guide), 6)

    def test_the_guide_lists_related_skills_and_actions_in_the_persons_language(self):
        self.give("monitor", "communicate")
        result = gap.analyse(self.target(), "fr")
        assist = next(e for e in result.guide if e.skill == self.skill("assist"))
        # Same family: both under "assisting and caring".
        self.assertEqual(
            assist.related, [("surveiller la santé d'un patient", "même famille de compétences")]
        )
        self.assertEqual([s.kind for s in assist.suggestions], ["project", "training", "mentoring"])
        self.assertIn("surveiller la santé d'un patient", assist.suggestions[0].text)
        self.assertIn(
            "aider des patients ayant des besoins particuliers", assist.suggestions[0].text
        )
        anatomy = next(e for e in result.guide if e.skill == self.skill("anatomy"))
        self.assertEqual(
            [s.kind for s in anatomy.suggestions], ["training", "reading", "mentoring"]
        )
        self.assertIn("cours", anatomy.suggestions[0].text)
        # Essential entries come first.
        self.assertTrue(result.guide[0].essential)
        self.assertFalse(result.guide[-1].essential)

    def test_it_finds_a_suggestion_by_skill_and_kind(self):
        result = gap.analyse(self.target(), "en")
        anatomy = self.skill("anatomy")
        self.assertEqual(result.suggestion(anatomy.pk, "reading").skill_id, anatomy.pk)
        self.assertIsNone(result.suggestion(anatomy.pk, "project"))

    def test_it_runs_a_fixed_number_of_queries(self):
        target = self.target()
        self.give("communicate")
        with CaptureQueriesContext(connection) as small:
            gap.analyse(target, "en")
        self.give("monitor", "vitals", "drive", "empathy")
        for name in ("assist", "vitals", "drive"):
            OccupationSkill.objects.get_or_create(
                occupation=self.occupation("hca"),
                skill=self.skill(name),
                defaults={"relation_type": "essential"},
            )
        with CaptureQueriesContext(connection) as large:
            gap.analyse(target, "en")
        self.assertEqual(len(small), len(large))


class TransferableTests(TaxonomyTestCase):
    def test_it_ranks_occupations_by_essential_weighted_coverage(self):
        ranked = transferable.rank_skill_ids(
            [self.skill("assist").pk, self.skill("drive").pk], language="en"
        )
        self.assertEqual(
            [r.label for r in ranked][:2], ["patient transport aide", "health care assistant"]
        )
        porter, hca = ranked[0], ranked[1]
        self.assertEqual(
            (porter.coverage, porter.essential_covered, porter.essential_total), (1.0, 2, 2)
        )
        self.assertAlmostEqual(hca.coverage, (3 + 1) / 14, places=4)
        self.assertEqual(
            [(s.label, s.essential, s.partial) for s in hca.overlap],
            [("assist patients with special needs", True, False), ("drive vehicles", False, False)],
        )

    def test_it_gives_half_credit_for_neighbouring_skills(self):
        ranked = transferable.rank_skill_ids([self.skill("vitals").pk], language="fr")
        by_label = {r.label: r for r in ranked}
        nurse = by_label["infirmier/infirmière"]
        self.assertAlmostEqual(nurse.coverage, (3 + 1.5) / 12, places=4)
        self.assertIn(
            ("surveiller la santé d'un patient", True),
            [(s.label, s.partial) for s in nurse.overlap],
        )

    def test_it_filters_by_isco_major_group(self):
        skills = [self.skill("communicate").pk]
        self.assertEqual(
            {r.label for r in transferable.rank_skill_ids(skills, major_group="2")},
            {"nurse responsible for general care"},
        )
        self.assertEqual(
            {r.isco_code[:1] for r in transferable.rank_skill_ids(skills, major_group="5")}, {"5"}
        )
        self.assertEqual(transferable.rank_skill_ids(skills, major_group="9"), [])

    def test_an_empty_profile_ranks_nothing(self):
        self.assertEqual(transferable.rank_for_user(self.alice), [])

    def test_it_notices_a_changed_taxonomy(self):
        transferable.rank_skill_ids([self.skill("drive").pk])
        OccupationSkill.objects.create(
            occupation=self.occupation("nurse"), skill=self.skill("drive"), relation_type="optional"
        )
        labels = {r.label for r in transferable.rank_skill_ids([self.skill("drive").pk])}
        self.assertIn("nurse responsible for general care", labels)

    def test_it_lists_the_major_groups(self):
        self.assertEqual(
            transferable.major_groups("en"),
            [("2", "Professionals"), ("5", "Service and sales workers")],
        )
