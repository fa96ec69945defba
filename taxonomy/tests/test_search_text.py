"""Query normalisation for search (taxonomy.text); folding, stems and gender forms are tested
with the language toolkit (core/tests/test_language_*.py)."""

from hypothesis import given
from hypothesis import strategies as st

from taxonomy import text


def test_it_removes_job_board_gender_markers():
    for noisy in (
        "Boucher (h/f/x)",
        "Boucher H/F",
        "Boucher (m/w/d)",
        "Boucher (F/H)",
        "Boucher m/v/x",
        "Boucher #jobs",
    ):
        assert text.strip_noise(noisy) == "Boucher"


def test_it_removes_inclusive_endings():
    assert text.strip_noise("Préposé(e) aux bénéficiaires") == "Préposé aux bénéficiaires"
    assert text.strip_noise("Infirmier·ère") == "Infirmier"


def test_it_spells_out_job_board_abbreviations():
    assert text.normalise_query("Sr. Dev", "en") == "senior software developer"
    assert text.normalise_query("RN (m/f/d)", "en") == "registered nurse"
    assert "ressources humaines" in text.normalise_query("Resp. RH", "fr")


def test_it_adds_european_french_for_quebec_terms():
    expanded = text.normalise_query("Préposée aux bénéficiaires", "fr")
    assert expanded.startswith("prepose")
    assert "aide soignant" in expanded


def test_it_keeps_one_form_of_a_gender_pair_for_the_encoder():
    assert text.clean_label("Accrocheur / Accrocheuse (H/F)") == "Accrocheur"


def test_a_label_or_query_is_read_in_each_full_gender_form():
    # France Travail's way of writing titles, and ESCO's own labels: the shared tail goes with
    # each form (the toolkit's gender_forms), after the job-board markers are removed.
    cases = {
        "Agent / Agente de sécurité (H/F)": ["Agent de sécurité", "Agente de sécurité"],
        "Conducteur / Conductrice de bus": ["Conducteur de bus", "Conductrice de bus"],
        "Préposé / Préposée aux bénéficiaires #jobs": [
            "Préposé aux bénéficiaires",
            "Préposée aux bénéficiaires",
        ],
        "conducteur/conductrice de four à coke": [
            "conducteur de four à coke",
            "conductrice de four à coke",
        ],
        "Boucher (h/f/x)": ["Boucher"],
    }
    for title, forms in cases.items():
        assert text.label_forms(title) == forms, title
    # Labels are read in their first full form.
    assert text.clean_label("conducteur/conductrice de four à coke") == "conducteur de four à coke"


def test_a_slash_between_other_words_is_left_as_written():
    for title in ["Welder/Fabricator - Day Shift", "Med/Surg"]:
        assert text.label_forms(title) == [title]


def test_the_query_also_reads_the_head_of_a_long_job_board_title():
    assert text.query_forms("Kitchen Commis - Bangsar/Stacks/Bakehouse") == [
        "Kitchen Commis - Bangsar/Stacks/Bakehouse",
        "Kitchen Commis",
    ]
    assert text.query_forms("Sales Engineer (Wireless Systems)") == [
        "Sales Engineer (Wireless Systems)",
        "Sales Engineer",
    ]
    assert text.query_forms("Boucher (h/f/x)") == ["Boucher"]


@given(st.text(max_size=60))
def test_every_query_keeps_at_least_one_form(value):
    forms = text.query_forms(value)
    assert forms
    assert all(isinstance(form, str) for form in forms)
