"""Text normalisation for matching job titles and skills, in English and French.

Everything here is pure and language-aware only where it must be: case and accent folding,
job-board noise ("(h/f/x)", "H/F", "m/w/d", "#hashtag"), French masculine/feminine forms
("accrocheur/accrocheuse", "préposé(e)", "infirmier·ère"), a light plural/feminine stem that is
applied to both the indexed labels and the query (so its mistakes cancel out), and small
general-purpose lexicons: job-board abbreviations and Canadian French occupational terms.
"""

import re
import unicodedata
from functools import lru_cache

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'"})
_NON_WORD = re.compile(r"[^a-z0-9+#]+")
_SPACES = re.compile(r"\s+")

# Gender/diversity markers of job postings: (h/f), H/F/X, (m/w/d), (f/h), M/V/X (Belgium)...
_GENDER_MARKERS = re.compile(
    r"[\(\[]\s*[hfmwdvxe]\s*(?:[/|-]\s*[hfmwdvxe]\s*)+[\)\]]"
    r"|(?<![\w/])[hfmwdvx]\s*/\s*[hfmwdvx](?:\s*/\s*[hfmwdvx])*(?![\w/])",
    re.IGNORECASE,
)
# Inclusive French endings: "préposé(e)", "infirmier(ère)", "technicien.ne", "agent·e".
_INCLUSIVE = re.compile(r"(\w)\s*[\(\.·•]\s*(e|ne|le|te|ère|ere|euse|rice|trice|se)\s*\)?(?=\W|$)")
_HASHTAGS = re.compile(r"#\w+")

# Words that carry no meaning for matching an occupation or a skill.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "for",
        "to",
        "on",
        "at",
        "with",
        "by",
        "or",
        "as",
        "from",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "en",
        "et",
        "au",
        "aux",
        "un",
        "une",
        "pour",
        "sur",
        "par",
        "dans",
        "ou",
        "avec",
        "chez",
    ]
)

# Job-board abbreviations, written folded (lowercase, no accents). General-purpose, both languages.
ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "dev": "software developer",
    "devs": "software developers",
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "asst": "assistant",
    "assoc": "associate",
    "admin": "administrator",
    "sysadmin": "system administrator",
    "exec": "executive",
    "eng": "engineer",
    "engr": "engineer",
    "tech": "technician",
    "techn": "technician",
    "rep": "representative",
    "reps": "representatives",
    "acct": "accountant",
    "hr": "human resources",
    "it": "ict",
    "rn": "registered nurse",
    "lpn": "licensed practical nurse",
    "cna": "nursing assistant",
    "qa": "quality assurance",
    "qc": "quality control",
    "ux": "user experience",
    "ui": "user interface",
    "sw": "software",
    "hw": "hardware",
    "ops": "operations",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "coo": "chief operating officer",
    "vp": "vice president",
    "dir": "director",
    "supv": "supervisor",
    "coord": "coordinator",
    "spec": "specialist",
    "mktg": "marketing",
    "dba": "database administrator",
    "hgv": "heavy goods vehicle driver",
    "cdl": "truck driver",
    "bi": "business intelligence",
    "ml": "machine learning",
    "seo": "search engine optimisation",
    "pm": "project manager",
    "ba": "business analyst",
    "cs": "customer service",
    "csr": "customer service representative",
    "f&b": "food and beverage",
    "fb": "food and beverage",
    "hse": "health safety environment",
    "ehs": "health safety environment",
    "sde": "software developer",
    "swe": "software engineer",
}
ABBREVIATIONS_FR = {
    "resp": "responsable",
    "adj": "adjoint",
    "tech": "technicien",
    "techn": "technicien",
    "ing": "ingenieur",
    "dir": "directeur",
    "dev": "developpeur logiciel",
    "rh": "ressources humaines",
    "it": "informatique",
    "sav": "service apres vente",
    "btp": "batiment travaux publics",
    "ash": "agent de service hospitalier",
    "comm": "commercial",
    "cial": "commercial",
    "assist": "assistant",
    "admin": "administratif",
}

# Canadian French (Québec) occupational terms that differ from the European French of ESCO's
# labels, written folded. Each maps to the European French wording ESCO uses for the same job,
# which is added to the query (the Canadian wording stays in the query too). Hand-written from
# Québec usage (Office québécois de la langue française, Emploi-Québec job titles); it lists
# general vocabulary, never the query sets of the bench.
QUEBEC_FRENCH = {
    "prepose aux beneficiaires": "aide soignant en institution",
    "pab": "prepose aux beneficiaires aide soignant en institution",
    "prepose a l entretien menager": "agent d entretien",
    "prepose a l entretien": "agent d entretien",
    "camionneur": "conducteur de poids lourd",
    "debosseleur": "carrossier",
    "gardien de securite": "agent de securite",
    "agent de securite": "agent de securite",
    "commis de bureau": "employe de bureau",
    "commis comptable": "aide comptable",
    "commis d epicerie": "employe de libre service",
    "commis aux comptes fournisseurs": "aide comptable",
    "adjoint administratif": "assistant administratif",
    "adjointe administrative": "assistant administratif",
    "technicien en pharmacie": "preparateur en pharmacie",
    "technicien ambulancier": "ambulancier",
    "paramedic": "ambulancier",
    "representant des ventes": "representant commercial",
    "journalier": "ouvrier manoeuvre",
    "educateur en service de garde": "educateur de jeunes enfants",
    "educateur a la petite enfance": "educateur de jeunes enfants",
    "educatrice en garderie": "educateur de jeunes enfants",
    "enseignant au primaire": "professeur des ecoles",
    "enseignant au secondaire": "professeur dans l enseignement secondaire",
    "technicien en education specialisee": "educateur specialise",
    "concierge d immeuble": "gardien d immeuble",
    "cariste": "conducteur de chariot elevateur",
    "operateur de chariot elevateur": "cariste conducteur de chariot elevateur",
    "infirmiere auxiliaire": "infirmier auxiliaire",
    "travailleur de rue": "educateur de rue",
    "brigadier scolaire": "agent de circulation scolaire",
    "machiniste": "mecanicien outilleur",
    "gerant": "directeur de magasin",
    "plongeur": "plongeur en restauration",
    "courtier immobilier": "agent immobilier",
    "technicien en genie civil": "technicien genie civil",
}


def fold(text):
    """Lowercase, strip accents and ligatures, keep letters and digits, single spaces."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def strip_noise(text):
    """Remove job-board noise that says nothing about the job: (h/f), m/w/d, #tags, "(e)"."""
    text = _HASHTAGS.sub(" ", text or "")
    text = _GENDER_MARKERS.sub(" ", text)
    text = _INCLUSIVE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip(" -–|,;:")


_SLASH = re.compile(r"\s*/\s*")


def gender_forms(text):
    """Every full form of a title written with gender pairs, masculine (first written) first.

    "Agent / Agente de sécurité" → ["Agent de sécurité", "Agente de sécurité"] (the tail
    written once is shared), "conducteur de bus/conductrice de bus" → both,
    "Conducteur routier / Conductrice routière de marchandises" → both with "de marchandises",
    "accrocheur/accrocheuse" → both. A slash between words that are not gender forms of one
    another ("Welder/Fabricator", "Bangsar/Stacks") is left as written: one form, the text.

    This is the only gender-pair rule of the search: swap it here for the language toolkit's
    when that lands (core/language).
    """
    text = text or ""
    parts = _SLASH.split(text)
    if len(parts) < 2:
        return [text]
    forms, paired_any = [parts[0]], False
    for part in parts[1:]:
        paired = _pair(forms[-1], part)
        if paired is None:
            forms.append(part)  # an alternative title, or not a pair at all (decided below)
        else:
            forms[-1], feminine = paired
            forms.append(feminine)
            paired_any = True
    if not paired_any:
        # No gender pair: the slash joins other things ("Welder/Fabricator"): keep the text.
        return [text]
    return list(dict.fromkeys(form.strip() for form in forms if form.strip()))


def _pair(left, right):
    """(left completed with the shared tail, right) when `right` starts with the gender forms
    of `left`'s last words; None when the two are not gender forms of one another."""
    left_words, right_words = left.split(), right.split()
    if not left_words or not right_words:
        return None
    # The longest run of left's last words that right begins with, word for word as gender
    # forms ("Conducteur routier" / "Conductrice routière de ..."): left's head is what right
    # repeats, right's rest is the tail both share.
    for size in range(min(len(left_words), len(right_words)), 0, -1):
        head = left_words[len(left_words) - size :]
        if all(_gender_variants(a, b) for a, b in zip(head, right_words[:size], strict=True)):
            if head == right_words and len(right_words) == size:
                return None  # the same words twice: nothing to pair
            # Words before the head are shared too: "Ingénieur commercial / commerciale".
            before = left_words[: len(left_words) - size]
            return " ".join(left_words + right_words[size:]), " ".join(before + right_words)
    return None


def _gender_variants(left, right):
    """Whether two written words are the same word up to a gender or number ending:
    agent/agente, conducteur/conductrice, chef/cheffe, aide-soignant/aide-soignante."""
    left_words, right_words = fold(left).split(), fold(right).split()
    if not left_words or len(left_words) != len(right_words):
        return False
    return all(_same_word(a, b) for a, b in zip(left_words, right_words, strict=True))


def _same_word(left, right):
    if left == right or stem(left) == stem(right):
        return True
    short, long = sorted((left, right), key=len)
    # A feminine made by adding up to three letters: chef/cheffe, maitre/maitresse.
    return len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 3


def collapse_gender_pairs(text):
    """The first (masculine) full form of a title written with gender pairs
    ("Agent / Agente de sécurité" → "Agent de sécurité"); see gender_forms."""
    return gender_forms(text)[0]


# Feminine and plural endings (folded) and the masculine singular ending they map to.
_ENDINGS = (
    ("trices", "teur"),
    ("trice", "teur"),
    ("euses", "eur"),
    ("euse", "eur"),
    ("eresses", "eur"),
    ("eresse", "eur"),
    ("ieres", "ier"),
    ("iere", "ier"),
    ("eres", "er"),
    ("ere", "er"),
    ("iennes", "ien"),
    ("ienne", "ien"),
    ("ennes", "en"),
    ("enne", "en"),
    ("onnes", "on"),
    ("onne", "on"),
    ("elles", "el"),
    ("elle", "el"),
    ("ettes", "et"),
    ("ette", "et"),
    ("ives", "if"),
    ("ive", "if"),
    ("ees", "e"),
    ("ee", "e"),
    ("aux", "al"),
    ("antes", "ant"),
    ("ante", "ant"),
    ("entes", "ent"),
    ("ente", "ent"),
    ("ates", "at"),
    ("ate", "at"),
    ("ies", "y"),
)


@lru_cache(maxsize=200_000)
def stem(word):
    """A light stem that merges French masculine/feminine and singular/plural forms.

    Applied to indexed labels and queries alike, so an imperfect merge ("carrière" →
    "carrier") never hurts: both sides get the same stem.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)] + replacement
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        return word[:-1]
    return word


def expand(folded, lang):
    """Spell out abbreviations and add European French for Canadian French terms.

    `folded` is already folded; the result is folded too. Canadian terms are added (not
    replaced) so a label that uses them still matches.
    """
    words = folded.split()
    table = ABBREVIATIONS_FR if lang == "fr" else ABBREVIATIONS
    expanded = " ".join(table.get(word, ABBREVIATIONS.get(word, word)) for word in words)
    if lang == "fr":
        stemmed = " " + " ".join(stem(word) for word in words) + " "
        additions = [
            target
            for source, target in _QUEBEC_STEMMED.items()
            if f" {source} " in stemmed and target not in expanded
        ]
        if additions:
            expanded = " ".join([expanded, *additions])
    return expanded


_QUEBEC_STEMMED = {
    " ".join(stem(word) for word in source.split()): target
    for source, target in QUEBEC_FRENCH.items()
}


def tokens(text):
    """The stemmed content words of an already folded text."""
    return [stem(word) for word in text.split() if word not in STOPWORDS]


def clean_label(text):
    """A readable form of a label or query for the sentence encoder: no noise, the first
    (masculine) full form of gender pairs."""
    return collapse_gender_pairs(strip_noise(text))


def label_forms(text):
    """The full forms of a label or query with its noise removed ("Agent / Agente de sécurité
    (H/F)" → "Agent de sécurité", "Agente de sécurité"); one form when it has no gender pair."""
    return gender_forms(strip_noise(text))


# Where a job-board title's head ends: " - ", " | ", an opening bracket, a comma, a colon.
_HEAD_END = re.compile(r"\s+[-–—|]\s+|\s*[(\[,:;]")


def query_forms(query):
    """The forms of a query the search reads: its full gender forms (label_forms), and for a
    title that goes on after its head ("Kitchen Commis - Bangsar/Stacks", "Assistant, Finance",
    "Sales Engineer (Wireless Systems)") the head alone too. The extra words may be the job's
    field or mere noise (a place, a shift, a company): reading both keeps either."""
    forms = label_forms(query)
    heads = []
    for form in forms:
        head = _HEAD_END.split(form, 1)[0].strip()
        if head and head != form and tokens(fold(head)):
            heads.append(head)
    return forms + [head for head in heads if head not in forms]


# Letters French writes and English does not (in words English has borrowed too, "café",
# "résumé", they are rare in job titles).
_FRENCH_LETTERS = re.compile(r"[éèêëàâçîïôûùœ]", re.IGNORECASE)


def has_french_accent(text):
    """Whether `text` holds a letter with a French accent (é, è, à, ç...)."""
    return bool(_FRENCH_LETTERS.search(text or ""))


def normalise_query(query, lang="en"):
    """Folded, noise-free, abbreviation-expanded text of a query (all its gender forms),
    ready for matching."""
    return " ".join(expand(fold(form), lang) for form in query_forms(query))
