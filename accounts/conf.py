"""Settings of the accounts app and their defaults.

Each value is read from the project settings when set there (so tests can use
override_settings), else from the defaults below. Read them with `conf.get("NAME")`.
"""

import os

from django.conf import settings

DEFAULTS = {
    # Failed log-ins for one account from one address (or from one known device) within the
    # window lock further attempts from there out until the window has passed; from anywhere,
    # past this many failures, attempts on the account are slowed down instead
    # (accounts/throttle.py).
    "LOGIN_FAILURE_LIMIT": 5,
    "LOGIN_LOCKOUT_SECONDS": 900,
    # The longest wait between two attempts on an account under attack, from a device it does
    # not know.
    "LOGIN_SLOWDOWN_MAX_SECONDS": 60,
    # Failed log-ins from one address, whatever the accounts: an address trying many accounts.
    # High, because an office or a proxy puts many people behind one address.
    "LOGIN_ADDRESS_FAILURE_LIMIT": 50,
    # A token refused this many times (counted by its first 16 characters) is refused at once
    # (429) for the window; other tokens of the same address are not affected.
    "TOKEN_FAILURE_LIMIT": None,  # None: same as LOGIN_FAILURE_LIMIT
    "TOKEN_LOCKOUT_SECONDS": None,  # None: same as LOGIN_LOCKOUT_SECONDS
    # Invalid tokens from one address, whatever they are: past it, invalid tokens get 429 (and
    # are no longer recorded); valid tokens from the address still work.
    "TOKEN_ADDRESS_FAILURE_LIMIT": 100,
    # Password-reset emails: at most this many per account, and per asking address, an hour.
    "PASSWORD_RESET_EMAILS_PER_HOUR": 3,
    "PASSWORD_RESET_EMAILS_PER_ADDRESS_PER_HOUR": 10,
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
