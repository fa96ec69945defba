"""Template context shared by every page."""

from django.http import HttpRequest

from core.navigation import areas


def navigation(request: HttpRequest) -> dict:
    """The main navigation (core.navigation), the current app's area marked."""
    current_app = getattr(getattr(request, "resolver_match", None), "app_name", None)
    return {"navigation": areas(current_app)}
