import pytest

from accounts.testing import BaseTestCase
from mentoring import lifecycle
from mentoring.lifecycle import LifecycleError
from mentoring.models import Mentorship, MentorshipGoal
from mentoring.tests import factories


class LifecycleTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.maria = factories.person("maria@example.org", "Maria")
        cls.profile = factories.mentor_profile(cls.maria, capacity=1)

    def test_it_refuses_a_request_without_objectives(self):
        with pytest.raises(LifecycleError, match="Choose at least one of your goals"):
            lifecycle.send_request(self.alice, self.profile, "Learn")
        assert not Mentorship.objects.exists()

    def test_it_shares_only_the_goals_chosen_with_the_request(self):
        shared = factories.goal(self.alice, "Shared goal")
        factories.goal(self.alice, "Kept private")
        mentorship = lifecycle.send_request(self.alice, self.profile, "Learn", goals=[shared])
        assert list(MentorshipGoal.objects.values_list("goal__statement", flat=True)) == [
            "Shared goal"
        ]
        assert mentorship.status == Mentorship.Status.REQUESTED

    def test_it_refuses_sharing_someone_elses_goal(self):
        bobs = factories.goal(self.bob)
        with pytest.raises(LifecycleError, match="only share your own goals"):
            lifecycle.send_request(self.alice, self.profile, "Learn", goals=[bobs])

    def test_it_derives_places_from_active_mentorships(self):
        first = lifecycle.send_request(self.alice, self.profile, "Learn", objectives="SQL")
        second = lifecycle.send_request(self.bob, self.profile, "Learn", objectives="SQL")
        assert self.profile.places_left == 1
        lifecycle.accept(first, self.maria)
        assert self.profile.places_left == 0
        with pytest.raises(LifecycleError, match="no place left"):
            lifecycle.accept(second, self.maria)
        lifecycle.end_early(first, self.alice, "I found a job, thank you!")
        assert self.profile.places_left == 1
        lifecycle.accept(second, self.maria)
        assert self.profile.places_left == 0

    def test_only_the_mentor_answers_and_a_decline_needs_a_kind_message(self):
        mentorship = lifecycle.send_request(self.alice, self.profile, "Learn", objectives="SQL")
        with pytest.raises(LifecycleError, match="Only the mentor"):
            lifecycle.accept(mentorship, self.alice)
        with pytest.raises(LifecycleError, match="kind message"):
            lifecycle.decline(mentorship, self.maria, "  ")
        lifecycle.decline(mentorship, self.maria, lifecycle.default_decline_message("Alice"))
        mentorship.refresh_from_db()
        assert mentorship.status == Mentorship.Status.DECLINED
        assert mentorship.decline_message.startswith("Hello Alice, thank you")

    def test_it_ends_early_only_with_a_reason_and_completes_into_keeping_in_touch(self):
        mentorship = factories.active_mentorship(self.alice, self.profile)
        with pytest.raises(LifecycleError, match="Give a reason"):
            lifecycle.end_early(mentorship, self.maria, "")
        lifecycle.complete(mentorship, self.maria, "Goals met!")
        assert mentorship.status == Mentorship.Status.COMPLETED
        contact = lifecycle.keep_in_touch(mentorship, self.alice, "success", "I got the job!")
        assert contact.kind == "success"
        with pytest.raises(LifecycleError, match="not possible"):
            lifecycle.schedule(mentorship, self.alice, mentorship.ended_at)

    def test_it_refuses_a_second_open_request_to_the_same_mentor(self):
        lifecycle.send_request(self.alice, self.profile, "Learn", objectives="SQL")
        with pytest.raises(LifecycleError, match="already have an open request"):
            lifecycle.send_request(self.alice, self.profile, "Learn", objectives="SQL")

    def test_an_action_item_becomes_a_step_of_a_shared_goal(self):
        goal = factories.goal(self.alice)
        mentorship = factories.active_mentorship(self.alice, self.profile, goals=[goal])
        session = factories.session(mentorship)
        action = lifecycle.add_action(session, self.maria, "Finish the SQL course")
        step = lifecycle.action_to_goal_step(action, self.maria, mentorship.links.get())
        assert step.goal == goal
        assert step.title == "Finish the SQL course"
        with pytest.raises(LifecycleError, match="already a step"):
            lifecycle.action_to_goal_step(action, self.maria, mentorship.links.get())
