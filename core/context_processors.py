"""Template context shared by every page."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# The main navigation, in order. An entry whose URL does not resolve (an app not installed in a
# trimmed-down deployment) is left out rather than breaking every page.
NAVIGATION = [
    ("goals", "goals:index", _("Goals")),
    ("taxonomy", "taxonomy:index", _("Skills & occupations")),
    ("growth", "growth:index", _("Growth")),
    ("jobs", "jobs:index", _("Jobs")),
    ("mentoring", "mentoring:index", _("Mentoring")),
    ("organisations", "organisations:index", _("Organisation")),
    ("agenda", "agenda:index", _("Agenda")),
]


def navigation(request):
    items = []
    current_app = getattr(getattr(request, "resolver_match", None), "app_name", None)
    for app, url_name, label in NAVIGATION:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"app": app, "url": url, "label": label, "current": app == current_app})
    return {"navigation": items}
