from django.test import RequestFactory, TestCase, override_settings

from accounts import throttle
from accounts.models import AuthFailure
from accounts.tests.helpers import frozen_clock

Scope = throttle.Scope


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_LOCKOUT_SECONDS=60)
class ThrottleTestCase(TestCase):
    def test_it_locks_out_at_the_limit_until_the_oldest_failure_leaves_the_window(self):
        with frozen_clock() as clock:
            start = clock.now
            for _ in range(2):
                throttle.record_failure((Scope.ACCOUNT, "a@example.org"))
                clock.advance(5)
            self.assertIsNone(throttle.lockout(Scope.ACCOUNT, "a@example.org"))
            throttle.record_failure((Scope.ACCOUNT, "A@Example.org "))  # same account
            lock = throttle.lockout(Scope.ACCOUNT, "a@example.org")
            self.assertEqual((lock.until - start).total_seconds(), 60)
            self.assertEqual(lock.minutes_left, 1)
            self.assertIsNone(throttle.lockout(Scope.ADDRESS, "a@example.org"))
            clock.advance(51)  # start + 61: the first failure has left the window
            self.assertIsNone(throttle.lockout(Scope.ACCOUNT, "a@example.org"))

    def test_it_stores_digests_only_and_prunes_old_rows(self):
        with frozen_clock() as clock:
            throttle.record_failure((Scope.ADDRESS, "192.0.2.1"))
            self.assertNotIn("192.0.2.1", AuthFailure.objects.get().key)
            clock.advance(3601)  # past every window (password-reset emails count for an hour)
            throttle.record_failure((Scope.ADDRESS, "192.0.2.2"))
        self.assertEqual(AuthFailure.objects.count(), 1)

    def test_it_clears_one_key(self):
        throttle.record_failure((Scope.ACCOUNT, "a@example.org"), (Scope.ADDRESS, "192.0.2.1"))
        throttle.clear(Scope.ACCOUNT, "a@example.org")
        self.assertEqual(list(AuthFailure.objects.values_list("scope", flat=True)), ["address"])

    def test_it_checks_with_one_query(self):
        with self.assertNumQueries(1):
            throttle.lockout(Scope.ACCOUNT_ADDRESS, "a@example.org|192.0.2.1")
        with self.assertNumQueries(1):
            throttle.slowdown("a@example.org")

    @override_settings(TOKEN_FAILURE_LIMIT=1, TOKEN_LOCKOUT_SECONDS=30)
    def test_it_counts_token_failures_with_their_own_rule(self):
        throttle.record_failure((Scope.TOKEN_PREFIX, "prc_abcdefghijkl"))
        self.assertIsNotNone(throttle.lockout(Scope.TOKEN_PREFIX, "prc_abcdefghijkl"))
        self.assertIsNone(throttle.lockout(Scope.ACCOUNT_ADDRESS, "prc_abcdefghijkl"))

    def test_an_account_is_slowed_down_never_locked(self):
        with frozen_clock() as clock:
            for _ in range(3):
                throttle.record_failure((Scope.ACCOUNT, "a@example.org"))
            self.assertEqual(throttle.slowdown("a@example.org").seconds_left, 1)
            self.assertTrue(throttle.slowdown("a@example.org").slow)
            for _ in range(30):
                throttle.record_failure((Scope.ACCOUNT, "a@example.org"))
            self.assertEqual(throttle.slowdown("a@example.org").seconds_left, 60)
            clock.advance(60)
            self.assertIsNone(throttle.slowdown("a@example.org"))


class ClientAddressTestCase(TestCase):
    def request(self, forwarded=None):
        extra = {"REMOTE_ADDR": "10.0.0.1"}
        if forwarded is not None:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return RequestFactory().get("/", **extra)

    def test_it_ignores_x_forwarded_for_without_a_trusted_proxy(self):
        self.assertEqual(throttle.client_address(self.request("6.6.6.6")), "10.0.0.1")

    @override_settings(PARCOURS_TRUSTED_PROXIES=1)
    def test_it_takes_the_address_the_proxy_saw(self):
        # The client may send its own X-Forwarded-For; the proxy appends the real address.
        request = self.request("6.6.6.6, 203.0.113.7")
        self.assertEqual(throttle.client_address(request), "203.0.113.7")
        self.assertEqual(throttle.client_address(self.request()), "10.0.0.1")
