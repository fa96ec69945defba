import sqlite3
import tempfile
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TransactionTestCase


class BackupRestoreTestCase(TransactionTestCase):
    def setUp(self):
        self.folder = self.enterContext(tempfile.TemporaryDirectory())

    def path(self, name):
        return f"{self.folder}/{name}"

    def test_it_brings_back_what_was_there_at_backup_time(self):
        get_user_model().objects.create(email="kept@example.org", display_name="Kept")
        call_command("backup", output=self.path("parcours.backup"), stdout=StringIO())
        get_user_model().objects.filter(email="kept@example.org").delete()
        get_user_model().objects.create(email="later@example.org", display_name="Later")

        out = StringIO()
        call_command("restore", self.path("parcours.backup"), stdout=out)

        self.assertIn("Restored", out.getvalue())
        self.assertEqual(
            sorted(get_user_model().objects.values_list("email", flat=True)), ["kept@example.org"]
        )

    def test_it_refuses_a_file_that_is_not_a_backup_of_this_kind(self):
        get_user_model().objects.create(email="still@example.org", display_name="Still")
        with open(self.path("notes.txt"), "w") as file:
            file.write("not a backup")
        with self.assertRaisesMessage(CommandError, "is not a"):
            call_command("restore", self.path("notes.txt"))
        with self.assertRaisesMessage(CommandError, "no such backup file"):
            call_command("restore", self.path("missing.backup"))
        self.assertTrue(get_user_model().objects.filter(email="still@example.org").exists())

    def test_it_refuses_a_sqlite_file_that_is_not_a_parcours_database(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite only")
        other = sqlite3.connect(self.path("other.sqlite3"))
        other.execute("CREATE TABLE notes (text TEXT)")
        other.commit()
        other.close()
        get_user_model().objects.create(email="still@example.org", display_name="Still")
        with self.assertRaisesMessage(CommandError, "not a Parcours backup"):
            call_command("restore", self.path("other.sqlite3"))
        self.assertTrue(get_user_model().objects.filter(email="still@example.org").exists())
