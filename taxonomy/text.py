"""Query normalisation for matching job titles and skills, in English and French.

Folding, stemming and gender forms come from the language toolkit (`core.language`); this
module adds what is particular to search: job-board noise ("#hashtag"), the words a title match
ignores, and small general-purpose lexicons: job-board abbreviations and Canadian French
occupational terms.
"""

import re

from core.language import fold_words, gender_forms, stem, strip_gender_markers

_SPACES = re.compile(r"\s+")
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


def strip_noise(text: str) -> str:
    """Remove job-board noise that says nothing about the job: (h/f), m/w/d, #tags, "(e)"."""
    return strip_gender_markers(_HASHTAGS.sub(" ", text or ""))


def expand(folded: str, lang: str) -> str:
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


def tokens(text: str) -> list[str]:
    """The stemmed content words of an already folded text."""
    return [stem(word) for word in text.split() if word not in STOPWORDS]


def label_forms(text: str) -> list[str]:
    """The full gender forms of a label or query, noise removed, the form written first first:
    "Agent / Agente de sécurité (H/F)" → "Agent de sécurité", "Agente de sécurité"
    (core.language.gender_forms); one form when it has no gender pair."""
    without_tags = _HASHTAGS.sub(" ", text or "")
    return gender_forms(without_tags) or [strip_noise(text)]


def clean_label(text: str) -> str:
    """A readable form of a label or query for the sentence encoder: no noise, the first
    full gender form ("conducteur/conductrice de bus" → "conducteur de bus")."""
    return label_forms(text)[0]


# Where a job-board title's head ends: " - ", " | ", an opening bracket, a comma, a colon.
_HEAD_END = re.compile(r"\s+[-–—|]\s+|\s*[(\[,:;]")


def query_forms(query: str) -> list[str]:
    """The forms of a query the search reads: its full gender forms (label_forms), and for a
    title that goes on after its head ("Kitchen Commis - Bangsar/Stacks", "Assistant, Finance",
    "Sales Engineer (Wireless Systems)") the head alone too. The extra words may be the job's
    field or mere noise (a place, a shift, a company): reading both keeps either."""
    forms = label_forms(query)
    heads = []
    for form in forms:
        head = _HEAD_END.split(form, 1)[0].strip()
        if head and head != form and tokens(fold_words(head)):
            heads.append(head)
    return forms + [head for head in heads if head not in forms]


def normalise_query(query: str, lang: str = "en") -> str:
    """Folded, noise-free, abbreviation-expanded text of a query (all its forms), ready for
    matching."""
    return " ".join(expand(fold_words(form), lang) for form in query_forms(query))
