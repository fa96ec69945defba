"""Known devices: a browser where a person signed in before.

A successful log-in (or a password reset through the emailed link) leaves a signed cookie
naming the account (a digest of its email, never the address itself) and a random device id.
While an account is slowed down by failures from elsewhere (accounts/throttle.py), that browser
still gets in with the right password; its own failures are counted on its device id. The
cookie is no credential: without the password it opens nothing.
"""

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

COOKIE = "parcours_device"
SALT = "accounts.devices"
MAX_AGE = 365 * 24 * 3600


def _account(email):
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def remember(response: HttpResponse, email: str) -> HttpResponse:
    """Mark the browser answered with `response` as a known device of the account `email`."""
    value = signing.dumps({"a": _account(email), "d": secrets.token_urlsafe(16)}, salt=SALT)
    response.set_cookie(
        COOKIE,
        value,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
    )
    return response


def known_device(request: HttpRequest | None, email: str) -> str | None:
    """The device id if `request` comes from a known device of the account `email`, else None."""
    raw = request.COOKIES.get(COOKIE) if request is not None else None
    if not raw or not email:
        return None
    try:
        value = signing.loads(raw, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("a") != _account(email):
        return None
    device = value.get("d")
    return device if isinstance(device, str) and device else None
