"""`parcours growth`: the return on investment of a training, and fetching the feeds."""

import json
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from growth import feeds, roi
from growth.models import LearningItem


def _decimal(value):
    try:
        return Decimal(value)
    except InvalidOperation as error:
        raise CommandError(f"Not a number: {value!r}") from error


class Command(BaseCommand):
    help = "Learning plan and industry watch: ROI of a training, fetching the feeds."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)

        roi_parser = commands.add_parser(
            "roi", help="Total cost, payback period and verdict of a training."
        )
        roi_parser.add_argument("--item", type=int, help="a learning item's id (else the figures)")
        roi_parser.add_argument("--cost", default="0")
        roi_parser.add_argument(
            "--payer",
            choices=[choice for choice, _label in LearningItem.Payer.choices],
            default="self",
        )
        roi_parser.add_argument("--rate", default="0", help="loan annual interest rate, in %%")
        roi_parser.add_argument("--term", type=int, help="loan term, in months")
        roi_parser.add_argument("--salary-change", help="expected salary change per year")
        roi_parser.add_argument("--lang", choices=["en", "fr"], default="en")
        roi_parser.add_argument("--json", action="store_true")

        fetch_parser = commands.add_parser("fetch-feeds", help="Fetch the industry-watch feeds.")
        fetch_parser.add_argument(
            "--all", action="store_true", help="every feed, not only those due for a refresh"
        )

    def handle(self, *args, **options):
        if options["command"] == "roi":
            return self.roi(options)
        return self.fetch(options)

    def roi(self, options):
        if options["item"] is not None:
            item = LearningItem.objects.filter(pk=options["item"]).first()
            if item is None:
                raise CommandError(f"No learning item {options['item']}.")
            result, currency = roi.for_item(item), item.currency
        else:
            if options["payer"] == "loan" and not options["term"]:
                raise CommandError("A loan needs --term (months).")
            salary = options["salary_change"]
            try:
                result = roi.compute(
                    _decimal(options["cost"]),
                    options["payer"],
                    loan_rate=_decimal(options["rate"]),
                    loan_term_months=options["term"],
                    salary_change=None if salary is None else _decimal(salary),
                )
            except ValueError as error:
                raise CommandError(str(error)) from error
            currency = ""
        with translation.override(options["lang"]):
            verdict = result.verdict
        if options["json"]:
            money = lambda value: None if value is None else float(value)  # noqa: E731
            self.stdout.write(
                json.dumps(
                    {
                        "principal": money(result.principal),
                        "interest": money(result.interest),
                        "total_cost": money(result.total_cost),
                        "monthly_payment": money(result.monthly_payment),
                        "salary_change": money(result.salary_change),
                        "payback_months": result.payback_months,
                        "outcome": result.outcome,
                        "verdict": verdict,
                    },
                    ensure_ascii=False,
                )
            )
            return
        self.stdout.write(f"Total cost to you: {result.total_cost} {currency}".rstrip())
        if result.monthly_payment is not None:
            self.stdout.write(f"Monthly payment: {result.monthly_payment}")
            self.stdout.write(f"Interest: {result.interest}")
        if result.payback_months:
            self.stdout.write(f"Payback: {result.payback_months} months")
        self.stdout.write(verdict)

    def fetch(self, options):
        queryset = feeds.due_feeds() if not options["all"] else feeds.Feed.objects.all()
        fetched = failed = new = 0
        for feed in queryset.select_related("user").iterator():
            with translation.override(feed.user.language):
                count = feeds.fetch(feed)
            fetched += 1
            if count is None:
                failed += 1
                self.stderr.write(f"{feed.url}: {feed.last_error}")
            else:
                new += count
        self.stdout.write(f"{fetched} feeds fetched, {new} new articles, {failed} failed.")
