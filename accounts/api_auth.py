"""Authentication for the JSON API: personal tokens for scripts, the session for the browser."""

import zoneinfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from accounts import throttle
from accounts.models import ApiToken


def apply_preferences(user):
    """Answer in the person's language and time zone (the middleware ran before we knew them)."""
    if user.language:
        translation.activate(user.language)
    try:
        timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        timezone.deactivate()


class TooManyInvalidTokens(HttpError):
    """429, with the seconds until the address may try again (the Retry-After header)."""

    def __init__(self, seconds_left, message):
        super().__init__(429, message)
        self.retry_after = max(1, seconds_left)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer prc_...` with a token created on the profile page.

    Throttled (accounts/throttle.py) so that nobody is locked out by someone else: a token
    refused again and again is refused at once (429) for the window, counted by its first
    PREFIX_LENGTH characters, which no one but its owner knows; an address presenting many
    invalid tokens gets 429 for its invalid ones, while its valid tokens keep working. A 429's
    Retry-After header says how many seconds are left.
    """

    PREFIX_LENGTH = 16  # "prc_" and 12 random characters: more than the hint shown

    def authenticate(self, request, token):
        raw = token.strip()
        prefix = raw[: self.PREFIX_LENGTH]
        lock = throttle.lockout(throttle.Scope.TOKEN_PREFIX, prefix)
        if lock is not None:
            raise TooManyInvalidTokens(
                lock.seconds_left,
                ngettext(
                    "This token was refused too many times. Try again in %(minutes)s minute.",
                    "This token was refused too many times. Try again in %(minutes)s minutes.",
                    lock.minutes_left,
                )
                % {"minutes": lock.minutes_left},
            )
        user = ApiToken.authenticate(raw)
        if user is not None:
            request.user = user
            apply_preferences(user)
            return user
        address = throttle.client_address(request)
        lock = throttle.lockout(throttle.Scope.TOKEN_ADDRESS, address)
        if lock is not None:
            # Not recorded: past the limit, the table stays small whatever an address sends.
            raise TooManyInvalidTokens(
                lock.seconds_left,
                ngettext(
                    "Too many invalid API tokens from your address. Try again in %(minutes)s "
                    "minute.",
                    "Too many invalid API tokens from your address. Try again in %(minutes)s "
                    "minutes.",
                    lock.minutes_left,
                )
                % {"minutes": lock.minutes_left},
            )
        throttle.record_failure(
            (throttle.Scope.TOKEN_PREFIX, prefix), (throttle.Scope.TOKEN_ADDRESS, address)
        )
        return None


class SessionAuth(APIKeyCookie):
    """The browser's session, with Django's CSRF check on unsafe methods.

    Unlike ninja's django_auth, a request without a signed-in session is simply not
    authenticated here (401 from the API), and a failed CSRF check says so in the person's
    language.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        return None  # the session middleware already read the cookie

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(
                403, _("The CSRF check failed: reload the page and try again, or use a token.")
            )
        return request.user

    def authenticate(self, request, key):
        return request.user if request.user.is_authenticated else None


def api_auth():
    """The authentication every accounts route uses: a token first, then the session."""
    return [TokenAuth(), SessionAuth()]
