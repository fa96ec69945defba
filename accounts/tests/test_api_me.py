import json

from django.test import Client

from accounts.tests.helpers import AccountsTestCase

URL = "/api/me"


class ApiMeTestCase(AccountsTestCase):
    def patch(self, body, headers=None, raw=False):
        headers = headers or self.api_headers()
        return self.client.patch(
            URL,
            body if raw else json.dumps(body),
            content_type="application/json",
            headers=headers,
        )

    def test_it_returns_the_profile_with_a_token(self):
        response = self.client.get(URL, headers=self.api_headers())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {
                "id": self.alice.pk,
                "email": "alice@example.org",
                "display_name": "Alice",
                "language": "en",
                "time_zone": "UTC",
                "hours_per_week": 3.0,
            },
        )

    def test_it_returns_the_profile_with_the_session(self):
        self.login(self.bob)
        self.assertEqual(self.client.get(URL).json()["email"], "bob@example.org")

    def test_it_changes_the_profile(self):
        response = self.patch(
            {"display_name": "Alice M.", "time_zone": "Europe/Paris", "hours_per_week": 7.5}
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.json()["hours_per_week"], 7.5)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice M.")
        self.assertEqual(self.alice.time_zone, "Europe/Paris")
        self.assertEqual(self.alice.language, "en")  # untouched

    def test_it_refuses_bad_values_with_translated_details(self):
        cases = [
            ({"hours_per_week": -1}, "hours_per_week", "between 0 and 80"),
            ({"hours_per_week": 81}, "hours_per_week", "between 0 and 80"),
            ({"hours_per_week": "3"}, "hours_per_week", "Send a number"),
            ({"hours_per_week": True}, "hours_per_week", "Send a number"),
            ({"hours_per_week": None}, "hours_per_week", "Send a number"),
            ({"language": "de"}, "language", "Select a valid choice."),
            ({"language": 3}, "language", "Send text."),
            ({"time_zone": "Nowhere/City"}, "time_zone", "Choose a time zone"),
            ({"display_name": ""}, "display_name", "This field is required."),
            ({"display_name": "x" * 151}, "display_name", "at most 150 characters"),
            ({"email": "new@example.org"}, "email", "cannot be changed"),
        ]
        for body, field, message in cases:
            with self.subTest(body=body):
                response = self.patch(body)
                self.assertEqual(response.status_code, 422)
                detail = response.json()["detail"]
                self.assertEqual(detail[0]["loc"], ["body", field])
                self.assertIn(message, detail[0]["msg"])
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice")
        self.assertEqual(str(self.alice.hours_per_week), "3.0")

    def test_it_answers_errors_in_the_person_s_language(self):
        self.alice.language = "fr"
        self.alice.save()
        response = self.patch({"hours_per_week": 100})
        self.assertEqual(response.status_code, 422)
        self.assertIn("entre 0 et 80", response.json()["detail"][0]["msg"])
        self.assertEqual(response["Content-Language"], "fr")

    def test_it_refuses_a_body_that_is_not_a_json_object(self):
        for body in ("{not json", "[1, 2]", '"text"', "", b"\xff\xfe"):
            with self.subTest(body=body):
                response = self.patch(body, raw=True)
                self.assertEqual(response.status_code, 400)
                self.assertIn("JSON", response.json()["detail"])

    def test_it_needs_authentication(self):
        for method in ("get", "patch"):
            response = getattr(self.client, method)(URL, HTTP_ACCEPT_LANGUAGE="fr")
            self.assertEqual(response.status_code, 401)
            self.assertIn("Authentification requise", response.json()["detail"])

    def test_it_enforces_csrf_for_the_session(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        response = client.patch(URL, '{"display_name": "X"}', content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertIn("CSRF", response.json()["detail"])
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice")

    def test_it_documents_the_patch_body_in_the_openapi_schema(self):
        schema = self.client.get("/api/openapi.json").json()
        body = schema["paths"]["/api/me"]["patch"]["requestBody"]
        properties = body["content"]["application/json"]["schema"]["properties"]
        self.assertEqual(
            set(properties), {"display_name", "language", "time_zone", "hours_per_week"}
        )
