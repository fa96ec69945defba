"""Professional associations and their memberships, with renewal dates."""

import datetime

from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from growth.models import Association, Membership


class AssociationViewTests(BaseTestCase):
    def setUp(self):
        self.login()
        self.today = timezone.localdate()

    def test_it_adds_an_association_and_a_membership_with_its_renewal(self):
        response = self.client.post(
            reverse("growth:association_new"),
            {"name": "Ordre des CPA du Québec", "kind": "regulator"},
            follow=True,
        )
        association = Association.objects.get()
        self.assertContains(response, "regulatory body (professional order)")
        renews = self.today + datetime.timedelta(days=30)
        response = self.client.post(
            reverse("growth:membership_new", args=[association.pk]),
            {
                "started_on": self.today.isoformat(),
                "renews_on": renews.isoformat(),
                "fee": "450",
                "currency": "CAD",
                "member_number": "A-123",
            },
            follow=True,
        )
        self.assertContains(response, "A-123")
        self.assertContains(response, "450.00 CAD")
        response = self.client.get(reverse("growth:index"))
        self.assertContains(response, "Ordre des CPA du Québec")

    def test_it_flags_an_overdue_renewal(self):
        association = Association.objects.create(user=self.alice, name="PMI")
        Membership.objects.create(
            association=association,
            started_on=self.today - datetime.timedelta(days=400),
            renews_on=self.today - datetime.timedelta(days=5),
        )
        response = self.client.get(reverse("growth:associations"))
        self.assertContains(response, "renewal overdue")

    def test_it_rejects_a_renewal_before_the_start(self):
        association = Association.objects.create(user=self.alice, name="PMI")
        response = self.client.post(
            reverse("growth:membership_new", args=[association.pk]),
            {"started_on": "2026-05-01", "renews_on": "2026-01-01", "currency": "CAD"},
        )
        self.assertContains(
            response, "The renewal date must be on or after the start date.", status_code=400
        )
        self.assertFalse(Membership.objects.exists())

    def test_it_edits_and_deletes(self):
        association = Association.objects.create(user=self.alice, name="Old")
        membership = Membership.objects.create(association=association)
        self.client.post(
            reverse("growth:association_edit", args=[association.pk]),
            {"name": "New", "kind": "association"},
        )
        association.refresh_from_db()
        self.assertEqual(association.name, "New")
        self.client.post(reverse("growth:membership_delete", args=[membership.pk]))
        self.assertFalse(Membership.objects.exists())
        self.client.post(reverse("growth:association_delete", args=[association.pk]))
        self.assertFalse(Association.objects.exists())

    def test_bob_gets_404(self):
        association = Association.objects.create(user=self.alice, name="Secret association")
        membership = Membership.objects.create(association=association)
        self.login(self.bob)
        self.assertEqual(self.client.get(association.get_absolute_url()).status_code, 404)
        self.assertEqual(
            self.client.post(reverse("growth:membership_delete", args=[membership.pk])).status_code,
            404,
        )
        self.assertNotContains(self.client.get(reverse("growth:associations")), "Secret")
