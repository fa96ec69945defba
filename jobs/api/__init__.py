"""JSON API routes of the jobs app, mounted under /api/ by parcours.api: applications
(applications.py), interviews and reflections (interviews.py), the interview coach (coach.py)
and the alignment check of any posting and answer (check.py, owned with jobs.alignment).

Every route works on the caller's own data: another person's application, interview, answer,
attempt or reflection answers 404 {"detail"}.
"""

from ninja import Router

from jobs.api import applications, check, coach, interviews

router = Router(tags=["jobs"])
router.add_router("", applications.router)
router.add_router("", interviews.router)
router.add_router("", coach.router)
router.add_router("", check.router)
