"""The OpenAPI schema declares every operation's error answers, and the API gives them so.

parcours/api.py adds the errors an operation can answer from its signature (credentials, path
parameters, query parameters, body); routes add what their own rules refuse. The fuzzing
(tests/test_api_fuzz.py) then holds every answer to these declarations.
"""

import pytest
from django.test import Client, override_settings

from accounts.models import User
from accounts.testing import BaseTestCase
from accounts.tests.helpers import frozen_clock
from core.api_schemas import ErrorOut, ValidationErrorOut
from parcours.api import api, error_statuses

ERROR_REF = "#/components/schemas/ErrorOut"
VALIDATION_REF = "#/components/schemas/ValidationErrorOut"


@pytest.fixture(scope="module")
def schema():
    return api.get_openapi_schema()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield method, path, operation


def schema_of(response):
    return response["content"]["application/json"]["schema"]["$ref"]


def test_it_declares_404_on_every_operation_with_a_path_parameter(schema):
    with_path_parameters = [
        (method, path, operation)
        for method, path, operation in operations(schema)
        if any(parameter["in"] == "path" for parameter in operation["parameters"])
    ]
    assert len(with_path_parameters) > 50
    for method, path, operation in with_path_parameters:
        assert schema_of(operation["responses"][404]) == ERROR_REF, (method, path)
        assert schema_of(operation["responses"][422]) == VALIDATION_REF, (method, path)


def test_it_declares_401_and_429_with_retry_after_where_credentials_are_needed(schema):
    for method, path, operation in operations(schema):
        responses = operation["responses"]
        if operation.get("security"):
            assert schema_of(responses[401]) == ERROR_REF, (method, path)
            assert "Retry-After" in responses[429]["headers"], (method, path)
        else:
            assert 401 not in responses and 429 not in responses, (method, path)
    public = schema["paths"]["/api/jobs/questions"]["get"]["responses"]
    assert set(public) == {200}


def test_it_declares_400_413_and_422_on_every_operation_with_a_body(schema):
    with_body = [op for _m, _p, op in operations(schema) if "requestBody" in op]
    assert len(with_body) > 40
    for operation in with_body:
        assert schema_of(operation["responses"][400]) == ERROR_REF
        assert schema_of(operation["responses"][413]) == ERROR_REF
        assert schema_of(operation["responses"][422]) == VALIDATION_REF
    for _method, _path, operation in operations(schema):
        if "requestBody" not in operation:
            assert 413 not in operation["responses"]


def test_it_declares_403_only_where_the_session_can_change_something(schema):
    for method, path, operation in operations(schema):
        if method == "get":
            assert 403 not in operation["responses"], path
        else:
            assert 403 in operation["responses"], (method, path)


def test_it_declares_nothing_an_operation_cannot_answer(schema):
    me = schema["paths"]["/api/me"]["get"]["responses"]
    assert set(me) == {200, 401, 429}
    goals = schema["paths"]["/api/goals"]["get"]["responses"]
    assert set(goals) == {200, 401, 422, 429}  # ?status= can be wrong; no id, so no 404


def test_it_keeps_the_errors_a_route_declares_for_its_own_rules(schema):
    paths = schema["paths"]
    assert schema_of(paths["/api/occupations"]["get"]["responses"][400]) == ERROR_REF
    finish = paths["/api/jobs/attempts/{attempt_id}/finish"]["post"]["responses"]
    assert schema_of(finish[409]) == ERROR_REF
    assert "state" in finish[409]["description"]
    assert 404 in paths["/api/mentoring/profile"]["get"]["responses"]
    # PATCH /api/me declares its 422 as a plain dict; the one shape replaces it.
    assert schema_of(paths["/api/me"]["patch"]["responses"][422]) == VALIDATION_REF


def test_it_gives_every_error_one_of_the_two_shapes_and_keeps_successes_first(schema):
    components = schema["components"]["schemas"]
    assert components["ErrorOut"]["properties"]["detail"] == {"title": "Detail", "type": "string"}
    assert "ProblemOut" in components
    for method, path, operation in operations(schema):
        statuses = list(operation["responses"])
        successes = [status for status in statuses if status < 300]
        assert successes and statuses[: len(successes)] == successes, (method, path)
        assert statuses[len(successes) :] == sorted(statuses[len(successes) :]), (method, path)
        for status, response in operation["responses"].items():
            if status >= 400:
                expected = VALIDATION_REF if status == 422 else ERROR_REF
                assert schema_of(response) == expected, (method, path, status)


def test_it_names_each_operation_by_its_app_and_function_once(schema):
    # Splitting an app's api package into modules never renames what generated clients call.
    ids = [operation["operationId"] for _method, _path, operation in operations(schema)]
    assert len(ids) == len(set(ids))
    assert "goals_api_list_goals" in ids
    assert "mentoring_api_get_profile" in ids  # in mentoring/api/profiles.py
    assert "taxonomy_api_list_skills" in ids  # in taxonomy/api/profile.py
    assert all("_api_" in operation_id for operation_id in ids)


def test_it_decides_from_the_signature():
    bearer_and_session = [{"TokenAuth": []}, {"SessionAuth": []}]
    assert error_statuses("get", {"parameters": []}) == set()
    assert error_statuses("get", {"parameters": [], "security": bearer_and_session}) == {401, 429}
    assert error_statuses("get", {"parameters": [], "security": [{"SessionAuth": []}]}) == {401}
    assert error_statuses(
        "delete",
        {"parameters": [{"in": "path", "name": "id"}], "security": bearer_and_session},
    ) == {401, 403, 404, 422, 429}
    assert error_statuses(
        "post", {"parameters": [{"in": "query", "name": "q"}], "requestBody": {}}
    ) == {400, 413, 422}


class ServedSchemaTestCase(BaseTestCase):
    def test_it_serves_the_declared_errors_at_openapi_json(self):
        served = self.client.get("/api/openapi.json").json()
        operation = served["paths"]["/api/goals/{goal_id}"]["get"]
        self.assertEqual(set(operation["responses"]), {"200", "401", "404", "422", "429"})
        self.assertEqual(
            operation["responses"]["404"]["content"]["application/json"]["schema"],
            {"$ref": ERROR_REF},
        )

    def test_it_still_renders_the_docs_page(self):
        response = self.client.get("/api/docs")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "/api/openapi.json")


class ErrorAnswersTestCase(BaseTestCase):
    def test_it_answers_a_method_no_route_has_with_a_detail_in_json(self):
        response = self.client.generic("TRACE", "/api/goals", headers=self.api_headers())
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response["Allow"], "GET, POST")
        self.assertEqual(
            ErrorOut.model_validate_json(response.content).detail,
            "TRACE is not allowed here: use GET, POST.",
        )

    def test_it_still_lets_a_token_change_things_without_a_csrf_token(self):
        # The 405 wrapper must keep ninja's csrf_exempt, or Django's middleware refuses the POST.
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            "/api/goals/check",
            {"text": "Run a 10 km race by June 2027."},
            content_type="application/json",
            headers=self.api_headers(),
        )
        self.assertEqual(response.status_code, 200)

    def test_it_says_which_methods_are_allowed_in_the_visitor_s_language(self):
        response = self.client.put("/api/me", "{}", headers={"Accept-Language": "fr"})
        self.assertEqual(response.status_code, 405)
        self.assertEqual(
            response.json(),
            {"detail": "La méthode PUT n'est pas permise ici : utilisez GET, PATCH."},
        )

    def test_it_says_in_the_person_s_language_that_a_body_is_not_json(self):
        french = User.objects.create(email="claire@example.org", display_name="Claire")
        french.language = "fr"
        french.save()
        for user, expected in (
            (self.alice, "The request body is not valid JSON."),
            (french, "Le corps de la requête n'est pas du JSON valide."),
        ):
            response = self.client.post(
                "/api/goals",
                "{not json",
                content_type="application/json",
                headers=self.api_headers(user),
            )
            self.assertEqual(response.status_code, 400)
            self.assertEqual(response.json(), {"detail": expected})

    def test_it_answers_invalid_input_with_the_validation_shape(self):
        response = self.client.post(
            "/api/goals",
            {"statement": 3, "deadline": "31/02/2027"},
            content_type="application/json",
            headers=self.api_headers(),
        )
        self.assertEqual(response.status_code, 422)
        problems = ValidationErrorOut.model_validate_json(response.content).detail
        self.assertIn(["body", "payload", "deadline"], [problem.loc for problem in problems])

    @override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_LOCKOUT_SECONDS=600)
    def test_it_tells_a_throttled_token_when_to_try_again(self):
        guess = {"Authorization": "Bearer prc_guess"}
        with frozen_clock() as clock:
            for _ in range(3):
                self.assertEqual(self.client.get("/api/me", headers=guess).status_code, 401)
            response = self.client.get("/api/me", headers=guess)
            self.assertEqual(response.status_code, 429)
            self.assertEqual(response["Retry-After"], "600")
            clock.advance(450.5)
            response = self.client.get("/api/me", headers=guess)
            self.assertEqual(response["Retry-After"], "150")
            self.assertIn("Try again in 3 minutes", response.json()["detail"])
