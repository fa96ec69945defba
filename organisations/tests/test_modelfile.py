"""Reading and writing competency model files: good files, broken files with the line of each
problem, abuse (huge, nested, invalid Unicode) with a bound on cost, and CSV ↔ JSON identity."""

import json
import string

from django.test import TestCase
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from organisations import modelfile
from organisations.modelfile import ImportProblems
from organisations.tests import factories


def problems(content, file_format=None, filename=""):
    try:
        modelfile.read(content, file_format, filename)
    except ImportProblems as error:
        return [(p.line, p.message) for p in error.problems]
    raise AssertionError("the file was accepted")


class GoodFiles(TestCase):
    def test_it_reads_the_same_document_from_json_and_csv(self):
        doc = factories.document()
        self.assertEqual(modelfile.read(modelfile.to_json(doc), "json"), doc)
        self.assertEqual(modelfile.read(modelfile.to_csv(doc), "csv"), doc)

    def test_it_writes_back_the_very_same_files(self):
        doc = factories.document()
        as_json, as_csv = modelfile.to_json(doc), modelfile.to_csv(doc)
        self.assertEqual(modelfile.to_json(modelfile.read(as_csv, "csv")), as_json)
        self.assertEqual(modelfile.to_csv(modelfile.read(as_json, "json")), as_csv)

    def test_it_guesses_the_format_from_the_name_then_the_content(self):
        doc = factories.document()
        self.assertEqual(modelfile.read(modelfile.to_csv(doc).encode(), None, "m.CSV"), doc)
        self.assertEqual(modelfile.read(modelfile.to_json(doc).encode()), doc)

    def test_it_accepts_a_byte_order_mark_and_crlf_line_ends(self):
        doc = factories.document()
        content = "\ufeff" + modelfile.to_csv(doc).replace("\n", "\r\n")
        self.assertEqual(modelfile.read(content.encode("utf-8"), "csv"), doc)

    def test_it_keeps_commas_quotes_and_line_breaks_inside_csv_fields(self):
        doc = factories.document(competencies=1)
        doc.competencies[
            0
        ].description_fr = 'Écoute, reformule « mot pour mot » et dit "oui"\n2e ligne'
        self.assertEqual(modelfile.read(modelfile.to_csv(doc), "csv"), doc)

    def test_the_shipped_example_files_are_the_same_model(self):
        from pathlib import Path

        folder = Path(modelfile.__file__).parent / "data"
        data = json.loads((folder / "care-team.json").read_text())
        uris = [u for c in data["competencies"] for u in c["esco_skills"]]
        from taxonomy.models import Skill

        Skill.objects.bulk_create(Skill(uri=u, label_en=u[-8:]) for u in uris)
        from_json = modelfile.read((folder / "care-team.json").read_bytes())
        from_csv = modelfile.read((folder / "care-team.csv").read_bytes())
        self.assertEqual(from_json, from_csv)
        self.assertEqual(len(from_json.competencies), 10)


class BrokenFiles(TestCase):
    def setUp(self):
        self.doc = factories.document()
        self.csv = modelfile.to_csv(self.doc).splitlines()

    def csv_with(self, line_number, new_line):
        lines = list(self.csv)
        lines[line_number - 1] = new_line
        return "\n".join(lines) + "\n"

    def test_it_names_the_line_of_each_csv_problem(self):
        # Line 2 is the model, 3-5 levels, 6 the first competency, 7-9 its indicators.
        content = self.csv_with(7, "indicator,,9,,,Too high,Trop haut,c0,,,")
        content = content.replace("competency,c1,", "competency,C 1!,")
        found = problems(content, "csv")
        self.assertIn((7, "Line 7: level 9 is not one of the model's proficiency levels."), found)
        self.assertTrue(any(line == 10 and "C 1!" in message for line, message in found), found)

    def test_it_reports_every_problem_at_once(self):
        content = self.csv_with(3, "level,,1,,Base,,,,,,")
        content = content.replace("competency,c2,,Competency 2,", "competency,c2,,,")
        found = problems(content, "csv")
        self.assertIn(3, [line for line, _m in found])
        self.assertIn(14, [line for line, _m in found])
        self.assertIn("name_en is required", " ".join(m for _l, m in found))

    def test_it_counts_lines_from_where_a_multiline_record_starts(self):
        doc = factories.document(competencies=1)
        doc.competencies[0].description_en = "one\ntwo\nthree"
        lines = modelfile.to_csv(doc).splitlines()
        # The competency spans lines 6-8; its first indicator is on line 9.
        lines[8] = lines[8].replace(",1,", ",7,", 1)
        found = problems("\n".join(lines) + "\n", "csv")
        self.assertEqual(found[0][0], 9, found)

    def test_it_refuses_a_wrong_header(self):
        content = "kind,code\nmodel,x\n"
        self.assertEqual(problems(content, "csv")[0][0], 1)

    def test_it_refuses_unknown_records_and_references(self):
        content = "\n".join(
            [
                *self.csv,
                "expectation,nobody,2,,,,,c0,,,",
                "expectation,analyst-1,2,,,,,c99,,,",
                "chapter,x,,,,,,,,,",
            ]
        )
        found = dict(problems(content, "csv"))
        self.assertIn("role “nobody”", found[len(self.csv) + 1])
        self.assertIn("competency “c99”", found[len(self.csv) + 2])
        self.assertIn("unknown record", found[len(self.csv) + 3])

    def test_it_refuses_levels_with_gaps_and_duplicate_codes(self):
        content = self.csv_with(4, "level,,4,Solid,Solide,,,,,,")
        content = content.replace("competency,c1,", "competency,c0,")
        messages = " ".join(m for _l, m in problems(content, "csv"))
        self.assertIn("without gaps", messages)
        self.assertIn("“c0” is used twice", messages)

    def test_it_refuses_an_unknown_esco_skill(self):
        content = self.csv_with(6, self.csv[5].replace(factories.ESCO + "c0-s0", "http://x/nope"))
        self.assertEqual(problems(content, "csv"), [(6, problems(content, "csv")[0][1])])
        self.assertIn("http://x/nope", problems(content, "csv")[0][1])

    def test_it_names_the_line_of_json_problems(self):
        data = modelfile.to_data(self.doc)
        data["competencies"][1]["name"]["fr"] = ""
        data["roles"][0]["expectations"][0]["level"] = "high"
        text = json.dumps(data, indent=2)
        found = problems(text, "json")
        competency_line = text[: text.index('"code": "c1"')].count("\n") + 1
        self.assertIn(competency_line - 1, [line for line, _m in found])  # the object's "{"
        self.assertTrue(any("name.fr is required" in m for _l, m in found))
        self.assertTrue(any("level must be a whole number" in m for _l, m in found))

    def test_it_names_the_line_of_a_json_syntax_error(self):
        text = modelfile.to_json(self.doc).replace('"levels": [', '"levels": [,', 1)
        line = text[: text.index('"levels"')].count("\n") + 1
        self.assertEqual(problems(text, "json")[0][0], line)

    def test_it_refuses_the_wrong_format_marker(self):
        data = modelfile.to_data(self.doc) | {"format": "something-else"}
        self.assertIn("format", problems(json.dumps(data), "json")[0][1])

    def test_it_refuses_an_empty_file(self):
        self.assertEqual(problems(b"  \n", "csv"), [(None, "The file is empty.")])


class Abuse(TestCase):
    """Each refusal is quick: size is checked before parsing, nesting stops at the recursion
    limit, and at most 50 problems are collected."""

    def test_it_refuses_a_file_over_the_size_limit_before_reading_it(self):
        found = problems(b"x" * (modelfile.MAX_BYTES + 1), "csv")
        self.assertIn("too large", found[0][1])

    def test_it_refuses_invalid_utf8_with_its_line(self):
        content = modelfile.to_csv(factories.document()).encode()
        content = content.replace(b"Competency 1", b"Comp\xe9tence 1")
        line = content[: content.index(b"\xe9")].count(b"\n") + 1
        self.assertEqual(problems(content, "csv")[0][0], line)

    def test_it_refuses_nul_bytes_and_lone_surrogates(self):
        self.assertIn("NUL", problems("record,code,level\nmodel,\x00,\n", "csv")[0][1])
        self.assertIn("invalid", problems('{"name": "\ud800"}', "json")[0][1])
        escaped = modelfile.to_json(factories.document()).replace("Competency 1", "\\ud800")
        self.assertTrue(any("invalid characters" in m for _l, m in problems(escaped, "json")))

    def test_it_refuses_deeply_nested_json(self):
        found = problems("[" * 100_000 + "]" * 100_000, "json")
        self.assertIn("nested", found[0][1])

    def test_it_refuses_a_huge_csv_field(self):
        content = "record,code,level,name_en\nmodel,x,," + "a" * 100_000 + "\n"
        self.assertIn("not valid CSV", problems(content, "csv")[0][1])

    def test_it_stops_counting_after_fifty_problems(self):
        lines = ["record,code,level", "model,ok,"] + ["level,,99"] * 5000
        self.assertEqual(len(problems("\n".join(lines), "csv")), modelfile.MAX_ERRORS)

    def test_it_refuses_too_many_entries(self):
        data = modelfile.to_data(factories.document(competencies=1))
        data["roles"] = [data["roles"][0] | {"code": f"r{i}"} for i in range(600)]
        self.assertIn("too many", " ".join(m for _l, m in problems(json.dumps(data), "json")))


codes = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)
texts = st.text(
    st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="\x00"), max_size=40
).map(str.strip)
names = texts.filter(bool)


@st.composite
def documents(draw):
    level_count = draw(st.integers(1, 4))
    levels = [
        modelfile.Level(n, draw(names), draw(names), draw(texts), draw(texts))
        for n in range(1, level_count + 1)
    ]
    competency_codes = draw(st.lists(codes, min_size=1, max_size=4, unique=True))
    level_numbers = st.integers(1, level_count)
    competencies = [
        modelfile.CompetencyDoc(
            code,
            draw(names),
            draw(names),
            draw(texts),
            draw(texts),
            indicators=[
                modelfile.IndicatorDoc(draw(level_numbers), draw(names), draw(names))
                for _i in range(draw(st.integers(0, 3)))
            ],
        )
        for code in competency_codes
    ]
    roles = [
        modelfile.RoleDoc(
            code,
            draw(names),
            draw(names),
            draw(texts),
            draw(texts),
            draw(texts),
            draw(texts),
            draw(st.integers(1, 5)),
            expectations=[
                (c, draw(level_numbers))
                for c in draw(st.lists(st.sampled_from(competency_codes), unique=True))
            ],
        )
        for code in draw(st.lists(codes, max_size=3, unique=True))
    ]
    return modelfile.Document(
        draw(codes), draw(names), draw(names), draw(texts), draw(texts), levels, competencies, roles
    )


class RoundTrip(HypothesisTestCase):
    @settings(max_examples=60, deadline=None)
    @given(documents())
    def test_any_document_survives_json_and_csv(self, doc):
        self.assertEqual(modelfile.read(modelfile.to_json(doc), "json"), doc)
        self.assertEqual(modelfile.read(modelfile.to_csv(doc), "csv"), doc)

    @settings(max_examples=100, deadline=None)
    @given(st.binary(max_size=400), st.sampled_from(["csv", "json"]))
    def test_any_bytes_are_a_document_or_a_list_of_problems(self, content, file_format):
        try:
            modelfile.read(content, file_format)
        except ImportProblems as error:
            self.assertTrue(error.problems)
            self.assertTrue(all(p.message for p in error.problems))
