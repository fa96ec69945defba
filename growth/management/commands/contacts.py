"""`parcours contacts`: contacts from the command line, e.g. a whole address book at once."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from growth import networking, vcard


class Command(BaseCommand):
    help = "Contacts of the networking area: import a vCard file for a person."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        importer = commands.add_parser(
            "import-vcard",
            help=(
                "Import a vCard file (.vcf) into a person's contacts, with the rules of the web "
                "import: possible duplicates (same email) are left out unless --all is given."
            ),
        )
        importer.add_argument("--user", required=True, help="the person's email address")
        importer.add_argument("--input", required=True, help="the .vcf file ('-' for stdin)")
        importer.add_argument(
            "--all", action="store_true", help="import the possible duplicates too"
        )
        importer.add_argument(
            "--dry-run", action="store_true", help="show what would be imported; save nothing"
        )
        importer.add_argument(
            "--lang", choices=["en", "fr"], help="language of the output (default: the person's)"
        )

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(email__iexact=options["user"].strip()).first()
        if user is None:
            raise CommandError(f"No person with the email address {options['user']!r}.")
        with translation.override(options["lang"] or user.language):
            self.import_vcard(user, options)

    def read(self, source):
        import sys

        try:
            if source == "-":
                return sys.stdin.buffer.read(vcard.MAX_BYTES + 1)
            with Path(source).open("rb") as handle:
                return handle.read(vcard.MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {source}: {error.strerror or error}") from error

    def import_vcard(self, user, options):
        try:
            preview = networking.preview_import(user, self.read(options["input"]))
        except vcard.VCardError as error:
            raise CommandError(str(error)) from error
        chosen = (
            {row["index"] for row in preview}
            if options["all"]
            else networking.chosen_by_default(preview)
        )
        if not options["dry_run"]:
            try:
                networking.import_cards(user, [row["card"] for row in preview], chosen)
            except networking.TooManyContacts as error:
                raise CommandError(str(error)) from error
        count = len(chosen)
        title = (
            ngettext(
                "Would import %(count)d contact for %(email)s (nothing saved):",
                "Would import %(count)d contacts for %(email)s (nothing saved):",
                count,
            )
            if options["dry_run"]
            else ngettext(
                "Imported %(count)d contact for %(email)s:",
                "Imported %(count)d contacts for %(email)s:",
                count,
            )
        )
        self.stdout.write(title % {"count": count, "email": user.email})
        for row in preview:
            if row["index"] in chosen:
                self.stdout.write("  + " + describe(row["card"]))
        left_out = [row for row in preview if row["index"] not in chosen]
        if left_out:
            self.stdout.write(
                ngettext(
                    "Left out %(count)d possible duplicate (use --all to import it too):",
                    "Left out %(count)d possible duplicates (use --all to import them too):",
                    len(left_out),
                )
                % {"count": len(left_out)}
            )
            for row in left_out:
                self.stdout.write(
                    "  = "
                    + _("%(card)s: possible duplicate of %(name)s (same email)")
                    % {"card": row["card"]["name"], "name": row["duplicate_of"]}
                )


def describe(card):
    """One line for a card: name <email> (organisation, role)."""
    text = card["name"]
    if card["emails"]:
        text += f" <{card['emails'][0]}>"
    where = ", ".join(part for part in (card["organisation"], card["role"]) if part)
    return f"{text} ({where})" if where else text
