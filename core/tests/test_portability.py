"""Export and import of everything a person owns: the module."""

import datetime
import json
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from accounts.models import User
from agenda.models import DigestSubscription
from core import portability
from core.portability import ImportRefused, export_person, import_person, validate
from core.testing import BaseTestCase
from goals.models import (
    CheckIn,
    Goal,
    GoalRevision,
    Obstacle,
    Reflection,
    Requirement,
    Review,
    ReviewDecision,
    ReviewSettings,
    Stage,
    Statement,
    StatementVersion,
    Step,
    StepCompletion,
)
from growth.models import (
    Association,
    Contact,
    Entry,
    Feed,
    Interaction,
    LearningItem,
    Membership,
    ReadingNote,
)
from jobs.models import (
    Application,
    DetectedSkill,
    Interview,
    InterviewReflection,
    PracticeAttempt,
    PreparedAnswer,
    StatusChange,
    Technique,
)
from mentoring.models import MenteePreferences, MentorProfile
from taxonomy.models import Occupation, Skill, SkillEvidence, TargetOccupation, UserSkill

ESCO = "http://data.europa.eu/esco/"


def concepts():
    skills = [
        Skill.objects.get_or_create(uri=f"{ESCO}skill/test-{n}", defaults={"label_en": f"S{n}"})[0]
        for n in range(3)
    ]
    occupation = Occupation.objects.get_or_create(
        uri=f"{ESCO}occupation/test", defaults={"label_en": "Analyst"}
    )[0]
    return skills, occupation


def fill(person):
    """A person with something in most collections, pointing at each other."""
    skills, occupation = concepts()
    Reflection.objects.create(owner=person, values="Autonomie", passions="Données")
    mine = UserSkill.objects.create(user=person, skill=skills[0], proficiency=3)
    UserSkill.objects.create(user=person, free_text="Facilitation", years_of_experience="2.5")
    SkillEvidence.objects.create(user_skill=mine, kind="job", description="Rapports mensuels")
    TargetOccupation.objects.create(user=person, occupation=occupation, horizon="long")
    goal = Goal.objects.create(
        owner=person,
        statement="Devenir analyste",
        target_occupation=occupation,
        baseline=Decimal("1.00"),
        target_value=Decimal("5.00"),
        deadline=datetime.date(2028, 6, 30),
    )
    goal.target_skills.set(skills[:2])
    stage = Stage.objects.create(goal=goal, title="Cours SQL", deadline=datetime.date(2027, 1, 1))
    step = Step.objects.create(
        goal=goal,
        stage=stage,
        title="Pratiquer",
        recurrence="weekly",
        due_date=datetime.date(2026, 1, 5),
    )
    StepCompletion.objects.create(step=step, date=datetime.date(2026, 1, 12))
    CheckIn.objects.create(goal=goal, note="Premier rapport", indicator_value=Decimal("2.00"))
    review = Review.objects.create(owner=person, note="Bilan", completed_at=timezone.now())
    ReviewDecision.objects.create(review=review, goal=goal, decision="keep", reason="Ça avance")
    GoalRevision.objects.create(goal=goal, snapshot=goal.snapshot(), reason="Date", review=review)
    item = LearningItem.objects.create(user=person, title="SQL 101", cost=Decimal("120.00"))
    item.goals.set([goal])
    item.skills.set([skills[2]])
    contact = Contact.objects.create(user=person, name="Marie Tremblay")
    Interaction.objects.create(contact=contact, summary="Café")
    app = Application.objects.create(
        user=person, title="Analyste", organisation="Ville", occupation=occupation
    )
    StatusChange.objects.create(application=app, to_status="applied")
    interview = Interview.objects.create(
        application=app, scheduled_at=timezone.now(), with_whom="Comité"
    )
    reflection = InterviewReflection.objects.create(interview=interview, went_well="Exemples")
    Technique.objects.create(reflection=reflection, user=person, text="Méthode STAR")
    answer = PreparedAnswer.objects.create(user=person, application=app, text="Je suis…")
    PracticeAttempt.objects.create(answer=answer, text="Essai", check_result={"words": 2})
    feed = Feed.objects.create(user=person, url="https://example.org/feed.xml")
    entry = Entry.objects.create(feed=feed, guid="1", title="Nouvelles")
    note = ReadingNote.objects.create(user=person, title="Nouvelles", entry=entry, takeaways="Oui")
    note.goals.set([goal])
    profile = MentorProfile.objects.create(user=person, headline="Analyste", languages=["fr"])
    profile.occupations.set([occupation])
    profile.skills.set(skills[1:])
    MenteePreferences.objects.create(user=person, values=["autonomy"])
    ReviewSettings.objects.create(user=person, cadence="monthly")
    DigestSubscription.objects.create(user=person)
    Requirement.objects.create(goal=goal, step=step, description="SQL", skill=skills[0])
    Obstacle.objects.create(goal=goal, step=step, description="Temps", way_to_overcome="Matins")
    statement = Statement.objects.create(owner=person, goal=goal, language="fr", answers={"a": 1})
    StatementVersion.objects.create(statement=statement, text="D’ici 2028, je serai analyste.")
    association = Association.objects.create(user=person, name="Ordre des analystes")
    Membership.objects.create(association=association, fee=Decimal("75.00"))
    DetectedSkill.objects.create(application=app, skill=skills[1], confidence=0.75)
    return goal


def without_time(document):
    return {key: value for key, value in document.items() if key != "exported_at"}


class ExportTests(BaseTestCase):
    def test_it_exports_only_the_persons_own_records(self):
        fill(self.alice)
        Goal.objects.create(owner=self.bob, statement="Bob's secret goal")
        document = export_person(self.alice)
        self.assertEqual(document["format"], "parcours-export")
        self.assertEqual(document["version"], 1)
        self.assertEqual(document["person"]["email"], "alice@example.org")
        self.assertEqual([g["statement"] for g in document["goals"]], ["Devenir analyste"])
        self.assertNotIn("Bob's secret goal", json.dumps(document))
        goal = document["goals"][0]
        self.assertEqual(goal["target_occupation"], f"{ESCO}occupation/test")
        self.assertEqual(goal["target_skills"], [f"{ESCO}skill/test-0", f"{ESCO}skill/test-1"])
        self.assertEqual(document["steps"][0]["stage"], document["stages"][0]["id"])
        self.assertEqual(document["learning_items"][0]["goals"], [goal["id"]])
        self.assertEqual(document["skills"][1]["free_text"], "Facilitation")

    def test_it_exports_in_as_many_queries_whatever_the_amount_of_data(self):
        goal = fill(self.alice)
        with CaptureQueriesContext(connection) as small:
            export_person(self.alice)
        skills, _occupation = concepts()
        for n in range(5):
            extra = Goal.objects.create(owner=self.alice, statement=f"Goal {n}")
            extra.target_skills.set(skills)
            step = Step.objects.create(goal=extra, title="Step")
            StepCompletion.objects.create(step=step, date=datetime.date(2026, 1, n + 1))
            CheckIn.objects.create(goal=goal, note=f"Note {n}")
            LearningItem.objects.create(user=self.alice, title=f"Course {n}").goals.set([extra])
        with self.assertNumQueries(len(small.captured_queries)):
            export_person(self.alice)

    def test_it_round_trips_into_a_new_person(self):
        fill(self.alice)
        document = json.loads(portability.dumps(export_person(self.alice)))
        copy = import_person(document, email="alice.copy@example.org")
        self.assertEqual(copy.email, "alice.copy@example.org")
        self.assertFalse(copy.has_usable_password())
        self.assertEqual(
            without_time(export_person(copy))["goals"], without_time(document)["goals"]
        )
        again = without_time(export_person(copy))
        again["person"]["email"] = "alice@example.org"
        self.assertEqual(again, without_time(document))
        for key, _label, _owner in portability.COLLECTIONS:
            self.assertTrue(document[key], f"fill() leaves {key} empty")

    def test_it_fills_an_empty_account(self):
        fill(self.alice)
        document = export_person(self.alice)
        import_person(document, into=self.bob)
        self.assertEqual(Goal.objects.filter(owner=self.bob).count(), 1)

    def test_it_refuses_an_account_that_holds_data(self):
        fill(self.alice)
        Goal.objects.create(owner=self.bob, statement="Mine")
        with self.assertRaisesMessage(ImportRefused, "already holds data"):
            import_person(export_person(self.alice), into=self.bob)
        self.assertEqual(Goal.objects.filter(owner=self.bob).count(), 1)

    def test_it_refuses_an_email_already_taken(self):
        with self.assertRaisesMessage(ImportRefused, "bob@example.org already has an account"):
            import_person(export_person(self.alice), email="bob@example.org")


class ValidationTests(BaseTestCase):
    def setUp(self):
        fill(self.alice)
        self.document = json.loads(portability.dumps(export_person(self.alice)))

    def refused(self, message):
        people = User.objects.count()
        goals = Goal.objects.count()
        with self.assertRaisesMessage(ImportRefused, message):
            import_person(self.document, email="new@example.org")
        self.assertEqual(User.objects.count(), people)
        self.assertEqual(Goal.objects.count(), goals)

    def test_it_names_a_bad_date(self):
        self.document["goals"][0]["deadline"] = "30/06/2028"
        self.refused('goals[0].deadline: not a date ("30/06/2028")')

    def test_it_names_a_wrong_version(self):
        self.document["version"] = 2
        self.refused("version: this instance reads version 1, the file is version 2")

    def test_it_names_a_wrong_format(self):
        self.document["format"] = "something-else"
        self.refused("format: expected")

    def test_it_names_a_missing_field(self):
        del self.document["checkins"][0]["note"]
        self.refused("checkins[0].note: missing")

    def test_it_names_a_missing_profile_field(self):
        del self.document["person"]["time_zone"]
        self.refused("person.time_zone: missing")

    def test_it_names_a_broken_reference(self):
        self.document["steps"][0]["goal"] = 99
        self.refused("steps[0].goal: refers to 99, which is not in the file")

    def test_it_names_an_unknown_esco_concept(self):
        self.document["targets"][0]["occupation"] = f"{ESCO}occupation/nowhere"
        self.refused("targets[0].occupation: unknown in this instance's ESCO data")

    def test_it_names_a_value_outside_the_choices(self):
        self.document["goals"][0]["status"] = "someday"
        self.refused('goals[0].status: "someday" is not one of the allowed values')

    def test_it_names_a_bad_number(self):
        self.document["goals"][0]["baseline"] = "lots"
        self.refused('goals[0].baseline: not a valid number ("lots")')

    def test_it_names_an_unknown_field(self):
        self.document["goals"][0]["colour"] = "blue"
        self.refused("goals[0].colour: unknown field")

    def test_it_writes_nothing_when_the_database_refuses(self):
        # Two records for the same ESCO skill break a unique constraint mid-import.
        self.document["skills"][1]["skill"] = self.document["skills"][0]["skill"]
        self.document["skills"][1]["free_text"] = ""
        self.refused("nothing was imported")

    def test_it_refuses_text_that_is_not_json(self):
        with self.assertRaisesMessage(ImportRefused, "not valid JSON"):
            portability.load(b"\x00not json")

    def test_it_accepts_the_untouched_document(self):
        self.assertEqual(len(validate(self.document)["goals"]), 1)


class SchemaTests(BaseTestCase):
    def test_it_publishes_the_schema_it_derives(self):
        published = json.loads(portability.SCHEMA_PATH.read_text())
        self.assertEqual(published, json.loads(json.dumps(portability.schema())))

    def test_it_exports_what_the_schema_describes(self):
        fill(self.alice)
        document = json.loads(portability.dumps(export_person(self.alice)))
        published = json.loads(portability.SCHEMA_PATH.read_text())
        self.assertLessEqual(set(document), set(published["properties"]))
        self.assertLessEqual(set(published["required"]), set(document))
        for key, spec in published["properties"].items():
            if spec.get("type") != "array":
                continue
            item = spec["items"]
            for record in document[key]:
                self.assertEqual(set(record), set(item["required"]), key)
                for name, value in record.items():
                    expected = item["properties"][name].get("type")
                    types = expected if isinstance(expected, list) else [expected]
                    if expected is None:
                        continue
                    json_type = {
                        str: "string",
                        bool: "boolean",
                        int: "integer",
                        float: "number",
                        list: "array",
                        dict: "object",
                        type(None): "null",
                    }[type(value)]
                    if json_type == "integer" and "number" in types:
                        json_type = "number"
                    self.assertIn(json_type, types, f"{key}.{name}")
                    enum = item["properties"][name].get("enum")
                    if enum is not None:
                        self.assertIn(value, enum, f"{key}.{name}")


# Round trip with generated data ---------------------------------------------------------------

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40)
short = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40
)
days = st.dates(datetime.date(2000, 1, 1), datetime.date(2060, 12, 31))
moments = st.datetimes(
    datetime.datetime(2000, 1, 1), datetime.datetime(2060, 1, 1), timezones=st.just(datetime.UTC)
)
money = st.decimals(min_value=-9999, max_value=9999, places=2, allow_nan=False)

checkins = st.lists(
    st.fixed_dictionaries(
        {
            "date": days,
            "kind": st.sampled_from([k for k, _l in CheckIn.Kind.choices]),
            "note": short,
            "lesson": text,
            "indicator_value": st.none() | money,
            "created_at": moments,
        }
    ),
    max_size=3,
)
steps = st.lists(
    st.fixed_dictionaries(
        {
            "title": short,
            "due_date": st.none() | days,
            "done": st.booleans(),
            "completions": st.sets(days, max_size=3),
        }
    ),
    max_size=3,
)
goals = st.lists(
    st.fixed_dictionaries(
        {
            "statement": short,
            "description": text,
            "status": st.sampled_from(["active", "paused", "done", "dropped"]),
            "deadline": st.none() | days,
            "baseline": st.none() | money,
            "skills": st.sets(st.integers(0, 2), max_size=3),
            "steps": steps,
            "checkins": checkins,
        }
    ),
    max_size=3,
)
people = st.fixed_dictionaries(
    {
        "display_name": short,
        "language": st.sampled_from(["en", "fr"]),
        "hours_per_week": st.decimals(min_value=0, max_value=80, places=1),
        "goals": goals,
        "skills": st.lists(
            st.tuples(st.none() | st.integers(0, 2), short, st.integers(1, 4)), max_size=4
        ),
        "contacts": st.lists(st.tuples(short, st.lists(text, max_size=2)), max_size=3),
    }
)


class RoundTripTests(HypothesisTestCase):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(people)
    def test_it_exports_the_same_document_after_an_import(self, data):
        skills, _occupation = concepts()
        person = User.objects.create(
            email="original@example.org",
            display_name=data["display_name"],
            language=data["language"],
            hours_per_week=data["hours_per_week"],
        )
        used = set()
        for index, text_, level in data["skills"]:
            if index is not None and index in used:
                continue
            if index is not None:
                used.add(index)
            UserSkill.objects.create(
                user=person,
                skill=skills[index] if index is not None else None,
                free_text="" if index is not None else text_,
                proficiency=level,
            )
        for spec in data["goals"]:
            goal = Goal.objects.create(
                owner=person,
                statement=spec["statement"],
                description=spec["description"],
                status=spec["status"],
                deadline=spec["deadline"],
                baseline=spec["baseline"],
            )
            goal.target_skills.set([skills[i] for i in spec["skills"]])
            for step_spec in spec["steps"]:
                step = Step.objects.create(
                    goal=goal,
                    title=step_spec["title"],
                    due_date=step_spec["due_date"],
                    done=step_spec["done"],
                )
                for day in sorted(step_spec["completions"]):
                    StepCompletion.objects.create(step=step, date=day)
            for checkin in spec["checkins"]:
                CheckIn.objects.create(goal=goal, **checkin)
        for name, summaries in data["contacts"]:
            contact = Contact.objects.create(user=person, name=name)
            for summary in summaries:
                Interaction.objects.create(contact=contact, summary=summary)

        first = json.loads(portability.dumps(export_person(person)))
        copy = import_person(json.loads(portability.dumps(first)), email="copy@example.org")
        second = json.loads(portability.dumps(export_person(copy)))
        self.assertEqual(second["person"].pop("email"), "copy@example.org")
        first["person"].pop("email")
        self.assertEqual(without_time(second), without_time(first))
