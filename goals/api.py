"""JSON API routes of the goals app, mounted under /api/ by parcours.api."""

from ninja import Router

router = Router(tags=["goals"])
