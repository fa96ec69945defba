"""Imported mentorship history: the mentoring page's list, the record, its deletion, the API."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.testing import BaseTestCase
from core.portability import export_person, import_person
from goals.models import Goal, Step
from mentoring import lifecycle
from mentoring.models import (
    ActionItem,
    GoalReview,
    Mentorship,
    MentorshipRecord,
    PrivateNote,
)
from mentoring.tests import factories


def history_of(mentee):
    """`mentee`'s mentorship with Mireille, with a session, feedback, thanks both ways and news,
    exported and imported under a new address: the new person's records."""
    mireille = factories.person("mireille@example.org", "Mireille Gagnon")
    profile = factories.mentor_profile(mireille)
    goal = factories.goal(mentee, "Devenir analyste de données")
    step = Step.objects.create(goal=goal, title="Pratiquer le SQL")
    mentorship = factories.active_mentorship(mentee, profile, goals=[goal])
    session = factories.session(mentorship, questions="Par où commencer?")
    session.shared_notes = "Commencer par les jointures"
    session.save()
    PrivateNote.objects.create(session=session, author=mentee, text="Mon carnet secret")
    PrivateNote.objects.create(session=session, author=mireille, text="Mireille's private note")
    ActionItem.objects.create(session=session, title="Lire un livre", step=step, done=True)
    GoalReview.objects.create(session=session, link=mentorship.links.get(), note="Bon rythme")
    feedback = lifecycle.give_feedback(
        mentorship, mireille, "Questions claires", "Arriver avec un exemple"
    )
    lifecycle.reflect(feedback, mentee, "J'apporte un exemple", shared=False)
    lifecycle.thank(mentorship, mentee, "Merci pour ton temps")
    lifecycle.thank(mentorship, mireille, "Au plaisir")
    lifecycle.complete(mentorship, mentee, "Objectifs atteints")
    lifecycle.keep_in_touch(mentorship, mentee, "success", "J'ai décroché le poste")
    copy = import_person(export_person(mentee), email="alice.new@example.org")
    return copy


class HistoryTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.carol = factories.person("carol@example.org", "Carol")
        cls.owner = history_of(cls.carol)
        cls.record = MentorshipRecord.objects.get(owner=cls.owner)

    def test_it_lists_imported_history_on_the_mentoring_page(self):
        self.login(self.owner)
        page = self.client.get(reverse("mentoring:index"))
        self.assertContains(page, "Mentorship history (imported)")
        self.assertContains(page, "Mireille Gagnon")
        self.assertContains(page, "Goals met: keeping in touch")
        self.assertContains(page, "Mentee")
        self.assertContains(page, self.record.get_absolute_url())

    def test_it_shows_no_history_section_to_someone_without_records(self):
        self.login(self.carol)
        page = self.client.get(reverse("mentoring:index"))
        self.assertNotContains(page, "Mentorship history (imported)")

    def test_it_shows_the_whole_record_from_the_owners_side(self):
        self.login(self.owner)
        page = self.client.get(self.record.get_absolute_url())
        self.assertContains(page, "Imported mentorship with Mireille Gagnon")
        self.assertContains(page, "You were the mentee.")
        goal = Goal.objects.get(owner=self.owner)
        self.assertContains(page, goal.get_absolute_url())
        for text in (
            "Par où commencer?",
            "Commencer par les jointures",
            "Mon carnet secret",
            "Lire un livre",
            "Bon rythme",
            "Questions claires",
            "Arriver avec un exemple",
            "J&#x27;apporte un exemple",
            "Merci pour ton temps",
            "Au plaisir",
            "J&#x27;ai décroché le poste",
            "Objectifs atteints",
        ):
            self.assertContains(page, text)
        self.assertNotContains(page, "Mireille&#x27;s private note")
        # Read-only: nothing to fill in or submit, only a link to its deletion.
        self.assertNotContains(page, "<textarea")
        self.assertNotContains(page, '<button class="button')

    def test_it_says_when_a_goal_was_deleted_since(self):
        Goal.objects.filter(owner=self.owner).delete()
        self.login(self.owner)
        page = self.client.get(self.record.get_absolute_url())
        self.assertContains(page, "A goal you have deleted since")
        self.assertContains(page, "Lire un livre")

    def test_it_asks_before_deleting_and_deletes_on_post(self):
        self.login(self.owner)
        url = reverse("mentoring:history_delete", args=[self.record.pk])
        page = self.client.get(url)
        self.assertContains(page, "This cannot be undone.")
        self.assertTrue(MentorshipRecord.objects.filter(pk=self.record.pk).exists())
        response = self.client.post(url, follow=True)
        self.assertRedirects(response, reverse("mentoring:index"))
        self.assertContains(response, "The imported mentorship is deleted.")
        self.assertFalse(MentorshipRecord.objects.filter(pk=self.record.pk).exists())
        # The goals it named are the person's own and stay.
        self.assertTrue(Goal.objects.filter(owner=self.owner).exists())

    def test_it_answers_404_to_anyone_else(self):
        self.login(self.bob)
        detail = self.record.get_absolute_url()
        delete = reverse("mentoring:history_delete", args=[self.record.pk])
        self.assertEqual(self.client.get(detail).status_code, 404)
        self.assertEqual(self.client.get(delete).status_code, 404)
        self.assertEqual(self.client.post(delete).status_code, 404)
        self.assertTrue(MentorshipRecord.objects.filter(pk=self.record.pk).exists())
        # Not even the person whose mentorship it was on the other instance.
        self.login(self.carol)
        self.assertEqual(self.client.get(detail).status_code, 404)
        index = self.client.get(reverse("mentoring:index"))
        self.assertNotContains(index, "Mentorship history (imported)")

    def test_it_sends_visitors_to_sign_in_and_refuses_other_methods(self):
        response = self.client.get(self.record.get_absolute_url())
        self.assertEqual(response.status_code, 302)
        self.login(self.owner)
        self.assertEqual(self.client.post(self.record.get_absolute_url()).status_code, 405)

    def test_it_lists_the_history_in_as_many_queries_whatever_its_length(self):
        self.login(self.owner)
        url = reverse("mentoring:index")
        self.client.get(url)  # warm up sessions and caches
        with CaptureQueriesContext(connection) as small:
            self.client.get(url)
        for n in range(4):
            MentorshipRecord.objects.create(
                owner=self.owner,
                role="mentor",
                counterpart_name=f"Mentee {n}",
                status="ended",
                created_at=timezone.now() - datetime.timedelta(days=n),
                details=self.record.details,
            )
        with self.assertNumQueries(len(small.captured_queries)):
            page = self.client.get(url)
        self.assertContains(page, "Mentee 3")

    def test_it_shows_the_page_in_french(self):
        self.owner.language = "fr"
        self.owner.save()
        self.login(self.owner)
        page = self.client.get(self.record.get_absolute_url(), headers={"accept-language": "fr"})
        self.assertContains(page, "Vous étiez la personne mentorée.")

    def test_it_goes_with_the_account_when_it_is_deleted(self):
        self.owner.delete()
        self.assertFalse(MentorshipRecord.objects.filter(pk=self.record.pk).exists())
        self.assertTrue(User.objects.filter(pk=self.carol.pk).exists())


class HistoryApiTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.carol = factories.person("carol@example.org", "Carol")
        cls.owner = history_of(cls.carol)
        cls.record = MentorshipRecord.objects.get(owner=cls.owner)

    def test_it_lists_and_reads_the_owners_history(self):
        headers = self.api_headers(self.owner)
        listing = self.client.get("/api/mentoring/history", headers=headers)
        self.assertEqual(listing.status_code, 200)
        [item] = listing.json()
        self.assertEqual(item["id"], self.record.pk)
        self.assertEqual(item["counterpart_name"], "Mireille Gagnon")
        self.assertEqual(item["role"], "mentee")
        detail = self.client.get(f"/api/mentoring/history/{self.record.pk}", headers=headers)
        self.assertEqual(detail.status_code, 200, detail.content)
        body = detail.json()
        self.assertEqual(body["goals"][0]["goal_id"], Goal.objects.get(owner=self.owner).pk)
        session = body["sessions"][0]
        self.assertEqual(session["private_note"]["text"], "Mon carnet secret")
        self.assertEqual(
            session["actions"][0]["step_id"], Step.objects.get(goal__owner=self.owner).pk
        )
        self.assertEqual(session["goal_reviews"][0]["goal_link"], 0)
        self.assertEqual(body["feedback"][0]["reflection"]["text"], "J'apporte un exemple")
        self.assertEqual(sorted(t["author"] for t in body["thanks"]), ["counterpart", "me"])
        self.assertEqual(body["keep_in_touch"][0]["kind"], "success")
        self.assertEqual(body["ended_by"], "me")
        self.assertNotIn("Mireille's private note", detail.content.decode())

    def test_it_answers_404_to_anyone_else_and_401_to_visitors(self):
        url = f"/api/mentoring/history/{self.record.pk}"
        response = self.client.get(url, headers=self.api_headers(self.bob))
        self.assertEqual(response.status_code, 404)
        self.assertIn("detail", response.json())
        self.assertEqual(
            self.client.get("/api/mentoring/history", headers=self.api_headers(self.bob)).json(),
            [],
        )
        self.assertEqual(self.client.get(url).status_code, 401)
        huge = self.client.get(
            "/api/mentoring/history/99999999999999999999", headers=self.api_headers(self.owner)
        )
        self.assertIn(huge.status_code, (404, 422))

    def test_it_keeps_live_mentorships_apart(self):
        self.assertFalse(Mentorship.objects.involving(self.owner).exists())
