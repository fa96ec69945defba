"""The agenda as an RFC 5545 calendar, built with the `icalendar` package."""

import datetime
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone

from agenda.items import AgendaItem

PRODID = "-//Parcours//Agenda//EN"


def calendar(items: Iterable[AgendaItem], name: str, base_url: str = "") -> bytes:
    """A VCALENDAR with one VEVENT per item (VTODO support in calendar apps is too uneven)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    host = getattr(settings, "AGENDA_UID_DOMAIN", "parcours")
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"{item.uid}@{host}")
        event.add("dtstamp", stamp)
        summary = f"✓ {item.title}" if item.done else item.title
        event.add("summary", summary)
        if item.time is not None:
            start = datetime.datetime.combine(item.date, item.time)
            event.add("dtstart", start)
            event.add("dtend", start + datetime.timedelta(minutes=item.duration_minutes or 60))
        else:
            event.add("dtstart", item.date)
            event.add("dtend", item.date + datetime.timedelta(days=1))
        if item.description:
            event.add("description", item.description)
        if base_url:
            event.add("url", base_url + item.url)
        event.add("categories", [item.kind])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
