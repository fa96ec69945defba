"""Contacts: follow-up cadence, interactions log, and the vCard import with its preview."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from growth.models import Contact, Interaction

VCF = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jean Roy\r\nORG:Desjardins\r\nTITLE:Analyste\r\n"
    "EMAIL:jean.roy@example.ca\r\nCATEGORIES:finance,mentor\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Known Person\r\nEMAIL:KNOWN@example.org\r\nEND:VCARD\r\n"
)


class ContactViewTests(BaseTestCase):
    def setUp(self):
        self.login()
        self.today = timezone.localdate()

    def test_it_adds_a_contact_and_shows_the_follow_up_due(self):
        met = self.today - datetime.timedelta(days=100)
        response = self.client.post(
            reverse("growth:contact_new"),
            {
                "name": "Sophie Gagnon",
                "organisation": "Hydro-Québec",
                "met_on": met.isoformat(),
                "follow_up_days": "90",
                "tags": "mentor, énergie",
            },
            follow=True,
        )
        self.assertContains(response, "Follow-up due since")
        response = self.client.get(reverse("growth:contacts"))
        self.assertContains(response, "Sophie Gagnon")
        self.assertContains(response, "Follow-up due since")
        self.assertContains(response, "énergie")

    def test_it_counts_the_follow_up_from_the_last_interaction(self):
        contact = Contact.objects.create(
            user=self.alice,
            name="Paul",
            follow_up_days=30,
            met_on=self.today - datetime.timedelta(days=60),
        )
        self.assertTrue(contact.follow_up_due())
        response = self.client.post(
            reverse("growth:interaction_new", args=[contact.pk]),
            {"date": self.today.isoformat(), "kind": "call", "summary": "Talked about the job"},
            follow=True,
        )
        self.assertContains(response, "Talked about the job")
        self.assertContains(response, "Next follow-up:")
        self.assertFalse(Contact.objects.with_last_interaction().get().follow_up_due())

    def test_it_filters_due_follow_ups_and_searches(self):
        old = self.today - datetime.timedelta(days=100)
        Contact.objects.create(user=self.alice, name="Due One", follow_up_days=30, met_on=old)
        Contact.objects.create(user=self.alice, name="Not Due", follow_up_days=300, met_on=old)
        response = self.client.get(reverse("growth:contacts"), {"due": "1"})
        self.assertContains(response, "Due One")
        self.assertNotContains(response, "Not Due")
        response = self.client.get(reverse("growth:contacts"), {"q": "not"})
        self.assertContains(response, "Not Due")
        self.assertNotContains(response, "Due One")

    def test_it_rejects_bad_input(self):
        response = self.client.post(
            reverse("growth:contact_new"), {"name": "", "email": "nope", "follow_up_days": "0"}
        )
        self.assertContains(response, "This field is required.")
        self.assertContains(response, "Enter a valid email address.")
        self.assertContains(response, "Ensure this value is greater than or equal to 1.")
        contact = Contact.objects.create(user=self.alice, name="X")
        response = self.client.post(
            reverse("growth:interaction_new", args=[contact.pk]), {"date": "not a date"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Enter a valid date.", status_code=400)

    def test_it_edits_and_deletes_contacts_and_interactions(self):
        contact = Contact.objects.create(user=self.alice, name="Old name")
        interaction = Interaction.objects.create(contact=contact, summary="x")
        self.client.post(reverse("growth:contact_edit", args=[contact.pk]), {"name": "New name"})
        contact.refresh_from_db()
        self.assertEqual(contact.name, "New name")
        self.client.post(reverse("growth:interaction_delete", args=[interaction.pk]))
        self.assertFalse(Interaction.objects.exists())
        self.client.post(reverse("growth:contact_delete", args=[contact.pk]))
        self.assertFalse(Contact.objects.exists())

    def test_it_previews_an_import_and_flags_duplicates_by_email(self):
        Contact.objects.create(user=self.alice, name="Known Person", email="known@example.org")
        Contact.objects.create(user=self.bob, name="Bob's contact", email="jean.roy@example.ca")
        upload = SimpleUploadedFile("contacts.vcf", VCF.encode(), content_type="text/vcard")
        response = self.client.post(reverse("growth:contact_import"), {"file": upload})
        self.assertContains(response, "Jean Roy")
        self.assertContains(response, "Desjardins, Analyste")
        self.assertContains(response, "possible duplicate of Known Person")
        self.assertContains(response, 'name="card" value="0" id="card-0" checked')
        self.assertContains(response, 'name="card" value="1" id="card-1">')
        self.assertEqual(Contact.objects.filter(user=self.alice).count(), 1)  # nothing yet

        response = self.client.post(
            reverse("growth:contact_import_confirm"), {"card": ["0"]}, follow=True
        )
        self.assertContains(response, "1 contact imported.")
        jean = Contact.objects.get(user=self.alice, name="Jean Roy")
        self.assertEqual(jean.email, "jean.roy@example.ca")
        self.assertEqual(jean.role, "Analyste")
        self.assertEqual(jean.tag_list, ["finance", "mentor"])
        self.assertEqual(Contact.objects.filter(user=self.alice).count(), 2)
        # The preview is used once.
        response = self.client.post(reverse("growth:contact_import_confirm"), {"card": ["0"]})
        self.assertRedirects(response, reverse("growth:contact_import"))

    def test_it_explains_a_broken_vcard_file(self):
        upload = SimpleUploadedFile("bad.vcf", b"BEGIN:VCARD\nFN:A\n")
        response = self.client.post(reverse("growth:contact_import"), {"file": upload})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "The last contact is not closed", status_code=400)
        response = self.client.post(reverse("growth:contact_import"), {})
        self.assertContains(response, "This field is required.", status_code=400)

    def test_bob_gets_404(self):
        contact = Contact.objects.create(user=self.alice, name="Secret")
        interaction = Interaction.objects.create(contact=contact)
        self.login(self.bob)
        self.assertEqual(self.client.get(contact.get_absolute_url()).status_code, 404)
        self.assertEqual(
            self.client.post(
                reverse("growth:interaction_new", args=[contact.pk]), {"summary": "x"}
            ).status_code,
            404,
        )
        self.assertEqual(
            self.client.post(
                reverse("growth:interaction_delete", args=[interaction.pk])
            ).status_code,
            404,
        )
        self.assertNotContains(self.client.get(reverse("growth:contacts")), "Secret")


class ContactLimitTests(BaseTestCase):
    """A person keeps at most GROWTH_MAX_CONTACTS contacts; each door says so."""

    def setUp(self):
        Contact.objects.create(user=self.alice, name="One")
        Contact.objects.create(user=self.alice, name="Two")

    @override_settings(GROWTH_MAX_CONTACTS=2)
    def test_the_page_and_the_api_refuse_one_more_contact_with_a_clear_message(self):
        self.login()
        response = self.client.post(reverse("growth:contact_new"), {"name": "Three"})
        self.assertContains(response, "at most 2 contacts per person")
        response = self.client.post(
            "/api/contacts",
            {"name": "Three"},
            content_type="application/json",
            headers=self.api_headers(),
        )
        self.assertEqual(response.status_code, 422)
        self.assertIn("at most 2 contacts", response.json()["detail"][0]["msg"])
        self.assertEqual(self.alice.contacts.count(), 2)
        # Bob has his own room; editing an existing contact is always possible.
        Contact.objects.create(user=self.bob, name="Bob's")
        one = self.alice.contacts.get(name="One")
        response = self.client.post(reverse("growth:contact_edit", args=[one.pk]), {"name": "1"})
        self.assertEqual(response.status_code, 302)

    @override_settings(GROWTH_MAX_CONTACTS=3)
    def test_an_import_past_the_limit_is_announced_then_refused_whole(self):
        self.login()
        upload = SimpleUploadedFile("contacts.vcf", VCF.encode(), content_type="text/vcard")
        response = self.client.post(reverse("growth:contact_import"), {"file": upload})
        self.assertContains(response, "You can add 1 more contact")
        response = self.client.post(
            reverse("growth:contact_import_confirm"), {"card": ["0", "1"]}, follow=True
        )
        self.assertContains(response, "at most 3 contacts per person")
        self.assertEqual(self.alice.contacts.count(), 2)

    def test_free_text_is_capped_with_a_message_saying_how_long_it_may_be(self):
        from growth.limits import LONG_TEXT

        headers = self.api_headers()
        for path, body, field in [
            ("/api/contacts", {"name": "Three", "notes": "x" * (LONG_TEXT + 1)}, "notes"),
            ("/api/learning", {"title": "T", "notes": "x" * (LONG_TEXT + 1)}, "notes"),
        ]:
            response = self.client.post(
                path, body, content_type="application/json", headers=headers
            )
            self.assertEqual(response.status_code, 422, path)
            problem = response.json()["detail"][0]
            self.assertEqual(problem["loc"], ["body", field])
            self.assertIn(
                f"at most {LONG_TEXT:,}".replace(",", ""), problem["msg"].replace(",", "")
            )
        response = self.client.post(
            "/api/contacts",
            {"name": "Three", "notes": "x" * LONG_TEXT},
            content_type="application/json",
            headers=headers,
        )
        self.assertEqual(response.status_code, 201)
