"""core.access: the one place that decides who may see what."""

from unittest import mock

from django.contrib.auth.models import AnonymousUser
from django.core import checks
from django.http import Http404

from accounts.testing import BaseTestCase, make_person
from core import access, portability
from core.access import get_owned_or_404, get_visible_or_404, owned, visible
from goals.models import Goal, Stage, Step, StepCompletion
from mentoring.models import MentorProfile, Mentorship, PrivateNote, Session
from taxonomy.models import Skill


class OwnedTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.goal = Goal.objects.create(owner=cls.alice, statement="Become a data analyst")
        cls.step = Step.objects.create(goal=cls.goal, title="Take the SQL course")
        cls.bobs_goal = Goal.objects.create(owner=cls.bob, statement="Bob's own goal")

    def test_it_gives_the_owner_her_records(self):
        self.assertEqual(list(owned(Goal, self.alice)), [self.goal])
        self.assertEqual(list(owned(Step, self.alice)), [self.step])

    def test_it_gives_another_person_none_of_them(self):
        self.assertEqual(list(owned(Goal, self.bob)), [self.bobs_goal])
        self.assertFalse(owned(Step, self.bob).exists())

    def test_it_gives_someone_not_signed_in_nothing(self):
        self.assertFalse(owned(Goal, AnonymousUser()).exists())
        self.assertFalse(owned(Step, None).exists())

    def test_it_finds_the_owners_record_and_404s_for_anyone_else(self):
        self.assertEqual(get_owned_or_404(Step, self.alice, pk=self.step.pk), self.step)
        with self.assertRaises(Http404):
            get_owned_or_404(Step, self.bob, pk=self.step.pk)
        with self.assertRaises(Http404):
            get_owned_or_404(Step, AnonymousUser(), pk=self.step.pk)
        with self.assertRaises(Http404):
            get_owned_or_404(Goal, self.alice, pk=self.bobs_goal.pk)

    def test_it_keeps_the_querysets_select_related(self):
        rows = owned(Step.objects.select_related("goal"), self.alice)
        with self.assertNumQueries(1):
            self.assertEqual([step.goal.statement for step in rows], ["Become a data analyst"])
        with self.assertNumQueries(1):
            step = get_owned_or_404(
                Step.objects.select_related("goal"), self.alice, pk=self.step.pk
            )
            self.assertEqual(step.goal, self.goal)

    def test_it_keeps_the_querysets_prefetch_related_and_ordering(self):
        Step.objects.create(goal=self.goal, title="Build a portfolio")
        rows = owned(Goal.objects.prefetch_related("steps").order_by("-id"), self.alice)
        with self.assertNumQueries(2):
            titles = [sorted(s.title for s in goal.steps.all()) for goal in rows]
        self.assertEqual(titles, [["Build a portfolio", "Take the SQL course"]])

    def test_it_accepts_a_manager(self):
        self.assertEqual(list(owned(Goal.objects, self.alice)), [self.goal])

    def test_it_filters_through_the_owner_path_of_a_grandchild(self):
        done = StepCompletion.objects.create(step=self.step, date="2026-01-05")
        self.assertEqual(list(owned(StepCompletion, self.alice)), [done])
        self.assertFalse(owned(StepCompletion, self.bob).exists())

    def test_it_refuses_a_model_that_has_no_single_owner(self):
        with self.assertRaises(TypeError):
            owned(Mentorship, self.alice)
        with self.assertRaises(TypeError):
            owned(Skill, self.alice)


class VisibleTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.mentor = make_person("mentor@example.org", "Mentor")
        cls.mentorship = Mentorship.objects.create(
            mentor=cls.mentor,
            mentee=cls.alice,
            status=Mentorship.Status.ACTIVE,
            hoped_gain="Advice",
        )
        cls.session = Session.objects.create(
            mentorship=cls.mentorship, scheduled_at="2026-03-01T10:00Z"
        )
        cls.note = PrivateNote.objects.create(session=cls.session, author=cls.mentor, text="Mine")

    def test_it_shows_a_mentorship_and_its_sessions_to_both_parties(self):
        for person in (self.alice, self.mentor):
            self.assertEqual(list(visible(Mentorship, person)), [self.mentorship])
            self.assertEqual(get_visible_or_404(Session, person, pk=self.session.pk), self.session)

    def test_it_hides_them_from_anyone_else(self):
        self.assertFalse(visible(Mentorship, self.bob).exists())
        self.assertFalse(visible(Session, AnonymousUser()).exists())
        with self.assertRaises(Http404):
            get_visible_or_404(Session, self.bob, pk=self.session.pk)

    def test_it_shows_private_notes_to_their_author_only(self):
        self.assertEqual(list(visible(PrivateNote, self.mentor)), [self.note])
        self.assertFalse(visible(PrivateNote, self.alice).exists())

    def test_it_shows_what_a_sharing_rule_publishes_and_nothing_more(self):
        # mentoring shares a mentor's profile while she accepts requests, and with her mentees.
        profile = MentorProfile.objects.create(
            user=self.mentor, languages=["en"], accepting_requests=False
        )
        self.assertEqual(list(visible(MentorProfile, self.mentor)), [profile])
        self.assertEqual(list(visible(MentorProfile, self.alice)), [profile])
        self.assertFalse(visible(MentorProfile, self.bob).exists())
        self.assertFalse(owned(MentorProfile, self.alice).exists())
        profile.accepting_requests = True
        profile.save()
        self.assertEqual(list(visible(MentorProfile, self.bob)), [profile])
        self.assertFalse(visible(MentorProfile, AnonymousUser()).exists())

    def test_it_keeps_the_querysets_select_related(self):
        rows = visible(Session.objects.select_related("mentorship__mentor"), self.alice)
        with self.assertNumQueries(1):
            self.assertEqual([s.mentorship.mentor.email for s in rows], ["mentor@example.org"])


class DeclarationTests(BaseTestCase):
    def test_it_finds_every_model_that_reaches_a_person_declared(self):
        self.assertEqual(access.check_declared(), [])
        self.assertFalse([e for e in checks.run_checks() if e.id == "core.E001"])

    def test_it_reports_a_model_that_forgets_its_owner(self):
        with mock.patch.object(Stage, "owner_path", None):
            problems = access.check_declared()
            errors = [e for e in checks.run_checks() if e.id == "core.E001"]
        self.assertEqual(
            problems,
            ["goals.Stage reaches the user model but declares neither owner_path nor party_paths."],
        )
        self.assertEqual(len(errors), 1)

    def test_it_reports_an_owner_path_that_does_not_lead_to_a_person(self):
        with mock.patch.object(StepCompletion, "owner_path", "step__goal"):
            problems = access.check_declared()
        self.assertEqual(len(problems), 1)
        self.assertIn("goals.StepCompletion: 'step__goal' does not lead to", problems[0])

    def test_it_leaves_shared_reference_data_alone(self):
        self.assertIsNone(getattr(Skill, "owner_path", None))
        self.assertFalse(access._reaches_user(Skill, type(self.alice)))

    def test_it_gives_the_export_an_owner_for_every_collection(self):
        collections = [s for s in portability.sections() if isinstance(s, portability.Collection)]
        self.assertTrue(collections)
        for section in collections:
            with self.subTest(section.key):
                self.assertTrue(access.owner_path(section.model))
