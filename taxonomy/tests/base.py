"""A test case with the tiny ESCO release loaded, plus alice and bob (accounts.testing)."""

import tempfile
from unittest import mock

from accounts.testing import BaseTestCase
from taxonomy import transferable
from taxonomy.importer import import_esco
from taxonomy.models import Occupation, Skill
from taxonomy.tests.esco_fixture import occ, skill, write_tiny_release


class TaxonomyTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with (
            tempfile.TemporaryDirectory() as folder,
            mock.patch("taxonomy.importer.rebuild_search_index"),
        ):
            import_esco(write_tiny_release(folder), show_progress=False)

    def setUp(self):
        super().setUp()
        # Matrices cached by another test's data must not leak into this one.
        transferable.invalidate()
        self.addCleanup(transferable.invalidate)

    @staticmethod
    def occupation(name):
        return Occupation.objects.get(uri=occ(name))

    @staticmethod
    def skill(name):
        return Skill.objects.get(uri=skill(name))
