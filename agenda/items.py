"""What an app contributes to a person's agenda.

Each app that has dated things to show defines `<app>/agenda.py` with

    def items(user, start, end):
        '''Return AgendaItem objects for `user` due between the dates `start` and `end`
        (inclusive), plus anything overdue and still open before `start`.'''

The agenda page and the iCalendar feed call every such provider; neither knows the apps.
Providers must run a fixed number of queries whatever the amount of data.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class AgendaItem:
    uid: str  # stable and unique across apps, e.g. "goals-step-42"; used as the iCalendar UID
    date: datetime.date  # the day it is due
    title: str  # already in the person's language
    url: str  # where to act on it, relative to the site root
    kind: str  # e.g. "step", "stage", "review", "follow-up", "session", "keep-in-touch"
    done: bool = False
    overdue: bool = False
    time: datetime.time | None = None  # for things at a precise time, such as a session
    duration_minutes: int | None = None
    description: str = ""
