"""JSON API routes of the agenda app, mounted under /api/ by parcours.api."""

from ninja import Router

router = Router(tags=["agenda"])
