"""A small taxonomy with real ESCO labels, for the search and extraction tests."""

from taxonomy.models import Occupation, Skill

ESCO = "http://data.europa.eu/esco/"
OCCUPATIONS = [
    (
        "occupation/d38c2107-98f2-47b7-8bb4-f69750d51082",
        "healthcare assistant",
        "aide-soignant en institution/aide-soignante en institution",
        [
            "resident care assistant",
            "elderly care assistant",
            "health care assistant",
            "patient care assistant",
        ],
        ["aide-soignante en institution", "aide-soignant en institution"],
    ),
    (
        "occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1",
        "software developer",
        "développeur de logiciels/développeuse de logiciels",
        ["software specialist", "programmer", "software engineer", "application developer"],
        ["concepteur logiciel", "développeur de programmes", "développeuse logiciels"],
    ),
    (
        "occupation/41d4be58-3111-48b5-814a-83117983dd16",
        "derrickhand",
        "accrocheur/accrocheuse",
        ["derrickhand"],
        ["foreur", "foreur/foreuse", "accrocheuse"],
    ),
    (
        "occupation/37c7880e-cfee-4c41-a41b-061682fefde3",
        "butcher",
        "boucher/bouchère",
        ["butchery expert", "butchery worker", "animal butcher"],
        ["charcutier", "bouchère", "détaillant en viande"],
    ),
    (
        "occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897",
        "accountant",
        "comptable",
        ["cost accountant", "accounting officer"],
        [],
    ),
    (
        "occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50",
        "nurse responsible for general care",
        "infirmier de soins généraux/infirmière de soins généraux",
        ["practice nurse", "adult nurse", "registered general nurse"],
        ["infirmier en soins généraux", "infirmière de soins généraux"],
    ),
    (
        "occupation/9e2e6e1e-363b-4e1b-a673-7bc0f7343300",
        "ICT system administrator",
        "administrateur de systèmes informatiques/administratrice de systèmes informatiques",
        ["IT systems administrator", "sysadmin", "network administrator"],
        ["administrateur système", "administratrice système"],
    ),
]
SKILLS = [
    (
        "skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
        "Python (computer programming)",
        "Python (programmation informatique)",
        ["Python3", "Python2"],
        [],
    ),
    (
        "skill/7111b95d-0ce3-441a-9d92-4c75d05c4388",
        "project management",
        "gestion de projets",
        ["programme management", "project management"],
        [],
    ),
    (
        "skill/21c5790c-0930-4d74-b3b0-84caf5af12ea",
        "manage budgets",
        "gérer des budgets",
        ["manage budgets"],
        [],
    ),
    ("skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742", "SQL", "SQL", ["SEQUEL"], []),
    (
        "skill/60c78287-22eb-4103-9c8c-28deaa460da0",
        "work in teams",
        "travailler en équipe",
        ["work in groups", "working in teams"],
        [],
    ),
    (
        "skill/15a33d76-4640-438d-ae64-fdc0c1d3eebc",
        "customer service",
        "service clients",
        ["customer services", "customer care", "customer support"],
        [],
    ),
    (
        "skill/4f1b6304-f54a-42f0-9604-5427a28d240f",
        "perform cleaning duties",
        "effectuer des tâches de nettoyage",
        ["execute cleaning duties"],
        [],
    ),
    (
        "skill/880c54f9-866e-4f37-b5fa-25ef8a7d49b6",
        "accounting techniques",
        "techniques comptables",
        ["techniques of accounting"],
        ["techniques de comptabilité"],
    ),
]


def build_taxonomy():
    """Create the fixture occupations and skills; return them as {english label: object}."""
    created = {}
    for uri, label_en, label_fr, alt_en, alt_fr in OCCUPATIONS:
        created[label_en] = Occupation.objects.create(
            uri=ESCO + uri,
            label_en=label_en,
            label_fr=label_fr,
            alt_labels_en="\n".join(alt_en),
            alt_labels_fr="\n".join(alt_fr),
        )
    for uri, label_en, label_fr, alt_en, alt_fr in SKILLS:
        created[label_en] = Skill.objects.create(
            uri=ESCO + uri,
            label_en=label_en,
            label_fr=label_fr,
            alt_labels_en="\n".join(alt_en),
            alt_labels_fr="\n".join(alt_fr),
            skill_type="skill/competence",
        )
    return created
