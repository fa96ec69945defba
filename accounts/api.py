"""JSON API routes of the accounts app, mounted under /api/ by parcours.api."""

from ninja import Router

router = Router(tags=["accounts"])
