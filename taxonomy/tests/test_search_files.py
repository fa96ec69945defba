"""The search index files: built once, memory-mapped, rebuilt when the taxonomy changes."""

import mmap
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.test import TestCase

from taxonomy import search
from taxonomy.encoder import set_encoder
from taxonomy.models import Occupation
from taxonomy.tests.search_fixtures import build_taxonomy
from taxonomy.tests.test_search import KeywordEncoder


def mapped(array):
    """Whether an array reads a memory-mapped file (itself or through the views it comes from)."""
    while array is not None:
        if isinstance(array, mmap.mmap):
            return True
        array = getattr(array, "base", None)
    return False


class CachedKeywordEncoder(KeywordEncoder):
    """The keyword fake, allowed on disk like the real encoder."""

    name = "keyword-files-test"
    cacheable = True


class IndexFileTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.concepts = build_taxonomy()

    def setUp(self):
        folder = tempfile.mkdtemp(prefix="parcours-index-test-")
        self.addCleanup(shutil.rmtree, folder, True)
        previous_dir, search.CACHE_DIR = search.CACHE_DIR, folder
        previous_encoder = set_encoder(CachedKeywordEncoder())
        self.folder = Path(folder) / "index"
        self.new_process()

        def restore():
            search.CACHE_DIR = previous_dir
            set_encoder(previous_encoder)
            self.new_process()

        self.addCleanup(restore)

    def new_process(self):
        """Forget every index this process holds, as a freshly started process would."""
        search._indexes.clear()
        search._checked.clear()
        for kind in (search.OCCUPATIONS, search.SKILLS):
            search._generation[kind] += 1

    def occupation_folders(self):
        return sorted(path.name for path in self.folder.glob("occupations-*") if path.is_dir())

    def test_the_first_process_builds_the_files_and_the_next_maps_them(self):
        first = search.search_occupations("butcher")[0]
        self.assertEqual(first.uri, self.concepts["butcher"].uri)
        self.assertEqual(len(self.occupation_folders()), 1)
        index = search._index(search.OCCUPATIONS)
        for array in (index.embeddings, index.centroids, index.lexical.data, index.label_concept):
            self.assertTrue(mapped(array), "a copy instead of the file's pages")
        self.assertTrue(mapped(index.lexical_columns.indices))
        self.new_process()
        with mock.patch.object(search, "_build", side_effect=AssertionError("rebuilt")):
            again = search.search_occupations("butcher")[0]
        self.assertEqual(again, first)
        self.assertEqual(len(self.occupation_folders()), 1)

    def test_a_change_of_the_taxonomy_builds_new_files(self):
        search.search_occupations("butcher")
        # bulk_create sends no signal: only the table's fingerprint tells (another process's
        # import looks like this).
        Occupation.objects.bulk_create(
            [
                Occupation(
                    uri="http://example.org/occupation/baker",
                    label_en="baker",
                    label_fr="boulanger",
                )
            ]
        )
        search._checked.clear()  # the fingerprint's 2 s trust has passed
        self.assertEqual(search.search_occupations("baker")[0].label, "baker")
        self.assertEqual(len(self.occupation_folders()), 2)
        # Same data again (the row removed): the first files serve, nothing is built.
        Occupation.objects.filter(uri="http://example.org/occupation/baker").delete()
        self.new_process()
        with mock.patch.object(search, "_build", side_effect=AssertionError("rebuilt")):
            self.assertEqual(search.search_occupations("butcher")[0].label, "butcher")

    def test_a_label_edited_in_place_is_seen(self):
        search.search_occupations("butcher")
        Occupation.objects.filter(pk=self.concepts["butcher"].pk).update(label_en="meat artisan")
        self.new_process()
        self.assertEqual(search.search_occupations("meat artisan")[0].label, "meat artisan")

    def test_unreadable_files_are_rebuilt_or_bypassed(self):
        search.search_occupations("butcher")
        [name] = self.occupation_folders()
        (self.folder / name / "meta.json").write_text("{not json", encoding="utf-8")
        self.new_process()
        self.assertEqual(search.search_occupations("butcher")[0].uri, self.concepts["butcher"].uri)

    def test_a_data_folder_that_cannot_be_written_still_gives_answers(self):
        read_only = mock.patch.object(search, "_save", side_effect=PermissionError("read-only"))
        with read_only, self.assertLogs("taxonomy.search", "ERROR"):
            match = search.search_occupations("butcher")[0]
        self.assertEqual(match.uri, self.concepts["butcher"].uri)
        self.assertEqual(self.occupation_folders(), [])

    def test_the_server_builds_missing_files_in_another_process_then_maps_them(self):
        calls = []

        def other_process(command, **kwargs):
            # Stands for the separate Python process: it builds the files the same way.
            calls.append(command)
            self.new_process()
            search.warm_up()
            self.new_process()

        with mock.patch.object(search.subprocess, "run", side_effect=other_process):
            search.warm_up(build_apart=True)
            self.assertEqual(len(calls), 1)
            self.assertIn("search.warm_up()", calls[0][-1])
            self.assertEqual(len(self.occupation_folders()), 1)
            index = search._index(search.OCCUPATIONS)
            self.assertTrue(mapped(index.embeddings))
            # Files present: a restart builds nothing and starts no process.
            self.new_process()
            with mock.patch.object(search, "_build", side_effect=AssertionError("rebuilt")):
                search.warm_up(build_apart=True)
            self.assertEqual(len(calls), 1)
