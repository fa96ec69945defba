"""The sharing history: what each change records, for whom, and who may read it."""

import datetime
from io import StringIO
from pathlib import Path
from tempfile import TemporaryDirectory
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.test import TransactionTestCase
from django.urls import reverse

from accounts.models import ApiToken, User
from accounts.testing import BaseTestCase, make_person
from agenda.models import FeedToken
from core import audit
from core.demo import load_demo
from core.models import SharingEvent
from mentoring import lifecycle
from mentoring.lifecycle import LifecycleError
from mentoring.tests import factories

Action = SharingEvent.Action
Effect = SharingEvent.Effect


class MentorshipCase(BaseTestCase):
    """Alice is the mentee, Maria her mentor; Bob is a stranger."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.maria = factories.person("maria@example.org", "Maria")
        cls.profile = factories.mentor_profile(cls.maria, capacity=3)
        cls.nurse = factories.goal(cls.alice, "Become a registered nurse by 2028")
        cls.python = factories.goal(cls.alice, "Learn Python for data analysis")

    def requested(self, goals=None):
        goals = [self.nurse] if goals is None else goals
        return lifecycle.send_request(self.alice, self.profile, "Learn", goals=goals)

    def active(self, goals=None):
        mentorship = self.requested(goals)
        return lifecycle.accept(mentorship, self.maria)

    def events_since(self, before):
        """The events recorded after the id `before`, oldest first."""
        return list(SharingEvent.objects.filter(pk__gt=before).order_by("id"))

    def last_id(self):
        return SharingEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def assert_one(self, before, action, *, actor, effect, counterpart=None):
        counterpart = self.maria if counterpart is None else counterpart
        events = self.events_since(before)
        self.assertEqual([e.action for e in events], [action])
        event = events[0]
        self.assertEqual(event.owner, self.alice)
        self.assertEqual(event.actor, actor)
        self.assertEqual(event.counterpart, counterpart)
        self.assertEqual(event.counterpart_name, str(counterpart))
        self.assertEqual(event.effect, effect)
        return event


class MentorshipEventTests(MentorshipCase):
    def test_it_records_a_request_in_the_mentees_history(self):
        before = self.last_id()
        mentorship = lifecycle.send_request(
            self.alice, self.profile, "Learn", goals=[self.nurse], objectives="Move into nursing"
        )
        event = self.assert_one(
            before, Action.MENTORSHIP_REQUESTED, actor=self.alice, effect=Effect.GRANTED
        )
        self.assertEqual(event.object_kind, "mentoring.mentorship")
        self.assertEqual(event.object_id, mentorship.pk)
        self.assertEqual(event.object_description, "Move into nursing")

    def test_it_records_the_mentors_acceptance_with_the_goals_she_now_sees(self):
        mentorship = self.requested([self.nurse, self.python])
        before = self.last_id()
        lifecycle.accept(mentorship, self.maria)
        event = self.assert_one(
            before, Action.MENTORSHIP_ACCEPTED, actor=self.maria, effect=Effect.GRANTED
        )
        self.assertIn("Become a registered nurse by 2028", event.object_description)
        self.assertIn("Learn Python for data analysis", event.object_description)
        # The mentor's own history says nothing: it is Alice's data that is shared.
        self.assertFalse(audit.history(self.maria).exists())

    def test_it_records_a_decline_and_a_withdrawal(self):
        mentorship = self.requested()
        before = self.last_id()
        lifecycle.decline(mentorship, self.maria, "Sorry, not now.")
        self.assert_one(before, Action.MENTORSHIP_DECLINED, actor=self.maria, effect=Effect.NONE)

        other = lifecycle.send_request(
            self.alice, factories.mentor_profile(self.bob), "Learn", objectives="SQL"
        )
        before = self.last_id()
        lifecycle.withdraw(other, self.alice)
        self.assert_one(
            before,
            Action.MENTORSHIP_WITHDRAWN,
            actor=self.alice,
            effect=Effect.NONE,
            counterpart=self.bob,
        )

    def test_an_end_by_the_mentor_removes_access_and_shows_in_the_mentees_history(self):
        mentorship = self.active()
        before = self.last_id()
        lifecycle.end_early(mentorship, self.maria, "I am changing jobs.")
        self.assert_one(before, Action.MENTORSHIP_ENDED, actor=self.maria, effect=Effect.REMOVED)
        self.assertFalse(audit.history(self.maria).exists())

    def test_a_completion_keeps_access_when_the_mentee_keeps_sharing(self):
        mentorship = self.active()
        lifecycle.set_keep_sharing(mentorship, self.alice, True)
        before = self.last_id()
        lifecycle.complete(mentorship, self.alice, "Goals met!")
        self.assert_one(before, Action.MENTORSHIP_COMPLETED, actor=self.alice, effect=Effect.KEPT)

    def test_it_records_keep_sharing_only_when_it_changes(self):
        mentorship = self.active()
        before = self.last_id()
        lifecycle.set_keep_sharing(mentorship, self.alice, True)
        # While active the mentor already sees the goals: nothing changes for now.
        self.assert_one(before, Action.KEEP_SHARING_ON, actor=self.alice, effect=Effect.NONE)
        before = self.last_id()
        lifecycle.set_keep_sharing(mentorship, self.alice, True)
        self.assertEqual(self.events_since(before), [])

        lifecycle.complete(mentorship, self.maria)
        before = self.last_id()
        lifecycle.set_keep_sharing(mentorship, self.alice, False)
        self.assert_one(before, Action.KEEP_SHARING_OFF, actor=self.alice, effect=Effect.REMOVED)

    def test_it_records_each_goal_shared_or_unshared(self):
        mentorship = self.active([self.nurse])
        before = self.last_id()
        lifecycle.share_goals(mentorship, self.alice, [self.python])
        events = self.events_since(before)
        self.assertEqual(
            [(e.action, e.object_id, e.effect) for e in events],
            [
                (Action.GOAL_UNSHARED, self.nurse.pk, Effect.REMOVED),
                (Action.GOAL_SHARED, self.python.pk, Effect.GRANTED),
            ],
        )
        self.assertEqual(events[1].object_description, "Learn Python for data analysis")
        self.assertEqual(events[1].object_kind, "goals.goal")
        before = self.last_id()
        lifecycle.share_goals(mentorship, self.alice, [self.python])
        self.assertEqual(self.events_since(before), [])

    def test_it_records_a_reflection_shared_then_unshared_but_not_its_edits(self):
        mentorship = self.active()
        feedback = lifecycle.give_feedback(mentorship, self.maria, "Too modest.", "Use numbers.")
        before = self.last_id()
        lifecycle.reflect(feedback, self.alice, "I will quantify my work.")
        self.assertEqual(self.events_since(before), [])  # private: nothing shared

        lifecycle.reflect(feedback, self.alice, "I will quantify my work.", shared=True)
        event = self.assert_one(
            before, Action.REFLECTION_SHARED, actor=self.alice, effect=Effect.GRANTED
        )
        self.assertEqual(event.object_description, "I will quantify my work.")

        before = self.last_id()
        lifecycle.reflect(feedback, self.alice, "Edited, still shared.", shared=True)
        self.assertEqual(self.events_since(before), [])
        lifecycle.reflect(feedback, self.alice, "Edited, still shared.", shared=False)
        self.assert_one(before, Action.REFLECTION_UNSHARED, actor=self.alice, effect=Effect.REMOVED)

    def test_agreeing_indicators_changes_no_access_and_records_nothing(self):
        mentorship = self.active()
        before = self.last_id()
        lifecycle.agree_indicators(mentorship.links.get(), self.maria)
        self.assertEqual(self.events_since(before), [])

    def test_a_refused_change_records_nothing(self):
        mentorship = self.requested()
        bobs_goal = factories.goal(self.bob, "Bob's goal")
        before = self.last_id()
        refusals = [
            lambda: lifecycle.send_request(self.alice, self.profile, "Learn"),
            lambda: lifecycle.accept(mentorship, self.alice),
            lambda: lifecycle.decline(mentorship, self.maria, "   "),
            lambda: lifecycle.withdraw(mentorship, self.maria),
            lambda: lifecycle.end_early(mentorship, self.alice, "Not active yet"),
            lambda: lifecycle.share_goals(mentorship, self.alice, [bobs_goal]),
            lambda: lifecycle.share_goals(mentorship, self.maria, [self.python]),
            lambda: lifecycle.set_keep_sharing(mentorship, self.maria, True),
        ]
        for refuse in refusals:
            with self.assertRaises(LifecycleError):
                refuse()
        self.assertEqual(self.events_since(before), [])


class TokenAndExportEventTests(BaseTestCase):
    def test_it_records_api_tokens_created_and_revoked_once(self):
        token, _raw = ApiToken.issue(self.alice, "weekly script")
        token.revoke()
        token.revoke()
        ApiToken.objects.get(pk=token.pk).revoke()
        events = list(audit.history(self.alice).order_by("id"))
        self.assertEqual(
            [(e.action, e.effect, e.actor, e.object_id) for e in events],
            [
                (Action.API_TOKEN_CREATED, Effect.GRANTED, self.alice, token.pk),
                (Action.API_TOKEN_REVOKED, Effect.REMOVED, self.alice, token.pk),
            ],
        )
        self.assertTrue(events[0].object_description.startswith("weekly script (prc_"))
        self.assertEqual(audit.with_whom(events[0]), "Anyone with the token")

    def test_revoking_a_token_on_the_profile_page_records_it(self):
        token, _raw = ApiToken.issue(self.alice, "laptop")
        self.login()
        self.client.post(reverse("accounts:revoke_token", args=[token.pk]))
        self.assertEqual(audit.history(self.alice).first().action, Action.API_TOKEN_REVOKED)

    def test_it_records_the_calendar_link_created_replaced_and_revoked(self):
        FeedToken.issue(self.alice)
        FeedToken.issue(self.alice)
        self.assertTrue(FeedToken.revoke(self.alice))
        self.assertFalse(FeedToken.revoke(self.alice))
        self.assertEqual(
            [(e.action, e.effect) for e in audit.history(self.alice).order_by("id")],
            [
                (Action.FEED_LINK_CREATED, Effect.GRANTED),
                (Action.FEED_LINK_REPLACED, Effect.GRANTED),
                (Action.FEED_LINK_REVOKED, Effect.REMOVED),
            ],
        )
        self.assertFalse(FeedToken.objects.filter(user=self.alice).exists())

    def test_the_agenda_page_revokes_through_the_same_rule(self):
        FeedToken.issue(self.alice)
        self.login()
        self.client.post(reverse("agenda:feed_revoke"))
        self.assertEqual(audit.history(self.alice).first().action, Action.FEED_LINK_REVOKED)

    def test_a_download_of_all_data_is_recorded_as_made_by_the_person(self):
        self.login()
        response = self.client.get(reverse("core:export_data"))
        self.assertEqual(response.status_code, 200)
        event = audit.history(self.alice).get()
        self.assertEqual((event.action, event.effect), (Action.DATA_EXPORTED, Effect.COPIED))
        self.assertEqual(audit.who(event), "You")
        self.assertFalse(audit.history(self.bob).exists())

    def test_an_export_on_the_server_is_recorded_as_made_by_the_administration(self):
        with TemporaryDirectory() as folder:
            path = Path(folder) / "alice.json"
            call_command("export", user="alice@example.org", output=str(path), stderr=StringIO())
        event = audit.history(self.alice).get()
        self.assertIsNone(event.actor)
        self.assertEqual(audit.who(event), "Site administration")

    def test_events_are_never_changed(self):
        event = audit.data_exported(self.alice, actor=self.alice)
        event.effect = Effect.NONE
        with self.assertRaises(TypeError):
            event.save()
        with self.assertRaises(TypeError):
            SharingEvent.objects.filter(owner=self.alice).update(effect=Effect.NONE)
        self.assertEqual(SharingEvent.objects.get().effect, Effect.COPIED)


class AccountDeletionTests(MentorshipCase):
    def test_the_mentees_history_keeps_the_name_of_a_mentor_who_left(self):
        mentorship = self.active()
        lifecycle.end_early(mentorship, self.maria, "Moving abroad.")
        self.maria.delete()
        events = list(audit.history(self.alice))
        self.assertEqual(
            [e.action for e in events],
            [
                Action.MENTOR_ACCOUNT_DELETED,
                Action.MENTORSHIP_ENDED,
                Action.MENTORSHIP_ACCEPTED,
                Action.MENTORSHIP_REQUESTED,
            ],
        )
        for event in events:
            self.assertIsNone(event.counterpart)
            self.assertEqual(audit.with_whom(event), "Maria")
        self.assertEqual(audit.who(events[0]), "Maria")
        self.assertEqual(events[0].effect, Effect.REMOVED)

    def test_a_mentor_deleting_her_account_tells_each_mentee_once(self):
        self.active()
        lifecycle.send_request(self.bob, self.profile, "Learn", objectives="Learn SQL")
        before = self.last_id()
        self.maria.delete()
        events = self.events_since(before)
        self.assertEqual(
            sorted((e.owner_id, e.action) for e in events),
            [
                (self.alice.pk, Action.MENTOR_ACCOUNT_DELETED),
                (self.bob.pk, Action.MENTOR_ACCOUNT_DELETED),
            ],
        )

    def test_people_deleted_together_leave_no_history_behind(self):
        self.active()
        User.objects.filter(pk__in=[self.alice.pk, self.maria.pk]).delete()
        self.assertFalse(SharingEvent.objects.exists())

    def test_the_persons_own_history_goes_with_their_account(self):
        self.active()
        ApiToken.issue(self.maria, "maria's script")
        self.alice.delete()
        self.assertFalse(SharingEvent.objects.filter(owner_id=self.alice.pk).exists())
        self.assertEqual(audit.history(self.maria).count(), 1)


class HistoryPageTests(MentorshipCase):
    url = reverse("core:sharing_history")

    def test_it_shows_who_did_what_with_whom_newest_first(self):
        mentorship = self.active()
        lifecycle.end_early(mentorship, self.maria, "I am changing jobs.")
        self.login()
        response = self.client.get(self.url)
        self.assertContains(response, "Sharing history")
        rows = response.context["rows"]
        self.assertEqual(
            [(event.action, who, with_whom) for event, who, with_whom in rows],
            [
                (Action.MENTORSHIP_ENDED, "Maria", "Maria"),
                (Action.MENTORSHIP_ACCEPTED, "Maria", "Maria"),
                (Action.MENTORSHIP_REQUESTED, "You", "Maria"),
            ],
        )
        self.assertContains(response, "Mentorship ended early")
        self.assertContains(response, "Access removed")
        self.assertContains(response, "Become a registered nurse by 2028")

    def test_it_is_linked_from_the_profile_page(self):
        self.login()
        self.assertContains(self.client.get(reverse("accounts:profile")), f'href="{self.url}"')

    def test_bob_sees_nothing_of_alices_history(self):
        self.active()
        ApiToken.issue(self.bob, "bob's script")
        self.login(self.bob)
        response = self.client.get(self.url)
        self.assertEqual(
            [event.action for event, _who, _with in response.context["rows"]],
            [Action.API_TOKEN_CREATED],
        )
        self.assertNotContains(response, "Become a registered nurse")
        self.assertNotContains(response, "Maria")
        # Maria, Alice's mentor, does not read Alice's history either.
        self.login(self.maria)
        self.assertContains(self.client.get(self.url), "Nothing yet")

    def test_it_pages_fifty_at_a_time(self):
        make_events(self.alice, 60)
        self.login()
        first = self.client.get(self.url)
        self.assertEqual(len(first.context["rows"]), 50)
        self.assertContains(first, "Page 1 of 2")
        second = self.client.get(self.url, {"page": 2})
        self.assertEqual(len(second.context["rows"]), 10)
        self.assertEqual(second.context["rows"][-1][0].object_description, "token 0")
        # A page that does not exist shows the last one, not an error.
        self.assertEqual(self.client.get(self.url, {"page": "x"}).status_code, 200)

    def test_its_query_count_does_not_grow_with_the_history(self):
        self.login()
        make_events(self.alice, 2)
        with self.assertNumQueries(4):  # session, person, count, page
            self.client.get(self.url)
        make_events(self.alice, 80)
        with self.assertNumQueries(4):
            self.client.get(self.url)

    def test_it_speaks_french_in_the_persons_time_zone(self):
        self.alice.language = "fr"
        self.alice.time_zone = "America/Toronto"
        self.alice.save()
        SharingEvent.objects.create(
            owner=self.alice,
            actor=self.maria,
            actor_name="Maria",
            counterpart=self.maria,
            counterpart_name="Maria",
            action=Action.MENTORSHIP_ACCEPTED,
            effect=Effect.GRANTED,
            created_at=datetime.datetime(2026, 3, 10, 15, 5, tzinfo=datetime.UTC),
        )
        audit.data_exported(self.alice, actor=self.alice)
        self.login()
        response = self.client.get(self.url)
        self.assertContains(response, "Historique du partage")
        self.assertContains(response, "Relation de mentorat acceptée")
        self.assertContains(response, "Accès accordé")
        self.assertContains(response, "Vous")
        self.assertContains(response, "Quiconque détient le fichier")
        self.assertContains(response, "10 mars 2026 11:05")  # 15:05 UTC is 11:05 in Toronto

    def test_it_needs_a_signed_in_person_and_a_get(self):
        response = self.client.get(self.url)
        self.assertRedirects(response, f"{reverse('accounts:login')}?next={self.url}")
        self.login()
        self.assertEqual(self.client.post(self.url).status_code, 405)


class HistoryApiTests(MentorshipCase):
    url = "/api/me/sharing-events"

    def test_it_lists_the_persons_events_a_page_at_a_time(self):
        make_events(self.alice, 5)
        response = self.client.get(self.url, {"page": 2, "per_page": 2}, headers=self.api_headers())
        self.assertEqual(response.status_code, 200)
        body = response.json()
        # The token made for this call is an event too: 6 in all.
        self.assertEqual((body["count"], body["page"], body["pages"]), (6, 2, 3))
        self.assertEqual([e["description"] for e in body["results"]], ["token 3", "token 2"])
        first = body["results"][0]
        self.assertEqual(first["action"], "api_token_created")
        self.assertEqual(first["action_label"], "API token created")
        self.assertTrue(first["by_you"])
        self.assertEqual(first["who"], "You")
        self.assertEqual(first["with_whom"], "Anyone with the token")

    def test_the_mentors_actions_appear_in_the_mentees_answer_in_her_language(self):
        self.alice.language = "fr"
        self.alice.time_zone = "America/Toronto"
        self.alice.save()
        mentorship = self.active()
        lifecycle.end_early(mentorship, self.maria, "I am changing jobs.")
        body = self.client.get(self.url, headers=self.api_headers()).json()
        ended = next(e for e in body["results"] if e["action"] == "mentorship_ended")
        self.assertEqual(ended["who"], "Maria")
        self.assertFalse(ended["by_you"])
        self.assertEqual(ended["with_whom"], "Maria")
        self.assertEqual(ended["effect_label"], "Accès retiré")
        self.assertRegex(ended["created_at"], r"-0[45]:00$")

    def test_bob_gets_nothing_of_alices(self):
        self.active()
        body = self.client.get(self.url, headers=self.api_headers(self.bob)).json()
        self.assertEqual(body["count"], 1)  # only the token Bob made for this call
        self.assertEqual(body["results"][0]["action"], "api_token_created")

    def test_it_refuses_bad_paging_and_strangers(self):
        headers = self.api_headers()
        for params in ({"page": 0}, {"per_page": 0}, {"per_page": 1000}, {"page": "x"}):
            response = self.client.get(self.url, params, headers=headers)
            self.assertEqual(response.status_code, 422, params)
            self.assertIn("detail", response.json())
        past_the_end = self.client.get(self.url, {"page": 99}, headers=headers).json()
        self.assertEqual(past_the_end["results"], [])
        self.assertEqual(self.client.get(self.url).status_code, 401)


class DemoTests(BaseTestCase):
    def test_the_demo_seekers_history_tells_how_her_mentorship_began_once(self):
        load_demo()
        people = load_demo()
        events = list(audit.history(people["seeker"]))
        self.assertEqual(
            [(e.action, e.actor) for e in events],
            [
                (Action.MENTORSHIP_ACCEPTED, people["mentor"]),
                (Action.MENTORSHIP_REQUESTED, people["seeker"]),
            ],
        )
        self.assertTrue(events[0].object_description)  # the goal shared with Maria


def make_events(person, count):
    """`count` token events for `person`, one minute apart, oldest first ("token 0")."""
    start = datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC)
    SharingEvent.objects.bulk_create(
        SharingEvent(
            owner=person,
            actor=person,
            actor_name=str(person),
            action=Action.API_TOKEN_CREATED,
            effect=Effect.GRANTED,
            object_description=f"token {n}",
            created_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(count)
    )


class SameTransactionTests(TransactionTestCase):
    """Each change and its line in the history are saved together: record runs in its atomic
    block, so a failure after it rolls both back. (TestCase would hide a missing block.)"""

    def test_every_door_records_inside_the_transaction_of_its_change(self):
        alice = make_person("alice@example.org", "Alice")
        maria = factories.person("maria@example.org", "Maria")
        profile = factories.mentor_profile(maria)
        goal = factories.goal(alice)
        outside = []
        real_record = audit.record

        def checking_record(owner, action, **kwargs):
            if not connection.in_atomic_block:
                outside.append(action)
            return real_record(owner, action, **kwargs)

        with mock.patch("core.audit.record", side_effect=checking_record):
            mentorship = lifecycle.send_request(alice, profile, "Learn", goals=[goal])
            lifecycle.accept(mentorship, maria)
            lifecycle.share_goals(mentorship, alice, [])
            lifecycle.share_goals(mentorship, alice, [goal])
            feedback = lifecycle.give_feedback(mentorship, maria, "Seen.", "Try.")
            lifecycle.reflect(feedback, alice, "Noted.", shared=True)
            lifecycle.set_keep_sharing(mentorship, alice, True)
            lifecycle.end_early(mentorship, maria, "Leaving.")
            other = lifecycle.send_request(alice, profile, "Again", objectives="SQL")
            lifecycle.withdraw(other, alice)
            third = lifecycle.send_request(alice, profile, "Again", objectives="SQL")
            lifecycle.decline(third, maria, "Not now.")
            fourth = lifecycle.send_request(alice, profile, "Again", objectives="SQL")
            lifecycle.complete(lifecycle.accept(fourth, maria), alice)
            token, _raw = ApiToken.issue(alice, "script")
            token.revoke()
            FeedToken.issue(alice)
            FeedToken.revoke(alice)
            call_command("export", user=alice.email, output="-", stdout=StringIO())
            self.client.force_login(alice)
            self.client.get(reverse("core:export_data"))

        self.assertEqual(outside, [])
        self.assertEqual(SharingEvent.objects.filter(owner=alice).count(), 20)
        self.assertTrue(User.objects.filter(pk=alice.pk).exists())
