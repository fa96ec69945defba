"""Walk every page and every API operation with bad input: a clear 4xx, never a 500.

These tests know no app: they read the URL patterns and the OpenAPI schema, so every new page
and endpoint is covered as soon as it exists.
"""

import json
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import ApiToken, User

# Paths that legitimately answer something other than a page (feeds, downloads with a token).
UNKNOWN_ID = "987654"


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def concrete(route):
    """Turn a Django route into a concrete path with made-up arguments, or None."""
    if route.startswith("^") or "(?P" in route:
        return None  # regex routes (the API's own) are walked through the OpenAPI schema
    path = re.sub(r"<(?:int|uuid|path|slug|str)?:?(\w+)>", UNKNOWN_ID, route)
    return "/" + path


def page_paths():
    seen = set()
    for route, _pattern in walk(get_resolver().url_patterns):
        if route.startswith("api/"):
            continue
        path = concrete(route)
        if path and path not in seen:
            seen.add(path)
            yield path


@pytest.fixture
def alice(db):
    # No password: hashing one with Argon2 for each of hundreds of cases would dominate the run.
    return User.objects.create(email="alice@example.org", display_name="Alice")


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(page_paths()))
def test_it_never_fails_on_a_page_with_unknown_ids_or_junk_posts(path, alice):
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(alice)
    for client in (anonymous, signed_in):
        response = client.get(path)
        assert response.status_code < 500, (path, response.status_code)
        response = client.post(path, {"junk": "\x00" * 3, "id": "-1", "date": "31/02/2027"})
        assert response.status_code < 500, ("POST", path, response.status_code)


def api_operations():
    from parcours.api import api

    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield method, path, operation


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path"), sorted((m, p) for m, p, _op in api_operations()))
def test_it_answers_bad_api_input_with_a_4xx_detail(method, path, alice):
    _token, raw = ApiToken.issue(alice, "robustness")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    concrete_paths = {
        re.sub(r"\{\w+\}", UNKNOWN_ID, path),
        re.sub(r"\{\w+\}", "not-a-number", path),
    }
    bodies = ["{not json", json.dumps({"unexpected": [1, 2, 3]}), json.dumps([]), "null"]
    for concrete_path in concrete_paths:
        call = getattr(client, method)
        responses = []
        if method in ("post", "put", "patch"):
            for body in bodies:
                responses.append(call(concrete_path, body, content_type="application/json"))
        else:
            responses.append(call(concrete_path + "?limit=-5&q=&lang=xx&start=bad&end=bad"))
        for response in responses:
            assert response.status_code < 500, (method, concrete_path, response.content[:300])
            if response.status_code >= 400:
                assert "detail" in response.json(), (method, concrete_path, response.content)
    # Without credentials every operation is refused or public, never a crash.
    anonymous = getattr(Client(), method)(re.sub(r"\{\w+\}", UNKNOWN_ID, path))
    assert anonymous.status_code < 500
