"""`parcours taxonomy import [--dir PATH] [--if-empty]`: load the ESCO occupations and skills."""

import argparse
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from taxonomy.importer import EscoFileError, import_esco
from taxonomy.models import Occupation


class Command(BaseCommand):
    help = "Load the ESCO occupations and skills (parcours taxonomy import)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        load = commands.add_parser(
            "import",
            help="Load or update the ESCO taxonomy from its CSV files (.csv or .csv.gz).",
            description=(
                "Load or update the ESCO taxonomy from the official CSV download layout. "
                "Idempotent; atomic: a failed import leaves the previous data intact."
            ),
        )
        load.add_argument(
            "--dir",
            dest="directory",
            default=None,
            help="Folder of the ESCO CSV files (default: settings.PARCOURS_ESCO_DIR).",
        )
        # Accept -v after the action too (`parcours taxonomy import -v0`).
        load.add_argument(
            "-v",
            "--verbosity",
            type=int,
            choices=[0, 1, 2, 3],
            default=argparse.SUPPRESS,
            help="0: quiet, 1: summary and progress bar, 2: also the notes.",
        )
        load.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when occupations are already loaded (used by `make run`).",
        )

    def handle(self, *args, action, **options):
        if action == "import":
            self.import_taxonomy(options)

    def import_taxonomy(self, options):
        verbosity = options["verbosity"]
        if options["if_empty"] and Occupation.objects.exists():
            if verbosity:
                self.stdout.write("The ESCO taxonomy is already loaded: nothing to do.")
            return
        directory = options["directory"] or settings.PARCOURS_ESCO_DIR
        started = time.monotonic()
        try:
            record, release = import_esco(
                directory, stream=self.stderr, show_progress=verbosity > 0
            )
        except EscoFileError as error:
            raise CommandError(f"ESCO import failed, nothing was changed: {error}") from None
        elapsed = time.monotonic() - started
        if not verbosity:
            return
        counts = ", ".join(f"{value:,} {name}" for name, value in release.counts().items())
        self.stdout.write(f"ESCO taxonomy from {directory}: {counts}.")
        for kind, changes in record.changes.items():
            if any(changes.values()):
                summary = ", ".join(f"{value:,} {key}" for key, value in changes.items() if value)
                self.stdout.write(f"  {kind}: {summary}")
        if not record.changed:
            self.stdout.write("  Already up to date: nothing changed.")
        for concept in record.kept:
            self.stdout.write(
                f"  Kept {concept['kind']} {concept['label']!r} ({concept['uri']}): no longer in "
                "this release, but people still use it; marked retired."
            )
        if verbosity > 1:
            for warning in record.warnings:
                self.stdout.write(f"  Note: {warning}")
        if record.search_index_rebuilt:
            self.stdout.write(
                f"Imported in {record.elapsed_seconds:.1f} s; search index rebuilt in "
                f"{record.search_index_seconds:.1f} s."
            )
        self.stdout.write(f"Done in {elapsed:.1f} s.")
