"""Demo data for the jobs app: Sam, who speaks French, applies for care jobs in Québec.

Idempotent: objects are found by natural keys and created only when missing.
"""

import contextlib
import datetime
import zoneinfo

from django.utils import timezone

from jobs import postings
from jobs.models import Application, Interview, InterviewReflection, PreparedAnswer, Status

CARE_POSTING = """Préposé(e) aux bénéficiaires — CHSLD Les Jardins du Fleuve (Lévis)

Poste permanent, temps plein, quarts de jour et de soir.

Sous l'autorité de l'infirmière-chef, vous offrez des soins d'hygiène et de confort aux
résidents en perte d'autonomie : aide au bain, à l'habillement et à l'alimentation,
mobilisation et transferts sécuritaires, observation de l'état de santé et transmission des
changements à l'équipe infirmière.

Exigences :
- Diplôme d'études professionnelles (DEP) Assistance à la personne en établissement et à domicile
- Formation PDSB (principes de déplacement sécuritaire des bénéficiaires) et RCR à jour
- Empathie, patience et sens de l'écoute auprès des personnes âgées
- Travail d'équipe et communication avec les familles
- Respect de la confidentialité et des règles de prévention des infections

Nous offrons : horaire stable, formation continue payée, assurance collective, régime de retraite.
"""

CLERK_POSTING = """Agent(e) administratif(ve) — Clinique médicale Santé Plus (Québec)

Accueillir les patients, fixer les rendez-vous, tenir les dossiers à jour dans le logiciel de
la clinique et répondre aux appels. Maîtrise du français et de l'anglais, bonne connaissance de
la suite Office, sens du service à la clientèle.
"""

CAREER_GOALS_ANSWER = (
    "À court terme, je veux devenir une préposée aux bénéficiaires sur qui l'équipe peut compter "
    ": offrir des soins sécuritaires et chaleureux aux résidents, et bien transmettre mes "
    "observations aux infirmières. Ce poste au CHSLD me permettra d'y arriver grâce à "
    "l'encadrement et à la formation continue. D'ici trois ans, j'aimerais former les nouvelles "
    "préposées au PDSB, ce qui aiderait votre équipe à accueillir la relève."
)


def _health_care_assistant():
    """ESCO's "healthcare assistant" (aide-soignant en institution: a CHSLD is an institution)."""
    from jobs.occupations import find_occupations
    from taxonomy.models import Occupation

    occupation = (
        Occupation.objects.filter(label_en__in=["healthcare assistant", "health care assistant"])
        .order_by("id")
        .first()
    )
    if occupation is None and Occupation.objects.exists():
        found = find_occupations("préposé aux bénéficiaires", "fr")
        occupation = found[0] if found else None
    return occupation


def _application(user, title, organisation, **fields):
    application, created = Application.objects.get_or_create(
        user=user, title=title, organisation=organisation, defaults=fields
    )
    if created:
        application.record_creation()
        with contextlib.suppress(postings.ExtractionUnavailable):
            postings.detect_skills(application)
    return application, created


def _at(person, days, hour):
    """`days` from today at `hour` o'clock in the person's own time zone."""
    local_now = timezone.localtime(timezone.now(), zoneinfo.ZoneInfo(person.time_zone))
    return (local_now + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


def load(people: dict) -> None:
    seeker = people["seeker"]
    now = timezone.now()

    care, created = _application(
        seeker,
        "Préposée aux bénéficiaires",
        "CHSLD Les Jardins du Fleuve",
        posting_text=CARE_POSTING,
        posting_language="fr",
        posting_url="https://emplois.example.org/chsld-jardins-du-fleuve/pab-2026",
        created_at=now - datetime.timedelta(days=21),
    )
    occupation = _health_care_assistant()
    if occupation is not None and care.occupation_id != occupation.pk:
        care.occupation = occupation
        care.save(update_fields=["occupation", "updated_at"])
    if created:
        care.move_to(Status.APPLIED, when=now - datetime.timedelta(days=20))
        care.move_to(Status.INTERVIEW, when=now - datetime.timedelta(days=9))

    first, _created = Interview.objects.get_or_create(
        application=care,
        kind="phone",
        defaults={
            "scheduled_at": _at(seeker, -7, 14),
            "duration_minutes": 30,
            "with_whom": "Julie Roy, conseillère en ressources humaines",
        },
    )
    reflection, created = InterviewReflection.objects.get_or_create(
        interview=first,
        defaults={
            "went_well": (
                "J'ai bien expliqué mon stage en soins à domicile et mon intérêt pour les "
                "personnes âgées."
            ),
            "do_differently": (
                "J'ai hésité quand on m'a demandé mes objectifs de carrière; ma réponse parlait "
                "surtout de devenir infirmière, pas du poste."
            ),
        },
    )
    if created:
        reflection.set_techniques(
            [
                "Préparer deux exemples concrets avec la méthode STAR (situation, tâche, action, "
                "résultat).",
                "Relier mes objectifs de carrière au poste et à ce que j'apporte à l'équipe.",
            ]
        )
    Interview.objects.get_or_create(
        application=care,
        kind="in_person",
        defaults={
            "scheduled_at": _at(seeker, 3, 10),
            "duration_minutes": 60,
            "with_whom": "Marc Bélanger, infirmier-chef; Julie Roy, RH",
            "location": "CHSLD Les Jardins du Fleuve, 120 rue du Fleuve, Lévis",
        },
    )
    PreparedAnswer.objects.get_or_create(
        user=seeker,
        application=care,
        question_key="career_goals",
        defaults={"text": CAREER_GOALS_ANSWER, "language": "fr"},
    )

    clerk, created = _application(
        seeker,
        "Agente administrative",
        "Clinique médicale Santé Plus",
        posting_text=CLERK_POSTING,
        posting_language="fr",
        created_at=now - datetime.timedelta(days=30),
    )
    if created:
        clerk.move_to(Status.APPLIED, when=now - datetime.timedelta(days=28))
        clerk.move_to(Status.REJECTED, when=now - datetime.timedelta(days=12))
