"""Apply a signed-in person's language and time zone to every request."""

import zoneinfo

from django.conf import settings
from django.utils import timezone, translation


class PreferencesMiddleware:
    """Runs after LocaleMiddleware and AuthenticationMiddleware.

    A signed-in person's saved language wins over the browser's and the cookie's, so the choice
    follows them from device to device. LocaleMiddleware then sets `Content-Language` from the
    active language, and base.html its `<html lang>`. Visitors get the cookie's or the browser's
    language (LocaleMiddleware) and UTC.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = dict(settings.LANGUAGES)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if user.language in self.languages:
                translation.activate(user.language)
                request.LANGUAGE_CODE = translation.get_language()
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)
