from django.test import Client, override_settings

from accounts.models import User
from accounts.testing import PASSWORD
from accounts.tests.helpers import AccountsTestCase
from parcours import settings as project_settings

URL = "/accounts/signup/"


def form(**overrides):
    data = {
        "email": "Carla@Example.org",
        "display_name": "Carla",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "language": "fr",
    }
    data.update(overrides)
    return data


class SignupTestCase(AccountsTestCase):
    def test_it_shows_the_form_in_the_interface_language(self):
        response = self.client.get(URL, HTTP_ACCEPT_LANGUAGE="fr")
        self.assertContains(response, "Créer votre compte")
        self.assertContains(response, '<option value="fr" selected>')
        self.assertContains(response, 'autocomplete="email"')
        self.assertContains(response, 'autocomplete="new-password"')

    def test_it_creates_the_account_and_signs_in(self):
        response = self.client.post(URL, form())
        self.assertRedirects(response, "/")
        user = User.objects.get(email="carla@example.org")
        self.assertEqual(user.display_name, "Carla")
        self.assertEqual(user.language, "fr")
        self.assertTrue(user.check_password(PASSWORD))
        self.assertEqual(response.cookies["parcours_language"].value, "fr")
        home = self.client.get("/")
        self.assertContains(home, "Bienvenue, Carla")
        self.assertContains(home, '<html lang="fr">')

    def test_it_hashes_the_password_with_argon2(self):
        with override_settings(PASSWORD_HASHERS=project_settings.PASSWORD_HASHERS):
            self.client.post(URL, form())
        self.assertTrue(User.objects.get(email="carla@example.org").password.startswith("argon2$"))

    def test_it_refuses_mismatched_passwords(self):
        response = self.client.post(URL, form(password2="another horse battery staple"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The two password fields didn’t match.")
        self.assertContains(response, 'aria-invalid="true"')
        self.assertFalse(User.objects.filter(email="carla@example.org").exists())

    def test_it_refuses_a_bad_email(self):
        response = self.client.post(URL, form(email="not-an-email"))
        self.assertContains(response, "Enter a valid email address.")
        self.assertContains(response, 'id="id_email_error"')
        self.assertContains(response, 'aria-describedby="id_email_error"')
        self.assertEqual(User.objects.count(), 2)

    def test_it_refuses_an_email_already_used_whatever_its_case(self):
        response = self.client.post(URL, form(email="ALICE@example.org"))
        self.assertContains(response, "An account already uses this email address.")
        self.assertEqual(User.objects.count(), 2)

    def test_it_refuses_missing_fields_in_french(self):
        response = self.client.post(URL, {}, HTTP_ACCEPT_LANGUAGE="fr")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ce champ est obligatoire.", count=5)
        self.assertContains(response, "Veuillez corriger les erreurs ci-dessous.")

    def test_it_refuses_a_weak_password(self):
        response = self.client.post(URL, form(password1="12345", password2="12345"))
        self.assertContains(response, "This password is too short.")
        self.assertEqual(User.objects.count(), 2)

    def test_it_refuses_an_unknown_language(self):
        response = self.client.post(URL, form(language="de"))
        self.assertContains(response, "Select a valid choice.")
        self.assertEqual(User.objects.count(), 2)

    def test_it_enforces_csrf(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(URL, form())
        self.assertEqual(response.status_code, 403)
        self.assertEqual(User.objects.count(), 2)

    def test_it_sends_a_signed_in_person_home(self):
        self.login()
        self.assertRedirects(self.client.get(URL), "/")
