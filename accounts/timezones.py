"""The IANA time zones offered on the profile, grouped by region for a usable select."""

import functools
import zoneinfo

from django.utils.translation import gettext_lazy as _

# Regions of canonical zone names; legacy aliases (US/Eastern, Etc/GMT+5, EST5EDT...) stay valid
# when stored but are not offered.
REGIONS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic Ocean"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific Ocean"),
}


@functools.cache
def all_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_valid(name: object) -> bool:
    return isinstance(name, str) and name in all_zones()


def label(name: str) -> str:
    """'America/Argentina/Buenos_Aires' -> 'Argentina / Buenos Aires'."""
    return name.split("/", 1)[-1].replace("_", " ").replace("/", " / ")


@functools.cache
def grouped_choices() -> list:
    """Choices for a select: UTC first, then one group per region, sorted by label."""
    groups = {region: [] for region in REGIONS}
    for name in all_zones():
        region = name.split("/", 1)[0]
        if region in groups and "/" in name:
            groups[region].append((name, label(name)))
    return [("UTC", "UTC")] + [
        (REGIONS[region], sorted(zones, key=lambda choice: choice[1]))
        for region, zones in groups.items()
    ]


def choices_including(current: str) -> list:
    """The grouped choices, plus `current` if it is a valid zone not offered (a legacy alias)."""
    choices = grouped_choices()
    offered = {"UTC"} | {name for _region, zones in choices[1:] for name, _label in zones}
    if current and current not in offered and is_valid(current):
        return [(current, current), *choices]
    return choices
