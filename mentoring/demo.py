"""Demo data: Maria mentors Sam. One past session, feedback, a thank-you, a session ahead.

Maria writes in English and Sam in French, as they would. Idempotent: run it as often as needed.
"""

import datetime

from django.utils import timezone

from core.models import SharingEvent
from mentoring.models import (
    ActionItem,
    Feedback,
    MenteePreferences,
    MentorProfile,
    Mentorship,
    MentorshipGoal,
    Session,
    Thanks,
)

DEMO_SKILLS = [
    "manage a team",
    "project management",
    "lead a team",
    "SQL",
    "Python (computer programming)",
    "perform data analysis",
    "communicate with stakeholders",
    "business intelligence",
]
DEMO_OCCUPATIONS = ["data analyst", "ICT project manager"]


def load(people: dict) -> None:
    mentor, seeker = people["mentor"], people["seeker"]
    profile, _created = MentorProfile.objects.update_or_create(
        user=mentor,
        defaults={
            "headline": "Data team lead, 15 years in analytics and public services",
            "bio": (
                "I moved from accounting to data analysis in my thirties and now lead a team of "
                "analysts. I like helping people who change careers find their first step."
            ),
            "industries": "Public administration, Health care, Retail",
            "years_of_experience": 15,
            "values": ["learning", "integrity", "balance", "collaboration"],
            "values_other": "Plain language",
            "approach": "exploratory",
            "structure": "structured",
            "frequency": "biweekly",
            "channel": "spoken",
            "languages": ["en", "fr"],
            "capacity": 3,
            "availability": "Two evenings a month, by video call",
            "accepting_requests": True,
        },
    )
    _link_taxonomy(profile)
    MenteePreferences.objects.update_or_create(
        user=seeker,
        defaults={
            "values": ["learning", "balance", "autonomy"],
            "approach": "exploratory",
            "structure": "structured",
            "frequency": "either",
            "channel": "spoken",
            "languages": ["fr", "en"],
        },
    )
    now = timezone.now()
    mentorship = Mentorship.objects.filter(mentor=mentor, mentee=seeker).first()
    if mentorship is None:
        mentorship = Mentorship.objects.create(
            mentor=mentor,
            mentee=seeker,
            status=Mentorship.Status.ACTIVE,
            objectives="Passer de la comptabilité à l'analyse de données d'ici un an.",
            hoped_gain=(
                "Comprendre le quotidien d'une analyste, savoir quelles compétences apprendre en "
                "premier et préparer mes premières entrevues."
            ),
            created_at=now - datetime.timedelta(days=50),
            accepted_at=now - datetime.timedelta(days=45),
        )
    _share_first_goal(mentorship, seeker)
    past, _created = Session.objects.get_or_create(
        mentorship=mentorship,
        questions__startswith="Qu'est-ce qu'une analyste",
        defaults={
            "scheduled_at": now - datetime.timedelta(days=14),
            "duration_minutes": 60,
            "questions": (
                "Qu'est-ce qu'une analyste fait dans une semaine typique?\n"
                "Par quoi commencer : SQL ou Python?\n"
                "Comment présenter mon expérience en comptabilité?"
            ),
            "shared_notes": (
                "Start with SQL: most analyst postings ask for it first.\n"
                "Accounting experience is an asset: reconciling data is analysis.\n"
                "Next time: review one public data set together."
            ),
        },
    )
    ActionItem.objects.get_or_create(
        session=past,
        title="Terminer le module SQL de base",
        defaults={"due_date": timezone.localdate() + datetime.timedelta(days=10)},
    )
    Session.objects.get_or_create(
        mentorship=mentorship,
        questions__startswith="J'ai terminé",
        defaults={
            "scheduled_at": (now + datetime.timedelta(days=7)).replace(
                hour=23, minute=0, second=0, microsecond=0
            ),
            "duration_minutes": 45,
            "questions": (
                "J'ai terminé trois exercices SQL : pouvez-vous regarder mes requêtes?\n"
                "Comment parler de mon changement de carrière en entrevue?"
            ),
        },
    )
    Feedback.objects.get_or_create(
        mentorship=mentorship,
        session=past,
        defaults={
            "link": mentorship.links.first(),
            "observation": (
                "You described your accounting work as 'just data entry', twice, although you "
                "reconcile ledgers of thousands of lines every month."
            ),
            "suggestion": (
                "Name the analysis you already do: try one sentence on reconciling data, with a "
                "number, for your next interview."
            ),
        },
    )
    Thanks.objects.get_or_create(
        mentorship=mentorship,
        author=seeker,
        defaults={
            "message": (
                "Merci Maria pour vos conseils sur le SQL : j'ai enfin un plan clair pour les "
                "prochaines semaines!"
            ),
            "created_at": now - datetime.timedelta(days=13),
        },
    )
    _sharing_history(mentorship, seeker, mentor)


def _link_taxonomy(profile):
    from taxonomy.models import Occupation, Skill

    skills = list(Skill.objects.filter(label_en__in=DEMO_SKILLS))
    occupations = list(Occupation.objects.filter(label_en__in=DEMO_OCCUPATIONS))
    if skills:  # the ESCO taxonomy is imported
        profile.skills.add(*skills)
    if occupations:
        profile.occupations.add(*occupations)


def _share_first_goal(mentorship, seeker):
    from goals.models import Goal, GoalStatus

    goal = Goal.objects.filter(owner=seeker, status=GoalStatus.ACTIVE).order_by("id").first()
    if goal is not None:
        MentorshipGoal.objects.get_or_create(
            mentorship=mentorship, goal=goal, defaults={"co_owned": True}
        )


def _sharing_history(mentorship, seeker, mentor):
    """The seeker's sharing history tells how her demo mentorship began (once, idempotent)."""
    if SharingEvent.objects.filter(owner=seeker).exists():
        return
    goals = "; ".join(mentorship.links.values_list("goal__statement", flat=True))
    common = {
        "owner": seeker,
        "counterpart": mentor,
        "counterpart_name": str(mentor),
        "object_kind": mentorship._meta.label_lower,
        "object_id": mentorship.pk,
    }
    SharingEvent.objects.bulk_create(
        [
            SharingEvent(
                **common,
                actor=seeker,
                actor_name=str(seeker),
                action=SharingEvent.Action.MENTORSHIP_REQUESTED,
                effect=SharingEvent.Effect.GRANTED,
                object_description=mentorship.objectives[:200],
                created_at=mentorship.created_at,
            ),
            SharingEvent(
                **common,
                actor=mentor,
                actor_name=str(mentor),
                action=SharingEvent.Action.MENTORSHIP_ACCEPTED,
                effect=SharingEvent.Effect.GRANTED,
                object_description=goals[:200],
                created_at=mentorship.accepted_at or mentorship.created_at,
            ),
        ]
    )
