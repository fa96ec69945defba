"""Walk every page and every API operation as four people and check who sees what.

Alice owns one of everything, each text carrying a marker (ALICE-SECRET-…). Carol mentors her in
an active mentorship with no goal shared: she sees the mentorship, its sessions and their shared
notes (ALICE-SHARED-…), never anything else of Alice's. Bob is another person, and the fourth
visitor is not signed in. Every route with an id is filled with Alice's object of the right kind
through ROUTES and API_ROUTES; a guard fails when a new route is missing from those tables.

- anonymous: a page redirects to sign-in, an API operation answers 401 (PUBLIC_PAGES aside);
- Bob: 404 on every route of Alice's (never 403, never her data), nothing of hers changes;
- Carol: 200 on the pages of her mentorship, 404 on everything else of Alice's;
- Alice: no 4xx on her own things.

docs/apps/permission-walk.md says how to add a route to the tables.
"""

import copy
import datetime
import functools
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.models import ApiToken, User
from agenda.models import DigestSubscription, FeedToken
from core.discovery import project_apps
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
from mentoring.models import (
    ActionItem,
    Feedback,
    FeedbackReflection,
    MenteePreferences,
    MentorProfile,
    Mentorship,
    MentorshipRecord,
    PrivateNote,
    Session,
    Thanks,
)
from taxonomy.models import Occupation, Skill, SkillEvidence, TargetOccupation, UserSkill
from tests import walk_organisation as org_walk

ESCO = "http://data.europa.eu/esco/"
SECRET = "ALICE-SECRET"  # nobody but Alice may ever read it
SHARED = "ALICE-SHARED"  # Alice and her mentor Carol only
PUBLIC = "ALICE-PUBLIC"  # her mentor profile: listed for every signed-in person on purpose


def secret(what):
    return f"{SECRET}-{what}"


# The world ------------------------------------------------------------------------------------


@dataclass
class World:
    alice: User
    bob: User
    carol: User
    tokens: dict  # actor name -> raw API token
    cookies: dict  # actor name -> cookies of a signed-in session
    feed_token: str  # Alice's raw agenda feed token
    objects: dict  # kind -> Alice's object
    org_invitation: str = ""  # the raw token of an open invitation to Alice's organisation


def build_world():
    alice = User.objects.create(email="alice@example.org", display_name="Alice", language="en")
    bob = User.objects.create(email="bob@example.org", display_name="Bob", language="en")
    carol = User.objects.create(email="carol@example.org", display_name="Carol", language="en")
    skills = [
        Skill.objects.create(uri=f"{ESCO}skill/walk-{n}", label_en=f"Skill {n}", label_fr=f"C{n}")
        for n in range(3)
    ]
    occupation = Occupation.objects.create(
        uri=f"{ESCO}occupation/walk", label_en="Data analyst", label_fr="Analyste de données"
    )
    o = {"skill": skills[0], "occupation": occupation}

    ReviewSettings.objects.create(user=alice, cadence="monthly")
    o["reflection"] = Reflection.objects.create(
        owner=alice, values=secret("values"), passions=secret("passions")
    )
    o["user_skill"] = UserSkill.objects.create(user=alice, skill=skills[0], proficiency=3)
    UserSkill.objects.create(user=alice, free_text=secret("free-skill"))
    o["evidence"] = SkillEvidence.objects.create(
        user_skill=o["user_skill"], kind="job", description=secret("evidence")
    )
    o["target"] = TargetOccupation.objects.create(user=alice, occupation=occupation, horizon="long")
    goal = o["goal"] = Goal.objects.create(
        owner=alice,
        statement=secret("goal"),
        description=secret("goal-description"),
        target_occupation=occupation,
        baseline=Decimal("1.00"),
        target_value=Decimal("5.00"),
        deadline=timezone.localdate() + datetime.timedelta(days=200),
    )
    goal.target_skills.set(skills[:2])
    o["stage"] = Stage.objects.create(
        goal=goal, title=secret("stage"), deadline=timezone.localdate() + datetime.timedelta(50)
    )
    o["step"] = Step.objects.create(
        goal=goal,
        stage=o["stage"],
        title=secret("step"),
        due_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    StepCompletion.objects.create(step=o["step"], date=timezone.localdate())
    o["checkin"] = CheckIn.objects.create(
        goal=goal, note=secret("checkin"), indicator_value=Decimal("2.00")
    )
    o["requirement"] = Requirement.objects.create(
        goal=goal, step=o["step"], description=secret("requirement"), skill=skills[0]
    )
    o["obstacle"] = Obstacle.objects.create(
        goal=goal, step=o["step"], description=secret("obstacle"), way_to_overcome=secret("way")
    )
    o["review"] = Review.objects.create(
        owner=alice, note=secret("review"), completed_at=timezone.now()
    )
    ReviewDecision.objects.create(
        review=o["review"], goal=goal, decision="keep", reason=secret("decision")
    )
    GoalRevision.objects.create(
        goal=goal, snapshot=goal.snapshot(), reason=secret("revision"), review=o["review"]
    )
    o["statement"] = Statement.objects.create(
        owner=alice, goal=goal, language="en", answers={"passions": secret("answer")}
    )
    StatementVersion.objects.create(statement=o["statement"], text=secret("statement-version"))

    o["learning"] = LearningItem.objects.create(
        user=alice, title=secret("learning"), cost=Decimal("120.00")
    )
    o["learning"].goals.set([goal])
    o["learning"].skills.set([skills[2]])
    o["contact"] = Contact.objects.create(user=alice, name=secret("contact"))
    o["interaction"] = Interaction.objects.create(contact=o["contact"], summary=secret("coffee"))
    o["association"] = Association.objects.create(user=alice, name=secret("association"))
    o["membership"] = Membership.objects.create(association=o["association"], fee=Decimal("75"))
    o["feed"] = Feed.objects.create(
        user=alice, url="https://example.org/alice.xml", title=secret("feed")
    )
    o["entry"] = Entry.objects.create(feed=o["feed"], guid="1", title=secret("entry"))
    o["reading"] = ReadingNote.objects.create(
        user=alice, title=secret("reading"), entry=o["entry"], takeaways=secret("takeaways")
    )
    o["reading"].goals.set([goal])

    app = o["application"] = Application.objects.create(
        user=alice, title=secret("application"), organisation=secret("org"), occupation=occupation
    )
    StatusChange.objects.create(application=app, to_status="applied")
    o["detected"] = DetectedSkill.objects.create(application=app, skill=skills[1], confidence=0.7)
    o["interview"] = Interview.objects.create(
        application=app, scheduled_at=timezone.now(), with_whom=secret("panel")
    )
    reflection = InterviewReflection.objects.create(
        interview=o["interview"], went_well=secret("went-well")
    )
    o["technique"] = Technique.objects.create(
        reflection=reflection, user=alice, text=secret("technique")
    )
    o["answer"] = PreparedAnswer.objects.create(user=alice, application=app, text=secret("answer"))
    o["attempt"] = PracticeAttempt.objects.create(
        answer=o["answer"], text=secret("attempt"), check_result={"words": 2}
    )

    o["api_token"], alice_raw = ApiToken.issue(alice, secret("token"))
    feed_token = FeedToken.issue(alice)
    DigestSubscription.objects.create(user=alice)

    # Alice offers mentoring too: the directory lists her profile for every signed-in person.
    o["mentor_profile"] = MentorProfile.objects.create(
        user=alice, headline=f"{PUBLIC}-headline", bio=f"{PUBLIC}-bio", languages=["en"]
    )
    MenteePreferences.objects.create(user=alice, values=["autonomy"], values_other=secret("pref"))
    carol_profile = MentorProfile.objects.create(
        user=carol, headline="Carol mentors analysts", languages=["en", "fr"]
    )
    carol_profile.occupations.set([occupation])
    mentorship = o["mentorship"] = Mentorship.objects.create(
        mentor=carol,
        mentee=alice,
        status=Mentorship.Status.ACTIVE,
        objectives=f"{SHARED}-objectives",
        hoped_gain=f"{SHARED}-hoped-gain",
        accepted_at=timezone.now(),
    )
    session = o["session"] = Session.objects.create(
        mentorship=mentorship,
        scheduled_at=timezone.now() + datetime.timedelta(days=2),
        questions=f"{SHARED}-questions",
        shared_notes=f"{SHARED}-notes",
    )
    PrivateNote.objects.create(session=session, author=alice, text=secret("private-note"))
    PrivateNote.objects.create(session=session, author=carol, text="Carol's own private note")
    o["action"] = ActionItem.objects.create(session=session, title=f"{SHARED}-action")
    o["feedback"] = Feedback.objects.create(
        mentorship=mentorship, session=session, observation="Clear", suggestion="Practise"
    )
    FeedbackReflection.objects.create(
        feedback=o["feedback"], text=secret("feedback-reflection"), shared=False
    )
    Thanks.objects.create(mentorship=mentorship, author=alice, message=f"{SHARED}-thanks")
    o["record"] = MentorshipRecord.objects.create(
        owner=alice,
        role="mentee",
        counterpart_name=secret("former-mentor"),
        status=Mentorship.Status.COMPLETED,
        created_at=timezone.now() - datetime.timedelta(days=400),
        details={"objectives": secret("record-objectives")},
    )

    # Alice's organisation: Dana administers it, Mike manages Alice, Tess is her teammate, Eve
    # managed her and left (tests/walk_organisation.py).
    org_people, org_invitation = org_walk.build(alice, skills[0], o)

    tokens = {"alice": alice_raw}
    others = {"bob": bob, "carol": carol, **org_people}
    for name, person in others.items():
        tokens[name] = ApiToken.issue(person, "walk")[1]
    cookies = {}
    for name, person in {"alice": alice, **others}.items():
        client = Client()
        client.force_login(person)  # once: each test starts from a copy of these cookies
        cookies[name] = client.cookies
    return World(alice, bob, carol, tokens, cookies, feed_token, o, org_invitation)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end.

    Each test runs in its own savepoint (pytest-django's `db`), so what one test's request
    changes is gone before the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


# Fingerprint of everything Alice has ----------------------------------------------------------

# What happens in the mentorship: Carol, its mentor, may add sessions, feedback, thanks, end it
# (which Alice's sharing history records).
CAROL_MAY_CHANGE = {
    "core.sharingevent",
    "mentoring.mentorship",
    "mentoring.session",
    "mentoring.actionitem",
    "mentoring.feedback",
    "mentoring.thanks",
    "mentoring.keepintouch",
    "mentoring.goalreview",
    "mentoring.privatenote",  # Carol's own; Alice's are checked apart
}
# Written by any request, whoever makes it.
NOT_DATA = {"accounts.authfailure"}


def _owned_models():
    """(label, model, {column: target model}) of the project's models whose rows may be
    Alice's (a foreign key to a person, or to such a model), parents before children."""
    project = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_config in project_apps() and m._meta.label_lower not in NOT_DATA
    ]
    pointers = {
        m: {
            f.column: f.related_model
            for f in m._meta.concrete_fields
            if isinstance(f, models.ForeignKey)
            and f.related_model in project
            and f.related_model is not m
            and f.target_field.primary_key
        }
        for m in project
    }
    ordered, placed = [], set()

    def place(model, path=()):
        if model in placed or model in path:
            return
        for target in pointers[model].values():
            place(target, (*path, model))
        placed.add(model)
        ordered.append(model)

    for model in project:
        place(model)
    reaches = {User}
    out = []
    for model in ordered:
        links = {column: t for column, t in pointers[model].items() if t in reaches}
        if model is User or links:
            reaches.add(model)
            out.append((model._meta.label_lower, model, links))
    return out


@functools.cache
def owned_models():
    return _owned_models()


def fingerprint(world, actor):
    """Every row that belongs to or points at Alice's, as stored (updated_at included).

    One single-table query per model, parents first: a row is Alice's when one of its foreign
    keys points at Alice or at a row already found to be hers. Plain SQL: the ORM would spend
    more time building these queries than the database answering them.
    """
    quote = connection.ops.quote_name
    may_change = CAROL_MAY_CHANGE if actor == "carol" else org_walk.MAY_CHANGE.get(actor, set())
    ids = {}
    out = {}
    with connection.cursor() as cursor:
        for label, model, links in owned_models():
            pk = model._meta.pk.column
            columns = ", ".join(quote(f.column) for f in model._meta.concrete_fields)
            if model is User:
                where, params = [f"{quote(pk)} = %s"], [world.alice.pk]
            else:
                where, params = [], []
                for column, target in links.items():
                    if target is User:
                        where.append(f"{quote(column)} = %s")
                        params.append(world.alice.pk)
                    elif ids.get(target):
                        where.append(f"{quote(column)} IN ({', '.join(['%s'] * len(ids[target]))})")
                        params += ids[target]
            if not where:
                ids[model] = []
                out[label] = []
                continue
            # Table and column names come from the models; every value is a parameter.
            sql = f"SELECT {columns} FROM {quote(model._meta.db_table)} WHERE "  # noqa: S608
            cursor.execute(f"{sql}{' OR '.join(where)} ORDER BY {quote(pk)}", params)
            rows = cursor.fetchall()
            position = [f.column for f in model._meta.concrete_fields].index(pk)
            ids[model] = [row[position] for row in rows]
            if label in may_change:
                continue
            out[label] = rows
    if actor == "carol":
        out["alice-private-notes"] = list(
            PrivateNote.objects.filter(author=world.alice).order_by("pk").values()
        )
    if "organisations.privatenote" in may_change:
        out["alice-org-private-notes"] = org_walk.alice_private_notes(world)
    return out


# Routes ---------------------------------------------------------------------------------------

OWNED = "owned"  # Alice's alone: everyone else 404
MENTORSHIP = "mentorship"  # Alice's mentorship with Carol: Carol takes part, Bob 404
DIRECTORY = "directory"  # Alice's mentor profile: listed for every signed-in person
REFERENCE = "reference"  # ESCO data, the same for everyone signed in
PUBLIC_TOKEN = "public"  # reachable without signing in: the URL carries a secret token


def _o(kind, key="pk", extra=None):
    """Fill the route's `key` with the id of Alice's object of `kind` (and `extra` as is)."""
    return lambda w: {key: w.objects[kind].pk, **(extra or {})}


GOAL_CHILD_KINDS = ("stage", "step", "obstacle", "requirement", "checkin")
STATEMENT_PARTS = ("passions", "research", "questions", "smart", "plan", "adjust")
SESSION_PARTS = ("questions", "notes", "private", "action", "review")

ROUTES = {
    # route name: (access, how to fill the route's arguments with Alice's things)
    "accounts:password_reset_confirm": (
        PUBLIC_TOKEN,
        lambda w: {"uidb64": "MQ", "token": "set-password"},
    ),
    "accounts:revoke_token": (OWNED, _o("api_token", "token_id")),
    "agenda:feed": (PUBLIC_TOKEN, lambda w: {"token": w.feed_token}),
    **{
        f"goals:{name}": (OWNED, _o("goal"))
        for name in (
            "detail",
            "edit",
            "delete",
            "history",
            "propose_stages",
            "stage_add",
            "step_add",
            "obstacle_add",
            "requirement_add",
            "checkin_add",
        )
    },
    "goals:stage_edit": (OWNED, _o("stage")),
    "goals:step_edit": (OWNED, _o("step")),
    "goals:step_toggle": (OWNED, _o("step")),
    "goals:child_delete": (
        OWNED,
        [_o(kind, extra={"kind": kind}) for kind in GOAL_CHILD_KINDS],
    ),
    "goals:reflection_detail": (OWNED, _o("reflection")),
    "goals:review_detail": (OWNED, _o("review")),
    "goals:statement_detail": (OWNED, _o("statement")),
    "goals:statement_step": (
        OWNED,
        [_o("statement", extra={"step": step}) for step in STATEMENT_PARTS],
    ),
    **{
        f"growth:{name}": (OWNED, _o("learning", "item_id"))
        for name in ("learning_detail", "learning_edit", "learning_complete", "learning_delete")
    },
    **{
        f"growth:{name}": (OWNED, _o("contact", "contact_id"))
        for name in ("contact_detail", "contact_edit", "contact_delete", "interaction_new")
    },
    "growth:interaction_delete": (OWNED, _o("interaction", "interaction_id")),
    **{
        f"growth:{name}": (OWNED, _o("association", "association_id"))
        for name in (
            "association_detail",
            "association_edit",
            "association_delete",
            "membership_new",
        )
    },
    "growth:membership_delete": (OWNED, _o("membership", "membership_id")),
    **{
        f"growth:{name}": (OWNED, _o("feed", "feed_id"))
        for name in ("feed_detail", "feed_edit", "feed_fetch", "feed_status", "feed_delete")
    },
    "growth:entry_read": (OWNED, _o("entry", "entry_id")),
    "growth:reading_edit": (OWNED, _o("reading", "note_id")),
    "growth:reading_delete": (OWNED, _o("reading", "note_id")),
    **{
        f"jobs:{name}": (OWNED, _o("application"))
        for name in (
            "detail",
            "edit",
            "delete",
            "status",
            "detect_skills",
            "skills_section",
            "interview_new",
            "application_coach",
            "application_answer_start",
        )
    },
    "jobs:remove_skill": (
        OWNED,
        lambda w: {"pk": w.objects["application"].pk, "skill_pk": w.objects["detected"].pk},
    ),
    **{
        f"jobs:{name}": (OWNED, _o("interview"))
        for name in ("interview_edit", "interview_delete", "reflection")
    },
    **{
        f"jobs:{name}": (OWNED, _o("answer"))
        for name in ("answer", "answer_check", "answer_delete", "practice", "practice_start")
    },
    "jobs:attempt_finish": (OWNED, _o("attempt")),
    "jobs:attempt_delete": (OWNED, _o("attempt")),
    "jobs:technique_tried": (OWNED, _o("technique")),
    "mentoring:concept_search": (
        REFERENCE,
        [lambda w: {"kind": "skills"}, lambda w: {"kind": "occupations"}],
    ),
    "mentoring:mentor": (DIRECTORY, _o("mentor_profile")),
    "mentoring:request": (DIRECTORY, _o("mentor_profile")),
    **{
        f"mentoring:{name}": (MENTORSHIP, _o("mentorship"))
        for name in (
            "mentorship",
            "accept",
            "decline",
            "withdraw",
            "end",
            "keep_sharing",
            "share_goals",
            "session_new",
            "feedback_new",
            "thank",
            "touch",
        )
    },
    # A goal of Alice's that she has not shared: Carol, her mentor, gets 404 too.
    "mentoring:goal": (
        OWNED,
        lambda w: {"pk": w.objects["mentorship"].pk, "goal_id": w.objects["goal"].pk},
    ),
    "mentoring:agree": (
        OWNED,
        lambda w: {"pk": w.objects["mentorship"].pk, "goal_id": w.objects["goal"].pk},
    ),
    "mentoring:history": (OWNED, _o("record")),
    "mentoring:history_delete": (OWNED, _o("record")),
    "mentoring:session": (MENTORSHIP, _o("session")),
    "mentoring:session_listen": (MENTORSHIP, _o("session")),
    "mentoring:session_update": (
        MENTORSHIP,
        [_o("session", extra={"part": part}) for part in SESSION_PARTS],
    ),
    "mentoring:action_to_step": (MENTORSHIP, _o("action")),
    "mentoring:action_toggle": (MENTORSHIP, _o("action")),
    "mentoring:reflect": (MENTORSHIP, _o("feedback")),
    "taxonomy:edit_skill": (OWNED, _o("user_skill")),
    "taxonomy:delete_skill": (OWNED, _o("user_skill")),
    "taxonomy:delete_evidence": (OWNED, _o("evidence")),
    **{
        f"taxonomy:{name}": (OWNED, _o("target"))
        for name in ("update_target", "delete_target", "gap", "gap_action")
    },
    "taxonomy:occupation": (REFERENCE, _o("occupation")),
    "taxonomy:make_target": (REFERENCE, _o("occupation")),
    # Alice's organisation: who reads each route is in org_walk.READERS.
    **org_walk.routes(OWNED, PUBLIC_TOKEN),
}

# Pages a visitor who is not signed in may open, and why.
PUBLIC_PAGES = {
    "core:home": "the welcome page",
    "accounts:signup": "creating an account",
    "accounts:login": "signing in",
    "accounts:logout": "signing out is harmless when signed out",
    "accounts:password_reset": "asking for a new password",
    "accounts:password_reset_done": "the 'email sent' page",
    "accounts:password_reset_confirm": "the link from the email carries its own token",
    "accounts:password_reset_complete": "the 'password changed' page",
    "accounts:set_language": "choosing the interface language",
    "agenda:feed": "a calendar application reads it with the secret token in its address",
}

# Alice's own routes that answer 404 to her too, and why.
ALICE_404 = {
    "mentoring:request": "nobody asks herself to be her own mentor",
    "mentoring:accept": "accepting is the mentor's part; Alice is the mentee",
    "mentoring:decline": "declining is the mentor's part; Alice is the mentee",
    "mentoring:feedback_new": "feedback is the mentor's part; Alice is the mentee",
    "mentoring:goal": "her goal is not shared with this mentorship",
    "mentoring:agree": "her goal is not shared with this mentorship",
}

# Pages Carol opens with 200: those of her mentorship with Alice.
CAROL_READS = {"mentoring:mentorship", "mentoring:session", "mentoring:session_listen"}

API_ROUTES = {
    # API path: (access, how to fill its parameters with Alice's things)
    "/api/tokens/{token_id}": (OWNED, _o("api_token", "token_id")),
    "/api/occupations/{occupation_id}": (REFERENCE, _o("occupation", "occupation_id")),
    "/api/profile/skills/{user_skill_id}": (OWNED, _o("user_skill", "user_skill_id")),
    "/api/targets/{target_id}": (OWNED, _o("target", "target_id")),
    "/api/targets/{target_id}/gap": (OWNED, _o("target", "target_id")),
    "/api/goals/reviews/{review_id}": (OWNED, _o("review", "review_id")),
    "/api/goals/{goal_id}": (OWNED, _o("goal", "goal_id")),
    "/api/goals/{goal_id}/revisions": (OWNED, _o("goal", "goal_id")),
    "/api/goals/{goal_id}/stages": (OWNED, _o("goal", "goal_id")),
    "/api/goals/{goal_id}/stages/{stage_id}": (
        OWNED,
        lambda w: {"goal_id": w.objects["goal"].pk, "stage_id": w.objects["stage"].pk},
    ),
    "/api/goals/{goal_id}/steps": (OWNED, _o("goal", "goal_id")),
    "/api/goals/{goal_id}/steps/{step_id}": (
        OWNED,
        lambda w: {"goal_id": w.objects["goal"].pk, "step_id": w.objects["step"].pk},
    ),
    "/api/goals/{goal_id}/steps/{step_id}/done": (
        OWNED,
        lambda w: {"goal_id": w.objects["goal"].pk, "step_id": w.objects["step"].pk},
    ),
    "/api/goals/{goal_id}/checkins": (OWNED, _o("goal", "goal_id")),
    "/api/goals/{goal_id}/checkins/{checkin_id}": (
        OWNED,
        lambda w: {"goal_id": w.objects["goal"].pk, "checkin_id": w.objects["checkin"].pk},
    ),
    "/api/learning/{item_id}": (OWNED, _o("learning", "item_id")),
    "/api/learning/{item_id}/roi": (OWNED, _o("learning", "item_id")),
    "/api/contacts/{contact_id}": (OWNED, _o("contact", "contact_id")),
    "/api/contacts/{contact_id}/interactions": (OWNED, _o("contact", "contact_id")),
    "/api/interactions/{interaction_id}": (OWNED, _o("interaction", "interaction_id")),
    "/api/feeds/{feed_id}": (OWNED, _o("feed", "feed_id")),
    "/api/feeds/{feed_id}/fetch": (OWNED, _o("feed", "feed_id")),
    "/api/entries/{entry_id}/read": (OWNED, _o("entry", "entry_id")),
    "/api/jobs/applications/{application_id}": (OWNED, _o("application", "application_id")),
    "/api/jobs/applications/{application_id}/status": (
        OWNED,
        _o("application", "application_id"),
    ),
    "/api/jobs/applications/{application_id}/skills/detect": (
        OWNED,
        _o("application", "application_id"),
    ),
    "/api/jobs/applications/{application_id}/skills/{detected_id}": (
        OWNED,
        lambda w: {
            "application_id": w.objects["application"].pk,
            "detected_id": w.objects["detected"].pk,
        },
    ),
    "/api/jobs/applications/{application_id}/interviews": (
        OWNED,
        _o("application", "application_id"),
    ),
    "/api/jobs/interviews/{interview_id}": (OWNED, _o("interview", "interview_id")),
    "/api/jobs/interviews/{interview_id}/reflection": (OWNED, _o("interview", "interview_id")),
    "/api/jobs/techniques/{technique_id}/tried": (OWNED, _o("technique", "technique_id")),
    "/api/jobs/answers/{answer_id}": (OWNED, _o("answer", "answer_id")),
    "/api/jobs/answers/{answer_id}/check": (OWNED, _o("answer", "answer_id")),
    "/api/jobs/answers/{answer_id}/attempts": (OWNED, _o("answer", "answer_id")),
    "/api/jobs/attempts/{attempt_id}/finish": (OWNED, _o("attempt", "attempt_id")),
    "/api/jobs/attempts/{attempt_id}": (OWNED, _o("attempt", "attempt_id")),
    **{
        f"/api/mentoring/mentorships/{{mentorship_id}}{tail}": (
            MENTORSHIP,
            _o("mentorship", "mentorship_id"),
        )
        for tail in ("", "/accept", "/decline", "/end", "/sessions", "/feedback", "/thanks")
    },
    "/api/mentoring/history/{record_id}": (OWNED, _o("record", "record_id")),
    "/api/mentoring/sessions/{session_id}": (MENTORSHIP, _o("session", "session_id")),
    "/api/mentoring/feedback/{feedback_id}/reflection": (
        MENTORSHIP,
        _o("feedback", "feedback_id"),
    ),
    **org_walk.api_routes(),
}

# API operations that answer without credentials, and why.
PUBLIC_API = {("get", "/api/jobs/questions"): "the bank of common interview questions"}


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name}"


def page_routes():
    """(name, route) of every page, the API's own patterns aside."""
    return [
        (name, route)
        for route, name in walk(get_resolver().url_patterns)
        if not route.startswith("api/")
    ]


def has_parameters(route):
    return "<" in route


@functools.cache
def api_schema():
    from parcours.api import api

    return api.get_openapi_schema()


def api_operations():
    schema = api_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield method, path, operation, schema


# Requests -------------------------------------------------------------------------------------

ACTORS = ("anonymous", "bob", "carol", "alice", *org_walk.NEW_ACTORS)


def page_client(world, actor):
    client = Client()
    if actor != "anonymous":
        client.cookies = copy.deepcopy(world.cookies[actor])
    return client


def api_client(world, actor):
    if actor == "anonymous":
        return Client()
    return Client(headers={"Authorization": f"Bearer {world.tokens[actor]}"})


# Refused at once (nothing listens on port 9): a feed added during the walk never waits on the
# network.
UNREACHABLE_FEED = "http://127.0.0.1:9/walk.xml"


def form_data(world):
    """Plausible answers for any form, pointing at Alice's things where a form picks one."""
    o = world.objects
    today = timezone.localdate()
    return {
        "title": "Walked title",
        "statement": "Walked goal",
        "name": "Walked name",
        "text": "Walked text",
        "note": "Walked note",
        "summary": "Walked summary",
        "description": "Walked description",
        "questions": "Walked question?",
        "shared_notes": "Walked shared notes",
        "observation": "Walked observation",
        "suggestion": "Walked suggestion",
        "message": "Walked message",
        "hoped_gain": "Walked hoped gain",
        "reason": "Walked reason",
        "answer": "Walked answer",
        "url": UNREACHABLE_FEED,
        "organisation": "Walked organisation",
        "status": "applied",
        "to_status": "applied",
        "kind": "news",
        "outcome": "completed",
        "decision": "keep",
        "date": today.isoformat(),
        "due_date": today.isoformat(),
        "deadline": (today + datetime.timedelta(days=90)).isoformat(),
        "scheduled_at": f"{today + datetime.timedelta(days=7)}T10:00",
        "proficiency": "3",
        "horizon": "short",
        "done": "on",
        "shared": "on",
        "keep": "on",
        "goal": o["goal"].pk,
        "goals": [o["goal"].pk],
        "goal_id": o["goal"].pk,
        "step": o["step"].pk,
        "stage": o["stage"].pk,
        "contact": o["contact"].pk,
        "application": o["application"].pk,
        "skill": o["skill"].pk,
        "occupation": o["occupation"].pk,
        "link": o["goal"].pk,
        "entry": o["entry"].pk,
        "session": o["session"].pk,
    }


# `<name>_id` / `<name>_ids` fields of API bodies filled with Alice's objects of that kind.
REFERENCES = {
    "goal": "goal",
    "stage": "stage",
    "step": "step",
    "contact": "contact",
    "application": "application",
    "answer": "answer",
    "interview": "interview",
    "feed": "feed",
    "entry": "entry",
    "session": "session",
    "learning_item": "learning",
}


def probe_query(world):
    """Query parameters pages read to prefill a form, each naming one of Alice's things."""
    o = world.objects
    return {
        "goal": o["goal"].pk,
        "stage": o["stage"].pk,
        "step": o["step"].pk,
        "entry": o["entry"].pk,
        "session": o["session"].pk,
        "contact": o["contact"].pk,
        "application": o["application"].pk,
        "compare": o["reflection"].pk,
    }


def example(schema, spec, world):
    """A value valid against the OpenAPI `schema` (required fields only, simplest values)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return example(spec["components"]["schemas"][name], spec, world)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return example(options[0], spec, world)
    alternatives = re.fullmatch(r"\^\(([\w|-]+)\)\$", schema.get("pattern", ""))
    if alternatives:
        return alternatives.group(1).split("|")[0]
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    if "default" in schema and schema.get("type") != "object":
        return schema["default"]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        required = schema.get("required", [])
        out = {}
        for name, sub in schema.get("properties", {}).items():
            kind_of_id = re.fullmatch(r"(\w+?)_ids?", name)
            if kind_of_id and kind_of_id.group(1) in REFERENCES:
                # Point at Alice's thing: nobody else may link their records to it.
                pk = world.objects[REFERENCES[kind_of_id.group(1)]].pk
                out[name] = [pk] if name.endswith("_ids") else pk
            elif name in required:
                out[name] = example(sub, spec, world)
        return out
    if kind == "array":
        count = schema.get("minItems", 0)
        return [example(schema.get("items", {}), spec, world) for _ in range(count)]
    if kind == "integer":
        return max(schema.get("minimum", 1), 1)
    if kind == "number":
        return max(schema.get("minimum", 1), 1)
    if kind == "boolean":
        return False
    if kind == "string":
        shape = schema.get("format")
        if shape == "date":
            return (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
        if shape == "date-time":
            return (timezone.now() + datetime.timedelta(days=30)).isoformat()
        if shape in ("uri", "url"):
            return UNREACHABLE_FEED
        if shape == "email":
            return "walk@example.org"
        return "Walked text"[: schema.get("maxLength", 40)].ljust(schema.get("minLength", 0), "x")
    return "Walked"


def request_body(operation, spec, world):
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        return None
    return json.dumps(example(content["application/json"]["schema"], spec, world))


def fill(template, values):
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), template)


def leaks(world, actor, response):
    """Alice's markers that `actor` must not read in `response`."""
    if actor == "alice":
        return []
    body = response.content.decode("utf-8", "replace").upper()
    forbidden = [SECRET]
    if actor != "carol":
        forbidden.append(SHARED)  # her mentorship: Carol only
    if actor != "mike":
        forbidden.append(org_walk.TEAM)  # what she shares with her manager: Mike only
    if actor not in ("carol", "dana"):
        forbidden.append(world.alice.email.upper())  # her mentor, her administrator
    return [marker for marker in forbidden if marker in body]


def is_login_redirect(response):
    location = response.get("Location", "")
    return response.status_code == 302 and location.startswith(resolve_url(settings.LOGIN_URL))


# Cases ----------------------------------------------------------------------------------------


def is_org(name):
    return name.startswith("organisations:")


def alice_404(name):
    """Alice's own routes that answer her 404, with org routes only others read."""
    access = ROUTES.get(name, (None,))[0]
    return name in ALICE_404 or (
        access in org_walk.READERS and "alice" not in org_walk.READERS[access]
    )


def page_cases():
    cases = []
    for name, _route in page_routes():
        variants = ROUTES.get(name, (None, [None]))[1]
        variants = variants if isinstance(variants, list) else [variants]
        for index, variant in enumerate(variants):
            label = name if len(variants) == 1 else f"{name}#{index}"
            for actor in ACTORS:
                for method in ("get", "post"):
                    if actor == "alice" and method == "post":
                        continue  # her own writes are each app's tests' business
                    if actor in org_walk.NEW_ACTORS and method == "post" and not is_org(name):
                        continue  # elsewhere their writes are Bob's: nothing of Alice's
                    cases.append(
                        pytest.param(actor, method, name, variant, id=f"{actor}-{method}-{label}")
                    )
    return cases


def api_cases():
    cases = []
    for method, path, _operation, _spec in api_operations():
        for actor in ACTORS:
            if actor == "alice" and method != "get":
                continue  # her own writes are each app's tests' business
            if (
                actor in org_walk.NEW_ACTORS
                and method != "get"
                and not path.startswith("/api/orgs")
            ):
                continue  # elsewhere their writes are Bob's: nothing of Alice's
            cases.append(pytest.param(actor, method, path, id=f"{actor}-{method}-{path}"))
    return cases


def page_path(world, name, variant):
    from django.urls import reverse

    return reverse(name, kwargs=variant(world) if variant else None)


@pytest.mark.django_db
@pytest.mark.parametrize(("actor", "method", "name", "variant"), page_cases())
def test_it_keeps_every_page_to_those_allowed(world, actor, method, name, variant):
    path = page_path(world, name, variant)
    access = ROUTES[name][0] if name in ROUTES else None
    client = page_client(world, actor)
    before = fingerprint(world, actor) if method == "post" else None
    if method == "get" and access is None and actor not in ("anonymous", "alice"):
        # Query strings that prefill a form ("?entry=…") naming Alice's things: 404 or ignored.
        probed = client.get(path, probe_query(world))
        where = (actor, "GET", path, probe_query(world), probed.status_code)
        assert probed.status_code < 500 and probed.status_code != 403, where
        assert not leaks(world, actor, probed), (*where, leaks(world, actor, probed))
    response = client.get(path) if method == "get" else client.post(path, form_data(world))
    status = response.status_code
    where = (actor, method.upper(), path, status)
    assert status < 500, where
    assert status != 403, where
    leaked = leaks(world, actor, response) if access != PUBLIC_TOKEN else []
    assert not leaked, (*where, leaked)  # whoever holds the feed's secret address is Alice

    if status == 405:
        pass  # refused for the method before anything is looked up: it reveals nothing
    elif actor == "anonymous":
        if name not in PUBLIC_PAGES:
            assert is_login_redirect(response), where
        elif method == "get":
            assert status < 400, where
    elif actor == "alice":
        if not alice_404(name):
            assert status < 400, where
    elif access in org_walk.READERS:
        if actor not in org_walk.READERS[access]:
            assert status == 404, where
        elif method == "get":
            assert status == 200, where
    elif access == OWNED or (access == MENTORSHIP and actor != "carol"):
        assert status == 404, where
    elif access == MENTORSHIP and actor == "carol":
        if method == "get" and name in CAROL_READS:
            assert status == 200, where
    elif method == "get" and access in (None, REFERENCE, DIRECTORY):
        assert status < 400, where  # their own page, the directory, ESCO

    if before is not None and access not in (DIRECTORY, PUBLIC_TOKEN):
        assert fingerprint(world, actor) == before, (*where, "changed Alice's data")


def query(operation, spec, world):
    """Required query parameters with valid values, and filters naming Alice's things
    (`/api/entries?feed_id=…`)."""
    out = {}
    for parameter in operation.get("parameters", []):
        name = parameter["name"]
        kind_of_id = re.fullmatch(r"(\w+?)_ids?", name)
        if parameter.get("in") != "query":
            continue
        if kind_of_id and kind_of_id.group(1) in REFERENCES:
            out[name] = world.objects[REFERENCES[kind_of_id.group(1)]].pk
        elif parameter.get("required"):
            out[name] = example(parameter.get("schema", {}), spec, world)
    return out


@pytest.mark.django_db
@pytest.mark.parametrize(("actor", "method", "path"), api_cases())
def test_it_keeps_every_api_operation_to_those_allowed(world, actor, method, path):
    operation, spec = next((op, s) for m, p, op, s in api_operations() if (m, p) == (method, path))
    access, values = API_ROUTES.get(path, (None, None))
    concrete = fill(path, values(world)) if values else path
    params = query(operation, spec, world)
    if params:
        concrete += "?" + urlencode(params, doseq=True)
    client = api_client(world, actor)
    before = fingerprint(world, actor) if method != "get" else None
    body = request_body(operation, spec, world)
    call = getattr(client, method)
    if body is None:
        response = call(concrete)
    else:
        response = call(concrete, body, content_type="application/json")
    status = response.status_code
    where = (actor, method.upper(), concrete, status, response.content[:200])
    assert status < 500, where
    assert status != 403, where
    leaked = leaks(world, actor, response)
    assert not leaked, (*where, leaked)

    if actor == "anonymous":
        if (method, path) not in PUBLIC_API:
            assert status == 401, where
    elif access in org_walk.READERS and actor not in org_walk.READERS[access]:
        assert status == 404, where
    elif actor == "alice":
        assert 200 <= status < 300, where
    elif access in org_walk.READERS:
        if method == "get":
            assert 200 <= status < 300, where
    elif access == OWNED or (access == MENTORSHIP and actor != "carol"):
        assert status == 404, where
    elif access == MENTORSHIP and actor == "carol" and method == "get":
        assert status == 200, where
    elif method == "get":
        # The caller's own things: a list, or 404 for what they have not created (a profile).
        assert 200 <= status < 300 or status == 404, where

    if before is not None:
        assert fingerprint(world, actor) == before, (*where, "changed Alice's data")


# Guards: the tables follow the routes ---------------------------------------------------------


def test_it_knows_how_to_fill_every_page_with_parameters():
    routes = dict(page_routes())
    missing = sorted(
        name for name, route in routes.items() if has_parameters(route) and name not in ROUTES
    )
    assert not missing, f"Add these routes to ROUTES in {__file__}: {missing}"
    stale = sorted(set(ROUTES) - set(routes))
    assert not stale, f"These routes no longer exist; remove them from ROUTES: {stale}"
    assert set(PUBLIC_PAGES) <= set(routes), set(PUBLIC_PAGES) - set(routes)
    # Routes whose string argument picks what they act on are walked with every value.
    from goals.plan import STATEMENT_STEPS
    from goals.views.goals import DELETABLE

    assert set(GOAL_CHILD_KINDS) == set(DELETABLE)
    assert set(STATEMENT_PARTS) == set(STATEMENT_STEPS)
    from organisations.views import assessments, conversations

    assert set(org_walk.ASSESSMENT_PARTS) == set(assessments.PARTS)
    assert set(org_walk.CONVERSATION_PARTS) == set(conversations.PARTS)


def test_it_knows_how_to_fill_every_api_path_with_parameters():
    paths = {path for _m, path, _op, _s in api_operations()}
    missing = sorted(path for path in paths if "{" in path and path not in API_ROUTES)
    assert not missing, f"Add these API paths to API_ROUTES in {__file__}: {missing}"
    stale = sorted(set(API_ROUTES) - paths)
    assert not stale, f"These API paths no longer exist; remove them from API_ROUTES: {stale}"


def test_it_fingerprints_the_changes_a_leak_would_make(world, db):
    before = fingerprint(world, "bob")
    Step.objects.create(goal=world.objects["goal"], title="Bob's intrusion")
    assert fingerprint(world, "bob") != before
    before = fingerprint(world, "carol")
    Session.objects.create(mentorship=world.objects["mentorship"], scheduled_at=timezone.now())
    assert fingerprint(world, "carol") == before  # Carol may plan a session with her mentee
    FeedbackReflection.objects.filter(feedback=world.objects["feedback"]).update(shared=True)
    assert fingerprint(world, "carol") != before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("actor", "name", "shown", "hidden"),
    [
        ("alice", "goals:detail", f"{SECRET}-goal", None),
        ("alice", "growth:contact_detail", f"{SECRET}-contact", None),
        ("alice", "jobs:detail", f"{SECRET}-application", None),
        ("alice", "mentoring:session", f"{SECRET}-private-note", None),
        ("alice", "agenda:index", f"{SECRET}-step", None),
        ("alice", "goals:index", f"{SECRET}-goal", None),
        ("carol", "mentoring:session", f"{SHARED}-notes", SECRET),
        ("carol", "mentoring:mentorship", f"{SHARED}-objectives", SECRET),
        ("bob", "mentoring:mentor", f"{PUBLIC}-headline", SECRET),
        ("alice", "organisations:conversation", f"{SECRET}-org-private-note", None),
        ("mike", "organisations:conversation", f"{org_walk.TEAM}-topic", SECRET),
        ("mike", "organisations:conversation", f"{org_walk.TEAM}-why-team", SECRET),
        ("mike", "organisations:assessment", f"{org_walk.TEAM}-rating", SECRET),
        ("dana", "organisations:people", "alice@example.org", org_walk.TEAM),
        ("tess", "organisations:team", "Alice", org_walk.TEAM),
    ],
)
def test_it_shows_the_markers_to_those_allowed(world, actor, name, shown, hidden):
    """The walk's absence checks mean something: the same pages do show the markers."""
    path = page_path(world, name, ROUTES.get(name, (None, None))[1])
    body = page_client(world, actor).get(path).content.decode()
    assert shown in body, (actor, path)
    assert hidden is None or hidden not in body, (actor, path)
