"""Gender forms of job titles (core.language.gender)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.language import fold, gender_forms, strip_gender_markers

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
    # Pairs of more than one ending: a doubled consonant, hyphenated words, an adjective, a
    # head of two words before the shared tail.
    ("Chef / Cheffe de cuisine", ["Chef de cuisine", "Cheffe de cuisine"]),
    ("Chef(fe) de chantier", ["Chef de chantier", "Cheffe de chantier"]),
    ("Chef·fe de projet", ["Chef de projet", "Cheffe de projet"]),
    ("Boucher-charcutier / Bouchère-charcutière",
     ["Boucher-charcutier", "Bouchère-charcutière"]),
    ("Boucher-charcutier / Bouchère-charcutière (H/F)",
     ["Boucher-charcutier", "Bouchère-charcutière"]),
    ("Ingénieur commercial / commerciale", ["Ingénieur commercial", "Ingénieur commerciale"]),
    ("Conducteur routier / Conductrice routière de marchandises",
     ["Conducteur routier de marchandises", "Conductrice routière de marchandises"]),
    ("Technicien supérieur / Technicienne supérieure en maintenance",
     ["Technicien supérieur en maintenance", "Technicienne supérieure en maintenance"]),
    ("Serveur / Serveuse polyvalent(e)", ["Serveur polyvalent", "Serveuse polyvalente"]),
    ("chef de projet / chef de chantier", ["chef de projet", "chef de chantier"]),
    ("head waiter/head waitress", ["head waiter", "head waitress"]),
    ("opérateur - peinture/opératrice - peinture",
     ["opérateur - peinture", "opératrice - peinture"]),
    ("Agent / Agent", ["Agent"]),
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


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_it_never_raises_and_gives_at_most_two_forms_per_pair(value):
    forms = gender_forms(value)
    assert len(forms) == len(set(forms))
    assert all(form == form.strip() and form for form in forms)
    strip_gender_markers(value)


@settings(max_examples=200, deadline=None)
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


# Pairs built from the grammar table: a masculine word, its feminine, two words of a head, a tail.
MASCULINE_FEMININE = [
    ("Conducteur", "Conductrice"), ("Vendeur", "Vendeuse"), ("Infirmier", "Infirmière"),
    ("Technicien", "Technicienne"), ("Chef", "Cheffe"), ("Agent", "Agente"),
    ("Boucher-charcutier", "Bouchère-charcutière"), ("Préposé", "Préposée"),
]  # fmt: skip
ADJECTIVES = [("routier", "routière"), ("commercial", "commerciale"), ("supérieur", "supérieure")]
TAILS = ["", "de marchandises", "de cuisine", "en maintenance", "aux bénéficiaires"]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(MASCULINE_FEMININE),
    st.one_of(st.none(), st.sampled_from(ADJECTIVES)),
    st.sampled_from(TAILS),
    st.sampled_from([" / ", "/", " /  "]),
)
def test_a_pair_gives_both_full_forms_each_with_the_tail(noun, adjective, tail, slash):
    masculine, feminine = [noun[0]], [noun[1]]
    if adjective:
        masculine.append(adjective[0])
        feminine.append(adjective[1])
    text = " ".join(masculine) + slash + " ".join([*feminine, tail]).strip()
    expected = [" ".join([*masculine, tail]).strip(), " ".join([*feminine, tail]).strip()]
    assert gender_forms(text) == expected
    # The adjective alone after the slash: the noun written once is shared.
    if adjective:
        short = " ".join(masculine) + slash + " ".join([adjective[1], tail]).strip()
        assert gender_forms(short)[0] == expected[0]
        assert fold(gender_forms(short)[1]).endswith(fold(" ".join([adjective[1], tail]).strip()))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Welder", "boucher", "cariste", "Serveur", "Plombier"]),
       st.sampled_from(["Fabricator", "charcutier", "magasinier", "barman", "chauffagiste"]),
       st.sampled_from(TAILS))  # fmt: skip
def test_a_slash_between_two_different_words_is_one_form(left, right, tail):
    text = f"{left}/{right} {tail}".strip()
    assert gender_forms(text) == [text]
