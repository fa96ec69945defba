"""The JSON API: one NinjaAPI, one router per app, one error shape.

Every error answers `{"detail": ...}` with a 4xx status: a translated sentence, or for invalid
input (422) the list of problems, each with where it is (`loc`) and what is wrong (`msg`).

The OpenAPI schema (/api/openapi.json, /api/docs) says so: `ParcoursAPI` adds to every operation
the error answers it can give, decided from what the operation takes and how it authenticates
(see `error_statuses`); a route declares only what its own code adds, e.g.
`response={200: ApplicationOut, 409: ErrorOut}`.
"""

import functools
import logging
from http.client import responses as reasons

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponseNotAllowed
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import REF_TEMPLATE
from ninja.parser import Parser
from ninja.schema import NinjaGenerateJsonSchema

from accounts.api_auth import SessionAuth, TokenAuth, api_auth
from core import jsonbody
from core.api_schemas import ErrorOut, ValidationErrorOut
from core.middleware import body_limit, too_large

logger = logging.getLogger(__name__)

UNSAFE_METHODS = {"post", "put", "patch", "delete"}

# What each error status means in this API, as the schema describes it.
ERROR_DESCRIPTIONS = {
    400: "The request body is not JSON, or a value is refused by a rule of this operation.",
    401: "No valid credentials: send `Authorization: Bearer <token>`, or sign in (session).",
    403: "Signed in with the session cookie, but the CSRF token is missing or wrong.",
    404: "Not found, or not yours: another person's things answer 404, never 403.",
    409: "Not possible in the current state, e.g. an attempt already finished.",
    413: "The request body is larger than Parcours takes (2.5 MB for JSON).",
    422: (
        "Invalid input: `detail` lists each problem with its `loc` and `msg`; or, when each "
        "value is well formed but together they break a rule, says so in a sentence."
    ),
    429: (
        "This token was refused too often, or this address sent too many invalid tokens: try "
        "again after `Retry-After` seconds."
    ),
}


def error_statuses(method, operation):
    """The error statuses an operation of the OpenAPI schema can answer, from its signature.

    401 when it needs credentials; 429 when a token is accepted (invalid tokens lock the address
    out); 403 when the session is accepted for a change (the CSRF check); 404 when a path
    parameter names something; 422 when it takes parameters or a body; 400 and 413 when it takes
    a body.
    Statuses a route's own rules add (400, 404, 409...) are declared on the route.
    """
    schemes = {name for requirement in operation.get("security", []) for name in requirement}
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation
    statuses = set()
    if schemes:
        statuses.add(401)
    if TokenAuth.__name__ in schemes:
        statuses.add(429)
    if SessionAuth.__name__ in schemes and method in UNSAFE_METHODS:
        statuses.add(403)
    if any(parameter["in"] == "path" for parameter in parameters):
        statuses.add(404)
    if parameters or has_body:
        statuses.add(422)
    if has_body:
        statuses |= {400, 413}
    return statuses


def error_response(status):
    """The OpenAPI response object of an error status: its meaning and the one error shape."""
    model = ValidationErrorOut if status == 422 else ErrorOut
    response = {
        "description": ERROR_DESCRIPTIONS.get(status, reasons.get(status, "Error")),
        "content": {
            "application/json": {"schema": {"$ref": REF_TEMPLATE.format(model=model.__name__)}}
        },
    }
    if status == 429:
        response["headers"] = {
            "Retry-After": {
                "description": "Seconds until tokens from this address are accepted again.",
                "schema": {"type": "integer", "minimum": 1},
            }
        }
    return response


def declare_errors(schema):
    """Declare the error answers of every operation of `schema` (an OpenAPI dict), in place.

    Every 4xx response, added here or declared by the route, gets its meaning and the shape
    `parcours/api.py`'s handlers give it: ValidationErrorOut for 422, ErrorOut otherwise.
    """
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorOut, ValidationErrorOut):
        definition = model.model_json_schema(
            ref_template=REF_TEMPLATE,
            schema_generator=NinjaGenerateJsonSchema,
            mode="serialization",
        )
        components.update(definition.pop("$defs", {}))
        components[model.__name__] = definition
    for operations in schema["paths"].values():
        for method, operation in operations.items():
            declared = operation["responses"]
            errors = error_statuses(method, operation)
            errors |= {int(status) for status in declared if 400 <= int(status) < 500}
            successes = {s: r for s, r in declared.items() if int(s) not in errors}
            operation["responses"] = successes | {s: error_response(s) for s in sorted(errors)}
    return schema


class JsonParser(Parser):
    """Bodies are read by core.jsonbody: not JSON, nested too deeply or holding text no database
    stores raise a jsonbody.BodyRefused, which ninja wraps in an HttpError(400) (see http_error)."""

    def parse_body(self, request):
        return jsonbody.loads(request.body)


def answer_wrong_method_with_detail(view):
    """Wrap an API view so that a method no route has answers 405 `{"detail"}`, not plain text.

    django-ninja answers it in its own router, before any exception handler of ours runs.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not isinstance(response, HttpResponseNotAllowed):
            return response
        allowed = ", ".join(sorted(method.strip() for method in response["Allow"].split(",")))
        message = _("%(method)s is not allowed here: use %(allowed)s.") % {
            "method": request.method,
            "allowed": allowed,
        }
        answer = api.create_response(request, {"detail": message}, status=405)
        answer["Allow"] = allowed
        return answer

    return wrapper


class ParcoursAPI(NinjaAPI):
    """NinjaAPI whose schema declares every operation's errors, and whose 405 is JSON too."""

    def get_openapi_operation_id(self, operation):
        """`<app>_api_<function>`: the same id whichever module of the app's `api` package
        holds the route, so that splitting a module never renames what clients call."""
        app = operation.view_func.__module__.split(".")[0]
        return f"{app}_api_{operation.view_func.__name__}"

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return declare_errors(schema)

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = answer_wrong_method_with_detail(pattern.callback)
        return patterns, app_name, namespace


api = ParcoursAPI(
    title="Parcours API",
    version="1",
    description=(
        "Career development: occupations and skills, goals, growth, jobs, mentoring, organisations."
    ),
    urls_namespace="api",
    docs_url="/docs",
    auth=api_auth(),
    parser=JsonParser(),
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
    detail = str(exc)
    refused = exc.__cause__
    if isinstance(refused, jsonbody.InvalidText):
        problem = {"loc": refused.loc, "msg": str(refused), "type": "value_error"}
        return api.create_response(request, {"detail": [problem]}, status=422)
    if isinstance(refused, jsonbody.BodyRefused):
        detail = str(refused)
    response = api.create_response(request, {"detail": detail}, status=exc.status_code)
    retry_after = getattr(exc, "retry_after", None)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


@api.exception_handler(RequestDataTooBig)
def request_too_large(request, exc):
    """A body over the limit that the middleware could not see coming (no Content-Length)."""
    return too_large(request, body_limit(request))


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
    from organisations.api import router as organisations_router
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
        organisations_router,
        agenda_router,
    ):
        api.add_router("/", router)


_mount_routers()
