"""1:1 conversations (agenda, notes, actions that become goal steps, the rhythm), in the agenda and
calendar feed of both sides; development cycles and their reminder emails."""

import datetime
import zoneinfo
from unittest import mock

import icalendar
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from agenda.collect import collect
from agenda.models import FeedToken
from goals.models import Goal
from organisations import assessments, conversations, cycles, reminders
from organisations.models import Conversation, CycleReminder, JobRole, Role
from organisations.people import OrgError
from organisations.tests import factories


class Conversations(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.li = factories.person("li@example.org", "Li")
        cls.sam = factories.person("sam@example.org", "Sam", language="fr")
        cls.org, cls.admin = factories.organisation(cls.ada)
        factories.member(cls.org, cls.li, Role.MANAGER)
        factories.member(cls.org, cls.sam)
        cls.link = factories.link(cls.org, cls.li, cls.sam)

    def test_holding_plans_the_next_one_and_carries_open_topics(self):
        when = timezone.now() + datetime.timedelta(hours=2)
        talk = conversations.schedule(self.link, self.li, when, 45)
        conversations.add_topic(talk, self.sam, "Night shifts")
        done = conversations.add_topic(talk, self.li, "Training budget")
        conversations.toggle_topic(done, self.sam)
        following = conversations.mark_held(talk, self.sam)
        self.assertEqual(following.scheduled_at, when + datetime.timedelta(days=14))
        self.assertEqual(following.duration_minutes, 45)
        self.assertEqual([t.text for t in following.topics.all()], ["Night shifts"])
        self.assertEqual([t.text for t in talk.topics.all()], ["Night shifts", "Training budget"])
        with self.assertRaises(OrgError):
            conversations.add_topic(talk, self.sam, "Too late")

    def test_without_a_rhythm_nothing_is_planned(self):
        self.link.cadence = "none"
        self.link.save()
        talk = conversations.schedule(self.link, self.li, timezone.now())
        self.assertIsNone(conversations.mark_held(talk, self.li))

    def test_an_action_item_becomes_a_step_of_its_owners_goal_only(self):
        talk = conversations.schedule(self.link, self.li, timezone.now())
        goal = Goal.objects.create(owner=self.sam, statement="Become care aide II")
        li_goal = Goal.objects.create(owner=self.li, statement="Li's goal")
        action = conversations.add_action(
            talk, self.li, "Shadow Noor", self.sam, datetime.date(2026, 12, 1)
        )
        with self.assertRaises(OrgError):
            conversations.action_to_step(action, self.li, li_goal)  # not Li's action
        with self.assertRaises(OrgError):
            conversations.action_to_step(action, self.sam, li_goal)  # not Sam's goal
        step = conversations.action_to_step(action, self.sam, goal)
        self.assertEqual(
            (step.goal, step.title, step.due_date),
            (goal, "Shadow Noor", datetime.date(2026, 12, 1)),
        )
        self.assertIn("1:1", step.description)
        with self.assertRaises(OrgError):
            conversations.action_to_step(action, self.sam, goal)

    def test_the_manager_sees_which_goal_only_if_it_is_shared(self):
        from organisations import people

        talk = conversations.schedule(self.link, self.li, timezone.now())
        goal = Goal.objects.create(owner=self.sam, statement="Sam's private goal")
        action = conversations.add_action(talk, self.sam, "Ask for day shifts", self.sam)
        conversations.action_to_step(action, self.sam, goal)
        page = conversations.page(talk, self.li)
        self.assertFalse(page["actions"][0].goal_visible)
        people.share_goals(self.link, self.sam, [goal])
        page = conversations.page(talk, self.li)
        self.assertTrue(page["actions"][0].goal_visible)

    def test_it_is_in_both_agendas_and_calendar_feeds(self):
        when = datetime.datetime(2030, 3, 4, 15, 0, tzinfo=datetime.UTC)
        talk = conversations.schedule(self.link, self.li, when, 30)
        conversations.add_action(
            talk, self.li, "Book the training", self.li, datetime.date(2030, 3, 6)
        )
        day = datetime.date(2030, 3, 4)
        for person, other in ((self.li, "Sam"), (self.sam, "Li")):
            items = collect(person, day, day + datetime.timedelta(days=5))
            titles = [item.title for item in items]
            self.assertIn(f"1:1 with {other}", titles)
        self.assertIn(
            "Book the training",
            [i.title for i in collect(self.li, day, day + datetime.timedelta(days=5))],
        )
        self.assertNotIn(
            "Book the training",
            [i.title for i in collect(self.sam, day, day + datetime.timedelta(days=5))],
        )
        raw = FeedToken.issue(self.sam)
        with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2030, 3, 1)):
            response = self.client.get(reverse("agenda:feed", args=[raw]))
        calendar = icalendar.Calendar.from_ical(response.content)
        uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
        self.assertIn(f"organisations-conversation-{talk.pk}@parcours", uids)

    def test_a_conversation_leaves_the_agendas_when_someone_leaves(self):
        from organisations import access, people

        talk = conversations.schedule(
            self.link, self.li, timezone.now() + datetime.timedelta(days=1)
        )
        today = timezone.localdate()
        self.assertTrue(
            any(
                i.uid.endswith(f"-{talk.pk}")
                for i in collect(self.li, today, today + datetime.timedelta(days=3))
            )
        )
        people.leave(access.membership_for(self.sam, "acme"), self.sam)
        self.assertFalse(
            any(
                "1:1" in i.title
                for i in collect(self.li, today, today + datetime.timedelta(days=3))
            )
        )

    def test_the_page_shows_agenda_notes_and_forms_to_both(self):
        talk = conversations.schedule(
            self.link, self.li, timezone.now() + datetime.timedelta(days=1)
        )
        self.client.force_login(self.sam)
        url = reverse("organisations:conversation_update", args=["acme", talk.pk, "topic"])
        self.client.post(url, {"text": "Mon horaire"})
        self.client.post(
            reverse("organisations:conversation_update", args=["acme", talk.pk, "private"]),
            {"private_notes": "Seulement pour moi"},
        )
        response = self.client.post(url, {"text": ""})
        self.assertEqual(response.status_code, 302)
        self.client.force_login(self.li)
        body = self.client.get(talk.get_absolute_url()).content.decode()
        self.assertIn("Mon horaire", body)
        self.assertNotIn("Seulement pour moi", body)
        self.client.post(
            reverse("organisations:conversation_update", args=["acme", talk.pk, "held"])
        )
        talk.refresh_from_db()
        self.assertEqual(talk.status, Conversation.Status.HELD)
        self.assertEqual(
            self.client.post(
                reverse("organisations:conversation_update", args=["acme", talk.pk, "nope"])
            ).status_code,
            404,
        )


class Cycles(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada", time_zone="America/Toronto")
        cls.li = factories.person("li@example.org", "Li", time_zone="Europe/Paris")
        cls.sam = factories.person(
            "sam@example.org", "Sam", language="fr", time_zone="America/Toronto"
        )
        cls.org, cls.admin = factories.organisation(cls.ada)
        model = factories.model(cls.org)
        cls.role = JobRole.objects.get(model=model, code="analyst-1")
        cls.li_member = factories.member(cls.org, cls.li, Role.MANAGER, job_role=cls.role)
        cls.sam_member = factories.member(cls.org, cls.sam, job_role=cls.role)
        factories.link(cls.org, cls.li, cls.sam)
        cls.today = datetime.date(2030, 3, 10)
        cls.cycle = cycles.open_cycle(
            cls.admin,
            "Printemps 2030",
            cls.today - datetime.timedelta(days=5),
            cls.today + datetime.timedelta(days=3),
            cls.today + datetime.timedelta(days=12),
            cls.today + datetime.timedelta(days=20),
        )

    def at(self, day, hour=12):
        return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)

    def test_dates_must_follow_each_other(self):
        with self.assertRaises(OrgError):
            cycles.open_cycle(
                self.admin,
                "x",
                self.today,
                self.today - datetime.timedelta(days=1),
                self.today,
                self.today,
            )

    def test_reminders_go_out_once_in_each_persons_language(self):
        sent = reminders.send_due_reminders(self.at(self.today))
        self.assertEqual(sent, 2)  # Li's and Sam's self-reviews (Ada has no job role to review)
        by_person = {m.to[0]: m for m in mail.outbox}
        self.assertIn("autoévaluation", by_person["sam@example.org"].subject)
        self.assertIn("13 mars 2030", by_person["sam@example.org"].body)
        self.assertIn("self-review", by_person["li@example.org"].subject)
        self.assertEqual(reminders.send_due_reminders(self.at(self.today)), 0)  # idempotent
        # Twelve days later, the self-reviews are late and Li's review of Sam is due.
        later = self.at(self.today + datetime.timedelta(days=12))
        mail.outbox.clear()
        reminders.send_due_reminders(later)
        kinds = set(CycleReminder.objects.filter(recipient=self.li).values_list("kind", flat=True))
        self.assertEqual(kinds, {"self_soon", "self_late", "manager_soon"})
        li_mail = [m for m in mail.outbox if m.to == ["li@example.org"] and "team" in m.subject][0]
        self.assertIn("- Sam", li_mail.body)

    def test_a_submitted_self_review_stops_the_reminders(self):
        review = assessments.start_self_assessment(self.sam_member, self.role, self.cycle)
        review.ratings.update(level=1)
        assessments.submit(review, self.sam)
        reminders.send_due_reminders(self.at(self.today))
        self.assertNotIn(["sam@example.org"], [m.to for m in mail.outbox])

    def test_the_day_is_the_recipients_own(self):
        # 03:00 UTC on the 2nd: already the 2nd in Paris, still the 1st in Toronto.
        due = self.cycle.self_review_due
        self.cycle.starts_on = due - datetime.timedelta(days=30)
        self.cycle.save()
        moment = datetime.datetime.combine(
            due - datetime.timedelta(days=reminders.NOTICE_DAYS),
            datetime.time(3),
            tzinfo=datetime.UTC,
        )
        reminders.send_due_reminders(moment)
        self.assertEqual([m.to for m in mail.outbox], [["li@example.org"]])
        self.assertEqual(
            zoneinfo.ZoneInfo("Europe/Paris").utcoffset(moment).total_seconds() > 0, True
        )

    def test_two_workers_never_send_twice_and_a_failure_is_retried(self):
        due = reminders.due_reminders(self.at(self.today))
        self.assertEqual(len(due), 2)
        with mock.patch.object(reminders, "due_reminders", return_value=due):
            first = reminders.send_due_reminders(self.at(self.today))
            second = reminders.send_due_reminders(
                self.at(self.today)
            )  # same list, as a second worker
        self.assertEqual((first, second, len(mail.outbox)), (2, 0, 2))
        CycleReminder.objects.all().delete()
        mail.outbox.clear()
        with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
            self.assertEqual(reminders.send_due_reminders(self.at(self.today)), 0)
        self.assertFalse(CycleReminder.objects.exists())
        self.assertEqual(reminders.send_due_reminders(self.at(self.today)), 2)

    def test_nothing_is_sent_for_a_closed_cycle(self):
        cycles.close_cycle(self.admin, self.cycle)
        self.assertEqual(reminders.send_due_reminders(self.at(self.today)), 0)

    def test_the_cycle_is_in_the_agenda_until_done(self):
        with mock.patch("django.utils.timezone.localdate", return_value=self.today):
            titles = [
                i.title
                for i in collect(self.li, self.today, self.today + datetime.timedelta(days=30))
            ]
        self.assertIn("Write your self-review: Printemps 2030", titles)
        self.assertIn("Review your team: Printemps 2030", titles)
        review = assessments.start_manager_assessment(self.li_member, self.sam, cycle=self.cycle)
        review.ratings.update(level=1)
        assessments.submit(review, self.li)
        with mock.patch("django.utils.timezone.localdate", return_value=self.today):
            items = collect(self.li, self.today, self.today + datetime.timedelta(days=30))
        [team] = [i for i in items if i.title.startswith("Review your team")]
        self.assertTrue(team.done)
