"""Settings of the accounts app and their defaults.

Each value is read from the project settings when set there (so tests can use
override_settings), else from the defaults below. Read them with `conf.get("NAME")`.
"""

import os

from django.conf import settings

DEFAULTS = {
    # Failed log-ins for one account, or from one address, within the window lock further
    # attempts out until the window has passed (accounts/throttle.py).
    "LOGIN_FAILURE_LIMIT": 5,
    "LOGIN_LOCKOUT_SECONDS": 900,
    # Invalid API tokens presented from one address: the same rule, counted apart from log-ins
    # so that a misconfigured script does not lock people out of the web interface.
    "TOKEN_FAILURE_LIMIT": None,  # None: same as LOGIN_FAILURE_LIMIT
    "TOKEN_LOCKOUT_SECONDS": None,  # None: same as LOGIN_LOCKOUT_SECONDS
    # How many reverse proxies in front of Parcours append to X-Forwarded-For. With 0 the
    # client address is REMOTE_ADDR. Behind one nginx, set PARCOURS_TRUSTED_PROXIES=1: otherwise
    # every visitor shares the proxy's address and one person's typos lock everyone out.
    "PARCOURS_TRUSTED_PROXIES": int(os.environ.get("PARCOURS_TRUSTED_PROXIES") or 0),
    # A person may keep this many active API tokens at once.
    "ACCOUNTS_MAX_ACTIVE_TOKENS": 20,
}

# Hours per week available for career development: the accepted range (inclusive).
HOURS_PER_WEEK_MIN = 0
HOURS_PER_WEEK_MAX = 80


def get(name: str) -> int:
    value = getattr(settings, name, DEFAULTS[name])
    if value is None and name == "TOKEN_FAILURE_LIMIT":
        return get("LOGIN_FAILURE_LIMIT")
    if value is None and name == "TOKEN_LOCKOUT_SECONDS":
        return get("LOGIN_LOCKOUT_SECONDS")
    return value
