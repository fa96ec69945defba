"""JSON API routes of the taxonomy app, mounted under /api/ by parcours.api."""

from ninja import Router

router = Router(tags=["taxonomy"])
