from django.test import Client

from accounts.tests.helpers import AccountsTestCase

URL = "/accounts/profile/"


def form(**overrides):
    data = {
        "display_name": "Alice Martin",
        "language": "en",
        "time_zone": "America/Toronto",
        "hours_per_week": "4.5",
    }
    data.update(overrides)
    return data


class ProfileTestCase(AccountsTestCase):
    def test_it_needs_a_signed_in_person(self):
        self.assertRedirects(self.client.get(URL), "/accounts/login/?next=/accounts/profile/")

    def test_it_shows_the_preferences_with_a_grouped_time_zone_select(self):
        self.login()
        response = self.client.get(URL)
        self.assertContains(response, "Signed in as alice@example.org.")
        self.assertContains(response, '<optgroup label="Europe">')
        self.assertContains(response, '<option value="America/Toronto">Toronto</option>')
        self.assertContains(response, '<option value="UTC" selected>UTC</option>')
        self.assertContains(response, 'name="hours_per_week" value="3.0"')

    def test_it_saves_the_profile(self):
        self.login()
        response = self.client.post(URL, form())
        self.assertRedirects(response, URL, fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice Martin")
        self.assertEqual(self.alice.time_zone, "America/Toronto")
        self.assertEqual(str(self.alice.hours_per_week), "4.5")
        self.assertContains(self.client.get(URL), "Your profile was saved.")

    def test_it_switches_the_interface_when_the_language_changes(self):
        self.login()
        response = self.client.post(URL, form(language="fr"), follow=True)
        self.assertContains(response, '<html lang="fr">')
        self.assertEqual(response["Content-Language"], "fr")
        self.assertContains(response, "Votre profil a été enregistré.")

    def test_it_refuses_hours_out_of_range_with_a_clear_error(self):
        self.login()
        for hours in ("-1", "80.5", "1000", "abc", "2.25"):
            response = self.client.post(URL, form(hours_per_week=hours))
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, 'id="id_hours_per_week_error"')
        response = self.client.post(URL, form(hours_per_week="81"))
        self.assertContains(response, "Enter a number of hours between 0 and 80, e.g. 3 or 2.5.")
        self.alice.refresh_from_db()
        self.assertEqual(str(self.alice.hours_per_week), "3.0")

    def test_it_accepts_the_bounds(self):
        self.login()
        for hours in ("0", "80"):
            self.client.post(URL, form(hours_per_week=hours))
            self.alice.refresh_from_db()
            self.assertEqual(int(self.alice.hours_per_week), int(hours))

    def test_it_refuses_an_unknown_time_zone_or_language(self):
        self.login()
        response = self.client.post(URL, form(time_zone="Mars/Olympus_Mons", language="de"))
        self.assertContains(response, "Choose a time zone from the list")
        self.assertContains(response, "Select a valid choice.")
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.time_zone, "UTC")

    def test_it_refuses_a_blank_name_and_keeps_the_saved_one_in_the_header(self):
        self.login()
        response = self.client.post(URL, form(display_name="   "))
        self.assertContains(response, "This field is required.")
        self.assertContains(response, "Your profile: </span>Alice</a>")

    def test_it_enforces_csrf(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        self.assertEqual(client.post(URL, form()).status_code, 403)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice")

    def test_it_shows_dates_in_the_person_s_time_zone(self):
        self.alice.time_zone = "Asia/Tokyo"
        self.alice.save()
        self.login()
        self.api_headers()  # creates a token, listed with its creation time
        response = self.client.get(URL)
        self.assertContains(response, "+09:00")
