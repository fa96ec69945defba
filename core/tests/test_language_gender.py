"""Gender forms of job titles (core.language.gender)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.language import collapse_gender_pairs, gender_forms, strip_gender_markers

FORMS = [
    ("Agent / Agente de sécurité", ["Agent de sécurité", "Agente de sécurité"]),
    ("Conducteur / Conductrice de bus", ["Conducteur de bus", "Conductrice de bus"]),
    ("Préposé / Préposée aux bénéficiaires",
     ["Préposé aux bénéficiaires", "Préposée aux bénéficiaires"]),
    ("préposé(e) aux bénéficiaires", ["préposé aux bénéficiaires", "préposée aux bénéficiaires"]),
    ("PRÉPOSÉ(E)", ["PRÉPOSÉ", "PRÉPOSÉE"]),
    ("infirmier.ère", ["infirmier", "infirmière"]),
    ("Infirmier(ère) auxiliaire", ["Infirmier auxiliaire", "Infirmière auxiliaire"]),
    ("Vendeur/euse", ["Vendeur", "Vendeuse"]),
    ("Vendeur / Vendeuse", ["Vendeur", "Vendeuse"]),
    ("technicien·ne", ["technicien", "technicienne"]),
    ("Technicien(ne) en pharmacie", ["Technicien en pharmacie", "Technicienne en pharmacie"]),
    ("Animateur / -trice de pastorale", ["Animateur de pastorale", "Animatrice de pastorale"]),
    ("Animateur/trice", ["Animateur", "Animatrice"]),
    ("Directeur (trice)", ["Directeur", "Directrice"]),
    ("directeur·trice·s des ventes", ["directeur des ventes", "directrice des ventes"]),
    ("Conseiller/ère en orientation", ["Conseiller en orientation", "Conseillère en orientation"]),
    ("Adjoint(e) administratif(ive)", ["Adjoint administratif", "Adjointe administrative"]),
    ("Développeur.se web", ["Développeur web", "Développeuse web"]),
    ("Agent de sécurité / Agente", ["Agent de sécurité", "Agente de sécurité"]),
    ("agent de sécurité/agente de sécurité", ["agent de sécurité", "agente de sécurité"]),
    ("ingénieur(e)", ["ingénieur", "ingénieure"]),
    ("professionnel(le)", ["professionnel", "professionnelle"]),
    ("Maître(sse) d'hôtel", ["Maître d'hôtel", "Maîtresse d'hôtel"]),
    ("Boucher (H/F)", ["Boucher"]),
    ("Serveur (h/f/x)", ["Serveur"]),
    ("Koch m/w/d", ["Koch"]),
    ("Vendeur/euse (H/F)", ["Vendeur", "Vendeuse"]),
    ("boucher/charcutier", ["boucher/charcutier"]),
    ("analyste(e)", ["analyste"]),
    ("Chef de projet", ["Chef de projet"]),
    ("U.S. army", ["U.S. army"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_it_spells_every_full_form_with_the_shared_tail(text, expected):
    assert gender_forms(text) == expected


def test_it_strips_markers_and_inclusive_endings():
    assert strip_gender_markers("Préposé(e) aux bénéficiaires (H/F)") == "Préposé aux bénéficiaires"
    assert strip_gender_markers("Infirmier·ère") == "Infirmier"
    for noisy in ("Boucher (h/f/x)", "Boucher H/F", "Boucher (m/w/d)", "Boucher m/v/x"):
        assert strip_gender_markers(noisy) == "Boucher"


def test_it_keeps_one_form_of_a_masculine_feminine_pair():
    assert collapse_gender_pairs("accrocheur/accrocheuse") == "accrocheur"
    assert collapse_gender_pairs("Accrocheur / Accrocheuse") == "Accrocheur"
    assert collapse_gender_pairs("agent de sécurité/agente de sécurité") == "agent de sécurité"
    assert collapse_gender_pairs("boucher/charcutier") == "boucher / charcutier"


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_it_never_raises_and_gives_at_most_two_forms_per_pair(value):
    forms = gender_forms(value)
    assert len(forms) == len(set(forms))
    assert all(form == form.strip() and form for form in forms)
    strip_gender_markers(value)
    collapse_gender_pairs(value)


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            ["Agent", "agente", "/", "(e)", ".ère", "·ne", "(H/F)", "de", "sécurité", "-trice",
             "Conducteur", "conductrice", "/euse", "m/w/d", "(", ")", ".", "·"]
        ),
        max_size=10,
    ).map("".join)
)  # fmt: skip
def test_it_never_raises_on_marker_salad(value):
    gender_forms(value)
