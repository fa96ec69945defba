"""The ESCO import on a tiny release the tests write: both file formats, idempotence, French
fallback, errors that name the file and line, atomicity, updates by URI."""

import csv
import io
import tempfile
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.models import User
from taxonomy import importer
from taxonomy.models import (
    IscoGroup,
    Occupation,
    OccupationSkill,
    Skill,
    SkillGroup,
    SkillRelation,
    TargetOccupation,
    TaxonomyImport,
    UserSkill,
)
from taxonomy.tests.esco_fixture import (
    occ,
    skill,
    tiny_release_rows,
    write_release,
    write_tiny_release,
)


def run_import(directory, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("taxonomy", "import", "--dir", str(directory), *args, stdout=out, stderr=err)
    return out.getvalue()


def snapshot():
    """Everything the import writes, by URI, to compare two states."""
    return {
        "occupations": sorted(
            Occupation.objects.values_list(
                "uri",
                "label_en",
                "label_fr",
                "alt_labels_en",
                "description_en",
                "isco_group__code",
                "broader__uri",
                "retired",
            )
        ),
        "skills": sorted(
            Skill.objects.values_list(
                "uri", "label_en", "label_fr", "skill_type", "is_transversal", "top_group__uri"
            )
        ),
        "links": sorted(
            OccupationSkill.objects.values_list("occupation__uri", "skill__uri", "relation_type")
        ),
        "relations": sorted(SkillRelation.objects.values_list("skill__uri", "related__uri")),
        "groups": sorted(SkillGroup.objects.values_list("uri", "parent__uri", "level")),
        "isco": sorted(IscoGroup.objects.values_list("code", "parent__code", "label_fr")),
    }


@mock.patch("taxonomy.importer.rebuild_search_index")
class ImportTests(TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.dir = Path(self.tmp.name)

    def test_it_imports_occupations_and_skills_in_both_languages(self, rebuild):
        write_tiny_release(self.dir)
        output = run_import(self.dir)
        self.assertIn("3 occupations", output)
        self.assertIn("occupations: 3 created", output)
        self.assertNotIn("updated", output)  # parents set on new rows are not updates
        hca = Occupation.objects.get(uri=occ("hca"))
        self.assertEqual(hca.label("en"), "health care assistant")
        self.assertEqual(hca.label("fr"), "préposé aux bénéficiaires/préposée aux bénéficiaires")
        self.assertEqual(hca.alt_labels_en.splitlines(), ["nursing assistant", "care assistant"])
        self.assertEqual(hca.alt_labels_fr.splitlines(), ["aide-soignant", "aide-soignante"])
        self.assertIn("team providing care", hca.description("en"))
        self.assertEqual(hca.isco_group.code, "5321")
        self.assertEqual(
            hca.isco_group.parent.parent.parent.label("fr"),
            "Personnel des services directs et vendeurs",
        )
        self.assertEqual(Occupation.objects.get(uri=occ("porter")).broader, hca)
        self.assertEqual(
            dict(hca.skill_links.values_list("skill__label_en", "relation_type")),
            {
                "assist patients with special needs": "essential",
                "communicate with patients": "essential",
                "monitor patient's health": "essential",
                "human anatomy": "essential",
                "show empathy": "optional",
                "drive vehicles": "optional",
            },
        )
        rebuild.assert_called_once()

    def test_it_reads_gzipped_files(self, rebuild):
        write_tiny_release(self.dir, gz=True)
        run_import(self.dir)
        self.assertEqual(Occupation.objects.count(), 3)
        self.assertEqual(Skill.objects.count(), 7)
        self.assertEqual(OccupationSkill.objects.count(), 12)

    def test_it_falls_back_to_english_where_french_is_missing(self, rebuild):
        write_tiny_release(self.dir)
        run_import(self.dir)
        empathy = Skill.objects.get(uri=skill("empathy"))
        self.assertEqual(empathy.label_fr, "")
        self.assertEqual(empathy.label("fr"), "show empathy")
        self.assertEqual(Skill.objects.get(uri=skill("anatomy")).label("fr"), "anatomie humaine")

    def test_it_loads_the_skill_hierarchy_and_the_transversal_collection(self, rebuild):
        write_tiny_release(self.dir)
        run_import(self.dir)
        vitals = Skill.objects.get(uri=skill("vitals"))
        self.assertEqual([s.uri for s in vitals.broader.all()], [skill("monitor")])
        # The level-1 group, reached through the broader skill.
        self.assertEqual(vitals.top_group.label("en"), "assisting and caring")
        self.assertEqual(
            Skill.objects.get(uri=skill("anatomy")).top_group.label("fr"),
            "santé et protection sociale",
        )
        self.assertTrue(Skill.objects.get(uri=skill("empathy")).is_transversal)
        self.assertFalse(Skill.objects.get(uri=skill("drive")).is_transversal)
        self.assertEqual(Skill.objects.get(uri=skill("anatomy")).skill_type, "knowledge")
        self.assertEqual(SkillGroup.objects.get(code="S1").level, 1)
        self.assertEqual(SkillRelation.objects.get().related.uri, skill("empathy"))

    def test_it_is_idempotent(self, rebuild):
        write_tiny_release(self.dir)
        run_import(self.dir)
        before = snapshot()
        pks = sorted(Occupation.objects.values_list("pk", flat=True))
        output = run_import(self.dir)
        self.assertIn("Already up to date", output)
        self.assertEqual(snapshot(), before)
        self.assertEqual(sorted(Occupation.objects.values_list("pk", flat=True)), pks)
        self.assertFalse(TaxonomyImport.objects.first().changed)

    def test_it_names_the_file_and_line_of_a_malformed_row(self, rebuild):
        files = tiny_release_rows()
        header, rows = files["occupationSkillRelations"]
        rows[3] = rows[3][:2]  # a row cut short: line 5 (header is line 1)
        write_release(self.dir, files)
        with self.assertRaises(CommandError) as raised:
            run_import(self.dir)
        message = str(raised.exception)
        self.assertIn("occupationSkillRelations.csv, line 5", message)
        self.assertIn("expected 4 fields, found 2", message)
        self.assertFalse(Occupation.objects.exists())

    def test_it_counts_lines_inside_multiline_labels(self, rebuild):
        files = tiny_release_rows()
        header, rows = files["occupations_en"]
        # The first occupation's alt labels span two lines; the third row starts on line 5.
        rows[2][header.index("conceptUri")] = ""
        write_release(self.dir, files, gz=True)
        with self.assertRaises(CommandError) as raised:
            run_import(self.dir)
        self.assertIn("occupations_en.csv.gz, line 5: empty conceptUri", str(raised.exception))

    def test_it_rejects_an_unknown_relation_type(self, rebuild):
        files = tiny_release_rows()
        files["occupationSkillRelations"][1][0][1] = "mandatory"
        write_release(self.dir, files)
        with self.assertRaisesMessage(CommandError, "line 2: relationType must be essential"):
            run_import(self.dir)

    def test_it_names_a_missing_file(self, rebuild):
        write_tiny_release(self.dir)
        (self.dir / "skills_fr.csv").unlink()
        with self.assertRaises(CommandError) as raised:
            run_import(self.dir)
        self.assertIn("skills_fr.csv", str(raised.exception))
        self.assertIn("file not found", str(raised.exception))

    def test_it_names_a_missing_directory(self, rebuild):
        with self.assertRaisesMessage(CommandError, "no such directory"):
            run_import(self.dir / "nowhere")

    def test_it_names_a_file_that_is_not_gzip(self, rebuild):
        write_tiny_release(self.dir, gz=True)
        (self.dir / "skills_en.csv.gz").write_bytes(b"not gzip at all")
        with self.assertRaisesMessage(CommandError, "skills_en.csv.gz: cannot be read"):
            run_import(self.dir)

    def test_a_bad_file_leaves_the_previous_data_intact(self, rebuild):
        write_tiny_release(self.dir)
        run_import(self.dir)
        before = snapshot()
        files = tiny_release_rows()
        files["occupations_en"][1][0][3] = "renamed occupation"
        files["skillSkillRelations"][1].append(["only", "three", "fields"])
        write_release(self.dir, files)
        with self.assertRaises(CommandError):
            run_import(self.dir)
        self.assertEqual(snapshot(), before)

    def test_a_failure_while_writing_leaves_the_previous_data_intact(self, rebuild):
        write_tiny_release(self.dir)
        run_import(self.dir)
        before = snapshot()
        files = tiny_release_rows()
        files["occupations_en"][1][0][3] = "renamed occupation"
        files["occupationSkillRelations"][1].pop()
        write_release(self.dir, files)
        real_sync = importer._sync_links

        def fail_on_relations(model, *args, **kwargs):
            if model is SkillRelation:
                raise RuntimeError("disk full")
            return real_sync(model, *args, **kwargs)

        with (
            mock.patch("taxonomy.importer._sync_links", side_effect=fail_on_relations),
            self.assertRaises(RuntimeError),
        ):
            run_import(self.dir)
        self.assertEqual(snapshot(), before)

    def test_a_newer_release_updates_by_uri_and_removes_what_disappeared(self, rebuild):
        write_tiny_release(self.dir)
        run_import(self.dir)
        hca_pk = Occupation.objects.get(uri=occ("hca")).pk
        files = tiny_release_rows()
        header, rows = files["occupations_en"]
        rows[0][header.index("preferredLabel")] = "healthcare assistant"
        files["occupations_en"] = (header, [row for row in rows if row[1] != occ("nurse")])
        header, rows = files["occupationSkillRelations"]
        files["occupationSkillRelations"] = (
            header,
            [row for row in rows if row[0] != occ("nurse") and row[3] != skill("drive")]
            + [[occ("hca"), "essential", "skill/competence", skill("vitals")]],
        )
        write_release(self.dir, files)
        output = run_import(self.dir)
        self.assertIn("occupations: 1 updated, 1 deleted", output)
        hca = Occupation.objects.get(uri=occ("hca"))
        self.assertEqual((hca.pk, hca.label_en), (hca_pk, "healthcare assistant"))
        self.assertFalse(Occupation.objects.filter(uri=occ("nurse")).exists())
        self.assertEqual(
            set(hca.skill_links.values_list("skill__uri", flat=True)),
            {
                skill(s)
                for s in ("assist", "communicate", "monitor", "anatomy", "empathy", "vitals")
            },
        )

    def test_it_keeps_a_vanished_concept_people_still_use_and_reports_it(self, rebuild):
        write_tiny_release(self.dir)
        run_import(self.dir)
        person = User.objects.create_user("sam@example.org", "pw", display_name="Sam")
        nurse = Occupation.objects.get(uri=occ("nurse"))
        target = TargetOccupation.objects.create(user=person, occupation=nurse)
        drive = UserSkill.objects.create(user=person, skill=Skill.objects.get(uri=skill("drive")))
        files = tiny_release_rows()
        for stem in ("occupations_en", "occupations_fr"):
            header, rows = files[stem]
            files[stem] = (header, [row for row in rows if row[1] != occ("nurse")])
        for stem in ("skills_en", "skills_fr"):
            header, rows = files[stem]
            files[stem] = (header, [row for row in rows if row[1] != skill("drive")])
        header, rows = files["occupationSkillRelations"]
        files["occupationSkillRelations"] = (
            header,
            [row for row in rows if row[0] != occ("nurse") and row[3] != skill("drive")],
        )
        write_release(self.dir, files)
        output = run_import(self.dir)
        self.assertIn("Kept occupation 'nurse responsible for general care'", output)
        self.assertIn("Kept skill 'drive vehicles'", output)
        target.refresh_from_db()
        drive.refresh_from_db()
        self.assertTrue(target.occupation.retired)
        self.assertTrue(drive.skill.retired)
        self.assertFalse(target.occupation.skill_links.exists())
        record = TaxonomyImport.objects.first()
        self.assertEqual({item["kind"] for item in record.kept}, {"occupation", "skill"})
        # Back in a later release: no longer retired.
        write_tiny_release(self.dir)
        run_import(self.dir)
        target.occupation.refresh_from_db()
        self.assertFalse(target.occupation.retired)

    def test_if_empty_skips_when_occupations_exist(self, rebuild):
        write_tiny_release(self.dir)
        run_import(self.dir)
        output = run_import(self.dir / "nowhere", "--if-empty")
        self.assertIn("already loaded", output)
        self.assertEqual(TaxonomyImport.objects.count(), 1)

    def test_a_failing_search_rebuild_does_not_fail_the_import(self, rebuild):
        with (
            mock.patch("taxonomy.search.rebuild_index", side_effect=RuntimeError("boom")),
            self.assertLogs("taxonomy.importer", level="ERROR"),
        ):
            self.assertFalse(REAL_REBUILD())


# The hook itself, before the class decorator replaces it.
REAL_REBUILD = importer.rebuild_search_index


class ProgressTests(TestCase):
    def test_it_draws_a_bar_on_a_terminal(self):
        stream = io.StringIO()
        stream.isatty = lambda: True
        progress = importer.Progress(4, stream=stream)
        progress.advance("reading skills", amount=2)
        self.assertIn("[" + "#" * 15 + "-" * 15 + "]  50% reading skills", stream.getvalue())

    def test_it_is_quiet_when_not_a_terminal_or_disabled(self):
        stream = io.StringIO()
        importer.Progress(4, stream=stream).advance("x")
        tty = io.StringIO()
        tty.isatty = lambda: True
        importer.Progress(4, stream=tty, enabled=False).advance("x")
        self.assertEqual(stream.getvalue() + tty.getvalue(), "")


label_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    max_size=40,
)


@settings(max_examples=25, deadline=None)
@given(rows=st.lists(st.lists(label_text, min_size=3, max_size=3), max_size=6))
def test_it_reads_back_any_field_content_with_its_starting_line(rows):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["conceptUri", "preferredLabel", "altLabels"])
            writer.writerows(rows)
        read = list(importer.read_csv(path, ["conceptUri"]))
    assert [list(row.values()) for _line, row in read] == rows
    lines = [line for line, _row in read]
    assert lines == sorted(lines) and all(line >= 2 for line in lines)


@given(labels=st.lists(st.text(alphabet="abcé -", min_size=1, max_size=12), max_size=5))
def test_alt_labels_are_trimmed_and_deduplicated(labels):
    result = importer._labels("\n".join(labels)).split("\n")
    cleaned = [label.strip() for label in labels if label.strip()]
    assert [label for label in result if label] == list(dict.fromkeys(cleaned))
