from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import audit
from core.portability import dumps, export_person


class Command(BaseCommand):
    help = "Export everything a person owns as one JSON document (parcours-export v1)."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, metavar="EMAIL", help="Whose data.")
        parser.add_argument(
            "--output", required=True, metavar="FILE", help="The file to write ('-': stdout)."
        )

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(email__iexact=options["user"].strip()).first()
        if user is None:
            raise CommandError(f"No person with the email address {options['user']}.")
        with transaction.atomic():
            text = dumps(export_person(user)) + "\n"
            # Made on the server, not by the person: their sharing history says so.
            audit.data_exported(user, actor=None)
        if options["output"] == "-":
            self.stdout.write(text, ending="")
            return
        Path(options["output"]).write_text(text, encoding="utf-8")
        self.stderr.write(f"Exported {user.email} to {options['output']}.")
