"""Fetching feeds: parsed, stored once, errors kept on the feed; only loopback in tests.

The test servers listen on 127.0.0.1, which Parcours refuses to fetch by default
(test_feed_safety.py): these tests switch the private-address allowance on, as a self-hosted
install would.
"""

from unittest import mock

from django.test import override_settings

from accounts.testing import BaseTestCase
from growth import feeds
from growth.models import Entry, Feed
from growth.tasks import fetch_due_feeds
from growth.tests.feedserver import ATOM, RSS, serve


class ParseTests(BaseTestCase):
    def test_it_reads_rss_and_strips_html(self):
        title, entries = feeds.parse(RSS)
        self.assertEqual(title, "Industry News")
        self.assertEqual(
            [e["title"] for e in entries],
            ["Hiring is up in fintech", "New certification for analysts"],
        )
        self.assertEqual(entries[0]["guid"], "tag:example.test,2026:a")
        self.assertEqual(entries[1]["guid"], "http://example.test/b")  # no guid: the link
        self.assertNotIn("<", entries[0]["summary"])
        self.assertNotIn("alert", entries[0]["summary"])
        self.assertEqual(entries[0]["published_at"].isoformat(), "2026-11-02T10:00:00+00:00")

    def test_it_reads_atom(self):
        title, entries = feeds.parse(ATOM)
        self.assertEqual(title, "Veille RH")
        self.assertEqual(entries[0]["title"], "Le marché du travail en 2027")
        self.assertEqual(entries[0]["link"], "http://example.test/fr/1")

    def test_it_refuses_what_is_not_a_feed(self):
        for body in (b"", b"<html><body>Hello</body></html>", b"\x00\xff garbage", b"<rss><chan"):
            with self.subTest(body=body), self.assertRaises(feeds.FeedError):
                feeds.parse(body)

    def test_it_drops_links_that_are_not_http(self):
        body = RSS.replace(b"http://example.test/a", b"javascript:alert(1)")
        _title, entries = feeds.parse(body)
        self.assertEqual(entries[0]["link"], "")


LOOPBACK_ALLOWED = override_settings(PARCOURS_FETCH_PRIVATE_ADDRESSES=True)


@LOOPBACK_ALLOWED
class FetchTests(BaseTestCase):
    def feed(self, url):
        return Feed.objects.create(user=self.alice, url=url)

    def test_it_stores_articles_once_however_often_it_fetches(self):
        with serve({"/rss": (200, {"Content-Type": "application/rss+xml"}, RSS)}) as base:
            feed = self.feed(base + "/rss")
            self.assertEqual(feeds.fetch(feed), 2)
            self.assertEqual(feeds.fetch(feed), 0)
        self.assertEqual(Entry.objects.filter(feed=feed).count(), 2)
        feed.refresh_from_db()
        self.assertEqual(feed.title, "Industry News")
        self.assertEqual(feed.last_error, "")
        self.assertIsNotNone(feed.last_fetched_at)

    def test_it_deduplicates_by_link_when_the_guid_changes(self):
        with serve({"/rss": (200, {}, RSS)}) as base:
            feed = self.feed(base + "/rss")
            feeds.fetch(feed)
        changed = RSS.replace(b"tag:example.test,2026:a", b"tag:example.test,2026:other")
        with serve({"/rss": (200, {}, changed)}) as base:
            feed.url = base + "/rss"
            feed.save()
            self.assertEqual(feeds.fetch(feed), 0)

    def test_it_keeps_the_error_on_the_feed_and_the_articles_already_stored(self):
        with serve({"/rss": (200, {}, RSS), "/broken": (200, {}, b"<html>not a feed")}) as base:
            feed = self.feed(base + "/rss")
            feeds.fetch(feed)
            feed.url = base + "/broken"
            feed.save()
            self.assertIsNone(feeds.fetch(feed))
            feed.refresh_from_db()
            self.assertIn("not a valid RSS or Atom feed", feed.last_error)
            feed.url = base + "/missing"
            feed.save()
            feeds.fetch(feed)
            feed.refresh_from_db()
            self.assertIn("HTTP 404", feed.last_error)
        self.assertEqual(feed.entries.count(), 2)

    def test_it_clears_the_error_after_a_successful_fetch(self):
        with serve({"/rss": (200, {}, RSS)}) as base:
            feed = Feed.objects.create(user=self.alice, url=base + "/rss", last_error="Old")
            feeds.fetch(feed)
        feed.refresh_from_db()
        self.assertEqual(feed.last_error, "")

    def test_it_reports_an_unreachable_server(self):
        with serve({}) as base:
            url = base
        feed = self.feed(url + "/gone")  # the server is closed now
        self.assertIsNone(feeds.fetch(feed))
        feed.refresh_from_db()
        self.assertIn("could not be reached", feed.last_error)

    def test_it_refuses_feeds_larger_than_the_limit(self):
        with mock.patch.object(feeds, "MAX_BYTES", 100), serve({"/rss": (200, {}, RSS)}) as base:
            feed = self.feed(base + "/rss")
            self.assertIsNone(feeds.fetch(feed))
        feed.refresh_from_db()
        self.assertIn("larger than", feed.last_error)

    def test_it_never_fetches_other_schemes(self):
        for url in ("file:///etc/passwd", "ftp://example.test/feed", "gopher://x", "/relative"):
            with self.subTest(url=url):
                feed = Feed(user=self.alice, url=url)
                feed.save()
                with mock.patch.object(feeds.safe_http, "get") as opened:
                    self.assertIsNone(feeds.fetch(feed))
                opened.assert_not_called()
                self.assertIn("Only http and https", feed.last_error)

    def test_it_refuses_a_redirect_to_another_scheme(self):
        routes = {"/moved": (302, {"Location": "file:///etc/passwd"}, b"")}
        with serve(routes) as base:
            feed = self.feed(base + "/moved")
            self.assertIsNone(feeds.fetch(feed))
        feed.refresh_from_db()
        self.assertIn("not http or https", feed.last_error)

    def test_it_sends_the_etag_and_accepts_not_modified(self):
        with serve({"/rss": (200, {"ETag": '"v1"'}, RSS)}) as base:
            feed = self.feed(base + "/rss")
            feeds.fetch(feed)
        feed.refresh_from_db()
        self.assertEqual(feed.etag, '"v1"')
        with serve({"/rss": (304, {}, b"")}) as base:
            feed.url = base + "/rss"
            self.assertEqual(feeds.fetch(feed), 0)
        feed.refresh_from_db()
        self.assertEqual(feed.last_error, "")


@LOOPBACK_ALLOWED
class TaskTests(BaseTestCase):
    def test_it_fetches_the_feeds_that_are_due_in_the_owners_language(self):
        self.bob.language = "fr"
        self.bob.save()
        with serve({"/rss": (200, {}, RSS)}) as base:
            ok = Feed.objects.create(user=self.alice, url=base + "/rss")
            broken = Feed.objects.create(user=self.bob, url=base + "/missing")
            self.assertEqual(fetch_due_feeds.call(), 2)
            self.assertEqual(fetch_due_feeds.call(), 0)  # fetched recently: not due
        self.assertEqual(ok.entries.count(), 2)
        broken.refresh_from_db()
        self.assertIn("HTTP 404", broken.last_error)
        self.assertTrue(broken.last_error.startswith("Le serveur"))

    def test_it_is_registered_as_a_periodic_task(self):
        from core.scheduling import periodic_tasks

        names = [periodic.name for periodic in periodic_tasks()]
        self.assertIn("growth.tasks.fetch_due_feeds", names)

    def test_it_can_be_enqueued(self):
        result = fetch_due_feeds.enqueue()
        self.assertEqual(result.status, "READY")


class PlainTextTests(BaseTestCase):
    """Titles and summaries are stored as plain text: entities decoded, tags gone (a space)."""

    def test_titles_and_summaries_are_plain_text(self):
        body = (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>AT&amp;amp;T &lt;b&gt;'
            b"news&lt;/b&gt;</title><item><title>Caf&amp;eacute; &amp;amp; cr&#232;me</title>"
            b"<guid>1</guid><description>&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;br&gt;Three"
            b"&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;nbsp;&amp;lt;tag&amp;gt;"
            b"</description></item></channel></rss>"
        )
        title, [entry] = feeds.parse(body)
        self.assertEqual(title, "AT&T news")
        self.assertEqual(entry["title"], "Café & crème")
        self.assertEqual(entry["summary"], "One Two Three <tag>")

    def test_atom_text_titles_are_kept_as_typed(self):
        body = (
            b'<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">R&amp;D &lt;3'
            b'</title><id>x</id><entry><id>1</id><title type="text">a &lt; b</title>'
            b'<summary type="html">&lt;em&gt;x&lt;/em&gt;y</summary></entry></feed>'
        )
        title, [entry] = feeds.parse(body)
        self.assertEqual(title, "R&D <3")
        self.assertEqual(entry["title"], "a < b")
        self.assertEqual(entry["summary"], "x y")

    def test_the_work_is_bounded_by_what_is_kept(self):
        # A summary of megabytes of markup: only a bounded prefix is read.
        huge = "<b>x</b>" * 500_000
        self.assertEqual(feeds.plain_text(huge, 10), "x x x x x")


class EntriesCapTests(BaseTestCase):
    @override_settings(GROWTH_MAX_ENTRIES_PER_FEED=3)
    def test_a_feed_keeps_its_newest_articles_only(self):
        import datetime

        feed = Feed.objects.create(user=self.alice, url="https://example.org/feed")
        day = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

        def entries(numbers):
            return [
                {
                    "guid": str(n),
                    "link": "",
                    "title": f"Article {n}",
                    "summary": "",
                    "published_at": day + datetime.timedelta(days=n),
                }
                for n in numbers
            ]

        self.assertEqual(feeds.store(feed, entries([1, 2])), 2)
        self.assertEqual(feeds.store(feed, entries([3, 4, 5])), 3)
        self.assertEqual(
            sorted(feed.entries.values_list("title", flat=True)),
            ["Article 3", "Article 4", "Article 5"],
        )
        # A feed of thousands of items is read up to the cap only.
        many = b"".join(b"<item><guid>%d</guid><title>t</title></item>" % n for n in range(5000))
        _title, parsed = feeds.parse(b'<rss version="2.0"><channel>' + many + b"</channel></rss>")
        self.assertEqual(len(parsed), 3)
