"""The statement's date and the deadline field, one fact at every door: the goal form (on save,
and its live feedback), the API (create and update). The rule is tested in
test_statement_deadline.py; here each door applies it."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from accounts.testing import BaseTestCase
from goals.models import Goal
from goals.tests.helpers import api, make_goal


def later(months):
    """The last day of the month `months` months from today, and its English name."""
    today = timezone.localdate()
    index = today.month - 1 + months
    year, month = today.year + index // 12, index % 12 + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1)) - dt.timedelta(days=1)
    return last, last.strftime("%B %Y")


class GoalFormTests(BaseTestCase):
    def form(self, **fields):
        return {"statement": "", "start_date": timezone.localdate().isoformat(), **fields}

    def test_a_date_in_the_goal_fills_the_empty_deadline_field(self):
        day, words = later(8)
        self.login()
        response = self.client.post(
            reverse("goals:create"), self.form(statement=f"Become a roofer by {words}"), follow=True
        )
        goal = Goal.objects.get()
        self.assertEqual(goal.deadline, day)
        self.assertContains(response, "The deadline field was filled from your goal")
        self.assertEqual(goal.smart_result["criteria"]["time_bound"]["deadline"], day.isoformat())

    def test_two_different_dates_are_refused_until_the_person_chooses(self):
        day, words = later(8)
        other, _words = later(14)
        self.login()
        data = self.form(statement=f"Become a roofer by {words}", deadline=other.isoformat())
        refused = self.client.post(reverse("goals:create"), data)
        self.assertEqual(refused.status_code, 200)
        self.assertFalse(Goal.objects.exists())
        page = refused.content.decode()
        self.assertIn(f"but the deadline field says {other.isoformat()}", page)
        # The choice is on the page, without JavaScript.
        self.assertIn('name="keep_deadline" value="statement"', page)
        self.assertIn('name="keep_deadline" value="deadline"', page)
        self.assertIn(f"your goal will say “by {other.strftime('%B')} {other.day}, ", page)
        # The deadline field's date wins: the goal says it too.
        self.client.post(reverse("goals:create"), {**data, "keep_deadline": "deadline"})
        goal = Goal.objects.get()
        self.assertEqual(goal.deadline, other)
        self.assertEqual(
            goal.statement, f"Become a roofer by {other.strftime('%B')} {other.day}, {other.year}"
        )

    def test_choosing_the_goals_date_moves_the_deadline_field(self):
        day, words = later(8)
        other, _words = later(14)
        self.login()
        self.client.post(
            reverse("goals:create"),
            self.form(
                statement=f"Become a roofer by {words}",
                deadline=other.isoformat(),
                keep_deadline="statement",
            ),
        )
        goal = Goal.objects.get()
        self.assertEqual((goal.statement, goal.deadline), (f"Become a roofer by {words}", day))

    def test_on_edit_the_field_follows_the_goals_new_date_and_a_new_field_is_asked_about(self):
        day, words = later(8)
        other, other_words = later(14)
        goal = make_goal(self.alice, statement=f"Become a roofer by {words}", deadline=day)
        self.login()
        page = self.client.get(reverse("goals:edit", args=[goal.pk])).content.decode()
        self.assertIn(f'name="deadline_follows" value="{day.isoformat()}"', page)
        base = {
            "start_date": goal.start_date.isoformat(),
            "baseline": "0",
            "target_value": "20",
            "status": "active",
            "reason": "Later",
            "deadline_follows": day.isoformat(),
        }
        # Only the deadline field changes: the goal still says the other date, so it asks.
        refused = self.client.post(
            reverse("goals:edit", args=[goal.pk]),
            {**base, "statement": goal.statement, "deadline": other.isoformat()},
        )
        self.assertContains(refused, "which one is right?")
        goal.refresh_from_db()
        self.assertEqual(goal.deadline, day)
        # The goal's date changes and the field had only followed it: the field follows.
        self.client.post(
            reverse("goals:edit", args=[goal.pk]),
            {**base, "statement": f"Become a roofer by {other_words}", "deadline": day},
        )
        goal.refresh_from_db()
        self.assertEqual(goal.deadline, other)

    def test_achievable_follows_the_deadline_kept(self):
        self.alice.hours_per_week = 2
        self.alice.save()
        day, words = later(3)
        other, _words = later(40)
        self.login()
        data = self.form(
            statement=f"Become a roofer by {words}",
            deadline=other.isoformat(),
            estimated_effort_hours="200 h",
        )
        self.client.post(reverse("goals:create"), {**data, "keep_deadline": "statement"})
        self.assertIs(Goal.objects.get().smart_result["criteria"]["achievable"]["met"], False)
        Goal.objects.all().delete()
        self.client.post(reverse("goals:create"), {**data, "keep_deadline": "deadline"})
        self.assertIs(Goal.objects.get().smart_result["criteria"]["achievable"]["met"], True)

    def test_an_unchanged_relative_goal_keeps_its_deadline_when_edited_later(self):
        goal = make_goal(self.alice, statement="Become a roofer in 6 months", deadline=None)
        Goal.objects.filter(pk=goal.pk).update(
            created_at=timezone.now() - dt.timedelta(days=100),
            start_date=timezone.localdate() - dt.timedelta(days=100),
        )
        written = timezone.localdate() - dt.timedelta(days=100)
        from core.language import find_deadline

        kept = find_deadline("in 6 months", written).date
        Goal.objects.filter(pk=goal.pk).update(deadline=kept)
        self.login()
        response = self.client.post(
            reverse("goals:edit", args=[goal.pk]),
            {
                "statement": goal.statement,
                "start_date": written.isoformat(),
                "deadline": kept.isoformat(),
                "description": "Now with a description",
                "baseline": "0",
                "target_value": "20",
                "status": "active",
                "reason": "More detail",
            },
        )
        self.assertEqual(response.status_code, 302, response.content.decode()[-3000:])
        goal.refresh_from_db()
        self.assertEqual(goal.deadline, kept)
        self.assertEqual(goal.smart_result["criteria"]["time_bound"]["deadline"], kept.isoformat())

    def test_another_persons_goal_is_not_read_by_the_live_feedback(self):
        goal = make_goal(self.bob)
        self.login()
        response = self.client.post(
            reverse("goals:smart_feedback") + f"?goal={goal.pk}", {"statement": "Become a roofer"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(goal.statement, response.content.decode())


class LiveFeedbackTests(BaseTestCase):
    url = reverse("goals:smart_feedback")

    def test_a_date_in_the_goal_is_swapped_into_the_empty_deadline_field(self):
        day, words = later(8)
        self.login()
        html = self.client.post(self.url, {"statement": f"Become a roofer by {words}"}).content
        html = html.decode()
        self.assertIn("The deadline field was filled from your goal", html)
        self.assertIn(f'value="{day.isoformat()}"', html)
        self.assertIn('id="id_deadline" hx-swap-oob="true"', html)
        self.assertIn(f'name="deadline_follows" id="id_deadline_follows" value="{day}"', html)

    def test_two_dates_show_the_choice_and_no_deadline_is_judged(self):
        _day, words = later(8)
        other, _words = later(14)
        self.login()
        data = {"statement": f"Become a roofer by {words}", "deadline": other.isoformat()}
        html = self.client.post(self.url, data).content.decode()
        self.assertIn("data-deadline-conflict", html)
        self.assertIn('data-criterion="time_bound" data-met="unknown"', html)
        self.assertNotIn("hx-swap-oob", html)
        # Choosing the deadline field's date rewrites the goal in the form.
        chosen = self.client.post(self.url, {**data, "keep_deadline": "deadline"}).content
        chosen = chosen.decode()
        self.assertIn('id="id_statement" rows="2"', chosen)
        self.assertIn(
            f"Become a roofer by {other.strftime('%B')} {other.day}, {other.year}", chosen
        )
        self.assertIn('data-criterion="time_bound" data-met="yes"', chosen)

    def test_the_choice_is_offered_in_french(self):
        self.alice.language = "fr"
        self.alice.save()
        self.login()
        html = self.client.post(
            self.url,
            {"statement": "Devenir couvreuse d'ici mars 2031", "deadline": "2031-06-30"},
            HTTP_ACCEPT_LANGUAGE="fr",
        ).content.decode()
        self.assertIn("Quelle échéance est la bonne", html)
        self.assertIn("votre objectif dira «\u00a0d&#x27;ici le 30 juin 2031\u00a0»", html)


class ApiTests(BaseTestCase):
    def call(self, method, url, body):
        return api(self, method, url, body)

    def test_create_fills_the_deadline_from_the_statement(self):
        day, words = later(8)
        response = self.call("post", "/goals", {"statement": f"Become a roofer by {words}"})
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.json()["deadline"], day.isoformat())

    def test_create_with_two_dates_asks_which_one_and_keeps_the_choice(self):
        day, words = later(8)
        other, _words = later(14)
        body = {"statement": f"Become a roofer by {words}", "deadline": other.isoformat()}
        refused = self.call("post", "/goals", body)
        self.assertEqual(refused.status_code, 422)
        detail = refused.json()["detail"]
        self.assertEqual([problem["loc"] for problem in detail], [
            ["body", "deadline"], ["body", "keep_deadline"]
        ])  # fmt: skip
        self.assertIn(day.isoformat(), detail[0]["msg"])
        self.assertIn(other.isoformat(), detail[0]["msg"])
        self.assertFalse(Goal.objects.exists())
        kept = self.call("post", "/goals", {**body, "keep_deadline": "statement"})
        self.assertEqual(kept.json()["deadline"], day.isoformat())
        bad = self.call("post", "/goals", {**body, "keep_deadline": "both"})
        self.assertEqual(bad.status_code, 422)

    def test_update_asks_for_a_new_deadline_and_follows_a_new_statement(self):
        day, words = later(8)
        other, other_words = later(14)
        created = self.call("post", "/goals", {"statement": f"Become a roofer by {words}"})
        url = f"/goals/{created.json()['id']}"
        asked = self.call("patch", url, {"deadline": other.isoformat(), "reason": "Later"})
        self.assertEqual(asked.status_code, 422)
        self.assertEqual(Goal.objects.get().deadline, day)
        followed = self.call(
            "patch", url, {"statement": f"Become a roofer by {other_words}", "reason": "Later"}
        )
        self.assertEqual(followed.status_code, 200, followed.content)
        self.assertEqual(followed.json()["deadline"], other.isoformat())

    def test_the_question_is_asked_in_the_persons_language(self):
        self.alice.language = "fr"
        self.alice.save()
        refused = self.call(
            "post",
            "/goals",
            {"statement": "Devenir couvreuse d'ici mars 2031", "deadline": "2031-06-30"},
        )
        self.assertIn("Votre objectif indique 2031-03-31", refused.json()["detail"][0]["msg"])
