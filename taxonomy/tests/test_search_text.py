"""Query normalisation for search (taxonomy.text); folding, stems and gender forms are tested
with the language toolkit (core/tests/test_language_*.py)."""

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
