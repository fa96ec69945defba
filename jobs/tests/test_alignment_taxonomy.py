"""What the taxonomy adds to the alignment check: occupations a goal names, their skills.

A small invented taxonomy (a handful of real occupation names with invented skills), enough
to exercise the rules: a goal that names a far occupation is unrelated; one whose occupation
shares skills with the posting's is a neighbour, not another field; the best occupation's
essential skills count as the posting's core work.
"""

import pytest

from jobs.alignment import check_answer
from taxonomy import search
from taxonomy.models import Occupation, OccupationSkill, RelationType, Skill

pytestmark = pytest.mark.django_db

ACCOUNTING = (
    "Staff Accountant. Our firm is looking for an accountant to prepare financial statements, "
    "manage accounts payable and receivable, run payroll and handle month-end reconciliations."
)
TELLER = (
    "Bank Teller – Caisse Horizon. We are looking for a teller to serve members at the counter, "
    "process deposits and withdrawals and balance the cash drawer."
)


def _occupation(uri, en, fr, skills):
    occupation = Occupation.objects.create(uri=f"urn:test:{uri}", label_en=en, label_fr=fr)
    for label_en, label_fr, relation in skills:
        skill, _created = Skill.objects.get_or_create(
            uri=f"urn:test:skill:{label_en}", defaults={"label_en": label_en, "label_fr": label_fr}
        )
        OccupationSkill.objects.create(occupation=occupation, skill=skill, relation_type=relation)
    return occupation


@pytest.fixture
def taxonomy():
    essential, optional = RelationType.ESSENTIAL, RelationType.OPTIONAL
    money = [
        ("handle financial transactions", "gérer des transactions financières", essential),
        ("banking activities", "activités bancaires", essential),
        ("financial products", "produits financiers", optional),
    ]
    _occupation(
        "accountant",
        "accountant",
        "comptable",
        [
            ("prepare financial statements", "préparer des états financiers", essential),
            ("manage payroll", "gérer la paie", essential),
            ("spreadsheet software", "tableur", optional),
        ],
    )
    _occupation("teller", "bank teller", "caissier de banque/caissière de banque", money)
    _occupation("planner", "financial planner", "planificateur financier", money)
    _occupation(
        "pastry",
        "pastry chef",
        "pâtissier/pâtissière",
        [("bake pastries", "cuire des pâtisseries", essential)],
    )
    _occupation(
        "nurse",
        "nurse responsible for general care",
        "infirmier de soins généraux/infirmière de soins généraux",
        [("administer medication", "administrer des médicaments", essential)],
    )
    search.rebuild_index()
    yield
    search.rebuild_index()


def _codes(posting, answer, lang="en"):
    return [issue["code"] for issue in check_answer(posting, answer, lang)["issues"]]


def test_a_goal_naming_a_far_occupation_is_unrelated(taxonomy):
    answer = (
        "In five years I want to be a pastry chef. I'll keep your books accurate in the "
        "meantime, and this job pays for my pastry courses."
    )
    assert _codes(ACCOUNTING, answer) == ["unrelated_field"]


def test_a_neighbouring_occupation_in_esco_is_not_another_field(taxonomy):
    answer = (
        "Within two years I hope to become a financial planner. Members will get quick, "
        "friendly service at my counter, and the daily contact with them here teaches me what "
        "they need from a planner."
    )
    assert "unrelated_field" not in _codes(TELLER, answer)


def test_the_answers_own_field_is_read_in_french_too(taxonomy):
    answer = (
        "Dans cinq ans, je veux être infirmière de soins généraux. Je vais tenir vos livres "
        "à jour d'ici là, et ce poste paie mes études."
    )
    assert _codes(ACCOUNTING, answer, "fr") == ["unrelated_field"]
