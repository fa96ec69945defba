"""Gender forms of job titles and labels, in the ways French and job boards write them.

- `gender_forms(text)` spells every full form: "Agent / Agente de sécurité" → ["Agent de
  sécurité", "Agente de sécurité"], "Conducteur / Conductrice de bus", "préposé(e) aux
  bénéficiaires", "infirmier.ère", "Vendeur/euse", "technicien·ne", "Animateur / -trice",
  "Chef / Cheffe", "Boucher-charcutier / Bouchère-charcutière", "Ingénieur commercial /
  commerciale", "Conducteur routier / Conductrice routière de marchandises"; the shared tail
  ("de bus", "de marchandises") goes with each form, and job-board markers ("(H/F)",
  "(h/f/x)", "m/w/d") are removed. A slash between two different words
  ("boucher/charcutier") is not a gender pair: the text is one form.
- `strip_gender_markers(text)` removes the markers and the inclusive endings, keeping the form
  written first: "Préposé(e) aux bénéficiaires (H/F)" → "Préposé aux bénéficiaires".

Feminine endings are grammar: the table pairs a masculine ending with its feminine ("teur" /
"trice", "eur" / "euse", "ier" / "ière", "ien" / "ienne", "if" / "ive", "f" / "ffe"...).
"""

import re

from core.language.folding import fold, fold_words
from core.language.stemming import stem

__all__ = ["gender_forms", "strip_gender_markers"]

# Gender/diversity markers of job postings: (h/f), H/F/X, (m/w/d), (f/h), M/V/X (Belgium)...
GENDER_MARKERS = re.compile(
    r"[\(\[]\s*[hfmwdvxe]\s*(?:[/|-]\s*[hfmwdvxe]\s*)+[\)\]]"
    r"|(?<![\w/])[hfmwdvx]\s*/\s*[hfmwdvx](?:\s*/\s*[hfmwdvx])*(?![\w/])",
    re.IGNORECASE,
)
# Inclusive French endings: "préposé(e)", "infirmier(ère)", "technicien.ne", "agent·e".
INCLUSIVE = re.compile(r"(\w)\s*[\(\.·•]\s*(e|ne|le|te|ère|ere|euse|rice|trice|se)\s*\)?(?=\W|$)")

# (masculine ending, feminine ending), folded; longest masculine endings first.
_PAIRS = (
    ("teur", "trice"),
    ("eur", "euse"),
    ("eur", "eresse"),
    ("ier", "iere"),
    ("er", "ere"),
    ("ien", "ienne"),
    ("en", "enne"),
    ("on", "onne"),
    ("el", "elle"),
    ("et", "ette"),
    ("eux", "euse"),
    ("if", "ive"),
    ("e", "esse"),
    ("f", "ffe"),
    ("", "e"),
)
# What may follow a word as a feminine ending: "(e)", ".ère", "·ne", "/euse", "/-trice"...
_FRAGMENTS = (
    "e", "es", "ne", "nes", "le", "les", "te", "tes", "se", "ses", "ere", "eres", "iere",
    "ieres", "euse", "euses", "rice", "rices", "trice", "trices", "ive", "ives", "enne",
    "ennes", "ienne", "iennes", "onne", "onnes", "elle", "elles", "ette", "ettes", "esse",
    "sse", "eresse", "fe", "ffe",
)  # fmt: skip
_FRAGMENT = "|".join(sorted(_FRAGMENTS, key=len, reverse=True))
# A word followed by an inclusive ending written inside it: "préposé(e)", "infirmier.ère",
# "technicien·ne", "agent-e", "directeur·trice·s".
_INSIDE = re.compile(
    r"(?P<word>[^\W\d_]{2,})\s*(?:\(\s*-?(?P<a>[^\W\d_]{1,6})\s*\)|[.·•‧⋅-](?P<b>[^\W\d_]{1,6}))"
    r"(?:[.·•‧⋅](?:s|x))?(?![^\W\d_])"
)
_SLASH = re.compile(r"\s*/\s*")
# Every gender marker, pair or inclusive ending has one of these characters.
_MAYBE_GENDERED = re.compile(r"[/(\[.·•‧⋅-]")
_SPACES = re.compile(r"\s+")


def strip_gender_markers(text: str) -> str:
    """`text` without job-board gender markers and inclusive endings (first form kept)."""
    text = GENDER_MARKERS.sub(" ", text or "")
    text = INCLUSIVE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip(" -–|,;:")


def _feminine(word, fragment):
    """`word` with the feminine ending that `fragment` gives ("infirmier" + "ère")."""
    folded_word, folded_fragment = fold(word), fold(fragment).lstrip("-")
    fragment = fragment.lstrip("-")
    if folded_fragment == "e" and folded_word.endswith("e") and word[-1] not in "éÉ":
        return word  # "adjointe(e)", "analyste(e)": already feminine
    # A whole feminine ending first ("e", "euse", "trice"), then the tail of one ("se", "rice").
    for exact in (True, False):
        for masculine, feminine in _PAIRS:
            fits = feminine == folded_fragment if exact else feminine.endswith(folded_fragment)
            if fits and folded_word.endswith(masculine):
                keep = len(word) - len(masculine)
                return word[:keep] + feminine[: len(feminine) - len(folded_fragment)] + fragment
    return word + fragment


def _is_fragment(piece):
    return fold(piece).lstrip("-") in _FRAGMENTS


def _inside_forms(text):
    """The masculine and feminine spellings of a text with endings written inside words."""
    masculine, feminine, last = [], [], 0
    for match in _INSIDE.finditer(text):
        fragment = match["a"] or match["b"]
        if not _is_fragment(fragment):
            continue
        word = match["word"]
        masculine.append(text[last : match.start()] + word)
        feminine.append(text[last : match.start()] + _feminine(word, fragment))
        last = match.end()
    if last == 0:
        return [text]
    masculine.append(text[last:])
    feminine.append(text[last:])
    return ["".join(masculine), "".join(feminine)]


def _same_word(left, right):
    """Whether two words are gender forms of one another ("agent" / "agente", "chef" /
    "cheffe"); a hyphenated word part by part ("boucher-charcutier" / "bouchère-charcutière")."""
    if fold(left) == fold(right):
        return True  # the same word, or the same punctuation ("-")
    left_parts, right_parts = fold_words(left).split(), fold_words(right).split()
    if not left_parts or len(left_parts) != len(right_parts):
        return False
    return all(_same_part(a, b) for a, b in zip(left_parts, right_parts, strict=True))


def _same_part(left, right):
    if left == right or stem(left) == stem(right):
        return True
    return any(
        left.endswith(m) and right.endswith(f) and left[: len(left) - len(m)] == right[: -len(f)]
        for m, f in _PAIRS
        if f
    ) or any(
        right.endswith(m) and left.endswith(f) and right[: len(right) - len(m)] == left[: -len(f)]
        for m, f in _PAIRS
        if f
    )


def _slash_forms(left, right):
    """The full forms of "left / right" when it is a gender pair, else None.

    The words `right` starts with are the gender forms of the last words of `left` (its head);
    what follows them in `right` is the tail both forms share, and the words of `left` before
    its head are shared too: "Agent / Agente de sécurité", "Conducteur routier / Conductrice
    routière de marchandises", "Ingénieur commercial / commerciale".
    """
    left_words, right_words = left.split(), right.split()
    if not left_words or not right_words:
        return None
    if _is_fragment(right_words[0]):
        # "Vendeur/euse", "Animateur / -trice de pastorale"
        base = left_words[-1]
        tail = right_words[1:]
        first = [*left_words, *tail]
        second = [*left_words[:-1], _feminine(base, right_words[0]), *tail]
        return [" ".join(first), " ".join(second)]
    for size in range(min(len(left_words), len(right_words)), 0, -1):
        head = left_words[len(left_words) - size :]
        if not all(_same_word(a, b) for a, b in zip(head, right_words, strict=False)):
            continue
        if [fold(word) for word in head] == [fold(word) for word in right_words[:size]]:
            if size == len(left_words) and size == len(right_words):
                return [left, right]  # the same title twice: one form after the cleaning
            continue  # the same words, not a pair ("chef de projet / chef de chantier")
        before = left_words[: len(left_words) - size]
        return [" ".join([*left_words, *right_words[size:]]), " ".join([*before, *right_words])]
    if _same_word(left_words[0], right_words[0]):
        if len(right_words) == 1:
            # "Agent de sécurité / Agente": the tail written before the slash.
            return [left, " ".join([right_words[0], *left_words[1:]])]
        return [left, right]  # two full forms ("head waiter/head waitress")
    return None


def gender_forms(text: str) -> list[str]:
    """Every full gender form of `text`, the form written first first; markers removed.

    Always at least one form (the cleaned text); never raises.
    """
    if not _MAYBE_GENDERED.search(text or ""):
        text = " ".join((text or "").split()).strip(" -–|,;:")
        return [text] if text else []
    text = _SPACES.sub(" ", GENDER_MARKERS.sub(" ", text or "")).strip(" -–|,;:")
    if not text:
        return []
    pieces = _SLASH.split(text)
    # (form, gender): the masculine and feminine of a slash pair, or None when not a pair.
    forms = [(pieces[0], None)]
    for piece in pieces[1:]:
        pairs = _slash_forms(forms[-1][0], piece)
        if pairs is None:
            # Not a gender pair: "boucher/charcutier" is one title with a slash in it.
            forms[-1] = (f"{forms[-1][0]}/{piece}", None)
        else:
            forms[-1:] = [(pairs[0], "m"), (pairs[1], "f")]
    expanded = []
    for form, gender in forms:
        spellings = _inside_forms(form)
        # An ending written inside a word of a pair's form goes with that form's gender:
        # "Serveur / Serveuse polyvalent(e)" → "Serveur polyvalent", "Serveuse polyvalente".
        if gender == "m":
            spellings = spellings[:1]
        elif gender == "f":
            spellings = spellings[-1:]
        for spelled in spellings:
            spelled = _SPACES.sub(" ", spelled).strip(" -–|,;:")
            if spelled and spelled not in expanded:
                expanded.append(spelled)
    return expanded or [text]
