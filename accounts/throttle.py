"""Throttling of authentication: who may try again, and when. One module for log-ins, API
tokens and password-reset emails.

Locks (`lockout`): after `limit` failures for one key within `window` seconds, further attempts
for that key are refused, even with the right password, until the oldest of those failures leaves
the window. The keys are chosen so that nobody can lock someone else out:

- an account *from one address* (ACCOUNT_ADDRESS): a stranger's guesses lock only the
  stranger's address, never the owner elsewhere, nor the others behind the same address;
- a known device (DEVICE, the signed cookie a successful log-in leaves, accounts/devices.py):
  the owner's own typos on her own device;
- an address, whatever the accounts (ADDRESS, LOGIN_ADDRESS_FAILURE_LIMIT, much higher): one
  address trying many accounts;
- a token prefix (TOKEN_PREFIX): a script repeating a wrong or revoked token, never the other
  tokens of its address; and an address guessing many tokens (TOKEN_ADDRESS, higher), whose
  invalid tokens get 429 while its valid tokens still work.

Slow-down (`slowdown`): failures for an account from any address never lock it; past `limit`,
each attempt from a device not known must wait 1, 2, 4... seconds after the last failure, at most
LOGIN_SLOWDOWN_MAX_SECONDS. A correct password from a known device is not slowed down.

Refused attempts are not counted: the password is not even checked, so they teach an attacker
nothing, and the person can trust the time we tell them to come back. Failures live in the
database (AuthFailure) so that every server process, on every server, sees them. Each check is
one indexed query; each failure prunes the rows that left every window.
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
    """Attempts for a key are refused until `until`; `slow` for a slow-down (seconds, not a
    lock-out)."""

    until: datetime.datetime
    slow: bool = False

    @property
    def seconds_left(self):
        return max(0, math.ceil((self.until - now()).total_seconds()))

    @property
    def minutes_left(self):
        return max(1, math.ceil(self.seconds_left / 60))


def _rule(scope):
    """(limit, window in seconds) of a scope."""
    if scope == Scope.TOKEN_PREFIX:
        return conf.get("TOKEN_FAILURE_LIMIT"), conf.get("TOKEN_LOCKOUT_SECONDS")
    if scope == Scope.TOKEN_ADDRESS:
        return conf.get("TOKEN_ADDRESS_FAILURE_LIMIT"), conf.get("TOKEN_LOCKOUT_SECONDS")
    if scope == Scope.ADDRESS:
        return conf.get("LOGIN_ADDRESS_FAILURE_LIMIT"), conf.get("LOGIN_LOCKOUT_SECONDS")
    if scope == Scope.RESET_ACCOUNT:
        return conf.get("PASSWORD_RESET_EMAILS_PER_HOUR"), 3600
    if scope == Scope.RESET_ADDRESS:
        return conf.get("PASSWORD_RESET_EMAILS_PER_ADDRESS_PER_HOUR"), 3600
    return conf.get("LOGIN_FAILURE_LIMIT"), conf.get("LOGIN_LOCKOUT_SECONDS")


def pair(email, address):
    """The key of one account tried from one address."""
    return f"{email.strip().lower()}|{address}"


def _recent(scope, value, window, count):
    """The times of the `count` latest failures of `value` in `scope` within the window, newest
    first (one indexed query)."""
    return list(
        AuthFailure.objects.filter(
            scope=scope,
            key=AuthFailure.key_of(value),
            at__gt=now() - datetime.timedelta(seconds=window),
        )
        .order_by("-at")
        .values_list("at", flat=True)[:count]
    )


def lockout(scope, value):
    """Return the Lockout in force for `value` (an email or IP address) in `scope`, or None."""
    if not value:
        return None
    limit, window = _rule(scope)
    if limit <= 0:
        return None
    times = _recent(scope, value, window, limit)
    if len(times) < limit:
        return None
    # The limit-th most recent failure leaves the window first; then fewer than `limit` remain.
    return Lockout(until=times[-1] + datetime.timedelta(seconds=window))


def slowdown(email):
    """The wait in force for attempts on the account `email` from devices it does not know.

    Past LOGIN_FAILURE_LIMIT failures within the window, from any addresses, an attempt must
    come at least 2 ** (failures - limit) seconds (at most LOGIN_SLOWDOWN_MAX_SECONDS) after
    the last failure. One indexed query.
    """
    if not email:
        return None
    limit, window = _rule(Scope.ACCOUNT)
    if limit <= 0:
        return None
    longest = conf.get("LOGIN_SLOWDOWN_MAX_SECONDS")
    # Enough failures to reach the longest wait; more would not change it.
    enough = limit + max(1, math.ceil(math.log2(max(longest, 1)))) + 1
    times = _recent(Scope.ACCOUNT, email, window, enough)
    if len(times) < limit:
        return None
    wait = min(longest, 2 ** (len(times) - limit))
    until = times[0] + datetime.timedelta(seconds=wait)
    return Lockout(until=until, slow=True) if until > now() else None


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
    longest = max(_rule(scope)[1] for scope in Scope)
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
