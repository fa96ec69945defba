"""JSON API routes of the growth app, mounted under /api/ by parcours.api."""

from ninja import Router

router = Router(tags=["growth"])
