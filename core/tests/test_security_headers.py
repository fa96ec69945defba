from django.test import TestCase


class SecurityHeadersTestCase(TestCase):
    def test_it_forbids_scripts_from_anywhere_but_parcours(self):
        policy = self.client.get("/")["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        self.assertEqual(directives["script-src"], "'self'")
        self.assertEqual(directives["default-src"], "'self'")
        self.assertEqual(directives["frame-ancestors"], "'none'")
        self.assertEqual(directives["object-src"], "'none'")

    def test_it_sends_the_other_security_headers(self):
        response = self.client.get("/")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "same-origin")

    def test_the_api_docs_work_under_the_policy(self):
        # Swagger UI is served from django-ninja's own static files, no CDN and no inline script.
        page = self.client.get("/api/docs").content.decode()
        self.assertIn("/static/ninja/swagger-ui-bundle.js", page)
        self.assertNotIn("cdn", page.lower())
