"""Adding and editing an application from a pasted posting."""

from unittest import mock

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from accounts.testing import BaseTestCase
from jobs import postings
from jobs.models import Application
from jobs.tests.factories import CARE_POSTING_EN, make_application, make_occupation, make_skill


def fake_extractor(skills):
    """An extractor that finds `skills` (label → Skill) wherever their label is in the text."""

    def extract(text, lang):
        found = []
        for label, skill in skills.items():
            start = text.lower().find(label)
            if start >= 0:
                found.append(
                    {"skill": skill, "span": (start, start + len(label)), "confidence": 0.8}
                )
        return found

    return extract


IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


class ApplicationFormTests(BaseTestCase):
    def test_it_creates_an_application_from_a_pasted_posting(self):
        occupation = make_occupation("health care assistant", "préposé aux bénéficiaires")
        self.login()
        response = self.client.post(
            reverse("jobs:new"),
            {
                "title": "Health care assistant",
                "organisation": "Riverside",
                "posting_text": CARE_POSTING_EN,
                "posting_language": "en",
                "occupation": occupation.pk,
                "status": "saved",
            },
        )
        application = Application.objects.get(user=self.alice)
        self.assertRedirects(response, reverse("jobs:detail", args=[application.pk]))
        self.assertEqual(application.occupation, occupation)
        self.assertEqual(list(application.history.values_list("to_status", flat=True)), ["saved"])

    def test_saving_answers_at_once_and_the_worker_detects_the_skills_in_the_background(self):
        bathing = make_skill("bathing")
        self.login()
        extract = mock.Mock(side_effect=fake_extractor({"bathing": bathing}))
        with mock.patch.object(postings, "_extractor", return_value=extract):
            response = self.client.post(
                reverse("jobs:new"),
                {
                    "title": "Care aide",
                    "organisation": "Riverside",
                    "posting_text": CARE_POSTING_EN,
                    "posting_language": "en",
                    "status": "saved",
                },
                follow=True,
            )
            application = Application.objects.get(user=self.alice)
            # Saved, nothing extracted yet: the page says so and asks for the section again.
            self.assertFalse(application.detected_skills.exists())
            extract.assert_not_called()
            self.assertContains(response, "are being detected")
            fragment_url = reverse("jobs:skills_section", args=[application.pk])
            self.assertContains(response, f'hx-get="{fragment_url}"')
            self.assertContains(response, "Reload the page to see them.")
            # The worker runs the queued detection.
            call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
        self.assertEqual([d.skill for d in application.detected_skills.all()], [bathing])
        fragment = self.client.get(fragment_url)
        self.assertContains(fragment, "bathing")
        self.assertNotContains(fragment, "hx-get")
        self.assertNotContains(fragment, "are being detected")
        # Another person cannot read the section.
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(fragment_url).status_code, 404)

    @override_settings(TASKS=IMMEDIATE)
    def test_it_detects_the_skills_of_the_posting_on_creation(self):
        bathing = make_skill("bathing")
        teamwork = make_skill("teamwork")
        self.login()
        with mock.patch.object(
            postings,
            "_extractor",
            return_value=fake_extractor({"bathing": bathing, "teamwork": teamwork}),
        ):
            self.client.post(
                reverse("jobs:new"),
                {
                    "title": "Care aide",
                    "organisation": "Riverside",
                    "posting_text": CARE_POSTING_EN,
                    "posting_language": "en",
                    "status": "saved",
                },
            )
        application = Application.objects.get(user=self.alice)
        self.assertEqual(
            sorted(d.skill.label_en for d in application.detected_skills.all()),
            ["bathing", "teamwork"],
        )

    def test_it_explains_what_is_missing(self):
        self.login()
        response = self.client.post(reverse("jobs:new"), {"posting_url": "not a url"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give the job title, as the posting says it.")
        self.assertContains(response, "Give the organisation that is hiring.")
        self.assertContains(response, "Enter a full web address")
        self.assertFalse(Application.objects.exists())

    def test_it_keeps_what_was_typed_when_searching_an_occupation_without_js(self):
        make_occupation("health care assistant", "préposé aux bénéficiaires")
        self.login()
        response = self.client.post(
            reverse("jobs:new"),
            {
                "title": "Préposée",
                "organisation": "CHSLD",
                "posting_text": "Soins d'hygiène",
                "occupation_search": "health care",
                "search_occupation": "1",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Application.objects.exists())
        self.assertContains(response, "Soins d&#x27;hygiène")
        self.assertContains(response, "health care assistant")

    def test_it_refuses_an_occupation_that_does_not_exist(self):
        self.login()
        response = self.client.post(
            reverse("jobs:new"),
            {"title": "Aide", "organisation": "X", "occupation": "999999", "status": "saved"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Application.objects.exists())

    def test_it_offers_matching_occupations_as_choices(self):
        make_occupation("health care assistant", "préposé aux bénéficiaires")
        make_occupation("sales manager", "directeur commercial")
        self.login()
        response = self.client.get(
            reverse("jobs:occupation_search"), {"occupation_search": "health care"}
        )
        self.assertContains(response, 'type="radio"')
        results = response.context["occupation_results"]
        self.assertEqual(results[0].label_en, "health care assistant")

    def test_it_records_a_status_change_made_in_the_edit_form(self):
        application = make_application(self.alice)
        self.login()
        self.client.post(
            reverse("jobs:edit", args=[application.pk]),
            {
                "title": application.title,
                "organisation": application.organisation,
                "posting_text": application.posting_text,
                "posting_language": "en",
                "status": "applied",
            },
        )
        application.refresh_from_db()
        self.assertEqual(application.status, "applied")
        self.assertEqual(
            list(application.history.values_list("to_status", flat=True)), ["saved", "applied"]
        )

    def test_it_deletes_after_confirmation(self):
        application = make_application(self.alice)
        self.login()
        response = self.client.get(reverse("jobs:delete", args=[application.pk]))
        self.assertContains(response, "cannot be undone")
        self.client.post(reverse("jobs:delete", args=[application.pk]))
        self.assertFalse(Application.objects.exists())

    def test_it_refuses_a_posting_too_long_to_be_one_job(self):
        self.login()
        response = self.client.post(
            reverse("jobs:new"),
            {"title": "Aide", "organisation": "X", "status": "saved", "posting_text": "a" * 50_001},
        )
        self.assertContains(response, "This posting is too long")
        self.assertFalse(Application.objects.exists())
