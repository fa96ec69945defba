"""Lock-out after repeated authentication failures: one rule for log-ins and API tokens.

After `limit` failures for one key (an account, or an address) within `window` seconds, further
attempts are refused, even with the right password, until the oldest of those failures leaves the
window. Refused attempts are not counted: the password is not even checked, so they teach an
attacker nothing, and the person can trust the time we tell them to come back.

Failures live in the database (AuthFailure) so that every server process sees them. Each check is
one indexed query; each failure prunes the rows that left the window.
"""

import datetime
import math
from dataclasses import dataclass

from django.utils import timezone

from accounts import conf
from accounts.models import AuthFailure

Scope = AuthFailure.Scope


def now():
    """The current time; tests move it with accounts.tests.helpers.travel()."""
    return timezone.now()


@dataclass(frozen=True)
class Lockout:
    """Attempts for a key are refused until `until`."""

    until: datetime.datetime

    @property
    def seconds_left(self):
        return max(0, math.ceil((self.until - now()).total_seconds()))

    @property
    def minutes_left(self):
        return max(1, math.ceil(self.seconds_left / 60))


def _rule(scope):
    if scope == Scope.TOKEN_ADDRESS:
        return conf.get("TOKEN_FAILURE_LIMIT"), conf.get("TOKEN_LOCKOUT_SECONDS")
    return conf.get("LOGIN_FAILURE_LIMIT"), conf.get("LOGIN_LOCKOUT_SECONDS")


def lockout(scope, value):
    """Return the Lockout in force for `value` (an email or IP address) in `scope`, or None."""
    if not value:
        return None
    limit, window = _rule(scope)
    if limit <= 0:
        return None
    current = now()
    times = list(
        AuthFailure.objects.filter(
            scope=scope,
            key=AuthFailure.key_of(value),
            at__gt=current - datetime.timedelta(seconds=window),
        )
        .order_by("-at")
        .values_list("at", flat=True)[:limit]
    )
    if len(times) < limit:
        return None
    # The limit-th most recent failure leaves the window first; then fewer than `limit` remain.
    return Lockout(until=times[-1] + datetime.timedelta(seconds=window))


def first_lockout(*scoped_values):
    """The lock-out lasting longest among (scope, value) pairs, or None if none is locked."""
    found = [lock for scope, value in scoped_values if (lock := lockout(scope, value))]
    return max(found, key=lambda lock: lock.until, default=None)


def record_failure(*scoped_values):
    """Record one failure for each (scope, value) pair and forget failures out of every window."""
    current = now()
    AuthFailure.objects.bulk_create(
        AuthFailure(scope=scope, key=AuthFailure.key_of(value), at=current)
        for scope, value in scoped_values
        if value
    )
    longest = max(_rule(Scope.ACCOUNT)[1], _rule(Scope.TOKEN_ADDRESS)[1])
    AuthFailure.objects.filter(at__lte=current - datetime.timedelta(seconds=longest)).delete()


def clear(scope, value):
    """Forget the failures of `value` in `scope`, e.g. an account after a successful log-in."""
    if value:
        AuthFailure.objects.filter(scope=scope, key=AuthFailure.key_of(value)).delete()


def client_address(request):
    """The visitor's IP address, trusting as many X-Forwarded-For hops as there are proxies."""
    proxies = conf.get("PARCOURS_TRUSTED_PROXIES")
    if proxies > 0:
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
