"""JSON API routes of the jobs app, mounted under /api/ by parcours.api."""

from ninja import Router

router = Router(tags=["jobs"])
