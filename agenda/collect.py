"""Gathers agenda items from every installed app that has an `agenda` module."""

import datetime
import zoneinfo
from collections.abc import Callable, Iterable

from django.contrib.auth.base_user import AbstractBaseUser

from agenda.items import AgendaItem
from core.discovery import app_modules


def providers() -> list[Callable]:
    """The `items(user, start, end)` function of each app's `agenda` module."""
    return [module.items for module in app_modules("agenda", "items")]


def collect(user: AbstractBaseUser, start: datetime.date, end: datetime.date) -> list[AgendaItem]:
    """Every item for `user` between `start` and `end`, plus what is overdue, in date order.

    Overdue items come first, then the rest by date; within a day, timed items by time.
    """
    items = []
    for provider in providers():
        items.extend(provider(user, start, end))
    return sorted(
        items,
        key=lambda item: (
            not item.overdue,
            item.date,
            item.time is not None,
            item.time or 0,
            item.title,
        ),
    )


def group_by_day(items: Iterable[AgendaItem]) -> list[tuple[datetime.date, list[AgendaItem]]]:
    """[(date, [items])] keeping the order of `items` (overdue first)."""
    groups = []
    for item in items:
        if groups and groups[-1][0] == item.date:
            groups[-1][1].append(item)
        else:
            groups.append((item.date, [item]))
    return groups


def user_time_zone(user: AbstractBaseUser) -> zoneinfo.ZoneInfo:
    """The person's time zone, UTC when theirs is unknown."""
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")
