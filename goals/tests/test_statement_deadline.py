"""The statement's date and the deadline field are one fact (goals/statement_deadline.py)."""

import datetime as dt

import pytest
from django.utils import timezone, translation
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.testing import BaseTestCase
from core.language import find_deadline
from goals.models import GoalRevision
from goals.smart import Profile, check
from goals.statement_deadline import follows, settle, settle_goal
from goals.tests.helpers import make_goal

TODAY = dt.date(2026, 12, 3)
MARCH = dt.date(2027, 3, 31)
JUNE = dt.date(2027, 6, 30)


def test_a_date_in_the_statement_fills_an_empty_deadline_field():
    settled = settle("Become a nurse by March 2027", None, written_on=TODAY)
    assert (settled.deadline, settled.change) == (MARCH, "filled")
    assert settled.statement == "Become a nurse by March 2027"
    assert "2027-03-31" in settled.message() and "March 2027" in settled.message()


def test_the_deadline_field_is_the_deadline_when_the_statement_has_no_date():
    for statement in ("Become a nurse", "Become a nurse someday", "Devenir infirmière un jour"):
        settled = settle(statement, JUNE, written_on=TODAY)
        assert (settled.deadline, settled.change, settled.message()) == (JUNE, "", "")


def test_the_same_date_twice_is_one_fact():
    for statement in ("Become a nurse by March 2027", "Devenir infirmière d'ici mars 2027"):
        assert settle(statement, MARCH, written_on=TODAY).change == ""


def test_two_dates_are_a_question_for_the_person_with_both_dates_in_it():
    settled = settle("Become a nurse by March 2027", JUNE, written_on=TODAY)
    assert settled.conflict
    assert (settled.statement, settled.deadline) == ("Become a nurse by March 2027", JUNE)
    message = settled.message()
    assert "2027-03-31" in message and "2027-06-30" in message and "March 2027" in message
    with translation.override("fr"):
        french = settle("Obtenir mon DEC d'ici mars 2027", JUNE, written_on=TODAY).message()
    assert "Votre objectif indique 2027-03-31 («\u00a0mars 2027\u00a0»)" in french
    assert "2027-06-30" in french and "laquelle est la bonne\u00a0?" in french


def test_the_person_chooses_the_statement_or_the_deadline_field():
    kept = settle("Become a nurse by March 2027", JUNE, written_on=TODAY, keep="statement")
    assert (kept.statement, kept.deadline) == ("Become a nurse by March 2027", MARCH)
    field = settle("Become a nurse by March 2027", JUNE, written_on=TODAY, keep="deadline")
    assert (field.statement, field.deadline) == ("Become a nurse by June 30, 2027", JUNE)
    french = settle("Obtenir mon DEC d'ici mars 2027", JUNE, written_on=TODAY, keep="deadline")
    assert french.statement == "Obtenir mon DEC d'ici le 30 juin 2027"


def test_a_field_that_followed_the_statement_follows_it_again():
    settled = settle("Become a nurse by June 2027", MARCH, written_on=TODAY, follows=MARCH)
    assert (settled.deadline, settled.change) == (JUNE, "followed")
    # A field the person set themselves does not follow: they are asked.
    assert settle("Become a nurse by June 2027", MARCH, written_on=TODAY, follows=JUNE).conflict


@pytest.mark.parametrize(
    ("statement", "rewritten"),
    [
        ("Become a nurse in 18 months", "Become a nurse by June 30, 2027"),
        ("Get promoted next year", "Get promoted by June 30, 2027"),
        ("Land a job by the end of 2027", "Land a job by June 30, 2027"),
        ("Finir mon cours le 15 mai 2027", "Finir mon cours d'ici le 30 juin 2027"),
        ("Devenir infirmière en 2027", "Devenir infirmière d'ici le 30 juin 2027"),
        ("Become a nurse (deadline 2027-03-31)", "Become a nurse (deadline by June 30, 2027)"),
    ],
)
def test_the_statements_date_phrase_is_rewritten_in_its_language(statement, rewritten):
    settled = settle(statement, JUNE, written_on=TODAY, keep="deadline")
    assert (settled.statement, settled.deadline, settled.change) == (rewritten, JUNE, "rewritten")


def test_a_rewrite_that_would_not_say_the_date_stays_a_question():
    # Two dates in the goal: the latest is its deadline; rewriting it to an earlier date would
    # leave the other one the latest, so nothing is rewritten and the person is asked.
    statement = "Pass the exam by 2027-09-30 and get hired by 2027-12-31"
    assert settle(statement, JUNE, written_on=TODAY, keep="deadline").conflict


def test_relative_dates_are_read_from_the_day_the_statement_was_written():
    written = dt.date(2026, 6, 1)
    settled = settle("Become a nurse in 6 months", dt.date(2026, 12, 1), written_on=written)
    assert settled.change == ""


DAYS = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2035, 12, 31))
STATEMENTS = st.sampled_from(
    [
        "Become a nurse by March 2027",
        "Become a nurse in 18 months",
        "Land a roofing job before summer 2028",
        "Obtenir mon DEC d'ici mars 2027",
        "Devenir couvreuse d'ici deux ans",
        "Finir mon cours avant le 1er juillet 2027",
        "Get my Red Seal by Q3 2029",
        "Become a welder by 2030-01-15",
    ]
)


@settings(max_examples=200, deadline=None)
@given(statement=STATEMENTS, day=DAYS, written_on=DAYS)
def test_keeping_the_field_rewrites_a_statement_that_then_states_it(statement, day, written_on):
    settled = settle(statement, day, written_on=written_on, keep="deadline")
    stated = find_deadline(statement, written_on).date
    if stated == day:
        assert settled.change == ""
        return
    assert settled.change == "rewritten"
    assert find_deadline(settled.statement, written_on).date == day
    # Settled once, settled for good: nothing left to decide.
    assert settle(settled.statement, settled.deadline, written_on=written_on).change == ""


@settings(max_examples=200, deadline=None)
@given(statement=STATEMENTS, day=st.one_of(st.none(), DAYS), written_on=DAYS)
def test_neither_date_is_ever_lost(statement, day, written_on):
    settled = settle(statement, day, written_on=written_on)
    stated = find_deadline(statement, written_on).date
    if settled.conflict:
        # Both stay where they were, and the question names both.
        assert (settled.statement, settled.deadline) == (statement, day)
        assert stated.isoformat() in settled.message() and day.isoformat() in settled.message()
    else:
        assert settled.deadline == (stated or day)
        assert settled.statement == statement


def test_the_check_waits_for_the_choice_and_achievable_follows_the_kept_deadline():
    profile = Profile(hours_per_week=2, estimated_effort_hours=100)
    both = check("Become a nurse by March 2027", today=TODAY, profile=profile, deadline=JUNE)
    data = both.as_dict()
    assert data["criteria"]["time_bound"]["met"] is None
    assert "which one is right" in data["criteria"]["time_bound"]["reason"]
    assert data["criteria"]["time_bound"]["deadline"] is None and data["horizon"] is None
    assert data["criteria"]["achievable"]["met"] is None
    # March: 17 weeks of 2 hours is too little for 100 hours; December 2028 is enough.
    march = check("Become a nurse by March 2027", today=TODAY, profile=profile, deadline=MARCH)
    assert march.as_dict()["criteria"]["achievable"]["met"] is False
    later = dt.date(2028, 12, 31)
    kept = settle("Become a nurse by March 2027", later, written_on=TODAY, keep="deadline")
    result = check(kept.statement, today=TODAY, profile=profile, deadline=kept.deadline)
    assert result.as_dict()["criteria"]["achievable"]["met"] is True
    assert result.as_dict()["criteria"]["time_bound"]["deadline"] == "2028-12-31"


class GoalStatementDateTests(BaseTestCase):
    def test_a_goals_statement_was_written_when_a_revision_last_changed_it(self):
        goal = make_goal(self.alice, statement="Become a nurse in 6 months")
        goal.created_at = timezone.now() - dt.timedelta(days=50)
        goal.save()
        created = timezone.localdate(goal.created_at)
        self.assertEqual(goal.statement_written_on(), created)
        # A change of the deadline alone keeps the day; a new statement moves it.
        revision = GoalRevision.objects.create(
            goal=goal, snapshot=goal.snapshot(), reason="later", source="api"
        )
        GoalRevision.objects.filter(pk=revision.pk).update(
            created_at=timezone.now() - dt.timedelta(days=10)
        )
        self.assertEqual(goal.statement_written_on(), created)
        old = goal.snapshot()
        goal.statement = "Become a nurse in 8 months"
        goal.save()
        GoalRevision.objects.create(goal=goal, snapshot=old, reason="new words", source="api")
        self.assertEqual(goal.statement_written_on(), timezone.localdate())

    def test_an_unchanged_relative_statement_keeps_its_date(self):
        goal = make_goal(self.alice, statement="Become a nurse in 6 months", deadline=None)
        written = timezone.localdate(goal.created_at)
        goal.deadline = find_deadline(goal.statement, written).date
        goal.save()
        self.assertEqual(follows(goal), goal.deadline)
        # Read from a later day, "in 6 months" would be another date: it is not.
        later = written + dt.timedelta(days=90)
        settled = settle_goal(goal, goal.statement, goal.deadline, today=later)
        self.assertEqual(settled.change, "")
        # New words are read from today.
        changed = settle_goal(goal, "Become a nurse in 7 months", None, today=later)
        self.assertEqual(changed.deadline, find_deadline("in 7 months", later).date)
