"""JSON API routes of the core app, mounted under /api/ by parcours.api."""

from ninja import Router

router = Router(tags=["core"])
