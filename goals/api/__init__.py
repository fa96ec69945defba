"""JSON API routes of the goals app, mounted under /api/ by parcours.api: goals and their
action plans, check-ins and reviews (goals.py); the SMART check of any text (check.py, owned
with goals.smart)."""

from ninja import Router

from goals.api import check, goals

router = Router(tags=["goals"])
router.add_router("", goals.router)
router.add_router("", check.router)
