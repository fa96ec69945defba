"""Test helpers for the accounts app."""

import contextlib
import datetime
from unittest import mock

from django.test import override_settings
from django.utils import timezone

from accounts.testing import BaseTestCase


class Clock:
    def __init__(self):
        self.now = timezone.now()

    def advance(self, seconds):
        self.now += datetime.timedelta(seconds=seconds)


@contextlib.contextmanager
def frozen_clock():
    """Stop the lock-out clock (accounts.throttle.now); move it with `clock.advance(seconds)`."""
    clock = Clock()
    with mock.patch("accounts.throttle.now", side_effect=lambda: clock.now):
        yield clock


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class AccountsTestCase(BaseTestCase):
    """BaseTestCase with a fast password hasher: these tests check passwords dozens of times, and
    Argon2 is slow on purpose (test_signup checks that the project uses it)."""

    @classmethod
    def setUpClass(cls):
        cls._fast_hashing = override_settings(PASSWORD_HASHERS=FAST_HASHERS)
        cls._fast_hashing.enable()
        cls.addClassCleanup(cls._fast_hashing.disable)
        super().setUpClass()
