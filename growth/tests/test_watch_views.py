"""The industry watch pages: follow a feed, fetch it, read, and keep takeaways."""

from unittest import mock

from django.test import override_settings
from django.urls import reverse

from accounts.testing import BaseTestCase, run_queued_tasks
from growth import feeds
from growth.models import Entry, Feed, ReadingNote
from growth.tests.feedserver import RSS, serve


class WatchViewTests(BaseTestCase):
    def setUp(self):
        self.login()

    @override_settings(PARCOURS_FETCH_PRIVATE_ADDRESSES=True)
    def test_fetch_now_queues_the_feed_and_the_page_shows_progress_until_the_worker_is_done(self):
        hits = []
        routes = {"/rss": (200, {}, RSS)}
        with serve(routes) as base:
            response = self.client.post(
                reverse("growth:feed_new"), {"url": base + "/rss", "industry": "Finance"}
            )
            feed = Feed.objects.get()
            self.assertRedirects(response, feed.get_absolute_url())
            with (
                mock.patch.object(feeds, "download", side_effect=lambda *a: hits.append(a)),
                self.captureOnCommitCallbacks(execute=True),
            ):
                response = self.client.post(
                    reverse("growth:feed_fetch", args=[feed.pk]), follow=True
                )
            self.assertEqual(hits, [])  # nothing fetched inside the web request
            self.assertContains(response, "The feed will be fetched in a moment.")
            status_url = reverse("growth:feed_status", args=[feed.pk])
            # With JavaScript: htmx polls the status; without: the page refreshes itself.
            self.assertContains(response, f'hx-get="{status_url}" hx-trigger="every 2s"')
            self.assertContains(response, '<noscript><meta http-equiv="refresh" content="3">')
            self.assertContains(response, "Waiting to be fetched…")
            watch = self.client.get(reverse("growth:watch"))
            self.assertContains(watch, "Waiting to be fetched…")
            self.assertContains(watch, "<noscript><meta")
            polled = self.client.get(status_url, headers={"HX-Request": "true"})
            self.assertContains(polled, "every 2s")
            self.assertNotIn("HX-Refresh", polled)
            run_queued_tasks()  # the worker
        polled = self.client.get(status_url, headers={"HX-Request": "true"})
        self.assertEqual(polled["HX-Refresh"], "true")  # done: reload to show the articles
        self.assertContains(polled, "2 new articles")
        self.assertNotContains(polled, "every 2s")
        response = self.client.get(feed.get_absolute_url())
        self.assertContains(response, "Hiring is up in fintech")
        self.assertNotContains(response, "<noscript><meta")
        response = self.client.get(reverse("growth:watch"))
        self.assertContains(response, "Industry News")
        self.assertContains(response, "2 unread")

    @override_settings(PARCOURS_FETCH_PRIVATE_ADDRESSES=True)
    def test_a_failing_feed_shows_its_error_and_never_breaks_the_page(self):
        with serve({"/bad": (200, {}, b"<html>no feed here</html>")}) as base:
            feed = Feed.objects.create(user=self.alice, url=base + "/bad", title="Broken feed")
            with self.captureOnCommitCallbacks(execute=True):
                self.client.post(reverse("growth:feed_fetch", args=[feed.pk]))
            run_queued_tasks()
        response = self.client.get(feed.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This feed could not be read")
        self.assertContains(response, "not a valid RSS or Atom feed")
        response = self.client.get(reverse("growth:watch"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "not a valid RSS or Atom feed")

    def test_fetch_now_from_the_watch_page_returns_there_and_is_queued_once(self):
        feed = Feed.objects.create(user=self.alice, url="https://example.org/feed")
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            response = self.client.post(
                reverse("growth:feed_fetch", args=[feed.pk]), {"next": reverse("growth:watch")}
            )
            self.assertRedirects(response, reverse("growth:watch"))
            response = self.client.post(reverse("growth:feed_fetch", args=[feed.pk]), follow=True)
        self.assertContains(response, "already being fetched")
        self.assertEqual(len(callbacks), 1)

    @override_settings(GROWTH_MAX_FEEDS=2)
    def test_a_person_follows_at_most_the_feeds_limit(self):
        Feed.objects.create(user=self.alice, url="https://example.org/1")
        Feed.objects.create(user=self.alice, url="https://example.org/2")
        response = self.client.post(reverse("growth:feed_new"), {"url": "https://example.org/3"})
        self.assertContains(response, "You follow 2 feeds, the most Parcours keeps")
        self.assertEqual(Feed.objects.filter(user=self.alice).count(), 2)

    def test_it_refuses_feed_addresses_that_are_not_http(self):
        for url in ("file:///etc/passwd", "ftp://example.org/feed", "not a url"):
            response = self.client.post(reverse("growth:feed_new"), {"url": url})
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "errorlist")
        self.assertFalse(Feed.objects.exists())

    def test_it_refuses_the_same_feed_twice(self):
        Feed.objects.create(user=self.alice, url="https://example.org/feed")
        response = self.client.post(reverse("growth:feed_new"), {"url": "https://example.org/feed"})
        self.assertContains(response, "You already follow this feed.")

    def test_it_marks_articles_read_and_unread(self):
        feed = Feed.objects.create(user=self.alice, url="https://example.org/feed")
        entry = Entry.objects.create(feed=feed, guid="1", title="Article one")
        self.client.post(reverse("growth:entry_read", args=[entry.pk]))
        entry.refresh_from_db()
        self.assertIsNotNone(entry.read_at)
        self.assertNotContains(self.client.get(reverse("growth:watch")), "Article one")
        self.assertContains(
            self.client.get(reverse("growth:watch"), {"show": "all"}), "Article one"
        )
        response = self.client.post(
            reverse("growth:entry_read", args=[entry.pk]),
            {"read": "0", "next": "https://evil.test/"},
        )
        self.assertRedirects(response, reverse("growth:watch"))
        entry.refresh_from_db()
        self.assertIsNone(entry.read_at)

    def test_it_keeps_takeaways_from_an_article_linked_to_goals(self):
        from goals.models import Goal

        goal = Goal.objects.create(owner=self.alice, statement="Move into fintech")
        feed = Feed.objects.create(user=self.alice, url="https://example.org/feed")
        entry = Entry.objects.create(
            feed=feed, guid="1", title="Hiring is up", link="https://example.org/1"
        )
        response = self.client.get(reverse("growth:reading_new"), {"entry": entry.pk})
        self.assertContains(response, 'value="Hiring is up"')
        response = self.client.post(
            reverse("growth:reading_new"),
            {
                "entry": entry.pk,
                "title": "Hiring is up",
                "source": "https://example.org/1",
                "read_on": "2026-11-20",
                "takeaways": "Banks need analysts who know Python.",
                "goals": [goal.pk],
            },
            follow=True,
        )
        self.assertContains(response, "Banks need analysts who know Python.")
        self.assertContains(response, "Move into fintech")
        note = ReadingNote.objects.get()
        self.assertEqual(note.entry, entry)
        entry.refresh_from_db()
        self.assertIsNotNone(entry.read_at)

    def test_it_requires_takeaways(self):
        response = self.client.post(reverse("growth:reading_new"), {"title": "A book"})
        self.assertContains(response, "This field is required.")

    def test_bob_gets_404(self):
        feed = Feed.objects.create(user=self.alice, url="https://example.org/feed")
        entry = Entry.objects.create(feed=feed, guid="1", title="Alice's article")
        self.login(self.bob)
        self.assertEqual(self.client.get(feed.get_absolute_url()).status_code, 404)
        self.assertEqual(
            self.client.post(reverse("growth:feed_fetch", args=[feed.pk])).status_code, 404
        )
        self.assertEqual(
            self.client.get(reverse("growth:reading_new"), {"entry": entry.pk}).status_code, 404
        )
        self.assertNotContains(self.client.get(reverse("growth:watch"), {"show": "all"}), "Alice")
