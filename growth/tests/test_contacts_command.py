"""`parcours contacts import-vcard`: a whole address book from the command line.

Same parser and same preview rules as the web import: possible duplicates (an email already
among the person's contacts, or on an earlier card of the file) are left out unless asked for.
"""

from io import StringIO

from django.core.management import CommandError, call_command
from django.test import override_settings

from accounts.testing import BaseTestCase
from growth.models import Contact
from growth.tests.test_contact_views import VCF
from growth.tests.test_vcard import soft_breaks


def run(*args):
    out = StringIO()
    call_command("contacts", *args, stdout=out)
    return out.getvalue()


class ImportVCardCommandTests(BaseTestCase):
    def setUp(self):
        Contact.objects.create(user=self.alice, name="Known Person", email="known@example.org")

    def write(self, data, name="contacts.vcf"):
        import tempfile
        from pathlib import Path

        folder = Path(tempfile.mkdtemp())
        self.addCleanup(lambda: [p.unlink() for p in folder.iterdir()] and folder.rmdir())
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        return str(path)

    def test_it_imports_the_cards_and_leaves_possible_duplicates_out(self):
        out = run("import-vcard", "--user", "ALICE@example.org", "--input", self.write(VCF))
        self.assertIn("Imported 1 contact for alice@example.org", out)
        self.assertIn("+ Jean Roy <jean.roy@example.ca> (Desjardins, Analyste)", out)
        self.assertIn("Left out 1 possible duplicate (use --all to import it too)", out)
        self.assertIn("= Known Person: possible duplicate of Known Person (same email)", out)
        jean = Contact.objects.get(user=self.alice, name="Jean Roy")
        self.assertEqual(jean.tag_list, ["finance", "mentor"])
        self.assertEqual(self.alice.contacts.count(), 2)
        self.assertFalse(self.bob.contacts.exists())

    def test_all_imports_the_duplicates_too_and_dry_run_saves_nothing(self):
        path = self.write(VCF)
        out = run("import-vcard", "--user", "alice@example.org", "--input", path, "--dry-run")
        self.assertIn("Would import 1 contact", out)
        self.assertEqual(self.alice.contacts.count(), 1)
        out = run("import-vcard", "--user", "alice@example.org", "--input", path, "--all")
        self.assertIn("Imported 2 contacts", out)
        self.assertEqual(self.alice.contacts.count(), 3)

    def test_it_speaks_the_persons_language(self):
        self.alice.language = "fr"
        self.alice.save()
        out = run("import-vcard", "--user", "alice@example.org", "--input", self.write(VCF))
        self.assertIn("1 contact importé pour alice@example.org\u00a0:", out)

    def test_it_explains_what_is_wrong_and_saves_nothing(self):
        cases = [
            (["--user", "nobody@example.org", "--input", self.write(VCF)], "No person"),
            (["--user", "alice@example.org", "--input", "/nonexistent/x.vcf"], "Cannot read"),
            (
                ["--user", "alice@example.org", "--input", self.write("BEGIN:VCARD\nFN:A\n")],
                "The last contact is not closed",
            ),
        ]
        for args, message in cases:
            with self.subTest(message=message), self.assertRaisesMessage(CommandError, message):
                run("import-vcard", *args)
        self.assertEqual(self.alice.contacts.count(), 1)

    def test_it_reads_a_large_card_with_soft_line_breaks(self):
        out = run(
            "import-vcard",
            "--user",
            "alice@example.org",
            "--input",
            self.write(soft_breaks(16_000)),
        )
        self.assertIn("+ Soft", out)

    @override_settings(GROWTH_MAX_CONTACTS=2)
    def test_it_refuses_an_import_past_the_contacts_limit(self):
        path = self.write(VCF)
        with self.assertRaisesMessage(CommandError, "at most 2 contacts"):
            run("import-vcard", "--user", "alice@example.org", "--input", path, "--all")
        self.assertEqual(self.alice.contacts.count(), 1)
