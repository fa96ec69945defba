"""The main navigation and the signed-in overview, contributed by the apps.

An app that is an area of Parcours says so on its AppConfig, next to its name:

    class GoalsConfig(AppConfig):
        area = Area("goals:index", _("Goals"), _("Set career goals that hold..."), order=10)

and an app may add links to the overview (`overview_links = [Link("reports:report", ...)]`).
The header and the overview list what the installed apps declare, areas by `order`: core names
no app, and an app left out of INSTALLED_APPS simply does not show.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Area:
    url_name: str
    label: str
    summary: str = ""
    order: int = 100


@dataclass(frozen=True)
class Link:
    url_name: str
    label: str


def _url(url_name):
    try:
        return reverse(url_name)
    except NoReverseMatch:  # an app installed without its URLs: left out, never a broken page
        return None


def areas(current_app: str | None = None) -> list[dict]:
    """The areas of the installed apps in navigation order: app, url, label, summary, current."""
    declared = [
        (config.area, config.label)
        for config in apps.get_app_configs()
        if isinstance(getattr(config, "area", None), Area)
    ]
    items = []
    for area, app in sorted(declared, key=lambda pair: pair[0].order):
        url = _url(area.url_name)
        if url is not None:
            items.append(
                {
                    "app": app,
                    "url": url,
                    "label": area.label,
                    "summary": area.summary,
                    "current": app == current_app,
                }
            )
    return items


def overview_links() -> list[dict]:
    """The links the installed apps add to the signed-in overview, in INSTALLED_APPS order."""
    links = []
    for config in apps.get_app_configs():
        for link in getattr(config, "overview_links", ()):
            url = _url(link.url_name)
            if url is not None:
                links.append({"url": url, "label": link.label})
    return links
