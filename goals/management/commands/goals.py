"""`parcours goals check "TEXT" [--lang en|fr|auto] [--today YYYY-MM-DD] [--json]`."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from goals.smart import check, detect_language


class Command(BaseCommand):
    help = "Check a career goal against the SMART criteria (parcours goals check)."
    # A text check that only reads the taxonomy's labels: no system checks to wait for.
    requires_system_checks = []

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        smart = commands.add_parser(
            "check",
            help="Say which SMART criteria a goal meets, why, and how to improve it.",
            description=(
                "Check a goal written in English or French. Achievable and relevant need a "
                "profile, so they are null here."
            ),
        )
        smart.add_argument("text", help="The goal, in quotes.")
        smart.add_argument(
            "--lang",
            choices=["en", "fr", "auto"],
            default="en",
            help="Language of the reasons and suggestions; auto guesses it from the text.",
        )
        smart.add_argument(
            "--today",
            default=None,
            help="Resolve relative deadlines from this date (YYYY-MM-DD); default: today.",
        )
        smart.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args, action, **options):
        if action == "check":
            self.check_goal(options)

    def check_goal(self, options):
        today = dt.date.today()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    f"--today must be a date written YYYY-MM-DD, not {options['today']!r}.",
                    returncode=2,
                ) from None
        text = options["text"].strip()
        if not text:
            raise CommandError("The goal is empty: write it in quotes.", returncode=2)
        lang = options["lang"]
        if lang == "auto":
            lang = detect_language(text)
        result = check(text, lang=lang, today=today)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(text)
        for _key, label, criterion in result.criteria:
            mark = {True: "[x]", False: "[ ]", None: "[?]"}[criterion.met]
            self.stdout.write(f"  {mark} {label}: {criterion.reason}")
        if result.horizon:
            self.stdout.write(f"  horizon: {result.horizon}")
        for suggestion in result.suggestions:
            self.stdout.write(f"  -> {suggestion}")
