"""The SMART check reading the taxonomy: any ESCO label is a concrete target, and relevance
follows ESCO's links between what the goal names and the person's targets and skills."""

import datetime as dt

from accounts.testing import BaseTestCase
from goals.smart import Profile, check
from taxonomy.models import IscoGroup, Occupation, OccupationSkill, Skill

TODAY = dt.date(2026, 11, 22)


class SmartTaxonomyTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        roofers = IscoGroup.objects.create(
            uri="urn:test:isco:7121", code="7121", label_en="roofers"
        )
        cls.roofer = Occupation.objects.create(
            uri="urn:test:roofer", label_en="roofer", label_fr="couvreur/couvreuse",
            isco_group=roofers,
        )  # fmt: skip
        cls.slater = Occupation.objects.create(
            uri="urn:test:slater", label_en="slate roofer", label_fr="ardoisier/ardoisière",
            isco_group=roofers,
        )  # fmt: skip
        cls.florist = Occupation.objects.create(
            uri="urn:test:florist", label_en="florist", label_fr="fleuriste"
        )
        cls.thatching = Skill.objects.create(
            uri="urn:test:thatching", label_en="thatching", label_fr="couverture en chaume",
            skill_type="knowledge",
        )  # fmt: skip
        cls.arranging = Skill.objects.create(
            uri="urn:test:arranging", label_en="arrange flowers", label_fr="composer des bouquets"
        )
        OccupationSkill.objects.create(
            occupation=cls.roofer, skill=cls.thatching, relation_type="essential"
        )
        OccupationSkill.objects.create(
            occupation=cls.florist, skill=cls.arranging, relation_type="essential"
        )

    def test_any_label_of_the_taxonomy_is_a_concrete_target(self):
        result = check("Work in thatching by 2028", today=TODAY)
        self.assertIs(result.specific.met, True)
        self.assertIn("thatching", result.specific.reason)
        result = check("Travailler en couverture en chaume d'ici 2028", "fr", today=TODAY)
        self.assertIs(result.specific.met, True)

    def test_devenir_needs_an_occupation_not_an_adjective(self):
        self.assertIs(check("Devenir couvreuse d'ici 2028", "fr", today=TODAY).specific.met, True)
        self.assertIs(check("Devenir couvreuse d'ici 2028", "fr", today=TODAY).measurable.met, True)
        rich = check("Devenir riche d'ici 2028", "fr", today=TODAY)
        self.assertIs(rich.specific.met, False)
        self.assertIs(rich.measurable.met, False)

    def test_self_improvement_is_neither_specific_nor_measurable_even_naming_a_role(self):
        for text, lang in (
            ("Become a better roofer", "en"),
            ("Devenir une meilleure fleuriste", "fr"),
            ("Be more confident as a florist", "en"),
        ):
            result = check(text, lang, today=TODAY)
            self.assertIs(result.specific.met, False, text)
            self.assertIs(result.measurable.met, False, text)

    def test_comparatives_written_with_er_are_self_improvement(self):
        # "stronger", "calmer", "happier" are in no label of the taxonomy: they compare.
        for text in (
            "Become a stronger roofer",
            "Be a calmer florist by 2028",
            "Get faster at thatching",
            "Feel happier as a roofer",
            "I want to be a much wiser florist",
        ):
            result = check(text, today=TODAY)
            self.assertIs(result.specific.met, False, text)
            self.assertIs(result.measurable.met, False, text)
        # With a measure, the comparison is a goal.
        measured = check("Become a faster roofer: 3 roofs a week by 2028", today=TODAY)
        self.assertIs(measured.measurable.met, True)

    def test_er_words_the_taxonomy_uses_are_nouns_not_comparatives(self):
        Occupation.objects.create(uri="urn:test:shop", label_en="shop manager")
        Skill.objects.create(uri="urn:test:service", label_en="customer service")
        for text in (
            "Become a shop manager by 2028",
            "Become a roofer for a customer service company by 2028",
            "Get a roofer job in the summer by 2028",
        ):
            result = check(text, today=TODAY)
            self.assertIs(result.specific.met, True, text)
            self.assertIs(result.measurable.met, True, text)

    def test_relevant_when_the_goal_builds_a_skill_the_target_needs(self):
        profile = Profile(hours_per_week=3, targets=["roofer"], target_ids=[self.roofer.pk])
        result = check("Complete a thatching course by 2028", today=TODAY, profile=profile)
        self.assertIs(result.relevant.met, True)
        self.assertIn("which your target occupation “roofer” needs", result.relevant.reason)

    def test_relevant_when_the_goal_names_an_occupation_of_the_targets_group(self):
        profile = Profile(hours_per_week=3, targets=["couvreur"], target_ids=[self.roofer.pk])
        result = check("Devenir ardoisière d'ici 2028", "fr", today=TODAY, profile=profile)
        self.assertIs(result.relevant.met, True)
        self.assertIn("couvreur", result.relevant.reason)

    def test_relevant_when_the_named_occupation_needs_a_skill_the_person_has(self):
        profile = Profile(
            hours_per_week=3, skills=["arrange flowers"], skill_ids=[self.arranging.pk]
        )
        result = check("Become a florist by 2028", today=TODAY, profile=profile)
        self.assertIs(result.relevant.met, True)
        self.assertIn("arrange flowers", result.relevant.reason)

    def test_the_goals_target_occupation_names_the_target(self):
        plain = check("Work in the field I love by 2028", today=TODAY)
        self.assertIs(plain.specific.met, False)
        hit = check("Work in the field I love by 2028", today=TODAY, occupation_hits=["roofer"])
        self.assertIs(hit.specific.met, True)
