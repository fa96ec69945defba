"""`parcours growth roi` and `parcours growth fetch-feeds`."""

import json
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import override_settings

from accounts.testing import BaseTestCase
from growth.models import Feed, LearningItem
from growth.tests.feedserver import RSS, serve


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("growth", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class CommandTests(BaseTestCase):
    def test_it_prints_the_roi_of_a_loan_as_json_in_french(self):
        out, _err = run(
            "roi",
            "--cost",
            "10000",
            "--payer",
            "loan",
            "--rate",
            "5",
            "--term",
            "60",
            "--salary-change",
            "6000",
            "--lang",
            "fr",
            "--json",
        )
        result = json.loads(out)
        self.assertEqual(result["total_cost"], 11322.74)
        self.assertEqual(result["payback_months"], 23)
        self.assertEqual(result["verdict"], "Se rentabilise en environ 1 an 11 mois.")

    def test_it_prints_the_roi_of_a_stored_item(self):
        item = LearningItem.objects.create(user=self.alice, title="x", cost=500, payer="grant")
        out, _err = run("roi", "--item", str(item.pk))
        self.assertIn("Free to you", out)

    def test_it_refuses_bad_figures(self):
        with self.assertRaisesMessage(CommandError, "Not a number"):
            run("roi", "--cost", "lots")
        with self.assertRaisesMessage(CommandError, "--term"):
            run("roi", "--cost", "5", "--payer", "loan")
        with self.assertRaisesMessage(CommandError, "No learning item"):
            run("roi", "--item", "999999")

    @override_settings(PARCOURS_FETCH_PRIVATE_ADDRESSES=True)
    def test_it_fetches_the_feeds_and_reports_failures(self):
        with serve({"/rss": (200, {}, RSS)}) as base:
            Feed.objects.create(user=self.alice, url=base + "/rss")
            Feed.objects.create(user=self.bob, url=base + "/missing")
            out, err = run("fetch-feeds")
        self.assertIn("2 feeds fetched, 2 new articles, 1 failed.", out)
        self.assertIn("HTTP 404", err)
