"""What occupation search keeps per process: remembered answers and the warm-up before fork."""

from unittest import mock

from django.test import TestCase

from taxonomy import search
from taxonomy.encoder import set_encoder
from taxonomy.models import Occupation, Skill
from taxonomy.tests.search_fixtures import build_taxonomy
from taxonomy.tests.test_search import KeywordEncoder


class CountingEncoder(KeywordEncoder):
    """The keyword fake, counting how often it is asked to load its model."""

    def __init__(self):
        super().__init__()
        self.loads = 0

    def load(self):
        self.loads += 1


class FakeEncoderTestCase(TestCase):
    def setUp(self):
        self.encoder = CountingEncoder()
        self.previous = set_encoder(self.encoder)
        self.fresh_indexes()
        self.addCleanup(self.restore)

    def restore(self):
        set_encoder(self.previous)
        self.fresh_indexes()

    def fresh_indexes(self):
        for kind in (search.OCCUPATIONS, search.SKILLS):
            search._generation[kind] += 1


class RememberedAnswerTests(FakeEncoderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.concepts = build_taxonomy()

    def test_it_answers_a_repeated_query_without_scoring_it_again(self):
        index = search._index(search.OCCUPATIONS)
        with mock.patch.object(index, "search", wraps=index.search) as scored:
            first = search.search_occupations("software developer", "en", limit=5)
            again = search.search_occupations("software developer", "en", limit=5)
            self.assertEqual(scored.call_count, 1)
            self.assertEqual(again, first)
            self.assertEqual(first[0].uri, self.concepts["software developer"].uri)
            # Another language or another number of results is another answer.
            search.search_occupations("software developer", "fr", limit=5)
            search.search_occupations("software developer", "en", limit=3)
            self.assertEqual(scored.call_count, 3)

    def test_it_shows_each_language_its_own_labels_for_a_remembered_query(self):
        english = search.search_occupations("butcher", "en")[0]
        french = search.search_occupations("butcher", "fr")[0]
        self.assertEqual(english.uri, french.uri)
        self.assertEqual(english.label, "butcher")
        self.assertEqual(french.label, "boucher/bouchère")

    def test_it_forgets_remembered_answers_when_the_taxonomy_changes(self):
        before = search.search_occupations("boulangère", "fr")
        self.assertNotIn("boulanger/boulangère", [match.label for match in before])
        Occupation.objects.create(
            uri="http://data.europa.eu/esco/occupation/test-baker",
            label_en="baker",
            label_fr="boulanger/boulangère",
        )
        self.assertEqual(
            search.search_occupations("boulangère", "fr")[0].label, "boulanger/boulangère"
        )

    def test_it_keeps_a_bounded_number_of_answers(self):
        with mock.patch.object(search, "RESULT_CACHE_SIZE", 3):
            for query in ("nurse", "butcher", "programmer", "accountant", "derrickhand"):
                search.search_occupations(query)
            index = search._index(search.OCCUPATIONS)
            self.assertEqual(
                [key[0] for key in index.results], ["programmer", "accountant", "derrickhand"]
            )


class WarmUpTests(FakeEncoderTestCase):
    def test_it_builds_both_indexes_and_loads_the_encoder(self):
        build_taxonomy()
        self.fresh_indexes()
        search.warm_up()
        self.assertEqual(self.encoder.loads, 1)
        self.assertEqual(len(search._indexes[search.OCCUPATIONS]), Occupation.objects.count())
        self.assertEqual(len(search._indexes[search.SKILLS]), Skill.objects.count())

    def test_it_leaves_the_encoder_unloaded_without_a_taxonomy(self):
        search.warm_up()
        self.assertEqual(self.encoder.loads, 0)
        self.assertEqual(search.search_occupations("nurse"), [])
