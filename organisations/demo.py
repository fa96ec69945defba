"""Demo data: Li (li@demo.parcours.test) administers a care residence and manages a small team,
Sam among them, with the residence's bilingual competency model (10 competencies mapped to ESCO,
three levels of care aide), one 1:1 held two weeks ago, the next one in a week, and an open
development cycle.

Sam shares one goal with Li (and links it to a team objective); his other goal, his job
applications, reflections and mentorship stay his alone, as they would for anyone. Idempotent;
skipped with a message when the ESCO taxonomy is not loaded (the model maps to ESCO skills).
"""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core import audit
from organisations import framework, modelfile
from organisations.models import (
    ActionItem,
    Assessment,
    Conversation,
    Cycle,
    Evidence,
    GoalAlignment,
    GoalShare,
    JobRole,
    ManagerLink,
    Membership,
    Objective,
    Organisation,
    PrivateNote,
    Rating,
    Role,
    Team,
    Topic,
)
from taxonomy.models import Skill

MODEL_FILE = Path(__file__).parent / "data" / "care-team.json"
SLUG = "les-erables"
TEAMMATES = [
    ("noor@demo.parcours.test", "Noor Haddad", "fr", "care-aide-2"),
    ("alex@demo.parcours.test", "Alex Martin", "en", "care-aide-1"),
]
# Sam's latest self-assessment and Li's assessment of him (levels by competency code).
SAM_LEVELS = {
    "person-centred-care": 2,
    "daily-living-support": 2,
    "resident-safety": 1,
    "infection-prevention": 2,
    "observation": 1,
    "communication": 3,
    "teamwork": 2,
    "documentation": 1,
    "older-adults": 2,
    "professional-conduct": 2,
}
LI_LEVELS = SAM_LEVELS | {"communication": 2, "older-adults": 1, "resident-safety": 2}


def load(people: dict) -> None:
    if not Skill.objects.exists():
        print("Organisations demo skipped: import the ESCO taxonomy first.")  # noqa: T201
        return
    if Organisation.objects.filter(slug=SLUG).exists():
        return
    _load(people["manager"], people["seeker"])


@transaction.atomic
def _load(li, sam):
    now = timezone.now()
    today = timezone.localdate()
    organisation = Organisation.objects.create(
        name="Résidence Les Érables",
        slug=SLUG,
        description=("Résidence pour aînés de 120 places. / A 120-bed residence for older adults."),
    )
    document = modelfile.read(MODEL_FILE.read_bytes(), "json")
    framework.apply(organisation, document)
    roles = {role.code: role for role in JobRole.objects.filter(model__organisation=organisation)}
    team = Team.objects.create(organisation=organisation, name="Soins – 2e étage")

    def join(user, role, job_role=None, days=300):
        membership = Membership.objects.create(
            organisation=organisation,
            user=user,
            role=role,
            team=team,
            job_role=roles.get(job_role),
            joined_at=now - datetime.timedelta(days=days),
        )
        audit.record(
            user,
            audit.Action.ORG_JOINED,
            actor=user,
            effect=audit.Effect.GRANTED,
            obj=organisation,
            description=organisation.name,
        )
        return membership

    join(li, Role.ADMIN, days=900)
    join(sam, Role.MEMBER, "care-aide-1", days=200)
    links = {}
    for email, name, language, job_role in TEAMMATES:
        person, _created = User.objects.get_or_create(
            email=email,
            defaults={"display_name": name, "language": language, "time_zone": "America/Toronto"},
        )
        join(person, Role.MEMBER, job_role)
        links[email] = ManagerLink.objects.create(
            organisation=organisation,
            manager=li,
            report=person,
            status=ManagerLink.Status.ACTIVE,
            accepted_at=now - datetime.timedelta(days=250),
        )
    link = ManagerLink.objects.create(
        organisation=organisation,
        manager=li,
        report=sam,
        status=ManagerLink.Status.ACTIVE,
        cadence="biweekly",
        proposed_at=now - datetime.timedelta(days=190),
        accepted_at=now - datetime.timedelta(days=189),
    )
    audit.record(
        sam,
        audit.Action.MANAGER_ACCEPTED,
        actor=sam,
        effect=audit.Effect.NONE,
        counterpart=li,
        obj=link,
        description=organisation.name,
    )

    objective = Objective.objects.create(
        organisation=organisation,
        team=team,
        title="Réduire les chutes de 20 % d'ici juin",
        description="Moins de chutes, moins de blessures : formation PDSB pour toute l'équipe.",
    )
    Objective.objects.create(
        organisation=organisation,
        title="Welcome every new resident within 48 hours with a life-story interview",
    )
    goal = _shared_goal(sam, today)
    GoalShare.objects.create(link=link, goal=goal, shared_at=now - datetime.timedelta(days=30))
    audit.record(
        sam,
        audit.Action.GOAL_SHARED,
        actor=sam,
        effect=audit.Effect.GRANTED,
        counterpart=li,
        obj=goal,
        description=goal.statement,
    )
    GoalAlignment.objects.create(
        goal=goal,
        objective=objective,
        why_me="Je veux me sentir en confiance pendant les transferts et viser le poste PAB II.",
        why_team="Des transferts sécuritaires évitent des chutes et des blessures au dos.",
    )

    model_role = roles["care-aide-1"]
    _assessment(organisation, sam, sam, "self", model_role, SAM_LEVELS, now, 45, shared=True)
    _assessment(organisation, sam, li, "manager", model_role, LI_LEVELS, now, 40)

    held_at = _at(today - datetime.timedelta(days=14))
    past = Conversation.objects.create(
        link=link,
        scheduled_at=held_at,
        duration_minutes=30,
        status=Conversation.Status.HELD,
        held_at=held_at + datetime.timedelta(minutes=30),
        shared_notes=(
            "Sam se sent plus à l'aise avec les résidents du 2e. Il veut viser PAB II d'ici un "
            "an. Priorité : les transferts sécuritaires (PDSB) et les notes au dossier."
        ),
    )
    Topic.objects.create(
        conversation=past,
        author=sam,
        text="Formation PDSB : quand est la prochaine ?",
        discussed=True,
    )
    Topic.objects.create(
        conversation=past, author=li, text="Feedback from Mrs. Roy's family", discussed=True
    )
    step = goal.steps.order_by("id").first()
    ActionItem.objects.create(
        conversation=past,
        owner=sam,
        title=step.title,
        due_date=step.due_date,
        step=step,
    )
    ActionItem.objects.create(
        conversation=past,
        owner=li,
        title="Book Sam on the next PDSB training",
        due_date=today + datetime.timedelta(days=3),
    )
    PrivateNote.objects.create(
        conversation=past, author=li, text="Sam was tired: check his schedule before the 1:1."
    )
    PrivateNote.objects.create(
        conversation=past, author=sam, text="Demander un horaire de jour au prochain affichage."
    )

    upcoming = Conversation.objects.create(
        link=link, scheduled_at=_at(today + datetime.timedelta(days=7)), duration_minutes=30
    )
    Topic.objects.create(
        conversation=upcoming, author=sam, text="Mon auto-évaluation du cycle d'automne"
    )
    Topic.objects.create(
        conversation=upcoming, author=li, text="Mentoring the new evening care aide"
    )

    Cycle.objects.create(
        organisation=organisation,
        name="Cycle d'automne / Autumn cycle",
        starts_on=today - datetime.timedelta(days=10),
        self_review_due=today + datetime.timedelta(days=5),
        manager_review_due=today + datetime.timedelta(days=12),
        ends_on=today + datetime.timedelta(days=25),
    )


def _at(day):
    """10:00 in Montréal on `day` (the residence's time)."""
    import zoneinfo

    return datetime.datetime.combine(
        day, datetime.time(10, 0), tzinfo=zoneinfo.ZoneInfo("America/Toronto")
    )


def _shared_goal(sam, today):
    from goals import plan
    from goals.models import CheckIn, Goal, Step

    goal = Goal(
        owner=sam,
        statement=(
            "Obtenir l'attestation PDSB et faire 30 transferts supervisés sans incident d'ici "
            f"le {(today + datetime.timedelta(days=90)).isoformat()}"
        ),
        indicator_name="transferts supervisés sans incident",
        indicator_unit="transferts",
        baseline=0,
        target_value=30,
        start_date=today - datetime.timedelta(days=30),
        deadline=today + datetime.timedelta(days=90),
        estimated_effort_hours=20,
    )
    plan.save_new_goal(goal)
    Step.objects.create(
        goal=goal,
        title="M'inscrire à la formation PDSB",
        due_date=today - datetime.timedelta(days=7),
        done=True,
        done_at=timezone.now() - datetime.timedelta(days=8),
    )
    Step.objects.create(
        goal=goal,
        title="Faire 10 transferts supervisés par Noor",
        due_date=today + datetime.timedelta(days=30),
    )
    CheckIn.objects.create(
        goal=goal,
        date=today - datetime.timedelta(days=5),
        kind=CheckIn.Kind.PROGRESS,
        note="8 transferts supervisés cette semaine, sans incident.",
        indicator_value=8,
    )
    return goal


def _assessment(organisation, subject, author, kind, role, levels, now, days, shared=False):
    when = now - datetime.timedelta(days=days)
    assessment = Assessment.objects.create(
        organisation=organisation,
        subject=subject,
        author=author,
        kind=kind,
        role=role,
        status=Assessment.Status.SUBMITTED,
        shared_with_manager=shared,
        summary=(
            "Je progresse vite avec les résidents; je dois gagner en assurance pour les "
            "transferts et les notes au dossier."
            if kind == "self"
            else "Sam is kind and reliable with residents; next: safe transfers and records."
        ),
        created_at=when,
        submitted_at=when,
    )
    competencies = {c.code: c for c in role.model.competencies.all()}
    ratings = Rating.objects.bulk_create(
        Rating(assessment=assessment, competency=competencies[code], level=level)
        for code, level in levels.items()
    )
    if kind == "self":
        communication = next(r for r in ratings if r.competency.code == "communication")
        Evidence.objects.create(
            rating=communication,
            kind=Evidence.Kind.FEEDBACK,
            text="La famille de Mme Roy a écrit à la direction pour remercier l'équipe de soir.",
        )
