"""`parcours jobs check-answer --posting FILE --answer FILE [--lang en|fr] [--json]`."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jobs.alignment import check_answer


class Command(BaseCommand):
    help = "Job search tools: check an interview answer against a posting (parcours jobs)."
    # A text check that reads the taxonomy (and works without it): no system checks to wait for.
    requires_system_checks = []

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        answer = commands.add_parser(
            "check-answer",
            help='Is an answer to "What are your career goals?" aligned with a job posting?',
            description=(
                "Read a job posting and a draft answer (plain-text files, UTF-8) and say whether "
                "they are aligned, with reasons and an example answer."
            ),
        )
        answer.add_argument("--posting", required=True, help="File with the job posting text.")
        answer.add_argument("--answer", required=True, help="File with the draft answer.")
        answer.add_argument(
            "--lang", choices=["en", "fr"], default="en", help="Language of the messages."
        )
        answer.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args, action, **options):
        if action == "check-answer":
            self.check_answer(options)

    def check_answer(self, options):
        posting = _read(options["posting"], "--posting")
        answer = _read(options["answer"], "--answer")
        result = check_answer(posting, answer, lang=options["lang"])
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self.stdout.write("Aligned." if result["aligned"] else "Not aligned.")
        for issue in result["issues"]:
            self.stdout.write(f"  [{issue['code']}] {issue['message']}")
        for suggestion in result["suggestions"]:
            self.stdout.write(f"  -> {suggestion}")


def _read(name, option):
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{option}: no such file: {name}", returncode=2) from None
    except IsADirectoryError:
        raise CommandError(f"{option}: {name} is a folder, not a file.", returncode=2) from None
    except PermissionError:
        raise CommandError(
            f"{option}: cannot read {name} (permission denied).", returncode=2
        ) from None
    except UnicodeDecodeError:
        raise CommandError(f"{option}: {name} is not UTF-8 text.", returncode=2) from None
    except OSError as error:
        raise CommandError(
            f"{option}: cannot read {name}: {error.strerror}", returncode=2
        ) from None
    if not text.strip():
        raise CommandError(f"{option}: {name} is empty.", returncode=2)
    return text
