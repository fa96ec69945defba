"""The JSON API: one NinjaAPI, one router per app, one error shape.

Every error answers `{"detail": ...}` with a 4xx status: a translated sentence, or for invalid
input the list of problems, each with where it is (`loc`) and what is wrong (`msg`).
"""

import logging

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from accounts.api_auth import api_auth

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="Parcours API",
    version="1",
    description="Career development: occupations and skills, goals, growth, jobs, mentoring.",
    urls_namespace="api",
    docs_url="/docs",
    auth=api_auth(),
)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(request, {"detail": exc.errors}, status=422)


@api.exception_handler(AuthenticationError)
def authentication_error(request, exc):
    return api.create_response(
        request,
        {"detail": _("Authentication required: sign in, or send a valid API token.")},
        status=401,
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(Exception)
def unexpected_error(request, exc):
    logger.exception("Unexpected API error on %s", request.path)
    return api.create_response(
        request, {"detail": _("Something went wrong on our side. Please try again.")}, status=500
    )


def _mount_routers():
    from accounts.api import router as accounts_router
    from agenda.api import router as agenda_router
    from core.api import router as core_router
    from goals.api import router as goals_router
    from growth.api import router as growth_router
    from jobs.api import router as jobs_router
    from mentoring.api import router as mentoring_router
    from taxonomy.api import router as taxonomy_router

    # Each router declares full paths (e.g. "/occupations", "/goals/{id}"), so all mount at "/".
    for router in (
        core_router,
        accounts_router,
        taxonomy_router,
        goals_router,
        growth_router,
        jobs_router,
        mentoring_router,
        agenda_router,
    ):
        api.add_router("/", router)


_mount_routers()
