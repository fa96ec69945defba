"""JSON API routes of the mentoring app, mounted under /api/ by parcours.api: profiles and
matches (profiles.py), mentorships (mentorships.py), sessions (sessions.py) and imported
history (history.py).

The same rules as the pages (mentoring.lifecycle, mentoring.access): another person's mentorship,
session or feedback answers 404; private notes only ever come back to their author; a rule's
refusal answers 400 with its sentence (docs/apps/mentoring.md).
"""

from ninja import Router

from mentoring.api import history, mentorships, profiles, sessions

router = Router(tags=["mentoring"])
router.add_router("", profiles.router)
router.add_router("", mentorships.router)
router.add_router("", sessions.router)
router.add_router("", history.router)
