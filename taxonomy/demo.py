"""Demo data: Sam (French-speaking job seeker) aims at health care assistant (préposé aux
bénéficiaires) with a realistic skills profile; Maria, a nurse, records her expertise as a mentor.

Idempotent; skipped with a message when the ESCO taxonomy is not loaded.
"""

from taxonomy.models import (
    Horizon,
    Occupation,
    Skill,
    SkillEvidence,
    TargetOccupation,
    UserSkill,
)

HEALTH_CARE_ASSISTANT = "http://data.europa.eu/esco/occupation/d38c2107-98f2-47b7-8bb4-f69750d51082"

# (English ESCO label, proficiency 1-4, years, evidence kind, evidence in the person's language)
SEEKER_SKILLS = [
    (
        "listen actively",
        3,
        4,
        "feedback",
        "Ma gérante souligne mon écoute auprès des clients âgés du supermarché.",
    ),
    ("conduct cleaning tasks", 3, 5, "job", "Cinq ans d'entretien ménager dans une résidence."),
    (
        "provide basic support to patients",
        2,
        1.5,
        "job",
        "Aide à l'hygiène et aux repas de ma grand-mère, à domicile, pendant 18 mois.",
    ),
    (
        "empathise with the healthcare user",
        3,
        2,
        "feedback",
        "Remerciements écrits de la famille d'une résidente.",
    ),
    ("distribute meals to patients", 2, 1, "job", "Service des repas en CHSLD, emploi d'été."),
    ("older adults' needs", 2, 1, "training", "Formation en ligne « Vieillir en santé »."),
    ("work in a multicultural environment in health care", 2, 1, "", ""),
    (
        "apply organisational techniques",
        2,
        3,
        "project",
        "Organisation des horaires de bénévoles pour la banque alimentaire.",
    ),
    ("have computer literacy", 2, 5, "", ""),
    ("accept own accountability", 3, 5, "", ""),
]
SEEKER_FREE_TEXT = [
    (
        "Premiers soins (RCR, certification de la Croix-Rouge)",
        2,
        0.5,
        "training",
        "Certification RCR valide jusqu'en 2027.",
    )
]
MENTOR_SKILLS = [
    ("implement nursing care", 4, 18, "job", "18 years as a registered nurse in long-term care."),
    ("supervise nursing staff", 4, 10, "job", "Head nurse of a 40-bed unit."),
    ("teach nursing principles", 3, 6, "training", "Clinical instructor for nursing students."),
    ("mentor individuals", 4, 8, "feedback", "Mentored 12 new health care assistants."),
    ("give constructive feedback", 3, 8, "", ""),
    ("geriatrics", 4, 15, "", ""),
    ("apply person-centred care", 4, 15, "", ""),
    ("provide first aid", 3, 18, "training", "First aid instructor certificate."),
]


def _profile(user, wanted, free_text=()):
    skills = {
        skill.label_en: skill
        for skill in Skill.objects.filter(label_en__in=[row[0] for row in wanted])
    }
    for label, level, years, kind, description in wanted:
        skill = skills.get(label)
        if skill is None:
            continue
        user_skill, created = UserSkill.objects.get_or_create(
            user=user,
            skill=skill,
            defaults={"proficiency": level, "years_of_experience": years},
        )
        if created and kind:
            SkillEvidence.objects.create(user_skill=user_skill, kind=kind, description=description)
    for text, level, years, kind, description in free_text:
        user_skill, created = UserSkill.objects.get_or_create(
            user=user,
            skill=None,
            free_text=text,
            defaults={"proficiency": level, "years_of_experience": years},
        )
        if created and kind:
            SkillEvidence.objects.create(user_skill=user_skill, kind=kind, description=description)


def load(people: dict) -> None:
    if not Occupation.objects.exists():
        print("taxonomy demo: skipped, the ESCO taxonomy is not loaded (parcours taxonomy import).")
        return
    seeker, mentor = people["seeker"], people["mentor"]
    _profile(seeker, SEEKER_SKILLS, SEEKER_FREE_TEXT)
    _profile(mentor, MENTOR_SKILLS)
    occupation = Occupation.objects.filter(uri=HEALTH_CARE_ASSISTANT).first()
    if occupation is None:
        occupation = Occupation.objects.filter(label_en__iexact="healthcare assistant").first()
    if occupation is not None:
        TargetOccupation.objects.get_or_create(
            user=seeker, occupation=occupation, defaults={"horizon": Horizon.SHORT}
        )
