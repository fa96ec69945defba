from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.portability import ImportRefused, import_person, load


class Command(BaseCommand):
    help = "Import a person from a Parcours export file (creates their account)."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="The export file to read.")
        parser.add_argument(
            "--email",
            metavar="NEW",
            help="Create the person under this email address instead of the file's.",
        )

    def handle(self, *args, **options):
        try:
            data = Path(options["file"]).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}.") from error
        try:
            user = import_person(load(data), email=options["email"])
        except ImportRefused as error:
            raise CommandError(f"Nothing imported. {error}") from error
        self.stdout.write(
            f"Imported {user.email}. They set a password with 'Forgot your password?' "
            "or an administrator sets one."
        )
