"""The board of applications, and moving an application between statuses."""

from django.urls import reverse

from accounts.testing import BaseTestCase
from jobs.models import Status
from jobs.tests.factories import make_application


class BoardTests(BaseTestCase):
    def test_it_shows_each_application_in_its_status_column(self):
        make_application(self.alice, title="Care aide", status=Status.APPLIED)
        make_application(self.alice, title="Receptionist", status=Status.OFFER)
        self.login()
        response = self.client.get(reverse("jobs:index"))
        columns = {c["status"]: c["applications"] for c in response.context["columns"]}
        self.assertEqual([a.title for a in columns["applied"]], ["Care aide"])
        self.assertEqual([a.title for a in columns["offer"]], ["Receptionist"])
        self.assertContains(response, "Withdrawn")

    def test_it_says_job_applications_in_french(self):
        self.alice.language = "fr"
        self.alice.save()
        self.login()
        response = self.client.get(reverse("jobs:index"))
        self.assertContains(response, "Candidatures")
        self.assertContains(response, "Ajouter une candidature")

    def test_it_runs_a_fixed_number_of_queries(self):
        self.login()
        make_application(self.alice)
        self.client.get(reverse("jobs:index"))  # warm caches (session, user)
        with self.assertNumQueries(3) as small:
            self.client.get(reverse("jobs:index"))
        for i in range(15):
            make_application(self.alice, title=f"Job {i}", status=Status.values[i % 6])
        with self.assertNumQueries(len(small.captured_queries)):
            self.client.get(reverse("jobs:index"))

    def test_it_moves_an_application_with_a_plain_form(self):
        application = make_application(self.alice)
        self.login()
        response = self.client.post(
            reverse("jobs:status", args=[application.pk]), {"status": "applied"}
        )
        self.assertRedirects(response, reverse("jobs:index"))
        application.refresh_from_db()
        self.assertEqual(application.status, "applied")
        self.assertEqual(application.history.last().to_status, "applied")

    def test_it_moves_an_application_with_htmx_and_returns_the_board(self):
        application = make_application(self.alice, title="Care aide")
        self.login()
        response = self.client.post(
            reverse("jobs:status", args=[application.pk]),
            {"status": "interview"},
            headers={"HX-Request": "true"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "jobs/_board_columns.html")
        self.assertTemplateNotUsed(response, "base.html")
        columns = {c["status"]: c["applications"] for c in response.context["columns"]}
        self.assertEqual([a.title for a in columns["interview"]], ["Care aide"])

    def test_it_goes_back_to_the_detail_page_when_moved_from_there(self):
        application = make_application(self.alice)
        self.login()
        response = self.client.post(
            reverse("jobs:status", args=[application.pk]), {"status": "offer", "from": "detail"}
        )
        self.assertRedirects(response, reverse("jobs:detail", args=[application.pk]))

    def test_it_refuses_an_unknown_status_with_a_message(self):
        application = make_application(self.alice)
        self.login()
        response = self.client.post(
            reverse("jobs:status", args=[application.pk]), {"status": "hired"}, follow=True
        )
        self.assertContains(response, "Choose one of the statuses in the list.")
        application.refresh_from_db()
        self.assertEqual(application.status, "saved")

    def test_it_answers_422_to_htmx_with_an_unknown_status(self):
        application = make_application(self.alice)
        self.login()
        response = self.client.post(
            reverse("jobs:status", args=[application.pk]),
            {"status": ""},
            headers={"HX-Request": "true"},
        )
        self.assertEqual(response.status_code, 422)

    def test_it_refuses_get(self):
        application = make_application(self.alice)
        self.login()
        self.assertEqual(
            self.client.get(reverse("jobs:status", args=[application.pk])).status_code, 405
        )

    def test_it_gives_bob_404(self):
        application = make_application(self.alice)
        self.login(self.bob)
        response = self.client.post(
            reverse("jobs:status", args=[application.pk]), {"status": "applied"}
        )
        self.assertEqual(response.status_code, 404)
