"""Template context shared by every page."""

from core.navigation import areas


def navigation(request):
    """The main navigation (core.navigation), the current app's area marked."""
    current_app = getattr(getattr(request, "resolver_match", None), "app_name", None)
    return {"navigation": areas(current_app)}
