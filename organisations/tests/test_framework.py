"""Competency models in the database: import, preview, export; export → import is identity."""

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from organisations import framework, mapping, modelfile
from organisations.assessments import start_self_assessment, submit
from organisations.models import (
    Competency,
    CompetencyModel,
    CompetencySkill,
    Expectation,
    JobRole,
    Membership,
)
from organisations.tests import factories


class ImportExport(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = factories.person("admin@example.org", "Ada")
        cls.org, cls.membership = factories.organisation(cls.admin)

    def test_export_then_import_gives_the_same_model(self):
        model = factories.model(self.org, competencies=4, skills_per=2)
        first = framework.export_document(model)
        other, _m = factories.organisation(factories.person("o@example.org", "O"), "Other", "other")
        copy = framework.apply(other, modelfile.read(modelfile.to_csv(first), "csv"))
        self.assertEqual(framework.export_document(copy), first)
        self.assertEqual(
            modelfile.to_json(framework.export_document(copy)), modelfile.to_json(first)
        )

    def test_importing_the_same_file_again_changes_nothing(self):
        doc = factories.document()
        model = framework.apply(self.org, doc)
        ids = set(Competency.objects.filter(model=model).values_list("pk", flat=True))
        preview = framework.preview(self.org, doc)
        self.assertTrue(preview.unchanged)
        framework.apply(self.org, doc)
        self.assertEqual(
            set(Competency.objects.filter(model=model).values_list("pk", flat=True)), ids
        )
        self.assertEqual(CompetencyModel.objects.filter(organisation=self.org).count(), 1)

    def test_a_new_version_updates_by_code_and_keeps_people_linked(self):
        model = framework.apply(self.org, factories.document())
        role = JobRole.objects.get(model=model, code="analyst-1")
        self.membership.job_role = role
        self.membership.save()
        doc = factories.document()
        doc.competencies[0].name_fr = "Compétence zéro"
        doc.competencies.append(modelfile.CompetencyDoc("c9", "New", "Nouvelle"))
        doc.roles[0].expectations[0] = ("c0", 3)
        preview = framework.preview(self.org, doc)
        self.assertEqual(preview.changed["competencies"], ["c0"])
        self.assertEqual(preview.added["competencies"], ["c9"])
        self.assertEqual(preview.changed["roles"], ["analyst-1"])
        framework.apply(self.org, doc)
        self.membership.refresh_from_db()
        self.assertEqual(self.membership.job_role_id, role.pk)  # same row, updated
        self.assertEqual(Expectation.objects.get(role=role, competency__code="c0").level, 3)
        self.assertEqual(framework.export_document(model), doc)

    def test_it_refuses_to_remove_what_people_use_and_changes_nothing(self):
        model = framework.apply(self.org, factories.document())
        role = JobRole.objects.get(model=model, code="analyst-2")
        assessment = start_self_assessment(self.membership, role)
        assessment.ratings.update(level=2)
        submit(assessment, self.admin)
        doc = factories.document()
        doc.competencies = doc.competencies[1:]
        doc.roles = [doc.roles[0]]
        doc.roles[0].expectations = doc.roles[0].expectations[1:]
        preview = framework.preview(self.org, doc)
        messages = " ".join(p.message for p in preview.problems)
        self.assertIn("“c0” is rated in 1 assessments", messages)
        self.assertIn("“analyst-2”", messages)
        with self.assertRaises(modelfile.ImportProblems):
            framework.apply(self.org, doc)
        self.assertTrue(Competency.objects.filter(model=model, code="c0").exists())

    def test_it_removes_what_nobody_uses(self):
        model = framework.apply(self.org, factories.document())
        doc = factories.document()
        doc.competencies = doc.competencies[:2]
        for role in doc.roles:
            role.expectations = role.expectations[:2]
        doc.roles = doc.roles[:1]
        framework.apply(self.org, doc)
        self.assertEqual(framework.export_document(model), doc)

    def test_unconfirmed_suggestions_stay_out_of_the_file_and_survive_an_import(self):
        model = framework.apply(self.org, factories.document(competencies=1))
        competency = model.competencies.get()
        [extra] = factories.skills("suggested")
        CompetencySkill.objects.create(competency=competency, skill=extra, confirmed=False)
        doc = framework.export_document(model)
        self.assertEqual(doc.competencies[0].esco_skills, [factories.ESCO + "c0-s0"])
        framework.apply(self.org, doc)
        self.assertFalse(CompetencySkill.objects.get(skill=extra).confirmed)
        doc.competencies[0].esco_skills.append(extra.uri)
        framework.apply(self.org, doc)
        self.assertTrue(CompetencySkill.objects.get(skill=extra).confirmed)

    def test_it_exports_in_a_fixed_number_of_queries(self):
        small = framework.apply(self.org, factories.document(code="small", competencies=1))
        large = framework.apply(self.org, factories.document(code="large", competencies=12))
        counts = []
        for model in (small, large):
            with CaptureQueriesContext(connection) as queries:
                framework.export_document(model)
            counts.append(len(queries))
        self.assertEqual(counts[0], counts[1])


class Mapping(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = factories.person("admin@example.org", "Ada")
        cls.org, cls.membership = factories.organisation(cls.admin)
        cls.model = framework.apply(cls.org, factories.document(competencies=1, skills_per=0))
        cls.competency = cls.model.competencies.get()
        factories.skills("analyse data", "present findings", "cook pasta")

    def test_the_search_suggests_and_an_administrator_confirms(self):
        self.competency.name_en = "Analyse data"
        self.competency.save()
        found = mapping.suggest(self.membership, self.competency, "en")
        self.assertIn(factories.ESCO + "analyse data", [s.uri for s in found])
        self.assertNotIn(factories.ESCO + "cook pasta", [s.uri for s in found])
        self.assertFalse(CompetencySkill.objects.filter(confirmed=True).exists())
        mapping.confirm(self.membership, self.competency, found[0].pk)
        self.assertEqual(
            framework.export_document(self.model).competencies[0].esco_skills, [found[0].uri]
        )

    def test_only_an_administrator_maps(self):
        bob = factories.person("bob@example.org", "Bob")
        member = factories.member(self.org, bob)
        from organisations.people import OrgError

        with self.assertRaises(OrgError):
            mapping.suggest(member, self.competency)


class Command(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = factories.person("admin@example.org", "Ada")
        cls.org, cls.membership = factories.organisation(cls.admin)

    def test_it_imports_and_exports_from_the_command_line(self):
        import io
        import tempfile
        from pathlib import Path

        doc = factories.document()
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "model.csv"
            source.write_text(modelfile.to_csv(doc))
            out = io.StringIO()
            call_command(
                "org",
                "import-model",
                "--org",
                "acme",
                "--input",
                str(source),
                "--dry-run",
                stdout=out,
            )
            self.assertIn("Would import analysts (new model)", out.getvalue())
            self.assertFalse(CompetencyModel.objects.exists())
            call_command("org", "import-model", "--org", "acme", "--input", str(source), stdout=out)
            target = Path(folder) / "again.json"
            call_command(
                "org",
                "export-model",
                "--org",
                "acme",
                "--model",
                "analysts",
                "--output",
                str(target),
                stdout=out,
            )
            self.assertEqual(target.read_text(), modelfile.to_json(doc))

    def test_it_reports_each_problem_with_its_line(self):
        import tempfile
        from pathlib import Path

        lines = modelfile.to_csv(factories.document()).splitlines()
        lines[6] = "indicator,,7,,,x,y,c0,,,"
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "model.csv"
            source.write_text("\n".join(lines))
            with self.assertRaises(CommandError) as raised:
                call_command("org", "import-model", "--org", "acme", "--input", str(source))
        self.assertIn("nothing was imported", str(raised.exception))
        self.assertIn("Line 7: level 7", str(raised.exception))
        self.assertFalse(CompetencyModel.objects.exists())

    def test_it_names_an_unknown_organisation_and_an_unreadable_file(self):
        with self.assertRaisesMessage(CommandError, "No organisation 'nope'"):
            call_command("org", "import-model", "--org", "nope", "--input", "x.csv")
        with self.assertRaisesMessage(CommandError, "Cannot read /nonexistent/x.csv"):
            call_command("org", "import-model", "--org", "acme", "--input", "/nonexistent/x.csv")

    def test_it_invites_and_prints_the_link(self):
        import io

        out = io.StringIO()
        call_command(
            "org", "invite", "--org", "acme", "--email", "new@example.org", "--no-email", stdout=out
        )
        self.assertIn("/orgs/join/", out.getvalue())
        self.assertEqual(Membership.objects.filter(organisation=self.org).count(), 1)
