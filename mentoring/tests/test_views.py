import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from mentoring import lifecycle
from mentoring.models import (
    FeedbackReflection,
    KeepInTouch,
    MenteePreferences,
    MentorProfile,
    Mentorship,
    PrivateNote,
    Session,
    Thanks,
)
from mentoring.tests import factories


class PagesTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.maria = factories.person("maria@example.org", "Maria")
        cls.profile = factories.mentor_profile(cls.maria, capacity=3)
        cls.goal = factories.goal(cls.alice, "Become a data analyst")

    def test_it_saves_a_mentor_profile_and_refuses_one_without_language(self):
        self.login(self.bob)
        url = reverse("mentoring:profile")
        response = self.client.post(url, {"capacity": 2, "years_of_experience": 3})
        self.assertContains(response, "Choose at least one language")
        assert not MentorProfile.objects.filter(user=self.bob).exists()
        response = self.client.post(
            url,
            {
                "headline": "Nurse for 20 years",
                "capacity": 2,
                "years_of_experience": 20,
                "languages": ["fr"],
                "values": ["service"],
                "approach": "directive",
                "structure": "either",
                "frequency": "monthly",
                "channel": "spoken",
                "accepting_requests": "on",
            },
        )
        self.assertRedirects(response, reverse("mentoring:index"))
        profile = MentorProfile.objects.get(user=self.bob)
        assert (profile.languages, profile.values, profile.capacity) == (["fr"], ["service"], 2)

    def test_it_saves_preferences_with_the_preferred_language_first(self):
        self.login()
        self.client.post(
            reverse("mentoring:preferences"),
            {
                "values": ["learning"],
                "approach": "exploratory",
                "structure": "either",
                "frequency": "either",
                "channel": "either",
                "preferred_language": "fr",
                "other_languages": ["en", "fr"],
            },
        )
        assert MenteePreferences.objects.get(user=self.alice).languages == ["fr", "en"]

    def test_a_mentee_finds_mentors_reads_why_and_sends_a_request(self):
        self.login()
        page = self.client.get(reverse("mentoring:find"))
        self.assertContains(page, "Maria")
        self.assertContains(page, "Why this mentor")
        page = self.client.get(reverse("mentoring:mentor", args=[self.profile.pk]))
        self.assertContains(page, "places left out of 3")
        url = reverse("mentoring:request", args=[self.profile.pk])
        response = self.client.post(url, {"hoped_gain": "Advice"})
        self.assertContains(response, "Choose at least one of your goals")
        assert not Mentorship.objects.exists()
        response = self.client.post(url, {"hoped_gain": "Advice", "goals": [self.goal.pk]})
        mentorship = Mentorship.objects.get()
        self.assertRedirects(response, mentorship.get_absolute_url())

    def test_the_mentor_declines_with_a_kind_default_message(self):
        mentorship = lifecycle.send_request(self.alice, self.profile, "Advice", objectives="SQL")
        self.login(self.maria)
        page = self.client.get(reverse("mentoring:decline", args=[mentorship.pk]))
        self.assertContains(page, "Hello Alice, thank you for thinking of me")
        response = self.client.post(reverse("mentoring:decline", args=[mentorship.pk]), {})
        self.assertContains(response, "Write a kind message")
        self.client.post(
            reverse("mentoring:decline", args=[mentorship.pk]), {"message": "Sorry, Alice."}
        )
        self.login(self.alice)
        self.assertContains(self.client.get(mentorship.get_absolute_url()), "Sorry, Alice.")

    def test_a_session_is_prepared_noted_and_listened_to(self):
        mentorship = factories.active_mentorship(self.alice, self.profile, goals=[self.goal])
        self.login()
        new = reverse("mentoring:session_new", args=[mentorship.pk])
        self.assertContains(self.client.get(new), "What did you try since last time?")
        response = self.client.post(new, {"scheduled_at": "not a date", "duration_minutes": 60})
        self.assertContains(response, "Enter a date and time")
        self.client.post(
            new,
            {"scheduled_at": "2030-03-14T18:30", "duration_minutes": 45, "questions": "Q1\nQ2"},
        )
        session = Session.objects.get()
        assert session.question_list() == ["Q1", "Q2"]
        self.login(self.maria)
        self.client.post(
            reverse("mentoring:session_update", args=[session.pk, "notes"]),
            {"shared_notes": "Start with SQL", "next": "listen"},
        )
        self.client.post(
            reverse("mentoring:session_update", args=[session.pk, "private"]),
            {"text": "She is motivated", "heard": "She wants a plan"},
        )
        page = self.client.get(reverse("mentoring:session_listen", args=[session.pk]))
        self.assertContains(page, "Q1")
        self.assertContains(page, "If I understand correctly")
        self.assertContains(page, "She wants a plan")
        assert PrivateNote.objects.get().author == self.maria
        # Only the mentee prepares the questions: the page says so, as the API does (400).
        response = self.client.post(
            reverse("mentoring:session_update", args=[session.pk, "questions"]),
            {"questions": "x"},
            follow=True,
        )
        self.assertContains(response, "Only the mentee prepares the questions.")
        session.refresh_from_db()
        assert session.questions == "Q1\nQ2"
        self.client.post(
            reverse("mentoring:session_update", args=[session.pk, "action"]),
            {"title": "Do three SQL exercises"},
        )
        action = session.actions.get()
        self.client.post(
            reverse("mentoring:action_to_step", args=[action.pk]),
            {"link": mentorship.links.get().pk},
        )
        assert self.goal.steps.get().title == "Do three SQL exercises"

    def test_feedback_reflection_thanks_and_completion(self):
        mentorship = factories.active_mentorship(self.alice, self.profile, goals=[self.goal])
        self.login(self.maria)
        self.client.post(
            reverse("mentoring:feedback_new", args=[mentorship.pk]),
            {
                "observation": "Your CV hides your analysis work",
                "suggestion": "Add one result",
                "link": mentorship.links.get().pk,
            },
        )
        feedback = mentorship.feedback.get()
        self.login()
        goal_page = self.client.get(reverse("mentoring:goal", args=[mentorship.pk, self.goal.pk]))
        self.assertContains(goal_page, "Your CV hides your analysis work")
        self.client.post(
            reverse("mentoring:reflect", args=[feedback.pk]),
            {"text": "Fair point", "action_taken": "Rewrote my CV"},
        )
        assert FeedbackReflection.objects.get().shared is False
        self.client.post(reverse("mentoring:thank", args=[mentorship.pk]), {"message": ""})
        assert not Thanks.objects.exists()
        self.client.post(reverse("mentoring:thank", args=[mentorship.pk]), {"message": "Merci!"})
        assert Thanks.objects.get().message == "Merci!"
        response = self.client.post(
            reverse("mentoring:end", args=[mentorship.pk]), {"outcome": "ended", "reason": ""}
        )
        self.assertContains(response, "Give a reason")
        self.client.post(
            reverse("mentoring:end", args=[mentorship.pk]), {"outcome": "completed", "reason": ""}
        )
        page = self.client.get(mentorship.get_absolute_url())
        self.assertContains(page, "Keep in touch")
        self.assertContains(page, "Next keep-in-touch")
        self.client.post(
            reverse("mentoring:touch", args=[mentorship.pk]),
            {"kind": "success", "message": "I got the job!"},
        )
        assert KeepInTouch.objects.get().message == "I got the job!"

    def test_pages_answer_405_to_get_where_only_post_is_allowed(self):
        mentorship = lifecycle.send_request(self.alice, self.profile, "Advice", objectives="SQL")
        self.login(self.maria)
        assert self.client.get(reverse("mentoring:accept", args=[mentorship.pk])).status_code == 405

    def _queries(self, url, user):
        self.client.force_login(user)
        with CaptureQueriesContext(connection) as context:
            assert self.client.get(url).status_code == 200
        return len(context)

    def test_find_runs_a_fixed_number_of_queries(self):
        small = self._queries(reverse("mentoring:find"), self.alice)
        for i in range(6):
            user = factories.person(f"m{i}@example.org", f"Mentor {i}")
            factories.mentor_profile(user)
        assert self._queries(reverse("mentoring:find"), self.alice) == small

    def test_the_mentorship_page_runs_a_fixed_number_of_queries(self):
        mentorship = factories.active_mentorship(self.alice, self.profile, goals=[self.goal])
        url = mentorship.get_absolute_url()
        link = mentorship.links.get()
        factories.session(mentorship)
        lifecycle.thank(mentorship, self.alice, "Thanks")
        lifecycle.give_feedback(mentorship, self.maria, "Obs", "Sug", link)
        small = self._queries(url, self.maria)
        for i in range(4):
            factories.session(mentorship, days=-i)
            lifecycle.thank(mentorship, self.alice, f"Thanks {i}")
            lifecycle.give_feedback(mentorship, self.maria, "Obs", "Sug", link)
            mentorship.links.create(goal=factories.goal(self.alice, f"Goal {i}"))
        assert self._queries(url, self.maria) == small

    def test_the_agenda_shows_sessions_thanks_reminders_and_keeping_in_touch(self):
        from mentoring.agenda import items

        mentorship = factories.active_mentorship(self.alice, self.profile)
        Mentorship.objects.filter(pk=mentorship.pk).update(
            accepted_at=timezone.now() - datetime.timedelta(days=70)
        )
        factories.session(mentorship, days=3)
        today = timezone.localdate()
        end = today + datetime.timedelta(days=30)
        kinds = sorted(item.kind for item in items(self.alice, today, end))
        assert kinds == ["gratitude", "session"]
        assert [i.kind for i in items(self.maria, today, end)] == ["session"]
        lifecycle.thank(mentorship, self.alice, "Thank you!")
        assert "gratitude" not in [i.kind for i in items(self.alice, today, end)]
        lifecycle.complete(mentorship, self.alice)
        later = today + datetime.timedelta(days=120)
        touch = [i for i in items(self.alice, today, later) if i.kind == "keep-in-touch"]
        assert touch[0].date == today + datetime.timedelta(days=90)
        assert "share a success" in touch[0].title
        Mentorship.objects.filter(pk=mentorship.pk).update(
            ended_at=timezone.now() - datetime.timedelta(days=100)
        )
        [touch] = [i for i in items(self.maria, today, later) if i.kind == "keep-in-touch"]
        assert touch.overdue and "ask how things are going" in touch.title
        lifecycle.keep_in_touch(mentorship, self.maria, "news", "How are you?")
        [touch] = [i for i in items(self.alice, today, later) if i.kind == "keep-in-touch"]
        assert not touch.overdue and touch.date == today + datetime.timedelta(days=90)


class ProfilePickerTests(BaseTestCase):
    def test_it_finds_esco_skills_and_saves_the_ticked_ones(self):
        from taxonomy.models import Skill

        sql = Skill.objects.create(uri="s-sql", label_en="SQL", label_fr="SQL")
        Skill.objects.create(uri="s-cook", label_en="cook pasta", label_fr="cuire des pâtes")
        self.login()
        url = reverse("mentoring:concept_search", args=["skills"])
        response = self.client.get(url, {"q": "sql"})
        first = response.content.decode().split("<label>")[1]
        assert f'value="{sql.pk}"' in first  # the best match comes first
        assert self.client.get(url.replace("skills", "planets"), {"q": "sq"}).status_code == 404
        self.client.post(
            reverse("mentoring:profile"),
            {
                "skills": [sql.pk],
                "capacity": 1,
                "years_of_experience": 5,
                "languages": ["en"],
                "approach": "either",
                "structure": "either",
                "frequency": "either",
                "channel": "either",
            },
        )
        assert list(self.alice.mentor_profile.skills.all()) == [sql]
        page = self.client.get(reverse("mentoring:profile"))
        self.assertContains(page, f'value="{sql.pk}" checked')

    def test_pages_speak_french(self):
        self.alice.language = "fr"
        self.alice.save()
        self.login()
        page = self.client.get(reverse("mentoring:index"))
        self.assertContains(page, "Trouver un mentor")
        self.assertContains(page, "Vous n'avez pas encore de mentor.")


class MentorPageTests(BaseTestCase):
    def test_it_points_to_the_existing_mentorship_instead_of_a_new_request(self):
        maria = factories.person("maria@example.org", "Maria")
        profile = factories.mentor_profile(maria)
        mentorship = lifecycle.send_request(self.alice, profile, "Advice", objectives="SQL")
        self.login()
        page = self.client.get(reverse("mentoring:mentor", args=[profile.pk]))
        self.assertContains(page, "You already have a request or a mentorship with Maria.")
        self.assertContains(page, mentorship.get_absolute_url())
        self.assertNotContains(page, "Ask for mentoring")
        self.login(self.bob)
        page = self.client.get(reverse("mentoring:mentor", args=[profile.pk]))
        self.assertContains(page, "Ask for mentoring")
