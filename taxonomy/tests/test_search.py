"""Occupation and skill search (taxonomy.search) on a small taxonomy of real ESCO labels."""

import numpy as np
from django.test import SimpleTestCase, TestCase
from hypothesis import given
from hypothesis import strategies as st

from taxonomy import search
from taxonomy.encoder import Encoder, set_encoder
from taxonomy.models import Occupation
from taxonomy.tests.search_fixtures import build_taxonomy


class SearchTests(TestCase):
    """The real sentence encoder, on a seven-occupation, eight-skill taxonomy."""

    @classmethod
    def setUpTestData(cls):
        cls.concepts = build_taxonomy()

    def first(self, query, lang="en"):
        matches = search.search_occupations(query, lang)
        self.assertTrue(matches, f"no result for {query!r}")
        return matches[0]

    def test_it_finds_an_occupation_by_its_english_title(self):
        match = self.first("software developer")
        self.assertEqual(match.label, "software developer")
        self.assertEqual(match.concept_id, self.concepts["software developer"].pk)
        self.assertGreater(match.score, 0.5)
        self.assertLessEqual(match.score, 1)

    def test_it_ignores_case_accents_and_job_board_noise(self):
        for query in ("BOUCHERE (h/f/x)", "Bouchère H/F", "boucher"):
            self.assertEqual(self.first(query, "fr").label, "boucher/bouchère", query)

    def test_it_matches_feminine_and_masculine_forms(self):
        self.assertEqual(self.first("Accrocheuse", "fr").uri, self.concepts["derrickhand"].uri)
        self.assertEqual(
            self.first("Accrocheur / Accrocheuse", "fr").uri, self.concepts["derrickhand"].uri
        )
        self.assertEqual(
            self.first("infirmière en soins généraux", "fr").uri,
            self.concepts["nurse responsible for general care"].uri,
        )

    def test_it_tolerates_typos(self):
        self.assertEqual(
            self.first("sofware devloper").uri, self.concepts["software developer"].uri
        )
        self.assertEqual(self.first("acountant").uri, self.concepts["accountant"].uri)

    def test_it_understands_abbreviations(self):
        self.assertEqual(self.first("Sr. Dev").uri, self.concepts["software developer"].uri)
        self.assertEqual(
            self.first("IT sysadmin").uri, self.concepts["ICT system administrator"].uri
        )

    def test_it_crosses_languages(self):
        # A French query finds an occupation, shown in French; the English one in English.
        match = self.first("programmeur", "fr")
        self.assertEqual(match.uri, self.concepts["software developer"].uri)
        self.assertEqual(match.label, "développeur de logiciels/développeuse de logiciels")
        match = self.first("boucher", "en")
        self.assertEqual(match.label, "butcher")

    def test_it_finds_the_health_care_assistant_for_a_quebec_prepose_aux_beneficiaires(self):
        for query in ("préposé aux bénéficiaires", "Préposée aux bénéficiaires (H/F)", "PAB"):
            match = self.first(query, "fr")
            self.assertEqual(match.uri, self.concepts["healthcare assistant"].uri, query)
            self.assertEqual(
                match.label, "aide-soignant en institution/aide-soignante en institution"
            )

    def test_it_reads_the_language_from_the_query_not_from_the_interface(self):
        # A French title typed in the English interface: the Canadian French wording is still
        # understood, and the result is shown in the interface's language.
        match = self.first("préposé aux bénéficiaires", "en")
        self.assertEqual(match.uri, self.concepts["healthcare assistant"].uri)
        self.assertEqual(match.label, "healthcare assistant")
        # An English title in the French interface: the English abbreviations still apply.
        match = self.first("Sr. Dev", "fr")
        self.assertEqual(match.uri, self.concepts["software developer"].uri)
        self.assertEqual(match.label, "développeur de logiciels/développeuse de logiciels")

    def test_it_reads_both_forms_of_a_france_style_gender_pair(self):
        for query in ("Préposé / Préposée aux bénéficiaires", "Boucher / Bouchère (H/F)"):
            expected = "healthcare assistant" if "bénéf" in query else "butcher"
            self.assertEqual(self.first(query, "fr").uri, self.concepts[expected].uri, query)
        self.assertEqual(
            self.first("Infirmier / Infirmière en soins généraux", "en").uri,
            self.concepts["nurse responsible for general care"].uri,
        )

    def test_the_language_of_a_query_comes_from_its_words(self):
        index = search._index(search.OCCUPATIONS)
        # Interface hints pointing the other way do not outvote the words.
        self.assertGreater(index.french_odds("préposée aux bénéficiaires", "en"), 0)
        self.assertGreater(index.french_odds("infirmiere en soins generaux", "en"), 0)
        self.assertLess(index.french_odds("registered nurse for general care", "fr"), 0)
        # A query that says nothing follows the interface.
        self.assertGreater(index.french_odds("zzz", "fr"), 0)
        self.assertLess(index.french_odds("zzz", "en"), 0)

    def test_it_shows_the_label_that_matched(self):
        match = self.first("programmer")
        self.assertEqual(match.label, "software developer")
        self.assertEqual(match.matched_label, "programmer")

    def test_it_searches_skills_in_both_languages(self):
        self.assertEqual(
            search.search_skills("gestion de projet", "fr")[0].label, "gestion de projets"
        )
        self.assertEqual(
            search.search_skills("python programming")[0].label, "Python (computer programming)"
        )

    def test_it_returns_nothing_for_an_empty_query_and_clamps_the_limit(self):
        self.assertEqual(search.search_occupations("   "), [])
        self.assertLessEqual(len(search.search_occupations("assistant", limit=500)), 50)
        self.assertEqual(len(search.search_occupations("assistant", limit=1)), 1)

    def test_it_notices_new_occupations(self):
        search.search_occupations("warm up")
        Occupation.objects.create(
            uri="http://data.europa.eu/esco/occupation/test-baker",
            label_en="baker",
            label_fr="boulanger/boulangère",
        )
        self.assertEqual(self.first("boulangère", "fr").label, "boulanger/boulangère")

    def test_it_answers_a_batch_like_single_queries(self):
        queries = [("software developer", "en"), ("comptable", "fr"), ("", "en")]
        batch = search.match_occupations(queries, limit=3)
        self.assertEqual(
            [m.uri for m in batch[0]],
            [m.uri for m in search.search_occupations("software developer", limit=3)],
        )
        self.assertEqual(batch[1][0].uri, self.concepts["accountant"].uri)
        self.assertEqual(batch[2], [])


class KeywordEncoder(Encoder):
    """A deterministic fake: one dimension per keyword, to test how the scores are mixed."""

    name = "fake-keywords"
    cacheable = False
    KEYWORDS = ("butcher", "nurse", "software")

    def __init__(self):
        self.read = []

    def encode(self, texts):
        self.read.extend(texts)
        vectors = np.array(
            [
                [
                    1.0 if keyword in t or t == "meat cutter" and keyword == "butcher" else 0.0
                    for keyword in self.KEYWORDS
                ]
                + [0.1]
                for t in texts
            ],
            dtype=np.float32,
        )
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


class FusionTests(TestCase):
    """The mix of lexical and semantic scores, with a fake encoder."""

    @classmethod
    def setUpTestData(cls):
        cls.concepts = build_taxonomy()

    def setUp(self):
        self.previous = set_encoder(KeywordEncoder())
        search._generation[search.OCCUPATIONS] += 1
        self.addCleanup(self.restore)

    def restore(self):
        set_encoder(self.previous)
        search._generation[search.OCCUPATIONS] += 1

    def test_it_finds_by_meaning_when_no_word_matches(self):
        # "meat cutter" shares no word with any label: only the (fake) meaning finds "butcher".
        match = search.search_occupations("meat cutter")[0]
        self.assertEqual(match.uri, self.concepts["butcher"].uri)

    def test_it_ranks_a_lexical_and_semantic_match_above_a_semantic_one(self):
        matches = search.search_occupations("practice nurse")
        self.assertEqual(matches[0].uri, self.concepts["nurse responsible for general care"].uri)
        self.assertEqual(matches[0].matched_label, "practice nurse")
        self.assertEqual(matches, sorted(matches, key=lambda m: -m.score))

    def test_it_gives_the_encoder_only_the_surer_typo_corrections(self):
        # Both words are no label word and the lexical side corrects both to "boucher". The
        # encoder reads "bocher" corrected (a close typo that keeps the word's ending), but
        # "boucherr" as typed: a changed ending usually means another word of the same family
        # ("agriculteur" / "agriculture"), and a real word that no label uses must not become
        # another word in the encoder's eyes ("chariots" → "charity").
        encoder = search.get_encoder()
        search.match_occupations([("Bocher charcutier", "fr"), ("Boucherr charcutier", "fr")])
        index = search._index(search.OCCUPATIONS)
        self.assertEqual(index.correct("bocher charcutier"), "boucher charcutier")
        self.assertEqual(index.correct("boucherr charcutier"), "boucher charcutier")
        self.assertIn("boucher charcutier", encoder.read)
        self.assertIn("boucherr charcutier", encoder.read)
        self.assertNotIn("bocher charcutier", encoder.read)

    def test_it_keeps_every_score_between_zero_and_one(self):
        for query, lang in (("butcher", "en"), ("nurse nurse nurse", "en"), ("x", "fr")):
            for match in search.search_occupations(query, lang, limit=50):
                self.assertGreaterEqual(match.score, 0, query)
                self.assertLessEqual(match.score, 1, query)


class SegmentTests(SimpleTestCase):
    """The per-concept maximum behind pooling, against numpy's own reduceat."""

    @given(
        lengths=st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=30),
        columns=st.integers(min_value=1, max_value=4),  # 1: the single-query path
        seed=st.integers(min_value=0, max_value=2**32 - 1),
    )
    def test_it_takes_the_maximum_of_each_run_and_zero_for_an_empty_one(
        self, lengths, columns, seed
    ):
        lengths = np.asarray(lengths)
        rows = int(lengths.sum())
        matrix = np.random.default_rng(seed).normal(size=(max(rows, 1), columns))
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        pooled = search._Segments(starts, starts + lengths, rows).max(matrix)
        for run, (start, length) in enumerate(zip(starts, lengths, strict=True)):
            expected = matrix[start : start + length].max(axis=0) if length else 0
            np.testing.assert_array_equal(pooled[run], expected)
