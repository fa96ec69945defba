"""The industry watch pages: follow a feed, fetch it, read, and keep takeaways."""

from django.urls import reverse

from accounts.testing import BaseTestCase
from growth.models import Entry, Feed, ReadingNote
from growth.tests.feedserver import RSS, serve


class WatchViewTests(BaseTestCase):
    def setUp(self):
        self.login()

    def test_it_follows_a_feed_fetches_it_and_lists_its_articles(self):
        with serve({"/rss": (200, {}, RSS)}) as base:
            response = self.client.post(
                reverse("growth:feed_new"), {"url": base + "/rss", "industry": "Finance"}
            )
            feed = Feed.objects.get()
            self.assertRedirects(response, feed.get_absolute_url())
            response = self.client.post(reverse("growth:feed_fetch", args=[feed.pk]), follow=True)
        self.assertContains(response, "2 new articles.")
        self.assertContains(response, "Hiring is up in fintech")
        response = self.client.get(reverse("growth:watch"))
        self.assertContains(response, "Industry News")
        self.assertContains(response, "2 unread")

    def test_a_failing_feed_shows_its_error_and_never_breaks_the_page(self):
        with serve({"/bad": (200, {}, b"<html>no feed here</html>")}) as base:
            feed = Feed.objects.create(user=self.alice, url=base + "/bad", title="Broken feed")
            response = self.client.post(reverse("growth:feed_fetch", args=[feed.pk]), follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This feed could not be read")
        self.assertContains(response, "not a valid RSS or Atom feed")
        response = self.client.get(reverse("growth:watch"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "not a valid RSS or Atom feed")

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
