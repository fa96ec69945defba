"""JSON API routes of the taxonomy app, mounted under /api/ by parcours.api: occupation and
skill search and extraction (search.py); the skills profile, targets and gap (profile.py)."""

from ninja import Router

from taxonomy.api import profile, search

router = Router(tags=["taxonomy"])
router.add_router("", search.router)
router.add_router("", profile.router)
