"""Export and import of everything a person owns: the module."""

import datetime
import json
from decimal import Decimal

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from accounts.models import User
from accounts.testing import BaseTestCase
from agenda.models import DigestSubscription
from core import portability
from core.portability import ImportRefused, export_person, import_person, validate
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
from mentoring import portability as mentoring_portability
from mentoring.models import (
    ActionItem,
    Feedback,
    FeedbackReflection,
    GoalReview,
    KeepInTouch,
    MenteePreferences,
    MentorProfile,
    Mentorship,
    MentorshipGoal,
    MentorshipRecord,
    PrivateNote,
    Session,
    Thanks,
)
from organisations.models import GoalAlignment
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
    mentor_and_mentee(person, goal, step)
    in_an_organisation(person, goal)
    return goal


def in_an_organisation(person, goal):
    """`person` works at a residence: a self-assessment, a 1:1 with her manager Léa (who keeps
    her own notes and review), `goal` linked to an objective."""
    from organisations import assessments, conversations, people
    from organisations.models import CompetencyModel, JobRole, ManagerLink, Objective, Role
    from organisations.models import Membership as OrgMembership

    lea = someone("lea@example.org", "Léa Roy")
    org = people.create_organisation(lea, "Résidence Les Érables", "")
    model = CompetencyModel.objects.create(organisation=org, code="m", name_en="M", name_fr="M")
    model.levels.create(level=1, name_en="One", name_fr="Un")
    competency = model.competencies.create(code="c", name_en="Care", name_fr="Soins")
    role = JobRole.objects.create(model=model, code="r", name_en="Aide", name_fr="Préposée")
    role.expectations.create(competency=competency, level=1)
    member = OrgMembership.objects.create(
        organisation=org, user=person, role=Role.MEMBER, job_role=role
    )
    link = ManagerLink.objects.create(
        organisation=org, manager=lea, report=person, status="active", accepted_at=timezone.now()
    )
    talk = conversations.schedule(link, lea, timezone.now())
    conversations.save_private_note(talk, person, "Mes notes du 1:1")
    conversations.save_private_note(talk, lea, "Léa's own note")
    mine = assessments.start_self_assessment(member, role)
    mine.ratings.update(level=1, comment="En progrès")
    assessments.submit(mine, person)
    GoalAlignment.objects.create(
        goal=goal,
        objective=Objective.objects.create(organisation=org, title="Moins de chutes"),
        why_me="Confiance",
    )


def someone(email, name):
    return User.objects.get_or_create(email=email, defaults={"display_name": name})[0]


def mentor_and_mentee(person, goal, step):
    """`person` is Mireille's mentee (sharing `goal`) and Noah's mentor (Noah shares his goal)."""
    mireille = someone("mireille@example.org", "Mireille Gagnon")
    noah = someone("noah@example.org", "Noah Roy")
    now = timezone.now()
    mine = Mentorship.objects.create(
        mentor=mireille,
        mentee=person,
        status="completed",
        objectives="Devenir analyste",
        hoped_gain="Comprendre le métier",
        end_reason="Objectifs atteints",
        ended_by=person,
        keep_sharing=True,
        accepted_at=now,
        ended_at=now,
    )
    link = MentorshipGoal.objects.create(mentorship=mine, goal=goal, co_owned=True)
    session = Session.objects.create(
        mentorship=mine, scheduled_at=now, questions="Par où commencer?", shared_notes="SQL"
    )
    PrivateNote.objects.create(session=session, author=person, text="Mon carnet", heard="Écouter")
    PrivateNote.objects.create(session=session, author=mireille, text="Mireille's own note")
    ActionItem.objects.create(session=session, title="Pratiquer", step=step)
    GoalReview.objects.create(session=session, link=link, note="Bon rythme")
    feedback = Feedback.objects.create(
        mentorship=mine, link=link, session=session, observation="Clair", suggestion="Plus court"
    )
    FeedbackReflection.objects.create(feedback=feedback, text="Je raccourcis", shared=True)
    Thanks.objects.create(mentorship=mine, author=person, message="Merci!")
    Thanks.objects.create(mentorship=mine, author=mireille, message="Merci à toi")
    KeepInTouch.objects.create(mentorship=mine, author=person, kind="success", message="Embauchée")

    theirs = Mentorship.objects.create(
        mentor=person, mentee=noah, status="active", hoped_gain="Learn SQL", accepted_at=now
    )
    noahs_goal = Goal.objects.create(owner=noah, statement="Noah's secret goal")
    noahs_step = Step.objects.create(goal=noahs_goal, title="Noah's step")
    noahs_link = MentorshipGoal.objects.create(mentorship=theirs, goal=noahs_goal)
    talk = Session.objects.create(mentorship=theirs, scheduled_at=now)
    PrivateNote.objects.create(session=talk, author=person, text="Noah needs structure")
    PrivateNote.objects.create(session=talk, author=noah, text="Noah's private note")
    ActionItem.objects.create(session=talk, title="Write a query", step=noahs_step)
    GoalReview.objects.create(session=talk, link=noahs_link, note="Started")
    advice = Feedback.objects.create(
        mentorship=theirs, link=noahs_link, observation="Fast", suggestion="Test more"
    )
    FeedbackReflection.objects.create(feedback=advice, text="Noah's reflection", shared=True)
    Thanks.objects.create(mentorship=theirs, author=noah, message="Thanks, Alice")
    return mine, theirs


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
            mine, theirs = mentor_and_mentee(self.alice, extra, step)
            more = Session.objects.create(mentorship=mine, scheduled_at=timezone.now())
            PrivateNote.objects.create(session=more, author=self.alice, text=f"Note {n}")
            ActionItem.objects.create(session=more, title=f"Action {n}", step=step)
            Thanks.objects.create(mentorship=theirs, author=self.alice, message=f"Thanks {n}")
        copy = import_person(export_person(self.alice), email="copy@example.org")
        MentorshipRecord.objects.filter(owner=copy).update(owner=self.alice)
        self.assertEqual(Mentorship.objects.involving(self.alice).count(), 12)
        self.assertEqual(MentorshipRecord.objects.filter(owner=self.alice).count(), 12)
        with self.assertNumQueries(len(small.captured_queries)):
            document = export_person(self.alice)
        self.assertEqual(len(document["mentorships"]), 24)

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
        for section in portability.sections():
            self.assertTrue(document[section.key], f"fill() leaves {section.key} empty")
        self.assertEqual(len(document["mentorships"]), 2)

    def test_it_exports_the_persons_side_of_each_mentorship_only(self):
        fill(self.alice)
        document = export_person(self.alice)
        text_ = json.dumps(document, ensure_ascii=False)
        for secret in (
            "Mireille's own note",
            "Noah's private note",
            "Noah's reflection",
            "Noah's secret goal",
            "Noah's step",
        ):
            self.assertNotIn(secret, text_)
        mentee, mentor = document["mentorships"]
        self.assertEqual(mentee["role"], "mentee")
        self.assertEqual(
            mentee["counterpart"],
            {"email": "mireille@example.org", "display_name": "Mireille Gagnon"},
        )
        self.assertEqual(mentee["ended_by"], "me")
        self.assertEqual(mentee["goals"][0]["goal"], document["goals"][0]["id"])
        session = mentee["sessions"][0]
        self.assertEqual(session["private_note"]["text"], "Mon carnet")
        self.assertEqual(session["actions"][0]["step"], document["steps"][0]["id"])
        self.assertEqual(session["goal_reviews"][0]["goal_link"], 0)
        self.assertEqual(mentee["feedback"][0]["reflection"]["text"], "Je raccourcis")
        self.assertEqual(mentee["feedback"][0]["session"], 0)
        self.assertEqual(
            [(t["from"], t["message"]) for t in mentee["thanks"]],
            [("me", "Merci!"), ("counterpart", "Merci à toi")],
        )
        self.assertEqual(mentee["keep_in_touch"][0]["message"], "Embauchée")
        self.assertEqual(mentor["role"], "mentor")
        self.assertEqual(mentor["counterpart"]["display_name"], "Noah Roy")
        self.assertEqual(mentor["goals"][0]["goal"], None)
        self.assertEqual(mentor["sessions"][0]["private_note"]["text"], "Noah needs structure")
        self.assertEqual(mentor["sessions"][0]["actions"][0]["step"], None)
        self.assertEqual(mentor["feedback"][0]["reflection"], None)
        self.assertEqual(mentor["thanks"][0]["from"], "counterpart")

    def test_it_leaves_out_goals_a_former_mentor_no_longer_sees(self):
        goal = fill(self.alice)
        _mine, theirs = mentor_and_mentee(self.alice, goal, None)
        theirs.status = Mentorship.Status.ENDED
        theirs.save()
        record = export_person(self.alice)["mentorships"][-1]
        self.assertEqual(record["goals"], [])
        self.assertEqual(record["sessions"][0]["goal_reviews"], [])
        self.assertEqual(record["feedback"][0]["goal_link"], None)

    def test_it_imports_mentorships_as_history_linked_to_nobody(self):
        fill(self.alice)
        mentorships = Mentorship.objects.count()
        document = json.loads(portability.dumps(export_person(self.alice)))
        copy = import_person(document, email="alice.copy@example.org")
        self.assertEqual(Mentorship.objects.count(), mentorships)
        self.assertFalse(Mentorship.objects.involving(copy).exists())
        records = list(MentorshipRecord.objects.filter(owner=copy).order_by("created_at"))
        self.assertEqual([r.role for r in records], ["mentee", "mentor"])
        self.assertEqual(records[0].counterpart_name, "Mireille Gagnon")
        goal = Goal.objects.get(owner=copy)
        self.assertEqual(records[0].details["goals"][0]["goal"], goal.pk)
        step = Step.objects.get(goal__owner=copy)
        self.assertEqual(records[0].details["sessions"][0]["actions"][0]["step"], step.pk)
        # History survives later edits: a deleted goal exports as null, the rest stays.
        goal.delete()
        again = export_person(copy)["mentorships"][0]
        self.assertEqual(again["goals"][0]["goal"], None)
        self.assertEqual(again["sessions"][0]["actions"][0]["step"], None)
        self.assertEqual(again["sessions"][0]["shared_notes"], "SQL")

    def test_it_round_trips_imported_history_again(self):
        fill(self.alice)
        first = json.loads(portability.dumps(export_person(self.alice)))
        copy = import_person(first, email="one@example.org")
        second = json.loads(portability.dumps(export_person(copy)))
        other = import_person(second, email="two@example.org")
        third = without_time(json.loads(portability.dumps(export_person(other))))
        third["person"]["email"] = "alice@example.org"
        self.assertEqual(third["mentorships"], first["mentorships"])
        # Same keys in the same order at every level: the two files diff cleanly.
        self.assertEqual(
            portability.dumps(third["mentorships"]), portability.dumps(first["mentorships"])
        )
        self.assertEqual(third, without_time(first))

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
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        fill(cls.alice)
        cls.exported = portability.dumps(export_person(cls.alice))

    def setUp(self):
        self.document = json.loads(self.exported)  # a fresh copy for each test to damage

    def refused(self, message):
        people = User.objects.count()
        goals = Goal.objects.count()
        records = MentorshipRecord.objects.count()
        with self.assertRaisesMessage(ImportRefused, message):
            import_person(self.document, email="new@example.org")
        self.assertEqual(User.objects.count(), people)
        self.assertEqual(Goal.objects.count(), goals)
        self.assertEqual(MentorshipRecord.objects.count(), records)

    def test_it_names_a_bad_date_in_a_mentorship_session(self):
        self.document["mentorships"][0]["sessions"][0]["scheduled_at"] = "mardi"
        self.refused('mentorships[0].sessions[0].scheduled_at: not a date ("mardi")')

    def test_it_names_a_goal_link_out_of_range(self):
        self.document["mentorships"][0]["feedback"][0]["goal_link"] = 3
        self.refused("mentorships[0].feedback[0].goal_link: no goals[3] in this mentorship")

    def test_it_names_a_session_out_of_range(self):
        self.document["mentorships"][1]["feedback"][0]["session"] = -1
        self.refused("mentorships[1].feedback[0].session: no sessions[-1] in this mentorship")

    def test_it_names_a_goal_review_without_its_goal(self):
        self.document["mentorships"][0]["goals"] = []
        self.document["mentorships"][0]["feedback"][0]["goal_link"] = None
        self.refused(
            "mentorships[0].sessions[0].goal_reviews[0].goal_link: no goals[0] in this mentorship"
        )

    def test_it_names_a_goal_that_is_not_in_the_file(self):
        self.document["mentorships"][0]["goals"][0]["goal"] = 99
        self.refused("mentorships[0].goals[0].goal: refers to 99, which is not in the file")

    def test_it_names_a_step_that_is_not_in_the_file(self):
        self.document["mentorships"][0]["sessions"][0]["actions"][0]["step"] = 42
        self.refused(
            "mentorships[0].sessions[0].actions[0].step: refers to 42, which is not in the file"
        )

    def test_it_refuses_the_mentees_goals_in_a_mentors_record(self):
        self.document["mentorships"][1]["goals"][0]["goal"] = 1
        self.refused('mentorships[1].goals[0].goal: must be null when role is "mentor"')

    def test_it_refuses_a_reflection_in_a_mentors_record(self):
        self.document["mentorships"][1]["feedback"][0]["reflection"] = self.document["mentorships"][
            0
        ]["feedback"][0]["reflection"]
        self.refused('mentorships[1].feedback[0].reflection: must be null when role is "mentor"')

    def test_it_names_an_unknown_role_side_and_status(self):
        self.document["mentorships"][0]["role"] = "friend"
        self.refused('mentorships[0].role: "friend" is not one of the allowed values')
        self.document["mentorships"][0]["role"] = "mentee"
        self.document["mentorships"][0]["thanks"][1]["from"] = "Mireille"
        self.refused('mentorships[0].thanks[1].from: "Mireille" is not one of the allowed')
        self.document["mentorships"][0]["thanks"][1]["from"] = "counterpart"
        self.document["mentorships"][1]["status"] = "paused"
        self.refused('mentorships[1].status: "paused" is not one of the allowed values')

    def test_it_names_a_value_out_of_range(self):
        self.document["mentorships"][0]["keep_in_touch_every_days"] = 3
        self.refused("mentorships[0].keep_in_touch_every_days: Ensure this value is greater")

    def test_it_names_missing_and_unknown_fields_in_a_mentorship(self):
        del self.document["mentorships"][0]["sessions"][0]["private_note"]["heard"]
        self.refused("mentorships[0].sessions[0].private_note.heard: missing")
        self.document["mentorships"][0]["sessions"][0]["private_note"]["heard"] = ""
        self.document["mentorships"][1]["counterpart"]["phone"] = "555"
        self.refused("mentorships[1].counterpart.phone: unknown field")

    def test_it_refuses_values_of_the_wrong_shape_in_a_mentorship(self):
        self.document["mentorships"][0]["goals"][0]["goal"] = [1]
        self.refused("mentorships[0].goals[0].goal: refers to [1], which is not in the file")
        self.document["mentorships"][0]["goals"][0]["goal"] = 1
        self.document["mentorships"][0]["counterpart"]["display_name"] = "a\x00b"
        self.refused("mentorships[0].counterpart.display_name: expected text")
        self.document["mentorships"][0]["counterpart"]["display_name"] = "Mireille"
        self.document["mentorships"][0]["sessions"][0]["actions"] = "none"
        self.refused("mentorships[0].sessions[0].actions: expected a list")
        self.document["mentorships"][0]["sessions"][0]["actions"] = []
        self.document["mentorships"][0]["sessions"][0]["private_note"] = "secret"
        self.refused("mentorships[0].sessions[0].private_note: expected an object")

    def test_it_names_a_repeated_mentorship_id(self):
        self.document["mentorships"][1]["id"] = self.document["mentorships"][0]["id"]
        self.refused("mentorships[1].id: missing or repeated id")

    def test_it_names_a_mentorships_section_that_is_not_a_list(self):
        self.document["mentorships"] = {"role": "mentee"}
        self.refused("mentorships: expected a list")

    def test_it_reads_an_older_file_without_mentorships(self):
        del self.document["mentorships"]
        copy = import_person(self.document, email="older@example.org")
        self.assertFalse(MentorshipRecord.objects.filter(owner=copy).exists())
        self.assertEqual(Goal.objects.filter(owner=copy).count(), 1)

    def test_it_refuses_to_import_into_an_account_with_mentorships(self):
        fill_from = self.document
        Mentorship.objects.create(mentor=self.alice, mentee=self.bob, hoped_gain="Learn")
        with self.assertRaisesMessage(ImportRefused, "already holds data"):
            import_person(fill_from, into=self.bob)

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
    def test_it_accounts_for_every_relation_of_the_mentoring_models(self):
        for level, (label, _keys, relations) in mentoring_portability.MENTORSHIP_LEVELS.items():
            model = apps.get_model(label)
            found = {f.name for f in model._meta.concrete_fields if f.is_relation}
            self.assertEqual(found, relations, f"{level}: decide how the new relation exports")

    def test_it_describes_every_key_of_the_nested_mentorships(self):
        fill(self.alice)
        document = json.loads(portability.dumps(export_person(self.alice)))
        published = json.loads(portability.SCHEMA_PATH.read_text())

        def walk(value, spec, where):
            options = spec.get("anyOf", [spec])
            if value is None:
                self.assertTrue(
                    any(o.get("type") == "null" or None in o.get("enum", [None]) for o in options)
                    or "null" in spec.get("type", []),
                    where,
                )
                return
            spec = next(o for o in options if o.get("type") != "null")
            if isinstance(value, dict):
                self.assertEqual(set(value), set(spec["required"]), where)
                for name, item in value.items():
                    walk(item, spec["properties"][name], f"{where}.{name}")
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    walk(item, spec["items"], f"{where}[{i}]")
            elif "enum" in spec:
                self.assertIn(value, spec["enum"], where)

        walk(document["mentorships"], published["properties"]["mentorships"], "mentorships")

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
sides = st.sampled_from(["me", "counterpart"])
mentorship_sessions = st.lists(
    st.fixed_dictionaries(
        {
            "scheduled_at": moments,
            "duration_minutes": st.integers(5, 480),
            "questions": text,
            "shared_notes": text,
            "created_at": moments,
            "my_note": st.none() | st.tuples(text, text, moments),
            "their_note": st.booleans(),
            "actions": st.lists(
                st.tuples(short, st.none() | days, st.booleans(), st.none() | st.integers(0, 8)),
                max_size=2,
            ),
            "reviews": st.lists(st.tuples(st.integers(0, 3), short, moments), max_size=2),
        }
    ),
    max_size=2,
)
mentorships = st.lists(
    st.fixed_dictionaries(
        {
            "role": st.sampled_from(["mentee", "mentor"]),
            "status": st.sampled_from(Mentorship.Status.values),
            "objectives": text,
            "hoped_gain": short,
            "decline_message": text,
            "end_reason": text,
            "ended_by": st.sampled_from([None, "me", "counterpart"]),
            "keep_sharing": st.booleans(),
            "keep_in_touch_every_days": st.integers(14, 365),
            "created_at": moments,
            "accepted_at": st.none() | moments,
            "ended_at": st.none() | moments,
            "goals": st.lists(
                st.tuples(st.integers(0, 3), st.booleans(), st.none() | days, moments), max_size=2
            ),
            "sessions": mentorship_sessions,
            "feedback": st.lists(
                st.tuples(
                    st.none() | st.integers(0, 3),
                    st.none() | st.integers(0, 3),
                    short,
                    moments,
                    st.none() | st.tuples(short, text, st.booleans()),
                ),
                max_size=2,
            ),
            "thanks": st.lists(st.tuples(sides, short, moments), max_size=2),
            "keep_in_touch": st.lists(
                st.tuples(sides, st.sampled_from(KeepInTouch.Kind.values), short, moments),
                max_size=2,
            ),
        }
    ),
    max_size=3,
)
people = st.fixed_dictionaries(
    {
        "mentorships": mentorships,
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

        for n, spec in enumerate(data["mentorships"]):
            make_mentorship(person, n, spec)

        first = json.loads(portability.dumps(export_person(person)))
        copy = import_person(json.loads(portability.dumps(first)), email="copy@example.org")
        second = json.loads(portability.dumps(export_person(copy)))
        self.assertEqual(second["person"].pop("email"), "copy@example.org")
        first["person"].pop("email")
        self.assertEqual(without_time(second), without_time(first))


def make_mentorship(person, n, spec):
    """A live mentorship of generated `spec`, `person` on its `role` side."""
    other = someone(f"other{n}@example.org", f"Other {n}")
    mentee = spec["role"] == "mentee"
    sides = {"me": person, "counterpart": other, None: None}
    mentorship = Mentorship.objects.create(
        mentor=other if mentee else person,
        mentee=person if mentee else other,
        ended_by=sides[spec["ended_by"]],
        **{
            key: spec[key]
            for key in (
                "status",
                "objectives",
                "hoped_gain",
                "decline_message",
                "end_reason",
                "keep_sharing",
                "keep_in_touch_every_days",
                "created_at",
                "accepted_at",
                "ended_at",
            )
        },
    )
    owner = person if mentee else other
    goals = list(Goal.objects.filter(owner=owner).order_by("pk")) or [
        Goal.objects.create(owner=owner, statement=f"Goal of {owner.display_name}")
    ]
    steps = list(Step.objects.filter(goal__owner=owner).order_by("pk")) or [
        Step.objects.create(goal=goals[0], title=f"Step of {owner.display_name}")
    ]
    links = []
    for index, co_owned, agreed_on, shared_at in spec["goals"]:
        goal = goals[index % len(goals)]
        if any(link.goal_id == goal.pk for link in links):
            continue
        links.append(
            MentorshipGoal.objects.create(
                mentorship=mentorship,
                goal=goal,
                co_owned=co_owned,
                agreed_on=agreed_on,
                shared_at=shared_at,
            )
        )
    sessions = []
    for item in spec["sessions"]:
        session = Session.objects.create(
            mentorship=mentorship,
            **{
                key: item[key]
                for key in ("scheduled_at", "duration_minutes", "questions", "shared_notes")
            },
            created_at=item["created_at"],
        )
        sessions.append(session)
        if item["my_note"] is not None:
            note_text, heard, updated_at = item["my_note"]
            note = PrivateNote.objects.create(
                session=session, author=person, text=note_text, heard=heard
            )
            PrivateNote.objects.filter(pk=note.pk).update(updated_at=updated_at)
        if item["their_note"]:
            PrivateNote.objects.create(session=session, author=other, text="Not yours")
        for title, due_date, done, step_index in item["actions"]:
            step = None if step_index is None else steps[step_index % len(steps)]
            ActionItem.objects.create(
                session=session, title=title, due_date=due_date, done=done, step=step
            )
        for index, note_text, created_at in item["reviews"]:
            if links:
                GoalReview.objects.create(
                    session=session,
                    link=links[index % len(links)],
                    note=note_text,
                    created_at=created_at,
                )
    for link_index, session_index, observation, created_at, reflection in spec["feedback"]:
        feedback = Feedback.objects.create(
            mentorship=mentorship,
            link=None if link_index is None or not links else links[link_index % len(links)],
            session=(
                None
                if session_index is None or not sessions
                else sessions[session_index % len(sessions)]
            ),
            observation=observation,
            suggestion=observation[::-1],
            created_at=created_at,
        )
        if reflection is not None:
            reflection_text, action_taken, shared = reflection
            FeedbackReflection.objects.create(
                feedback=feedback, text=reflection_text, action_taken=action_taken, shared=shared
            )
    for side, message, created_at in spec["thanks"]:
        Thanks.objects.create(
            mentorship=mentorship, author=sides[side], message=message, created_at=created_at
        )
    for side, kind, message, created_at in spec["keep_in_touch"]:
        KeepInTouch.objects.create(
            mentorship=mentorship,
            author=sides[side],
            kind=kind,
            message=message,
            created_at=created_at,
        )


class RecordShapeTests(BaseTestCase):
    def test_it_exports_an_old_record_with_the_defaults_of_fields_added_since(self):
        fill(self.alice)
        copy = import_person(export_person(self.alice), email="copy@example.org")
        record = MentorshipRecord.objects.filter(owner=copy).order_by("created_at").first()
        del record.details["keep_in_touch_every_days"]
        del record.details["sessions"][0]["duration_minutes"]
        record.save()
        exported = export_person(copy)
        self.assertEqual(exported["mentorships"][0]["keep_in_touch_every_days"], 90)
        self.assertEqual(exported["mentorships"][0]["sessions"][0]["duration_minutes"], 60)
        again = import_person(exported, email="again@example.org")  # still a valid file
        self.assertEqual(MentorshipRecord.objects.filter(owner=again).count(), 2)
