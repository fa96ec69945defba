"""CLI doors: `parcours occupations|skills search|match`."""

import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase

from taxonomy.tests.search_fixtures import build_taxonomy


class SearchCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.concepts = build_taxonomy()

    def run_command(self, *args):
        out = StringIO()
        call_command(*args, stdout=out, stderr=StringIO())
        return out.getvalue()

    def test_it_prints_json_results(self):
        printed = self.run_command(
            "occupations",
            "search",
            "préposé aux bénéficiaires",
            "--lang",
            "fr",
            "--limit",
            "2",
            "--json",
        )
        results = json.loads(printed)
        self.assertLessEqual(len(results), 2)
        self.assertEqual(set(results[0]), {"uri", "label", "score"})
        self.assertEqual(results[0]["uri"], self.concepts["healthcare assistant"].uri)

    def test_it_prints_a_readable_table(self):
        printed = self.run_command("skills", "search", "gestion de projet", "--lang", "fr")
        self.assertIn("gestion de projets", printed.splitlines()[0])

    def test_it_answers_a_batch_file(self):
        with tempfile.TemporaryDirectory() as folder:
            source, target = Path(folder, "q.jsonl"), Path(folder, "p.jsonl")
            source.write_text(
                '{"id": "a", "query": "Boucher (h/f/x)", "lang": "fr"}\n\n'
                '{"id": 2, "query": "software engineer", "lang": "en"}\n',
                encoding="utf-8",
            )
            self.run_command(
                "occupations",
                "match",
                "--input",
                str(source),
                "--output",
                str(target),
                "--limit",
                "3",
            )
            lines = [json.loads(line) for line in target.read_text().splitlines()]
        self.assertEqual([line["id"] for line in lines], ["a", 2])
        self.assertEqual(lines[0]["results"][0], self.concepts["butcher"].uri)
        self.assertLessEqual(len(lines[1]["results"]), 3)

    def test_it_names_the_malformed_line(self):
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder, "q.jsonl")
            source.write_text('{"id": 1, "query": "cook", "lang": "en"}\n{"id": 2, "query": \n')
            with self.assertRaisesMessage(CommandError, "line 2"):
                self.run_command(
                    "occupations",
                    "match",
                    "--input",
                    str(source),
                    "--output",
                    str(Path(folder, "p.jsonl")),
                )
            source.write_text('{"id": 1, "query": "cook", "lang": "es"}\n')
            with self.assertRaisesMessage(CommandError, "line 1"):
                self.run_command("occupations", "match", "--input", str(source), "--output", "-")

    def test_it_rejects_an_out_of_range_limit(self):
        with self.assertRaisesMessage(CommandError, "--limit"):
            self.run_command("occupations", "search", "cook", "--limit", "0")
