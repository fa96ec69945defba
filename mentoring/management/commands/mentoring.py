"""`parcours mentoring match-cohort`: assign a programme's mentees to mentors."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mentoring.cohort import DEFAULT_TOP_K, CohortError, check_capacities, read_cohort, solve


class Command(BaseCommand):
    help = "Mentoring programmes: match a cohort of mentees with mentors (match-cohort)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        match = sub.add_parser(
            "match-cohort",
            help="Assign mentees to mentors, maximising match quality within capacities.",
            description=(
                "Read a cohort (JSON: mentees and mentors with skills, values, style, languages "
                "and capacities, or precomputed scores; see docs/apps/mentoring.md) and write "
                "the optimal assignment with the list of mentees who could not be matched and why."
            ),
        )
        match.add_argument("--input", required=True, help="The cohort JSON file ('-' for stdin).")
        match.add_argument(
            "--output", required=True, help="Where to write the assignment JSON ('-' for stdout)."
        )
        match.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="Minimum score (0-100) of a good match; overrides the file's 'threshold'.",
        )
        match.add_argument(
            "--top-k",
            type=int,
            default=DEFAULT_TOP_K,
            help="Candidates kept per mentee on large cohorts (default %(default)s).",
        )

    def handle(self, *args, **options):
        if options["action"] == "match-cohort":
            self.match_cohort(options)

    def match_cohort(self, options):
        source = options["input"]
        try:
            stdin = getattr(sys.stdin, "buffer", sys.stdin)  # bytes, or text when replaced
            raw = stdin.read() if source == "-" else Path(source).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {source}: {error.strerror}.") from error
        if options["top_k"] < 1:
            raise CommandError("--top-k must be 1 or more.")
        try:
            cohort = read_cohort(raw, threshold=options["threshold"])
        except CohortError as error:
            raise CommandError(f"Invalid cohort in {source}: {error}") from error
        assignment = solve(cohort, top_k=options["top_k"])
        assert check_capacities(cohort, assignment)
        body = json.dumps(assignment.as_json(), ensure_ascii=False, indent=2) + "\n"
        if options["output"] == "-":
            self.stdout.write(body, ending="")
        else:
            try:
                Path(options["output"]).write_text(body, encoding="utf-8")
            except OSError as error:
                raise CommandError(
                    f"Cannot write {options['output']}: {error.strerror}."
                ) from error
            summary = assignment.as_json()["summary"]
            self.stderr.write(
                f"Matched {summary['matched']} of {summary['mentees']} mentees "
                f"(total quality {summary['total_quality']}, mean {summary['mean_quality']}); "
                f"{summary['unmatched']} unmatched. Written to {options['output']}."
            )
