"""Fuzz every API operation from its OpenAPI schema with schemathesis, in process (no server).

Each operation gets generated requests, valid and invalid, from a signed-in person with a
personal API token; every reading operation also gets them from nobody at all. No answer may be
a 5xx, every status must be one the operation declares (parcours/api.py declares the errors of
every operation), and the body must match the schema declared for that status.

Bounded to finish in a few minutes on two cores: a handful of examples per operation,
derandomized so that a failure reproduces run after run. Dig deeper locally with
`PARCOURS_FUZZ_EXAMPLES=200 .venv/bin/pytest tests/test_api_fuzz.py` (docs/apps/fuzzing.md).
"""

import json
import os
from urllib.parse import unquote, urlencode

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.wsgi import get_wsgi_application
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, Phase, assume, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from accounts.models import ApiToken, User
from core.api_schemas import ErrorOut, ValidationErrorOut

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

EXAMPLES = int(os.environ.get("PARCOURS_FUZZ_EXAMPLES", "10"))
# Hostile bodies: fewer per operation, three kinds each (see test_it_refuses_hostile_bodies).
HOSTILE_EXAMPLES = max(1, EXAMPLES // 5)


def an_error_says_what_is_wrong(ctx, response, case):
    """Every 4xx, declared or not, is `{"detail": ...}` (parcours/api.py's one error shape).

    405 included: a method no route has (schemathesis tries TRACE and others) answers JSON too.
    """
    if 400 <= response.status_code < 500:
        shape = ValidationErrorOut if response.status_code == 422 else ErrorOut
        try:
            shape.model_validate_json(response.content)
        except ValueError as error:
            raise AssertionError(f"A {response.status_code} without a detail: {error}") from None


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    an_error_says_what_is_wrong,
]

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())

fuzz_settings = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    # Generated bodies are large and some operations reject most of them: both are the point.
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def token_headers(db):
    # No password: hashing one with Argon2 would only slow every operation's setup.
    person = User.objects.create(email="fuzz@example.org", display_name="Fuzz")
    _token, raw = ApiToken.issue(person, "fuzzing")
    return {"Authorization": f"Bearer {raw}"}


@schema.parametrize()
@fuzz_settings
def test_it_answers_a_signed_in_person_as_the_schema_says(case, token_headers):
    case.call_and_validate(headers=token_headers, checks=CHECKS)


@schema.include(method="GET").parametrize()
@fuzz_settings
def test_it_answers_nobody_as_the_schema_says(case):
    case.call_and_validate(checks=CHECKS)


# Hostile bodies -------------------------------------------------------------------------------
#
# Three kinds of body that crashed the server before (issue 14), sent to every operation that
# takes a body: schemathesis generates a body as usual (valid or not), then it is made hostile.
# Each kind has one right answer, whatever the operation and whatever else the body holds.

SURROGATE = "\ud800"
DEEP = 5_000  # far beyond core.jsonbody.MAX_DEPTH, and beyond Python's recursion limit


def with_surrogates(value):
    """`value` with a lone surrogate in every string, and in a key where there is no string."""
    if isinstance(value, str):
        return value[: len(value) // 2] + SURROGATE + value[len(value) // 2 :]
    if isinstance(value, list):
        return [with_surrogates(item) for item in value] or [SURROGATE]
    if isinstance(value, dict):
        changed = {key: with_surrogates(item) for key, item in value.items()}
        return changed if _has_text(value) else {**changed, SURROGATE: "x"}
    return {SURROGATE: value}


def _has_text(value):
    if isinstance(value, str):
        return True
    if isinstance(value, dict):
        return any(_has_text(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_text(item) for item in value)
    return False


def nested(value):
    """`value` with its first field (or itself) replaced by lists nested DEEP levels down."""
    deep = "[" * DEEP + "]" * DEEP
    if isinstance(value, dict) and value:
        first, *others = value
        rest = json.dumps({key: value[key] for key in others})[1:-1]
        return "{" + json.dumps(first) + ": " + deep + (", " + rest if rest else "") + "}"
    return deep


PADDING = "x" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)


def oversized(value):
    """`value` padded past the body limit (DATA_UPLOAD_MAX_MEMORY_SIZE), the padding made once."""
    body = json.dumps(value)
    if isinstance(value, dict):
        return '{"padding": "' + PADDING + '"' + (", " + body[1:] if len(value) else "}")
    return '["' + PADDING + '", ' + body + "]"


def storable(value):
    """`value` without the lone surrogates and NULs schemathesis puts in generated text."""
    if isinstance(value, str):
        return value.encode("utf-8", "ignore").decode().replace("\x00", "")
    if isinstance(value, list):
        return [storable(item) for item in value]
    if isinstance(value, dict):
        return {storable(key): storable(item) for key, item in value.items()}
    return value


HOSTILE = {
    # kind: (how the body becomes hostile, the status, words of the translated detail)
    "lone surrogate": (lambda body: json.dumps(with_surrogates(body)), 422, "not valid text"),
    "deep nesting": (lambda body: nested(storable(body)), 400, "nested too deeply"),
    "over the limit": (oversized, 413, "too large"),
}


def resolves(path):
    try:
        resolve(unquote(path))
    except Resolver404:
        return False
    return True


def takes_a_body(ctx):
    return "requestBody" in ctx.operation.definition.raw


# Generated examples only: the explicit ones (schemathesis's coverage cases, dozens per
# operation) are what the main test above is for.
hostile_settings = settings(fuzz_settings, max_examples=HOSTILE_EXAMPLES, phases=[Phase.generate])


@schema.include(takes_a_body).parametrize()
@hostile_settings
def test_it_refuses_hostile_bodies(case, token_headers, client):
    """Every operation with a body answers each hostile kind with its 4xx and a `detail`."""
    generated = case.body if isinstance(case.body, dict | list | str | int | float) else {}
    path = case.formatted_path + ("?" + urlencode(case.query, doseq=True) if case.query else "")
    method = case.operation.method.upper()  # the operation's own (the case may try TRACE)
    # A path no route matches (an id that is not a number) is a 404 before any body is read.
    assume(resolves(case.formatted_path))
    for kind, (make_hostile, status, words) in HOSTILE.items():
        response = client.generic(
            method,
            path,
            make_hostile(generated),
            content_type="application/json",
            headers=token_headers,
        )
        assert response.status_code == status, (kind, method, path, response.content[:300])
        detail = response.json()["detail"]
        text = detail if isinstance(detail, str) else " ".join(p["msg"] for p in detail)
        assert words in text, (kind, method, path, detail)


TOO_BIG = 2**70  # more than any 64-bit primary key; SQLite cannot even compare with it


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        # What the fuzzing found first: each of these was a 500 on SQLite.
        (
            "post",
            "/api/goals/reviews",
            {"decisions": [{"goal_id": TOO_BIG, "decision": "keep", "reason": "x"}]},
            422,
        ),
        ("delete", f"/api/goals/{TOO_BIG}/checkins/1", None, 404),
        ("put", "/api/mentoring/profile", {"skill_ids": [TOO_BIG]}, 422),
        ("post", "/api/learning", {"title": "Course", "skills": [TOO_BIG]}, 422),
        ("post", "/api/learning", {"title": "Course", "goals": [TOO_BIG]}, 422),
        # What the fuzzing found with status_code_conformance on (a parent id in the path, or an
        # id in the query or body, reached a foreign-key lookup Django does not guard).
        ("delete", f"/api/goals/{TOO_BIG}/stages/1", None, 404),
        ("patch", f"/api/goals/{TOO_BIG}/steps/1", {"title": "Step"}, 404),
        ("post", f"/api/goals/{TOO_BIG}/steps/1/done", None, 404),
        ("delete", f"/api/jobs/applications/{TOO_BIG}/skills/1", None, 404),
        ("get", f"/api/entries?feed_id={TOO_BIG}", None, 422),
        (
            "post",
            "/api/mentoring/requests",
            {"mentor_id": 1, "hoped_gain": "Advice", "goal_ids": [TOO_BIG]},
            422,
        ),
        (
            "post",
            "/api/mentoring/mentorships/1/feedback",
            {"observation": "Clear", "suggestion": "Shorter", "goal_id": TOO_BIG},
            422,
        ),
    ],
)
def test_it_refuses_ids_too_big_for_the_database(client, token_headers, method, path, body, status):
    call = getattr(client, method)
    if body is None:
        response = call(path, headers=token_headers)
    else:
        response = call(
            path, json.dumps(body), content_type="application/json", headers=token_headers
        )
    assert response.status_code == status, response.content
    assert "detail" in response.json()
