"""Intention cues with their scope and negation (core.language.intentions)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.language import find_intentions

# (text, [(kind, toward, scope)])
CASES = [
    ("I want to leave retail and move into nursing.",
     [("leave", False, "retail"), ("aim", True, "nursing")]),
    ("I would like a role that doesn't involve working with customers as much.",
     [("aim", True, "role"), ("less", False, "working with customers")]),
    ("I don't want to manage people.", [("aim", False, "manage people")]),
    ("I'd never leave nursing", [("leave", True, "nursing")]),
    ("I want less paperwork and fewer meetings",
     [("less", False, "paperwork"), ("less", False, "meetings")]),
    ("I want to work less", [("less", False, "work")]),
    ("I don't want to work less", [("less", True, "work")]),
    ("I want to learn as much as I can about selling",
     [("aim", True, "learn as much as I can about selling")]),
    ("I don't want to do sales anymore", [("stop", False, "do sales")]),
    ("I hate paperwork", [("avoid", False, "paperwork")]),
    ("Je ne veux plus travailler de nuit.", [("stop", False, "travailler de nuit")]),
    ("je ne travaillerai plus jamais de nuit", [("stop", False, "nuit")]),
    ("Je ne veux pas quitter la vente.", [("leave", True, "la vente")]),
    ("Je veux travailler en comptabilité, loin des enfants.",
     [("aim", True, "travailler en comptabilité"), ("avoid", False, "enfants")]),
    ("Je souhaite éviter de gérer une équipe, mais j'aimerais enseigner.",
     [("avoid", False, "gérer une équipe"), ("aim", True, "enseigner")]),
    ("Moins de paperasse, plus de temps avec les patients.", [("less", False, "paperasse")]),
    ("Un poste qui n'implique pas de vente", [("avoid", False, "vente")]),
    ("Je ne veux plus autant de clients", [("less", False, "clients")]),
    ("Je n'aime pas la vente", [("aim", False, "la vente")]),
    ("Mon objectif est de devenir infirmière", [("aim", True, "infirmière")]),
    ("I want to grow into leading a larger region, bringing customer insight",
     [("aim", True, "leading a larger region")]),
    ("I plan to specialise in pediatric care rather than surgery",
     [("aim", True, "pediatric care"), ("avoid", False, "surgery")]),
    ("J'aimerais me diriger vers l'enseignement plutôt que la recherche",
     [("aim", True, "l'enseignement"), ("avoid", False, "la recherche")]),
    ("I am tired of night shifts", [("avoid", False, "night shifts")]),
    ("Je veux arrêter de faire de la comptabilité", [("stop", False, "faire de la comptabilité")]),
    ("I will stop selling cars and start teaching",
     [("stop", False, "selling cars"), ("aim", True, "teaching")]),
    # Added for the interview coach (issue 15): preferences, "don't have to", "see myself",
    # and a turning-away cue before a wish.
    ("I'd rather work with adults than with young children",
     [("aim", True, "work with adults"), ("avoid", False, "with young children")]),
    ("I earn more than my brother", []),
    ("a job where I don't have to do payroll", [("avoid", False, "do payroll")]),
    ("I no longer want to work nights", [("stop", False, "work nights")]),
    ("In five years I see myself leading a team", [("aim", True, "leading a team")]),
    ("Dans cinq ans, je me vois chef d'équipe", [("aim", True, "chef d'équipe")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_it_reads_intentions_with_their_scope(text, expected):
    found = [(i.kind, i.toward, i.scope) for i in find_intentions(text)]
    assert found == expected


def test_scopes_and_cues_point_at_the_text():
    text = "Je veux quitter la vente, mais j’aimerais enseigner."
    for intention in find_intentions(text):
        assert text[intention.cue_start : intention.cue_end] == intention.cue
        assert text[intention.scope_start : intention.scope_end] == intention.scope


def test_the_scope_words_leave_out_grammar():
    (intention,) = find_intentions("Je ne veux pas quitter la vente au détail")
    assert intention.words() == ["vente", "detail"]


def test_a_text_without_cues_has_no_intentions():
    assert find_intentions("Sales manager, Montréal. Five years of experience.") == []
    assert find_intentions("") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_it_never_raises_on_arbitrary_text(value):
    for intention in find_intentions(value):
        assert intention.kind in ("aim", "avoid", "leave", "less", "stop")
        assert value[intention.scope_start : intention.scope_end] == intention.scope


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["I", "don't", "want", "to", "leave", "less", "as", "much", "ne", "veux", "plus",
             "pas", "autant", "de", "moins", "sans", "et", "and", ",", "sales", "vente",
             "anymore", "n'", "implique", "doesn't", "involve", "quitter", "stop", "."]
        ),
        max_size=16,
    ).map(" ".join)
)  # fmt: skip
def test_it_never_raises_on_cue_salad(value):
    for intention in find_intentions(value):
        assert value[intention.cue_start : intention.cue_end] == intention.cue


def test_a_long_clause_is_read_in_one_pass():
    text = "I don't want a job that involves customers as much " * 2000
    found = find_intentions(text)
    assert found and {i.kind for i in found} <= {"aim", "avoid", "less"}
    assert all(text[i.scope_start : i.scope_end] == i.scope for i in found)
