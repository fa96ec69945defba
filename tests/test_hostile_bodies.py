"""Bodies built to break the server: too large, nested too deeply, text no database stores.

Each was a 500 (found by an outside probe); each must be a 4xx that says what is wrong, in the
person's language. The fuzzing (tests/test_api_fuzz.py) sends the same three kinds to every
operation; these are the plain cases, one per kind and door.
"""

import json

from django.conf import settings
from django.test import override_settings

from accounts.testing import BaseTestCase
from core.jsonbody import MAX_DEPTH, InvalidText, NotJson, TooDeep, check, loads

NESTED = "[" * 100_000 + "]" * 100_000


class JsonBodyReaderTests(BaseTestCase):
    def test_it_reads_ordinary_json(self):
        self.assertEqual(loads(b'{"name": "\\u00c9lodie", "skills": [1, 2]}')["name"], "Élodie")

    def test_it_refuses_nesting_deeper_than_the_limit_whatever_the_depth(self):
        for depth in (MAX_DEPTH + 1, 2_000, 100_000):
            with self.assertRaises(TooDeep):
                loads("[" * depth + "]" * depth)
        loads("[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1))

    def test_it_names_where_a_lone_surrogate_or_nul_is(self):
        for raw, loc in [
            ('{"name": "a\\ud800"}', ["body", "name"]),
            ('{"skills": ["x", "\\udfff"]}', ["body", "skills", 1]),
            ('{"notes": "a\\u0000b"}', ["body", "notes"]),
            ('{"\\ud800": 1}', ["body", "?"]),
        ]:
            with self.assertRaises(InvalidText) as caught:
                loads(raw)
            self.assertEqual(caught.exception.loc, loc)
        # A pair of surrogates is an ordinary character (an emoji), not an error.
        self.assertEqual(loads('"\\ud83d\\ude00"'), "😀")

    def test_it_refuses_what_is_not_json(self):
        for raw in (b"{not json", b"\xff\xfe", "1" * 5000):
            with self.assertRaises(NotJson):
                loads(raw)

    def test_its_walk_is_linear_and_needs_no_recursion(self):
        # A wide, flat body of 200,000 strings: walked with a stack, not recursion, and each
        # string looked at once (counted through the checker, not timed).
        wide = {"items": ["é"] * 200_000}
        seen = []
        import core.jsonbody as module

        original = module.is_storable
        module.is_storable = lambda text: seen.append(1) or original(text)
        try:
            check(wide)
        finally:
            module.is_storable = original
        self.assertEqual(len(seen), 200_000 + 1)  # every value, plus the one key


class HostileApiBodyTests(BaseTestCase):
    def send(self, method, path, body, **extra):
        call = getattr(self.client, method)
        headers = self.api_headers()
        return call(path, body, content_type="application/json", headers=headers, **extra)

    def test_deeply_nested_json_is_a_400_on_every_door_including_patch_me(self):
        for method, path in [
            ("patch", "/api/me"),
            ("post", "/api/contacts"),
            ("post", "/api/learning"),
            ("post", "/api/feeds"),
        ]:
            response = self.send(method, path, NESTED)
            self.assertEqual(response.status_code, 400, (path, response.content[:200]))
            self.assertIn("nested too deeply", response.json()["detail"])

    def test_a_lone_surrogate_in_any_string_is_a_422_naming_the_field(self):
        for method, path, body, field in [
            ("patch", "/api/me", {"display_name": "Al\ud800ice"}, "display_name"),
            ("post", "/api/contacts", {"name": "Jo\ud800"}, "name"),
            ("post", "/api/contacts", {"name": "Jo", "notes": "\udfff"}, "notes"),
            ("post", "/api/learning", {"title": "Course \ud800"}, "title"),
            ("post", "/api/feeds", {"url": "https://example.org/\ud800"}, "url"),
        ]:
            response = self.send(method, path, json.dumps(body))
            self.assertEqual(response.status_code, 422, (path, response.content[:300]))
            problem = response.json()["detail"][0]
            self.assertEqual(problem["loc"], ["body", field])
            self.assertIn("not valid text", problem["msg"])
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice")

    def test_the_message_is_in_the_persons_language(self):
        self.alice.language = "fr"
        self.alice.save()
        response = self.send("post", "/api/contacts", json.dumps({"name": "\ud800"}))
        self.assertEqual(response.status_code, 422)
        self.assertIn("texte", response.json()["detail"][0]["msg"])

    def test_a_body_over_the_limit_is_a_413_before_it_is_read(self):
        big = json.dumps({"name": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
        for method, path in [("post", "/api/contacts"), ("patch", "/api/me")]:
            response = self.send(method, path, big)
            self.assertEqual(response.status_code, 413, (path, response.content[:200]))
            self.assertIn("too large", response.json()["detail"])

    def test_413_is_translated(self):
        big = json.dumps({"name": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
        response = self.send("post", "/api/contacts", big, HTTP_ACCEPT_LANGUAGE="fr")
        self.assertEqual(response.status_code, 413)
        self.assertIn("trop volumineuse", response.json()["detail"])


class HostilePageBodyTests(BaseTestCase):
    def test_a_form_over_the_limit_is_a_413_page(self):
        self.login()
        too_long = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
        # Refused from its Content-Length, unread (an ordinary form post)...
        response = self.client.post(
            "/growth/contacts/new/",
            f"name={too_long}",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertContains(response, "too large", status_code=413)
        # ... or once read, when the fields of a multipart upload are too large.
        response = self.client.post("/growth/contacts/new/", {"name": too_long})
        self.assertContains(response, "too large", status_code=413)
        self.assertFalse(self.alice.contacts.exists())

    @override_settings(PARCOURS_UPLOAD_MAX_BYTES=1000)
    def test_an_upload_over_the_limit_is_a_413_page_in_the_persons_language(self):
        self.alice.language = "fr"
        self.alice.save()
        self.login()
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("big.vcf", b"x" * 2000, content_type="text/vcard")
        response = self.client.post("/growth/contacts/import/", {"file": upload})
        self.assertEqual(response.status_code, 413)
        self.assertContains(response, "trop volumineuse", status_code=413)
