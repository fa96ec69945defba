"""JSON API routes of the mentoring app, mounted under /api/ by parcours.api."""

from ninja import Router

router = Router(tags=["mentoring"])
