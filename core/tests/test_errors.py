import json

from django.contrib.auth import get_user_model
from django.db import DatabaseError
from django.test import RequestFactory, TestCase, override_settings
from django.urls import path
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from core.views import pages as views
from parcours import urls as project_urls


def explode(request):
    raise RuntimeError("boom")


def bad(request):
    from django.core.exceptions import SuspiciousOperation

    raise SuspiciousOperation("bad")


def denied(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


# The project's URLs and error handlers, plus views that fail on purpose.
urlpatterns = [
    path("explode/", explode),
    path("bad/", bad),
    path("denied/", denied),
    *project_urls.urlpatterns,
]
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500


class ErrorPagesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = get_user_model().objects.create(email="alice@example.org", display_name="A")

    def test_it_shows_a_translated_404(self):
        response = self.client.get("/nowhere/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page introuvable", status_code=404)
        self.assertContains(response, '<html lang="fr">', status_code=404)
        english = self.client.get("/nowhere/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(english, "Page not found", status_code=404)

    @override_settings(ROOT_URLCONF=__name__)
    def test_it_shows_translated_400_and_403_pages(self):
        response = self.client.get("/bad/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertContains(response, "Requête incorrecte", status_code=400)
        response = self.client.get("/denied/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertContains(response, "Accès refusé", status_code=403)

    @override_settings(ROOT_URLCONF=__name__)
    def test_it_shows_a_translated_500(self):
        self.client.raise_request_exception = False
        response = self.client.get("/explode/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertContains(response, "Un problème est survenu", status_code=500)
        self.assertNotContains(response, "boom", status_code=500)

    def test_it_renders_the_500_page_without_the_database(self):
        request = RequestFactory().get("/")

        def broken():
            raise DatabaseError("the database is down")

        request.user = SimpleLazyObject(broken)
        request.session = SimpleLazyObject(broken)
        with translation.override("fr"), self.assertNumQueries(0):
            response = views.server_error(request)
        self.assertEqual(response.status_code, 500)
        html = response.content.decode()
        self.assertIn("Un problème est survenu", html)
        self.assertIn('<html lang="fr">', html)
        self.assertNotIn("csrfmiddlewaretoken", html)

    def test_it_explains_a_csrf_failure(self):
        request = RequestFactory().post("/")
        request.user = self.alice
        with translation.override("fr"):
            response = views.csrf_failure(request, reason="CSRF token missing")
        self.assertEqual(response.status_code, 403)
        self.assertIn("Ce formulaire a expiré", response.content.decode())


class ApiErrorShapeTestCase(TestCase):
    def test_it_answers_json_for_an_unknown_api_url(self):
        response = self.client.get("/api/no/such/route", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json(), {"detail": "Introuvable."})

    def test_it_answers_json_when_the_api_fails(self):
        request = RequestFactory().get("/api/me")
        with translation.override("fr"):
            response = views.server_error(request)
        self.assertEqual(response.status_code, 500)
        self.assertIn("Un problème est survenu", json.loads(response.content)["detail"])


class CsrfFailureTestCase(TestCase):
    def test_it_explains_a_form_sent_without_its_token(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="fr")
        response = client.post("/accounts/language/", {"language": "en"})
        self.assertContains(response, "Ce formulaire a expiré", status_code=403)
        self.assertContains(response, '<html lang="fr">', status_code=403)
