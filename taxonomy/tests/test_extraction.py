"""Skill extraction (taxonomy.extraction) on hand-made texts and a small real-label taxonomy."""

from django.test import TestCase
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from taxonomy.extraction import extract_skills
from taxonomy.tests.search_fixtures import build_taxonomy


class ExtractionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.concepts = build_taxonomy()

    def labels(self, source, lang="en"):
        return [found.label for found in extract_skills(source, lang)]

    def test_it_finds_skills_written_in_a_cv_with_their_span(self):
        source = "Five years of Python and SQL, project management and customer care."
        found = extract_skills(source, "en")
        by_label = {item.label: item for item in found}
        self.assertEqual(
            set(by_label),
            {"Python (computer programming)", "SQL", "project management", "customer service"},
        )
        care = by_label["customer service"]
        self.assertEqual(source[care.start : care.end], "customer care")
        self.assertEqual(care.span, "customer care")
        self.assertTrue(all(0 < item.confidence <= 1 for item in found))
        # In the order of the text.
        self.assertEqual([item.start for item in found], sorted(item.start for item in found))

    def test_it_reads_french_whatever_the_accents_and_plural(self):
        labels = self.labels("Expérience en GESTION DE PROJET et je sais gerer des budgets.", "fr")
        self.assertIn("gestion de projets", labels)
        self.assertIn("gérer des budgets", labels)

    def test_a_name_inside_another_word_is_weaker_than_the_name_itself(self):
        def confidence(source):
            found = {item.label: item for item in extract_skills(source, "en")}
            return found["SQL"].confidence if "SQL" in found else 0.0

        self.assertLess(confidence("a sql-like feeling"), confidence("Strong SQL."))
        [strong] = [item for item in extract_skills("Strong SQL.", "en") if item.label == "SQL"]
        self.assertEqual(strong.span, "SQL")

    def test_it_finds_nothing_in_unrelated_or_empty_text(self):
        self.assertEqual(extract_skills("", "en"), [])
        self.assertEqual(self.labels("The weather was lovely on Sunday."), [])

    def test_it_lists_each_skill_once(self):
        labels = self.labels("SQL here, SQL there, and more SQL.")
        self.assertEqual(labels, ["SQL"])

    def test_a_word_used_in_another_sense_gives_no_skill(self):
        from taxonomy.models import Skill

        Skill.objects.create(
            uri="http://data.europa.eu/esco/skill/dental-anatomy-test",
            label_en="dental anatomy",
            label_fr="anatomie dentaire",
            skill_type="knowledge",
        )
        Skill.objects.create(
            uri="http://data.europa.eu/esco/skill/answer-calls-test",
            label_en="answer incoming calls",
            label_fr="répondre à des appels entrants",
            skill_type="skill/competence",
        )
        found = self.labels(
            "Our group runs twelve dental clinics. We need a receptionist who answers incoming "
            "calls."
        )
        self.assertNotIn("dental anatomy", found)
        self.assertIn("answer incoming calls", found)
        self.assertNotIn(
            "anatomie dentaire", self.labels("Notre réseau compte douze cliniques dentaires.", "fr")
        )
        # The same skill written as a skill is found.
        self.assertIn("dental anatomy", self.labels("Good knowledge of dental anatomy."))

    def test_each_span_is_the_text_it_points_to(self):
        source = "Expérience en GESTION DE PROJET.\n• Je sais gérer des budgets; SQL."
        for found in extract_skills(source, "fr"):
            self.assertEqual(source[found.start : found.end], found.span)


def _skill(uri, label_en, label_fr, group=None, skill_type="knowledge"):
    from taxonomy.models import Skill

    skill = Skill.objects.create(
        uri=f"http://data.europa.eu/esco/skill/{uri}",
        label_en=label_en,
        label_fr=label_fr,
        skill_type=skill_type,
    )
    if group is not None:
        skill.groups.add(group)
    return skill


class OtherSenseTests(TestCase):
    """A one-word skill name used in another sense gives no skill; used as the skill, it does."""

    @classmethod
    def setUpTestData(cls):
        from taxonomy.models import SkillGroup

        build_taxonomy()
        languages = SkillGroup.objects.create(
            uri="http://data.europa.eu/esco/skill/languages-test", label_en="languages", level=1
        )
        _skill("java-test", "Java (computer programming)", "Java (programmation informatique)")
        _skill("ajax-test", "AJAX", "AJAX")
        _skill("english-test", "English", "anglais", languages)
        _skill("french-test", "French", "français", languages)
        _skill("latin-test", "Latin", "latin", languages)

    def labels(self, source, lang="en"):
        return {found.label for found in extract_skills(source, lang)}

    def test_in_english(self):
        self.assertNotIn(
            "Java (computer programming)",
            self.labels("Sales associate at our Java Street store: help shoppers, run the till."),
        )
        self.assertIn(
            "Java (computer programming)", self.labels("Back-end developer: Java and SQL.")
        )
        self.assertNotIn("French", self.labels("You will cook burgers and French fries."))
        self.assertTrue(
            {"English", "French"}
            <= self.labels("Bilingual English and French, spoken and written.")
        )
        self.assertNotIn("AJAX", self.labels("Pickers and packers needed in Ajax, Ontario."))
        self.assertIn("AJAX", self.labels("Front-end pages built with AJAX and SQL."))

    def test_in_french(self):
        self.assertNotIn("anglais", self.labels("On sert des muffins anglais le matin.", "fr"))
        self.assertIn("anglais", self.labels("Anglais fonctionnel, un atout.", "fr"))
        self.assertNotIn("latin", self.labels("L'atelier est en plein Quartier latin.", "fr"))
        self.assertTrue(
            {"latin", "français"} <= self.labels("J'enseigne le latin et le français.", "fr")
        )


class EmployerSideTests(TestCase):
    """What the employer offers or says of itself is not a skill asked of the reader."""

    @classmethod
    def setUpTestData(cls):
        build_taxonomy()

    def labels(self, source, lang="en"):
        return {found.label for found in extract_skills(source, lang)}

    def test_an_offer_section_and_a_company_blurb_give_no_skill(self):
        source = (
            "Customer service agent\n"
            "You will help customers on the phone and work in teams.\n\n"
            "What we offer\n"
            "• Project management courses paid by us\n"
            "• Budget management training"
        )
        found = self.labels(source)
        self.assertIn("work in teams", found)
        self.assertNotIn("project management", found)
        self.assertNotIn("manage budgets", found)
        self.assertNotIn(
            "project management",
            self.labels("Founded in 1985, our company offers project management courses."),
        )

    def test_in_french_and_when_the_employer_asks_for_someone(self):
        self.assertNotIn(
            "gestion de projets",
            self.labels(
                "Nous offrons des cours de gestion de projets et un régime de retraite.", "fr"
            ),
        )
        self.assertIn(
            "gérer des budgets",
            self.labels("Nous cherchons une personne pour gérer des budgets.", "fr"),
        )
        self.assertIn("manage budgets", self.labels("We need someone who manages budgets."))


class LinkingTests(TestCase):
    """A whole sentence → the skills it shows or asks for (taxonomy.linking, `skills match`)."""

    @classmethod
    def setUpTestData(cls):
        build_taxonomy()

    def test_a_sentence_links_the_skills_named_in_its_phrases(self):
        from taxonomy import linking

        [found] = linking.link_sentences(
            [("We are looking for someone with strong SQL and solid project management.", "en")],
            limit=3,
        )
        self.assertEqual({match.label for match in found[:2]}, {"SQL", "project management"})
        self.assertTrue(all(0 <= match.score <= 1 for match in found))
        self.assertEqual([m.score for m in found], sorted((m.score for m in found), reverse=True))

    def test_batch_keeps_order_and_answers_empty_queries_with_nothing(self):
        from taxonomy import linking

        found = linking.link_sentences([("", "en"), ("gérer des budgets", "fr")], limit=2)
        self.assertEqual(found[0], [])
        self.assertEqual(found[1][0].label, "gérer des budgets")

    def test_segments_point_into_the_sentence(self):
        from taxonomy.linking import segments

        sentence = "Strong knowledge of HTML and CSS (LESS, SCSS) / React, e.g. hooks."
        for segment in segments(sentence):
            self.assertEqual(sentence[segment.start : segment.end], segment.text)


class AbuseTests(HypothesisTestCase):
    """Any text: spans point into it, and the work stays bounded however long it is."""

    @classmethod
    def setUpTestData(cls):
        build_taxonomy()

    @settings(max_examples=25, deadline=None)
    @given(st.text(max_size=400))
    def test_any_text_gives_spans_inside_it(self, source):
        for found in extract_skills(source, "en"):
            self.assertEqual(source[found.start : found.end], found.span)

    @settings(max_examples=50, deadline=None)
    @given(st.text(max_size=5_000))
    def test_segments_and_sentences_stay_bounded(self, source):
        from taxonomy import linking
        from taxonomy.extraction import MAX_SENTENCE, sentences

        bound = len(linking.WINDOW_SIZES) * linking.MAX_WINDOW_WORDS + 1_100
        self.assertLessEqual(len(linking.segments(source)), bound)
        for sentence, offset in sentences(source):
            self.assertLessEqual(len(sentence), MAX_SENTENCE)
            self.assertEqual(source[offset : offset + len(sentence)], sentence)

    def test_a_long_text_without_punctuation_is_read_to_its_end(self):
        source = "word " * 3_000 + "Strong SQL skills."
        self.assertIn("SQL", [found.label for found in extract_skills(source, "en")])
