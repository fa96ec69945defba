"""Skill extraction (taxonomy.extraction) on hand-made texts and a small real-label taxonomy."""

from django.test import TestCase

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

    def test_it_needs_capitals_for_a_short_one_word_skill(self):
        self.assertNotIn("SQL", self.labels("a sql-like feeling"))
        self.assertIn("SQL", self.labels("Strong SQL."))

    def test_it_finds_nothing_in_unrelated_or_empty_text(self):
        self.assertEqual(extract_skills("", "en"), [])
        self.assertEqual(self.labels("The weather was lovely on Sunday."), [])

    def test_it_lists_each_skill_once(self):
        labels = self.labels("SQL here, SQL there, and more SQL.")
        self.assertEqual(labels, ["SQL"])
