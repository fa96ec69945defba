"""Demo data: Sam (the French-speaking job seeker) reflects, sets a SMART goal with a plan,
checks in twice, revised the goal once, and wrote a career goal statement. Idempotent."""

import datetime

from django.db import transaction
from django.utils import timezone

from goals import plan
from goals.models import (
    CheckIn,
    Goal,
    GoalRevision,
    Obstacle,
    Reflection,
    Requirement,
    ReviewSettings,
    Stage,
    Statement,
    StatementVersion,
    Step,
    add_months,
)

STATEMENT = (
    "Obtenir un poste d'analyste de données junior à Montréal en envoyant 20 candidatures "
    "ciblées, d'ici le {deadline}"
)


@transaction.atomic
def load(people: dict) -> None:
    sam = people["seeker"]
    today = timezone.localdate()
    if Goal.objects.filter(owner=sam, indicator_name="candidatures ciblées envoyées").exists():
        return
    ReviewSettings.objects.get_or_create(user=sam, defaults={"cadence": "quarterly"})
    Reflection.objects.create(
        owner=sam,
        accomplishments=(
            "Huit ans comme adjoint administratif dans un CLSC; j'ai automatisé les rapports "
            "mensuels dans Excel."
        ),
        skills="Excel avancé, organisation, service à la clientèle, rédaction",
        passions="Comprendre ce que les chiffres racontent; aider une équipe à mieux décider",
        values="Utilité sociale, rigueur, équilibre travail-famille",
        appealing_position="analyste de données junior",
        skills_to_develop="SQL\nPower BI\nstatistiques de base",
        challenges="Peu de temps avec deux enfants; pas de diplôme en informatique",
        time_and_means="6 heures par semaine, 1 500 $ pour la formation",
        created_at=timezone.now() - datetime.timedelta(days=60),
    )
    start = today - datetime.timedelta(days=60)
    first_deadline = add_months(today, 8)
    deadline = add_months(today, 10)
    goal = Goal.objects.create(
        owner=sam,
        statement=STATEMENT.format(deadline=deadline.isoformat()),
        description="Passer de l'administration à l'analyse de données dans le réseau de la santé.",
        horizon="short",
        indicator_name="candidatures ciblées envoyées",
        indicator_unit="candidatures",
        baseline=0,
        target_value=20,
        start_date=start,
        deadline=deadline,
        estimated_effort_hours=180,
        created_at=timezone.now() - datetime.timedelta(days=60),
    )
    GoalRevision.objects.create(
        goal=goal,
        snapshot=goal.snapshot()
        | {"deadline": first_deadline.isoformat(), "statement": "Devenir analyste de données"},
        reason="Le cours de SQL a pris un mois de plus que prévu; je repousse l'échéance.",
        source=GoalRevision.Source.EDIT,
    )
    learn = Stage.objects.create(
        goal=goal,
        title="Terminer la formation SQL et Power BI",
        deadline=add_months(today, 3),
    )
    portfolio = Stage.objects.create(
        goal=goal,
        title="Publier un portfolio de deux projets",
        deadline=add_months(today, 6),
    )
    Step.objects.create(
        goal=goal,
        stage=learn,
        title="Finir le module 3 du cours SQL",
        due_date=today + datetime.timedelta(days=5),
        estimated_effort_hours=8,
    )
    Step.objects.create(
        goal=goal,
        stage=learn,
        title="Mettre à jour mon CV",
        due_date=today - datetime.timedelta(days=2),
        estimated_effort_hours=3,
    )
    Step.objects.create(
        goal=goal,
        stage=portfolio,
        title="Tableau de bord Power BI sur les données ouvertes de Montréal",
        due_date=add_months(today, 5),
        estimated_effort_hours=25,
    )
    weekly = Step.objects.create(
        goal=goal,
        title="Envoyer deux candidatures ciblées",
        due_date=today - datetime.timedelta(days=today.weekday()),
        recurrence="weekly",
        estimated_effort_hours=2,
    )
    weekly.completions.create(date=weekly.due_date)
    Requirement.objects.create(goal=goal, kind="skill", description="SQL (requêtes, jointures)")
    Requirement.objects.create(
        goal=goal, kind="qualification", description="Certificat Google Data Analytics"
    )
    Obstacle.objects.create(
        goal=goal,
        description="Peu de temps en semaine",
        way_to_overcome="Bloquer deux matins par semaine avant que les enfants se lèvent.",
    )
    Obstacle.objects.create(
        goal=goal,
        description="Pas de diplôme en informatique",
        way_to_overcome="Montrer des projets concrets et le certificat.",
    )
    CheckIn.objects.create(
        goal=goal,
        date=today - datetime.timedelta(days=30),
        kind=CheckIn.Kind.SKILL_ACQUIRED,
        note="J'écris maintenant des jointures SQL sans aide.",
        indicator_value=3,
    )
    CheckIn.objects.create(
        goal=goal,
        date=today - datetime.timedelta(days=7),
        kind=CheckIn.Kind.SETBACK,
        note="Refus pour le poste au CIUSSS après l'entrevue.",
        lesson="Préparer des exemples chiffrés de mes réalisations.",
        indicator_value=6,
    )
    plan.record_smart_result(goal)
    statement = Statement.objects.create(
        owner=sam,
        goal=goal,
        language="fr",
        answers={
            "passions": "comprendre ce que les chiffres racontent",
            "research": "les analystes juniors utilisent surtout SQL et Power BI",
            "questions": "quel salaire viser en santé publique",
            "goal": goal.statement,
            "plan": "terminer le cours SQL, publier deux projets, envoyer deux candidatures par "
            "semaine",
        },
    )
    StatementVersion.objects.create(
        statement=statement, text=plan.compose_statement(statement.answers, "fr")
    )
