"""agenda.collect on its own: items from any provider, in the order a person reads them.

The page, the feed and the digest with real goals, growth and jobs data are tested in
tests/test_agenda.py and tests/test_digest.py (they span apps).
"""

import datetime
from unittest import mock

from django.test import SimpleTestCase

from agenda import collect
from agenda.items import AgendaItem

DAY = datetime.date(2026, 3, 10)


def item(title, day, *, overdue=False, time=None):
    return AgendaItem(
        uid=f"test-{title}", date=day, title=title, url="/", kind="step", overdue=overdue, time=time
    )


class CollectTests(SimpleTestCase):
    def test_it_puts_overdue_first_then_by_day_and_time(self):
        later = item("later", DAY + datetime.timedelta(days=1))
        untimed = item("untimed", DAY)
        morning = item("morning", DAY, time=datetime.time(9))
        evening = item("evening", DAY, time=datetime.time(18))
        late = item("late", DAY - datetime.timedelta(days=5), overdue=True)
        first = mock.Mock(return_value=[later, evening])
        second = mock.Mock(return_value=[morning, late, untimed])
        with mock.patch.object(collect, "providers", return_value=[first, second]):
            found = collect.collect("someone", DAY, DAY + datetime.timedelta(days=7))
        self.assertEqual(
            [i.title for i in found], ["late", "untimed", "morning", "evening", "later"]
        )
        first.assert_called_once_with("someone", DAY, DAY + datetime.timedelta(days=7))

    def test_it_groups_by_day_keeping_the_order(self):
        items = [item("a", DAY), item("b", DAY), item("c", DAY + datetime.timedelta(days=2))]
        groups = collect.group_by_day(items)
        self.assertEqual(
            [(day, [i.title for i in group]) for day, group in groups],
            [
                (DAY, ["a", "b"]),
                (DAY + datetime.timedelta(days=2), ["c"]),
            ],
        )

    def test_every_provider_is_an_apps_agenda_module(self):
        for provider in collect.providers():
            self.assertTrue(provider.__module__.endswith(".agenda"), provider.__module__)

    def test_it_falls_back_to_utc_for_an_unknown_time_zone(self):
        person = mock.Mock(time_zone="Mars/Olympus")
        self.assertEqual(str(collect.user_time_zone(person)), "UTC")
