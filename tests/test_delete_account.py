from django.apps import apps
from django.db import models
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from accounts.testing import BaseTestCase
from core.demo import load_demo
from mentoring.models import Mentorship


def rows_pointing_at(user_id):
    """Every row of every model that still refers to the person, by model."""
    left = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.ForeignKey) and field.related_model is User:
                count = model.objects.filter(**{field.name: user_id}).count()
                if count:
                    left[f"{model._meta.label}.{field.name}"] = count
    return left


class DeleteAccountTestCase(BaseTestCase):
    def test_it_asks_for_the_password_and_keeps_everything_when_it_is_wrong(self):
        self.login()
        page = self.client.get(reverse("accounts:delete_account"))
        self.assertContains(page, "This cannot be undone.")
        response = self.client.post(reverse("accounts:delete_account"), {"password": "nope"})
        self.assertContains(response, "That is not your password", status_code=200)
        self.assertTrue(User.objects.filter(pk=self.alice.pk).exists())

    def test_it_removes_all_personal_data_and_what_others_shared_disappears(self):
        people = load_demo()
        seeker, mentor = people["seeker"], people["mentor"]
        self.assertTrue(rows_pointing_at(seeker.pk))
        self.assertTrue(Mentorship.objects.filter(mentee=seeker, mentor=mentor).exists())
        self.client.force_login(mentor)
        self.assertContains(self.client.get(reverse("mentoring:index")), "Sam Tremblay")
        self.client.force_login(seeker)

        response = self.client.post(
            reverse("accounts:delete_account"), {"password": DEMO_PASSWORD}, follow=True
        )

        # Sam uses Parcours in French: the farewell is in French too.
        self.assertContains(response, "Votre compte et toutes vos données ont été supprimés.")
        self.assertFalse(response.context["user"].is_authenticated)
        self.assertFalse(User.objects.filter(pk=seeker.pk).exists())
        self.assertEqual(rows_pointing_at(seeker.pk), {})
        # The mentor keeps her own account and profile; the mentee's side is gone from her view.
        self.assertTrue(User.objects.filter(pk=mentor.pk).exists())
        self.client.force_login(mentor)
        self.assertNotContains(self.client.get(reverse("mentoring:index")), "Sam Tremblay")

    def test_it_needs_a_signed_in_person_and_a_post(self):
        response = self.client.get(reverse("accounts:delete_account"))
        self.assertEqual(response.status_code, 302)
        self.login()
        self.assertEqual(self.client.put(reverse("accounts:delete_account")).status_code, 405)
