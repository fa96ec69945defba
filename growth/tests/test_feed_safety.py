"""Feed fetching under abuse: a total deadline, no private addresses, nothing about internal hosts.

Every server here listens on 127.0.0.1; tests that must reach it switch the private-address
allowance on (PARCOURS_FETCH_PRIVATE_ADDRESSES), as a self-hosted install would. No test sends
a packet anywhere else: refused addresses are refused before any connection (checked).
"""

import threading
from unittest import mock

from django.test import override_settings

from accounts.testing import BaseTestCase
from core import safe_http
from growth import feeds
from growth.models import Feed
from growth.tests.feedserver import RSS, Trickle, serve

# Far more than any fetch may take with a deadline of one second: reaching it is the failure.
NEVER = 60


def download_in_thread(url):
    """Download `url` as a feed fetch does, in a thread (the network part: the database stays
    with the test); return (finished, the error message for the person) once it ends or NEVER
    passes."""
    result = {}

    def run():
        try:
            feeds.download(url)
        except feeds.FeedError as error:
            result["error"] = str(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(NEVER)
    return not thread.is_alive(), result.get("error", "")


@override_settings(PARCOURS_FETCH_PRIVATE_ADDRESSES=True, GROWTH_FEED_FETCH_SECONDS=1)
class DeadlineTests(BaseTestCase):
    """The probe: a server trickling one byte every 5 s held a thread for ever; eight of them
    made the log-in page time out for everyone. One deadline now covers the whole fetch."""

    def test_a_server_trickling_headers_body_or_tls_is_cut_at_the_deadline(self):
        for stage in ("headers", "body", "tls"):
            with self.subTest(stage=stage), Trickle(stage, interval=0.1) as url:
                finished, error = download_in_thread(url)
                self.assertTrue(finished, f"a {stage} trickle held the fetch for {NEVER} s")
                self.assertEqual(error, "The feed did not answer within 1 second.")

    def test_the_bytes_read_are_bounded_by_the_deadline_not_by_the_server(self):
        trickle = Trickle("body", interval=0.05)
        with trickle as url:
            finished, _error = download_in_thread(url)
        self.assertTrue(finished)
        # One byte every 0.05 s for a one-second deadline: about 20 bytes. The bound leaves
        # room for a slow machine (20 s of trickle); a reader without a deadline takes all
        # the server sends until the test stops it (NEVER seconds: 1,200 bytes).
        self.assertLess(trickle.sent, 400)
        self.assertEqual(trickle.connections, 1)

    def test_a_server_that_redirects_in_a_loop_stops_after_a_few_hops(self):
        with serve({"/loop": (302, {"Location": "/loop"}, b"")}) as base:
            finished, error = download_in_thread(base + "/loop")
        self.assertTrue(finished)
        self.assertIn("could not be reached", error)


class PrivateAddressTests(BaseTestCase):
    """Server-side request forgery: by default no loopback, private or link-local address is
    fetched, whatever name leads to it, on the first request and after every redirect."""

    def assert_refused_without_connecting(self, url):
        with mock.patch(
            "urllib3.util.connection.create_connection", side_effect=AssertionError("connected")
        ) as connect:
            feed = Feed.objects.create(user=self.alice, url=url)
            self.assertIsNone(feeds.fetch(feed))
        connect.assert_not_called()
        feed.refresh_from_db()
        return feed.last_error

    def test_it_refuses_internal_addresses_in_every_spelling(self):
        for url in [
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:8000/feed",
            "http://localhost:8000/feed",
            "http://127.1/feed",
            "http://2130706433/feed",  # 127.0.0.1 as one number
            "http://0.0.0.0:8000/",
            "http://[::1]:8000/",
            "http://[::ffff:127.0.0.1]/",
            "http://10.0.0.1/",
            "http://192.168.1.1/",
            "http://100.64.0.1/",
        ]:
            with self.subTest(url=url):
                error = self.assert_refused_without_connecting(url)
                self.assertIn("could not be reached", error)

    def test_a_loopback_server_receives_nothing(self):
        hits = []
        with serve({"/rss": (200, {}, RSS)}) as base:
            import growth.tests.feedserver as server

            original = server._Handler.do_GET
            with mock.patch.object(
                server._Handler, "do_GET", lambda h: hits.append(h.path) or original(h)
            ):
                feed = Feed.objects.create(user=self.alice, url=base + "/rss")
                self.assertIsNone(feeds.fetch(feed))
        self.assertEqual(hits, [])
        self.assertFalse(feed.entries.exists())

    def test_every_redirect_is_checked(self):
        # The first hop is allowed (loopback, for this test only); where it leads is not.
        for target in ("http://169.254.169.254/", "http://10.1.2.3/feed", "http://[fe80::1]/"):
            with (
                self.subTest(target=target),
                serve({"/moved": (302, {"Location": target}, b"")}) as base,
                self.assertRaises(safe_http.FetchError) as caught,
            ):
                safe_http.get(base + "/moved", seconds=5, max_bytes=1000, allow_loopback=True)
            self.assertEqual(caught.exception.kind, "unreachable")
            self.assertIn("InvalidIPAddress", caught.exception.reason)

    def test_the_error_says_nothing_about_what_is_at_an_internal_address(self):
        # A closed port, an open one, an unknown name and a refused address read the same:
        # `last_error` is no port scanner.
        with serve({"/rss": (200, {}, RSS)}) as base:
            open_port = base + "/rss"
        errors = set()
        for url in (
            open_port,
            "http://127.0.0.1:1/feed",
            "http://no-such-host.invalid/feed",
            "http://169.254.169.254/",
        ):
            feed = Feed.objects.create(user=self.alice, url=url)
            feeds.fetch(feed)
            feed.refresh_from_db()
            errors.add(feed.last_error)
        self.assertEqual(len(errors), 1, errors)
        [error] = errors
        self.assertNotIn("127.0.0.1", error)
        self.assertNotIn("refused", error.lower())

    @override_settings(PARCOURS_FETCH_PRIVATE_ADDRESSES=True)
    def test_a_self_hosted_install_may_read_its_intranet_feeds(self):
        with serve({"/rss": (200, {}, RSS)}) as base:
            feed = Feed.objects.create(user=self.alice, url=base + "/rss")
            self.assertEqual(feeds.fetch(feed), 2)

    def test_the_form_refuses_an_address_typed_as_a_private_one(self):
        from growth.forms import FeedForm

        for url in (
            "http://127.0.0.1/feed",
            "http://localhost/rss",
            "http://[::1]/",
            "http://10.0.0.5/",
        ):
            form = FeedForm({"url": url}, user=self.alice)
            self.assertFalse(form.is_valid(), url)
            self.assertIn("private network", form.errors["url"][0])
        with override_settings(PARCOURS_FETCH_PRIVATE_ADDRESSES=True):
            self.assertTrue(FeedForm({"url": "http://10.0.0.5/"}, user=self.alice).is_valid())
