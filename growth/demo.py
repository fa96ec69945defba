"""Demo data of the growth app (see core/demo.py): idempotent, in the demo person's language."""

import datetime
from decimal import Decimal

from django.utils import timezone

from goals.models import Goal
from growth.models import (
    Association,
    Contact,
    Feed,
    Interaction,
    LearningItem,
    Membership,
    ReadingNote,
)
from taxonomy.models import Skill


def load(people: dict) -> None:
    seeker = people["seeker"]  # Sam Tremblay, French-speaking, in Quebec
    today = timezone.localdate()

    certificate, _created = LearningItem.objects.update_or_create(
        user=seeker,
        title="Certificat en gestion de projet",
        defaults={
            "kind": LearningItem.Kind.CERTIFICATION,
            "provider": "Université du Québec à Montréal (UQAM)",
            "status": LearningItem.Status.IN_PROGRESS,
            "start_date": today - datetime.timedelta(days=60),
            "end_date": today + datetime.timedelta(days=240),
            "hours": Decimal("450"),
            "cost": Decimal("7800"),
            "currency": "CAD",
            "payer": LearningItem.Payer.LOAN,
            "loan_rate": Decimal("6.5"),
            "loan_term_months": 48,
            "salary_change": Decimal("6500"),
            "salary_assumption": (
                "Les offres d'emploi de chargé de projet à Montréal paient environ 6 500 $ de "
                "plus par an que mon poste actuel de coordonnateur."
            ),
            "accreditation": LearningItem.Accreditation.VERIFIED,
            "accrediting_body": "Ministère de l'Enseignement supérieur du Québec",
            "accreditation_verified_on": today - datetime.timedelta(days=90),
            "accreditation_note": "Programme trouvé dans le répertoire des programmes reconnus.",
        },
    )
    skills = Skill.objects.filter(label_en__in=["project management", "manage project"])[:2]
    if skills:
        certificate.skills.add(*skills)
    LearningItem.objects.update_or_create(
        user=seeker,
        title="Formation intensive Agile Scrum",
        defaults={
            "kind": LearningItem.Kind.COURSE,
            "provider": "Institut privé en ligne",
            "status": LearningItem.Status.PLANNED,
            "start_date": today + datetime.timedelta(days=30),
            "hours": Decimal("21"),
            "cost": Decimal("1450"),
            "payer": LearningItem.Payer.SELF,
            "salary_change": Decimal("0"),
            "salary_assumption": "Aucune hausse attendue à elle seule : c'est un complément.",
            "accreditation": LearningItem.Accreditation.UNVERIFIED,
        },
    )
    LearningItem.objects.update_or_create(
        user=seeker,
        title="Stage en gestion de portefeuille de projets",
        defaults={
            "kind": LearningItem.Kind.INTERNSHIP,
            "provider": "Desjardins",
            "status": LearningItem.Status.PLANNED,
            "start_date": today + datetime.timedelta(days=120),
            "end_date": today + datetime.timedelta(days=210),
            "hours": Decimal("420"),
            "cost": Decimal("0"),
            "payer": LearningItem.Payer.EMPLOYER,
            "accreditation": LearningItem.Accreditation.NOT_APPLICABLE,
        },
    )

    contacts = [
        {
            "name": "Geneviève Côté",
            "organisation": "Desjardins",
            "role": "Directrice de projets",
            "industry": "Finance",
            "how_we_met": "Salon de l'emploi de Montréal",
            "email": "genevieve.cote@example.ca",
            "tags": "mentor, finance",
            "follow_up_days": 60,
            "last": 75,
            "summary": "Café : elle m'a parlé des postes de chargé de projet.",
        },
        {
            "name": "Karim Haddad",
            "organisation": "PMI – section Montréal",
            "role": "Bénévole, comité des événements",
            "industry": "Gestion de projet",
            "how_we_met": "Soirée réseautage du PMI",
            "email": "karim.haddad@example.org",
            "tags": "réseautage",
            "follow_up_days": 90,
            "last": 120,
            "summary": "Échange de courriels sur le prochain 5 à 7.",
        },
    ]
    for data in contacts:
        data = dict(data)
        days_ago, summary = data.pop("last"), data.pop("summary")
        contact, _created = Contact.objects.update_or_create(
            user=seeker, name=data.pop("name"), defaults=data
        )
        if not contact.interactions.exists():
            Interaction.objects.create(
                contact=contact,
                date=today - datetime.timedelta(days=days_ago),
                kind=Interaction.Kind.MEETING,
                summary=summary,
            )

    association, _created = Association.objects.update_or_create(
        user=seeker,
        name="Project Management Institute – section Montréal",
        defaults={
            "kind": Association.Kind.ASSOCIATION,
            "industry": "Gestion de projet",
            "website": "https://pmimontreal.org/",
        },
    )
    if not association.memberships.exists():
        Membership.objects.create(
            association=association,
            member_number="PMI-4821",
            started_on=today - datetime.timedelta(days=340),
            renews_on=today + datetime.timedelta(days=25),
            fee=Decimal("189"),
            currency="CAD",
        )

    # Never fetched at demo time: the worker or the "Fetch now" button fetches it; offline, the
    # error shows next to the feed.
    Feed.objects.get_or_create(
        user=seeker,
        url="https://www.pmi.org/rss/news",
        defaults={"title": "PMI – nouvelles", "industry": "Gestion de projet"},
    )
    note, _created = ReadingNote.objects.get_or_create(
        user=seeker,
        title="Le guide PMBOK, 7e édition",
        defaults={
            "read_on": today - datetime.timedelta(days=20),
            "takeaways": (
                "La gestion de projet est centrée sur la valeur livrée, pas seulement sur le "
                "respect de l'échéancier. À mentionner en entrevue."
            ),
        },
    )
    # The goals app loads its demo first (INSTALLED_APPS order): link to Sam's first goal.
    goal = Goal.objects.filter(owner=seeker).order_by("id").first()
    if goal is not None:
        certificate.goals.add(goal)
        note.goals.add(goal)
