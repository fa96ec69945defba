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
    # A real alternative is kept.
    assert text.collapse_gender_pairs("boucher/charcutier") == "boucher / charcutier"


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
