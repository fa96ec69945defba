"""Export and import through the CLI and the profile page."""

import json
from io import StringIO
from pathlib import Path
from tempfile import TemporaryDirectory

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accounts.models import User
from accounts.testing import BaseTestCase
from core.portability import dumps, export_person
from goals.models import Goal
from growth.models import Contact


class CommandTests(BaseTestCase):
    def setUp(self):
        Goal.objects.create(owner=self.alice, statement="Devenir gestionnaire de projet")
        Contact.objects.create(user=self.alice, name="Marie Tremblay")
        self.folder = TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.path = Path(self.folder.name) / "alice.json"

    def test_it_exports_and_imports_from_the_command_line(self):
        call_command("export", user="ALICE@example.org", output=str(self.path), stderr=StringIO())
        document = json.loads(self.path.read_text())
        self.assertEqual(document["goals"][0]["statement"], "Devenir gestionnaire de projet")
        out = StringIO()
        call_command("import", str(self.path), email="alice@new.example", stdout=out)
        self.assertIn("Imported alice@new.example", out.getvalue())
        copy = User.objects.get(email="alice@new.example")
        self.assertEqual(copy.goals.get().statement, "Devenir gestionnaire de projet")
        self.assertEqual(copy.contacts.get().name, "Marie Tremblay")

    def test_it_writes_to_standard_output(self):
        out = StringIO()
        call_command("export", user="alice@example.org", output="-", stdout=out)
        self.assertEqual(json.loads(out.getvalue())["person"]["email"], "alice@example.org")

    def test_it_names_an_unknown_person(self):
        with self.assertRaisesMessage(CommandError, "No person with the email address x@y.z"):
            call_command("export", user="x@y.z", output=str(self.path))

    def test_it_refuses_a_bad_file_and_writes_nothing(self):
        document = export_person(self.alice)
        document["goals"][0]["deadline"] = "someday"
        self.path.write_text(dumps(document))
        people = User.objects.count()
        with self.assertRaisesMessage(CommandError, "goals[0].deadline: not a date"):
            call_command("import", str(self.path), email="new@example.org")
        self.assertEqual(User.objects.count(), people)

    def test_it_refuses_the_same_email_twice(self):
        call_command("export", user="alice@example.org", output=str(self.path), stderr=StringIO())
        with self.assertRaisesMessage(CommandError, "alice@example.org already has an account"):
            call_command("import", str(self.path))

    def test_it_names_a_missing_file(self):
        with self.assertRaisesMessage(CommandError, "Cannot read"):
            call_command("import", str(self.path))


class PageTests(BaseTestCase):
    def setUp(self):
        Goal.objects.create(owner=self.alice, statement="Devenir gestionnaire de projet")

    def upload(self, content, name="export.json"):
        return self.client.post(
            reverse("core:import_data"), {"file": SimpleUploadedFile(name, content)}
        )

    def test_it_offers_the_actions_on_the_profile(self):
        self.login()
        response = self.client.get(reverse("accounts:profile"))
        self.assertContains(response, "Your data")
        self.assertContains(response, reverse("core:export_data"))
        self.assertContains(response, reverse("core:import_data"))

    def test_it_downloads_only_the_signed_in_persons_data(self):
        Goal.objects.create(owner=self.bob, statement="Bob's own goal")
        self.login(self.bob)
        response = self.client.get(reverse("core:export_data"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment;", response["Content-Disposition"])
        document = json.loads(response.content)
        self.assertEqual(document["person"]["email"], "bob@example.org")
        self.assertEqual([g["statement"] for g in document["goals"]], ["Bob's own goal"])
        self.assertNotIn("Devenir gestionnaire", response.content.decode())

    def test_it_asks_visitors_to_sign_in(self):
        for name in ("core:export_data", "core:import_data"):
            response = self.client.get(reverse(name))
            self.assertEqual(response.status_code, 302)
            self.assertIn(reverse("accounts:login"), response["Location"])

    def test_it_imports_into_an_empty_account(self):
        newcomer = User.objects.create(email="new@example.org", display_name="New")
        self.login(newcomer)
        self.assertContains(self.client.get(reverse("core:import_data")), "Import your data")
        response = self.upload(dumps(export_person(self.alice)).encode())
        self.assertRedirects(response, reverse("accounts:profile"))
        self.assertEqual(newcomer.goals.get().statement, "Devenir gestionnaire de projet")
        newcomer.refresh_from_db()
        self.assertEqual(newcomer.display_name, "Alice")
        self.assertEqual(newcomer.email, "new@example.org")

    def test_it_refuses_bad_files_naming_the_problem(self):
        newcomer = User.objects.create(email="new@example.org", display_name="New")
        self.login(newcomer)
        good = export_person(self.alice)
        wrong_version = {**good, "version": 7}
        missing = {**good, "person": {k: v for k, v in good["person"].items() if k != "language"}}
        bad_date = json.loads(dumps(good))
        bad_date["goals"][0]["start_date"] = "2026-13-45"
        cases = [
            (b"{not json", "not valid JSON"),
            (dumps(wrong_version).encode(), "the file is version 7"),
            (dumps(missing).encode(), "person.language: missing"),
            (dumps(bad_date).encode(), "goals[0].start_date: not a date"),
            (b"[1, 2]", "not a Parcours export"),
        ]
        for content, problem in cases:
            with self.subTest(problem):
                response = self.upload(content)
                self.assertContains(response, problem, status_code=400)
                self.assertContains(response, "Nothing was imported", status_code=400)
        self.assertFalse(newcomer.goals.exists())
        newcomer.refresh_from_db()
        self.assertEqual(newcomer.display_name, "New")

    def test_it_refuses_an_account_that_holds_data(self):
        self.login(self.alice)
        response = self.upload(dumps(export_person(self.alice)).encode())
        self.assertContains(response, "already holds data", status_code=400)
        self.assertEqual(self.alice.goals.count(), 1)

    def test_it_asks_for_a_file(self):
        self.login(self.bob)
        response = self.client.post(reverse("core:import_data"), {})
        self.assertContains(response, "This field is required", status_code=400)

    def test_it_speaks_french(self):
        self.bob.language = "fr"
        self.bob.save()
        self.login(self.bob)
        response = self.client.get(reverse("core:import_data"), headers={"accept-language": "fr"})
        self.assertContains(response, "Importer vos données")
