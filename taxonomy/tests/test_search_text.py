"""Normalisation and folding (taxonomy.text)."""

from hypothesis import given
from hypothesis import strategies as st

from taxonomy import text


def test_it_folds_case_accents_and_ligatures():
    assert text.fold("Préposée AUX Bénéficiaires") == "preposee aux beneficiaires"
    assert text.fold("Œnologue — cœur") == "oenologue coeur"


@given(st.text(max_size=80))
def test_it_folds_any_text_to_plain_lowercase_words(value):
    folded = text.fold(value)
    assert folded == folded.strip()
    assert "  " not in folded
    assert folded == text.fold(folded)  # idempotent
    assert folded == folded.lower()


@given(st.text(alphabet="abcdeéèêàçôûïEÉ ", max_size=40))
def test_it_ignores_case_and_accents_everywhere(value):
    assert text.fold(value.upper()) == text.fold(value.lower())


def test_it_removes_job_board_gender_markers():
    for noisy in (
        "Boucher (h/f/x)",
        "Boucher H/F",
        "Boucher (m/w/d)",
        "Boucher (F/H)",
        "Boucher m/v/x",
    ):
        assert text.strip_noise(noisy) == "Boucher"


def test_it_removes_inclusive_endings():
    assert text.strip_noise("Préposé(e) aux bénéficiaires") == "Préposé aux bénéficiaires"
    assert text.strip_noise("Infirmier·ère") == "Infirmier"


def test_it_keeps_one_form_of_a_masculine_feminine_pair():
    assert text.collapse_gender_pairs("accrocheur/accrocheuse") == "accrocheur"
    assert text.collapse_gender_pairs("Accrocheur / Accrocheuse") == "Accrocheur"
    assert text.collapse_gender_pairs("agent de sécurité/agente de sécurité") == "agent de sécurité"
    # A real alternative is kept as written.
    assert text.collapse_gender_pairs("boucher/charcutier") == "boucher/charcutier"


def test_it_expands_gender_pairs_to_each_full_form_with_the_shared_tail():
    cases = {
        "Agent / Agente de sécurité": ["Agent de sécurité", "Agente de sécurité"],
        "Conducteur / Conductrice de bus": ["Conducteur de bus", "Conductrice de bus"],
        "Préposé / Préposée aux bénéficiaires": [
            "Préposé aux bénéficiaires",
            "Préposée aux bénéficiaires",
        ],
        "Chef / Cheffe de projet informatique": [
            "Chef de projet informatique",
            "Cheffe de projet informatique",
        ],
        "Conducteur routier / Conductrice routière de marchandises": [
            "Conducteur routier de marchandises",
            "Conductrice routière de marchandises",
        ],
        "Ingénieur commercial / commerciale": ["Ingénieur commercial", "Ingénieur commerciale"],
        "Aide-soignant / Aide-soignante en EHPAD": [
            "Aide-soignant en EHPAD",
            "Aide-soignante en EHPAD",
        ],
        # ESCO's own labels: both forms complete, or the tail written once.
        "conducteur d'autobus/conductrice d'autobus": [
            "conducteur d'autobus",
            "conductrice d'autobus",
        ],
        "conducteur/conductrice de four à coke": [
            "conducteur de four à coke",
            "conductrice de four à coke",
        ],
        # A pair, then an alternative title.
        "Directeur / Directrice des ventes / Responsable commercial": [
            "Directeur des ventes",
            "Directrice des ventes",
            "Responsable commercial",
        ],
    }
    for title, forms in cases.items():
        assert text.gender_forms(title) == forms, title
    # (H/F) and the pair together, as France's job boards write them.
    assert text.label_forms("Agent / Agente de sécurité (H/F)") == [
        "Agent de sécurité",
        "Agente de sécurité",
    ]


def test_it_leaves_a_slash_between_other_words_as_written():
    for title in ["Welder/Fabricator - Day Shift", "Kitchen Commis - Bangsar/Stacks", "Med/Surg"]:
        assert text.gender_forms(title) == [title]
    assert text.gender_forms("Serveur / Barman") == ["Serveur / Barman"]


@given(st.text(max_size=60))
def test_gender_forms_never_lose_a_title(value):
    forms = text.gender_forms(value)
    assert forms
    if "/" not in value:
        assert forms == [value]


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


def test_it_tells_french_accents():
    assert text.has_french_accent("infirmière auxiliaire")
    assert text.has_french_accent("préposé")
    assert not text.has_french_accent("registered nurse")


def test_it_stems_feminine_and_plural_forms_together():
    pairs = [
        ("accrocheuse", "accrocheur"),
        ("preposee", "prepose"),
        ("infirmiere", "infirmier"),
        ("technicienne", "technicien"),
        ("conductrice", "conducteur"),
        ("boucheres", "boucher"),
        ("developers", "developer"),
    ]
    for feminine, masculine in pairs:
        assert text.stem(feminine) == text.stem(masculine)


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_it_stems_every_word_to_a_non_empty_word(word):
    assert text.stem(word)
    assert len(text.stem(word)) <= len(word) + 1


def test_it_spells_out_job_board_abbreviations():
    assert text.normalise_query("Sr. Dev", "en") == "senior software developer"
    assert text.normalise_query("RN (m/f/d)", "en") == "registered nurse"
    assert "ressources humaines" in text.normalise_query("Resp. RH", "fr")


def test_it_adds_european_french_for_quebec_terms():
    expanded = text.normalise_query("Préposée aux bénéficiaires", "fr")
    assert expanded.startswith("prepose")
    assert "aide soignant" in expanded
