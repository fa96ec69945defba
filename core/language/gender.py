"""Gender forms of job titles and labels, in the ways French and job boards write them.

- `gender_forms(text)` spells every full form: "Agent / Agente de sécurité" → ["Agent de
  sécurité", "Agente de sécurité"], "Conducteur / Conductrice de bus", "préposé(e) aux
  bénéficiaires", "infirmier.ère", "Vendeur/euse", "technicien·ne", "Animateur / -trice"; the
  shared tail ("de bus") goes with each form, and job-board markers ("(H/F)", "(h/f/x)",
  "m/w/d") are removed. A slash between two different words ("boucher/charcutier") is not a
  gender pair: the text is one form.
- `strip_gender_markers(text)` removes the markers and the inclusive endings, keeping the form
  written first: "Préposé(e) aux bénéficiaires (H/F)" → "Préposé aux bénéficiaires".
- `collapse_gender_pairs(text)` keeps the first form of "masculine / feminine" pairs:
  "accrocheur/accrocheuse" → "accrocheur".

Feminine endings are grammar: the table pairs a masculine ending with its feminine ("teur" /
"trice", "eur" / "euse", "ier" / "ière", "ien" / "ienne", "if" / "ive"...).
"""

import re

from core.language.folding import fold, fold_words
from core.language.stemming import stem

__all__ = ["collapse_gender_pairs", "gender_forms", "strip_gender_markers"]

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
    ("", "e"),
)
# What may follow a word as a feminine ending: "(e)", ".ère", "·ne", "/euse", "/-trice"...
_FRAGMENTS = (
    "e", "es", "ne", "nes", "le", "les", "te", "tes", "se", "ses", "ere", "eres", "iere",
    "ieres", "euse", "euses", "rice", "rices", "trice", "trices", "ive", "ives", "enne",
    "ennes", "ienne", "iennes", "onne", "onnes", "elle", "elles", "ette", "ettes", "esse",
    "sse", "eresse",
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


def strip_gender_markers(text):
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
    """Whether two words are gender forms of one another ("agent" / "agente")."""
    left, right = fold_words(left), fold_words(right)
    if not left or not right:
        return False
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
    """The full forms of "left / right" when it is a gender pair, else None."""
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
    if _same_word(left_words[-1], right_words[0]) and len(left_words) == 1:
        # "Agent / Agente de sécurité": the tail written once, after the second form.
        tail = right_words[1:]
        return [" ".join([left_words[0], *tail]), right]
    if _same_word(left_words[0], right_words[0]):
        if len(right_words) == 1 and len(left_words) > 1:
            # "Agent de sécurité / Agente"
            return [left, " ".join([right_words[0], *left_words[1:]])]
        return [left, right]  # two full forms
    return None


def gender_forms(text):
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
    forms = [pieces[0]]
    for piece in pieces[1:]:
        pairs = _slash_forms(forms[-1], piece)
        if pairs is None:
            # Not a gender pair: "boucher/charcutier" is one title with a slash in it.
            forms[-1] = f"{forms[-1]}/{piece}"
        else:
            forms[-1:] = pairs
    expanded = []
    for form in forms:
        for spelled in _inside_forms(form):
            spelled = _SPACES.sub(" ", spelled).strip(" -–|,;:")
            if spelled and spelled not in expanded:
                expanded.append(spelled)
    return expanded or [text]


def collapse_gender_pairs(text):
    """Keep one form of the "masculine/feminine" pairs of French labels and job titles.

    "accrocheur/accrocheuse" → "accrocheur", "Accrocheur / Accrocheuse" → "Accrocheur",
    "agent de sécurité/agente de sécurité" → "agent de sécurité".
    """
    parts = [part.strip() for part in re.split(r"\s*/\s*", text or "")]
    if len(parts) < 2:
        return text
    kept = [parts[0]]
    for part in parts[1:]:
        if _same_stem(kept[-1], part):
            continue
        kept.append(part)
    return " / ".join(kept)


def _same_stem(left, right):
    """Whether two phrases are the gender forms of one another (same words up to the ending)."""
    left_words, right_words = fold_words(left).split(), fold_words(right).split()
    if not left_words or not right_words:
        return False
    # "technicien/technicienne de maintenance": compare the last word before / the first after.
    return stem(left_words[-1]) == stem(right_words[0]) or [stem(w) for w in left_words] == [
        stem(w) for w in right_words
    ]
