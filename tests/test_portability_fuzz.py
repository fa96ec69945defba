"""Property tests of import: damaged export files are refused with a message, and write nothing.

A valid export (every collection and both sides of a mentorship filled) is damaged by
`core.tests.mutations.mutated`: fields dropped, duplicated, renamed or retyped, references
swapped, strings truncated, values a parser trips on (NUL, lone surrogates, integers beyond 64
bits, NaN, dates at the edge of the calendar). Whatever comes out, `validate` accepts it or
raises ImportRefused with a message, and `import_person` creates the person or raises
ImportRefused and leaves the database as it was: never another exception.
"""

import json

from django.apps import apps
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from accounts.models import User
from core import portability
from core.portability import ImportRefused, export_person, import_person, load, validate
from core.tests.mutations import fuzz_settings, json_values, mutated
from tests.test_portability import fill


def stored():
    """How many rows each model of every app holds: what an import may change."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


class MutatedImportTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = User.objects.create(email="alice@example.org", display_name="Alice")
        fill(cls.alice)
        cls.document = json.loads(portability.dumps(export_person(cls.alice)))

    def assert_imports_or_refuses(self, document):
        try:
            validate(document)
        except ImportRefused as error:
            self.assertTrue(str(error).strip())
        before = stored()
        try:
            person = import_person(document, email="copy@example.org")
        except ImportRefused as error:
            self.assertTrue(str(error).strip())
            self.assertEqual(stored(), before, f"refused ({error}) but wrote something")
            return
        self.assertEqual(person.email, "copy@example.org")
        # What was imported exports again: the database holds what the file said.
        portability.dumps(export_person(person)).encode("utf-8")

    def test_it_names_values_no_database_column_takes(self):
        # Found by the fuzzing below (or crashing on PostgreSQL only): each is refused, named.
        cases = [
            (("goals", 0, "statement"), "Devenir\x00analyste", "goals[0].statement: expected text"),
            (("goals", 0, "description"), "\ud800", "goals[0].description: expected text"),
            (("goal_revisions", 0, "snapshot"), "\ud800", "goal_revisions[0].snapshot: expected"),
            (("goal_revisions", 0, "snapshot"), {"a": ["\ud800"]}, "snapshot: expected text"),
            (("skills", 0, "skill"), "http://data.europa.eu/esco/\x00", "skills[0].skill"),
            (("skills", 0, "proficiency"), 2**63, "skills[0].proficiency: expected a whole"),
            (("detected_skills", 0, "confidence"), float("nan"), "confidence: expected a number"),
            (("detected_skills", 0, "confidence"), 10**400, "confidence: expected a number"),
            (("steps", 0, "stage"), [1], "steps[0].stage: refers to [1]"),
            (("learning_items", 0, "goals"), [{"id": 1}], "learning_items[0].goals[0]: refers"),
            (("reflections", 0, "created_at"), "0001-01-01T00:00:00+14:00", "not a date"),
            (("person", "email"), "x" * 300 + "@example.org", "person.email"),
        ]
        for path, value, message in cases:
            with self.subTest(path=path, value=repr(value)[:40]):
                document = json.loads(json.dumps(self.document))
                target = document
                for step in path[:-1]:
                    target = target[step]
                target[path[-1]] = value
                before = stored()
                with self.assertRaisesMessage(ImportRefused, message):
                    import_person(document, email="copy@example.org")
                self.assertEqual(stored(), before)

    def test_the_untouched_document_imports(self):
        person = import_person(json.loads(json.dumps(self.document)), email="copy@example.org")
        self.assertEqual(person.display_name, "Alice")

    @fuzz_settings(100)
    @given(st.data())
    def test_it_refuses_a_damaged_file_with_a_message_and_writes_nothing(self, data):
        self.assert_imports_or_refuses(data.draw(mutated(self.document, max_mutations=4)))

    @fuzz_settings(60)
    @given(st.binary(max_size=200) | json_values.map(json.dumps).map(str.encode))
    def test_it_reads_any_bytes_into_a_document_or_a_refusal(self, raw):
        try:
            document = load(raw)
        except ImportRefused as error:
            self.assertTrue(str(error).strip())
            return
        self.assert_imports_or_refuses(document)
