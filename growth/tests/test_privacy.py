"""Another person gets 404 on every growth page and API route that names Alice's things."""

import re

from django.urls import reverse

from accounts.testing import BaseTestCase
from growth import urls
from growth.api import router
from growth.tests.factories import make_everything

# Valid for every route, so that the answer is about ownership, not about the body.
BODY = '{"title": "x", "name": "x", "url": "https://example.org/feed"}'


class PrivacyTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.things = make_everything(cls.alice)

    def test_every_page_with_an_id_is_404_for_another_person(self):
        self.login(self.bob)
        checked = 0
        for pattern in urls.urlpatterns:
            names = re.findall(r"<int:(\w+)>", str(pattern.pattern))
            if not names:
                continue
            url = reverse(f"growth:{pattern.name}", kwargs={n: self.things[n].pk for n in names})
            for method in ("get", "post"):
                response = getattr(self.client, method)(url)
                with self.subTest(url=url, method=method):
                    self.assertIn(response.status_code, (404, 405))
                    if method == "post" or response.status_code != 405:
                        self.assertEqual(response.status_code, 404)
                    self.assertNotIn(b"Chlo", response.content)
            checked += 1
        self.assertGreaterEqual(checked, 20)

    def test_every_list_page_shows_nothing_of_another_person(self):
        self.login(self.bob)
        for pattern in urls.urlpatterns:
            if "<" in str(pattern.pattern) or pattern.name.endswith("confirm"):
                continue
            response = self.client.get(reverse(f"growth:{pattern.name}"), {"show": "all"})
            with self.subTest(name=pattern.name):
                self.assertIn(response.status_code, (200, 405))
                for secret in ("Chloé", "PMI Montréal", "An article", "A book", "certificate"):
                    self.assertNotContains(response, secret, status_code=response.status_code)

    def test_every_api_route_with_an_id_is_404_for_another_person(self):
        headers = self.api_headers(self.bob)
        checked = 0
        for path, path_view in router.path_operations.items():
            names = re.findall(r"{(\w+)}", path)
            if not names:
                continue
            url = "/api" + path.format(**{n: self.things[n].pk for n in names})
            for operation in path_view.operations:
                for method in operation.methods:
                    response = self.client.generic(
                        method, url, data=BODY, content_type="application/json", headers=headers
                    )
                    with self.subTest(method=method, url=url):
                        self.assertEqual(response.status_code, 404, response.content)
                        self.assertEqual(response.json(), {"detail": "Not found."})
                    checked += 1
        self.assertGreaterEqual(checked, 12)

    def test_pages_require_signing_in(self):
        response = self.client.get(reverse("growth:index"))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:login"), response["Location"])
