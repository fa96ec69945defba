"""Does an answer to "What are your career goals?" match the job applied for? EN and FR.

`check_answer(posting_text, answer_text, lang="en")` returns the JSON contract

    {"aligned": true|false, "issues": [{"code", "message"}], "suggestions": [...]}

with stable issue codes, in this order:

- `contradicts_role`: the answer wants to leave or avoid what the job is about ("a role that
  doesn't involve working with customers as much" for a sales manager posting): an avoidance
  construct ("doesn't involve", "less", "away from", "ne plus", "moins de", "éviter", "sans"...)
  attached to one of the posting's core activities;
- `unrelated_field`: the answer aims at another field than the posting's;
- `no_value_to_employer`: nothing says how the candidate will add value to the business;
- `no_win_win`: nothing says how this job serves the candidate's goal;
- `vague`: no horizon (no "in three years", "à long terme"...) or only vague wishes.

`aligned` is true only when there is no issue at all: each of these is something an interviewer
notices, so none is minor. Messages and suggestions are in `lang`; the last suggestion is an
example answer built from the posting's own key terms.
"""

import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.language import content_stems as normalise_tokens
from core.language import find_deadline, find_phrases, fold, original_words

__all__ = ["CODES", "FIELDS", "check_answer", "fields_of"]

CODES = ("contradicts_role", "unrelated_field", "no_value_to_employer", "no_win_win", "vague")


@dataclass(frozen=True)
class Field:
    name: str
    label: object  # lazy translated label
    terms: tuple  # folded EN and FR terms that signal the field
    core: tuple  # the field's core activities (what an answer must not run away from)
    value: object  # how one adds value in this field, for the example answer
    next_step: object  # where one grows from here, for the example answer


def _f(*terms):
    return tuple(dict.fromkeys(fold(t) for t in terms))


FIELDS = (
    Field(
        "sales",
        gettext_lazy("sales"),
        _f("sales", "selling", "sell", "quota", "revenue", "prospect", "prospecting",
           "business development", "account manager", "key accounts", "crm", "pipeline",
           "vente", "ventes", "vendre", "representant", "developpement des affaires",
           "chiffre d'affaires", "prospection", "objectifs de vente", "comptes clients"),
        _f("customer", "customers", "client", "clients", "clientele", "selling", "sales",
           "sell", "prospects", "prospecting", "vente", "ventes", "vendre", "prospection",
           "negotiation", "negociation", "quota", "accounts"),
        gettext_lazy("grow revenue and keep your customers loyal"),
        gettext_lazy("leading a larger sales team"),
    ),
    Field(
        "health",
        gettext_lazy("health care"),
        _f("nurse", "nursing", "patient", "patients", "care", "clinical", "hospital", "clinic",
           "health", "residents", "long-term care", "infirmier", "infirmiere", "soins",
           "patient", "patients", "sante", "hopital", "clinique", "chsld", "residents",
           "beneficiaires", "prepose aux beneficiaires", "preposee aux beneficiaires",
           "aide-soignant", "medication", "medicaments", "pediatric", "pediatrics", "pediatrie",
           "intensive care", "icu", "soins intensifs", "emergency room", "urgence"),
        _f("patient", "patients", "care", "caring", "bedside", "residents", "soins",
           "beneficiaires", "residents", "hygiene", "shifts", "quarts", "clinical", "clinique",
           "night shifts", "quarts de nuit", "medication", "medicaments"),
        gettext_lazy("give your patients safe, attentive care"),
        gettext_lazy("taking on a clinical leadership role"),
    ),
    Field(
        "software",
        gettext_lazy("software development"),
        _f("developer", "software", "programming", "code", "coding", "python", "java",
           "javascript", "typescript", "react", "django", "api", "apis", "backend", "frontend",
           "web application", "devops", "cloud", "developpeur", "developpeuse", "logiciel",
           "logiciels", "programmation", "applications web", "infonuagique"),
        _f("code", "coding", "programming", "software", "developing", "development",
           "programmation", "developpement", "logiciel", "logiciels", "apis", "api", "python",
           "javascript", "applications"),
        gettext_lazy("ship reliable features your users depend on"),
        gettext_lazy("becoming a senior developer who mentors others"),
    ),
    Field(
        "accounting",
        gettext_lazy("accounting"),
        _f("accountant", "accounting", "bookkeeping", "accounts payable", "accounts receivable",
           "payroll", "financial statements", "reconciliation", "reconciliations", "audit",
           "tax", "taxes", "ledger", "cpa", "comptable", "comptabilite", "tenue de livres",
           "comptes fournisseurs", "comptes clients", "paie", "etats financiers",
           "conciliation", "conciliations", "fiscalite", "impots", "grand livre",
           "technicien comptable", "technicienne comptable"),
        _f("accounting", "bookkeeping", "numbers", "figures", "spreadsheets", "payroll",
           "reconciliations", "reconciliation", "financial statements", "audit", "comptabilite",
           "chiffres", "paie", "conciliations", "conciliation", "etats financiers",
           "tenue de livres", "fiscalite", "impots", "taxes", "tax"),
        gettext_lazy("keep your books accurate and your closings on time"),
        gettext_lazy("earning the CPA designation"),
    ),
    Field(
        "education",
        gettext_lazy("teaching"),
        _f("teacher", "teaching", "students", "classroom", "school", "curriculum", "lesson",
           "lessons", "enseignant", "enseignante", "enseignement", "eleves", "classe", "ecole",
           "pedagogique"),
        _f("teaching", "students", "classroom", "children", "kids", "enseigner", "enseignement",
           "eleves", "enfants", "classe"),
        gettext_lazy("help your students succeed"),
        gettext_lazy("leading the school's pedagogical projects"),
    ),
    Field(
        "trades",
        gettext_lazy("construction and trades"),
        _f("construction", "electrician", "plumber", "carpenter", "welder", "welding",
           "renovation", "job site", "building sites", "electricien", "plombier", "charpentier",
           "menuisier", "soudeur", "soudage", "chantier", "chantiers", "renovation"),
        _f("construction", "job site", "job sites", "building", "welding", "wiring", "chantier",
           "chantiers", "soudage", "outdoor work", "manual work", "travail manuel"),
        gettext_lazy("deliver safe, on-schedule work on your sites"),
        gettext_lazy("becoming a site supervisor"),
    ),
    Field(
        "hospitality",
        gettext_lazy("hospitality and food service"),
        _f("restaurant", "kitchen", "chef", "cook", "hotel", "guests", "hospitality", "menu",
           "cuisine", "cuisinier", "cuisiniere", "hotellerie", "restauration",
           "clients de l'hotel"),
        _f("guests", "kitchen", "cooking", "cuisine", "service", "restaurant", "clients"),
        gettext_lazy("give your guests a service they come back for"),
        gettext_lazy("running a kitchen or a dining room"),
    ),
    Field(
        "logistics",
        gettext_lazy("logistics and transport"),
        _f("warehouse", "logistics", "shipping", "inventory", "supply chain", "truck", "driver",
           "delivery", "deliveries", "entrepot", "logistique", "expedition", "inventaire",
           "chaine d'approvisionnement", "camion", "chauffeur", "livraison", "livraisons"),
        _f("driving", "deliveries", "warehouse", "inventory", "shipping", "conduire",
           "livraisons", "entrepot", "inventaire", "expedition"),
        gettext_lazy("keep your deliveries accurate and on time"),
        gettext_lazy("coordinating a logistics team"),
    ),
    Field(
        "marketing",
        gettext_lazy("marketing and communication"),
        _f("marketing", "brand", "campaign", "campaigns", "social media", "content", "seo",
           "communications", "marque", "campagne", "campagnes", "medias sociaux",
           "reseaux sociaux", "contenu", "communication marketing"),
        _f("campaigns", "content", "social media", "brand", "marketing", "campagnes", "contenu",
           "medias sociaux", "reseaux sociaux", "marque"),
        gettext_lazy("reach more of the right customers"),
        gettext_lazy("leading the marketing strategy"),
    ),
    Field(
        "hr",
        gettext_lazy("human resources"),
        _f("human resources", "recruitment", "recruiting", "hiring", "onboarding",
           "labour relations", "ressources humaines", "recrutement", "embauche",
           "relations de travail", "talent"),
        _f("recruiting", "recruitment", "hiring", "employees", "onboarding", "recrutement",
           "employes", "embauche", "people"),
        gettext_lazy("hire and keep the people you need"),
        gettext_lazy("becoming an HR business partner"),
    ),
    Field(
        "arts",
        gettext_lazy("arts and design"),
        _f("graphic design", "illustration", "photography", "music", "acting", "painting",
           "fashion", "film", "design graphique", "photographie", "musique", "theatre",
           "peinture", "mode", "cinema", "artiste", "artist"),
        _f("design", "illustration", "photography", "music", "art"),
        gettext_lazy("give your brand a distinctive look"),
        gettext_lazy("leading creative projects"),
    ),
)  # fmt: skip

_FIELD_BY_NAME = {f.name: f for f in FIELDS}


def _hits(folded, phrases):
    return find_phrases(folded, tuple(phrases))


def fields_of(text):
    """{field name: number of distinct field terms in text}, for fields with at least one."""
    folded = fold(text)
    scores = {}
    for f in FIELDS:
        hits = _hits(folded, f.terms)
        if hits:
            scores[f.name] = len(hits)
    return scores


def _top_field(scores):
    if not scores:
        return None
    best = max(scores.values())
    leaders = [name for name, score in scores.items() if score == best]
    return leaders[0] if len(leaders) == 1 else leaders[0]


# --- Cues ------------------------------------------------------------------------------------

AVOID_FORWARD = (
    r"doesn'?t involve|does not involve|don'?t involve|do not involve|wouldn'?t involve|"
    r"without|away from|get out of|getting out of|leave|leaving|quit|quitting|stop|stopping|"
    r"avoid|avoiding|escape|no longer|not have to|don'?t have to|do not have to|"
    r"don'?t want to|do not want to|tired of|fed up with|instead of|rather than|"
    r"n'implique pas|n'implique plus|sans|loin de|quitter|sortir de|arreter|eviter|"
    r"ne plus|ne veux plus|n'aie plus|n'ai plus|ne pas avoir a|plus jamais|fini le|fini les|"
    r"au lieu de|plutot que|m'eloigner de|s'eloigner de|me detacher de|delaisser|laisser tomber|"
    r"ne serait plus|ne soit plus|n'est plus|ne plus avoir"
)
AVOID_BOTH = r"less|fewer|not as much|as much|as often|moins de|moins|le moins possible|plus autant"
AVOID = re.compile(r"(?<![\w'])(?:" + AVOID_FORWARD + "|" + AVOID_BOTH + r")(?![\w])")
_BOTH = re.compile(r"^(?:" + AVOID_BOTH + r")$")
# Objects after "without"/"sans" that are quality words, not activities: "without errors".
HARMLESS = _f(
    "error", "errors", "mistake", "mistakes", "delay", "delays", "compromising", "sacrificing",
    "losing", "fail", "failing", "erreur", "erreurs", "retard", "retards", "compromettre",
    "sacrifier", "perdre", "faute", "fautes", "incident", "incidents", "waste", "gaspillage",
)  # fmt: skip
CLAUSE_END = re.compile(
    r"[.;:!?,]|\b(?:and|but|so|because|while|which|to|et|mais|donc|parce|car|afin|pour|tandis)\b"
)

VALUE_VERB = re.compile(
    r"\b(?:contribute|contributing|bring|bringing|help|helping|add value|adding value|deliver|"
    r"delivering|increase|increasing|grow|growing|improve|improving|reduce|reducing|support|"
    r"supporting|serve|serving|build|building|drive|driving|exceed|exceeding|strengthen|"
    r"mentor|mentoring|train|training|save|saving|boost|boosting|win|winning|keep|keeping|"
    r"make sure|ensure|ensuring|give|giving|provide|providing|offer|offering|"
    r"contribuer|apporter|aider|ajouter de la valeur|augmenter|ameliorer|reduire|soutenir|"
    r"servir|batir|faire croitre|faire grandir|depasser|renforcer|offrir|assurer|garantir|"
    r"fideliser|former|encadrer|livrer|faire economiser|donner|prodiguer)\b"
)
BENEFICIARY = re.compile(
    r"\b(?:your|yours|you|votre|vos|vous)\b"
    r"|\b(?:the|our|its|l'|la|le|les|notre|nos|leur|leurs|ses)\s*(?:\w+\s)?"
    r"(?:team|teams|company|business|organi[sz]ation|employer|clients|customers|patients|"
    r"residents|guests|students|users|bottom line|equipe|entreprise|organisation|employeur|"
    r"clientele|beneficiaires|residents|eleves|usagers|chiffre d'affaires)\b"
    r"|\badd(?:ing)? value\b|\bvaleur ajoutee\b|\bajouter de la valeur\b"
)
# "I will ... your ...": a commitment to the employer, whatever the verb.
COMMITMENT = re.compile(
    r"\b(?:i will|i'll|i can|i would|i'd|je vais|je pourrai|je pourrais|je compte|"
    r"j'aiderai|j'apporterai|je vous|je contribuerai|j'offrirai|j'assurerai)\b"
)

WIN_WIN = re.compile(
    r"\b(?:this|the|your)\s+(?:\w+\s+)?(?:role|position|job|opportunity|post)\b[^.]{0,80}?"
    r"\b(?:help|helps|allow|allows|let|lets|give|gives|prepare|prepares|step|steps|stepping|"
    r"fit|fits|build|develop|grow|learn|path|toward|towards|closer|perfect place|right place|"
    r"pays? for|funds?|finances?)"
    r"|\b(?:in|through|with)\s+this\s+(?:role|position|job)\b[^.]{0,60}?"
    r"\b(?:i (?:can|will|would|could)|learn|develop|grow|build|gain|deepen)"
    r"|\b(?:here|with you|at your company|in your team|on your team|at [A-Z]\w+)\b[^.]{0,60}?"
    r"\b(?:learn|develop|grow|gain|deepen|build my)"
    r"|\b(?:ce|cet|cette|le|la)\s+(?:\w+\s+)?(?:poste|role|emploi|travail|occasion|offre)\b"
    r"[^.]{0,80}?(?:permet|permettra|permettrait|aidera|aiderait|donnera|donnerait|etape|"
    r"tremplin|rapprochera|rapprocherait|preparera|correspond|me fera|me ferait|paiera|paie|"
    r"financera|finance)"
    r"|\b(?:dans|grace a|avec|par)\s+ce\s+(?:poste|role|emploi)\b[^.]{0,60}?"
    r"(?:je pourrai|je pourrais|developper|apprendre|acquerir|progresser|gagner|approfondir)"
    r"|\b(?:chez vous|ici|dans votre (?:equipe|entreprise|organisation|etablissement))\b"
    r"[^.]{0,60}?(?:developper|apprendre|acquerir|progresser|approfondir)"
)

HORIZON = re.compile(
    r"\b(?:long[- ]term|short[- ]term|medium[- ]term|in the (?:coming|next) (?:few )?years|"
    r"over the (?:next|coming) (?:few )?years|in (?:a|one|two|three|four|five|ten|\d+) years?|"
    r"(?:two|three|four|five|ten|\d+)[- ]years?(?: from now)?|a (?:court|moyen|long) terme|"
    r"dans les (?:prochaines|annees a venir)|d'ici (?:quelques|deux|trois|quatre|cinq|dix|\d+)|"
    r"au cours des (?:prochaines|\w+ prochaines)|dans (?:un|deux|trois|quatre|cinq|dix|\d+) ans)"
)
VAGUE_WISH = re.compile(
    r"\b(?:be successful|succeed|be happy|grow|see where (?:it|life) takes me|see what happens|"
    r"do my best|something interesting|something stable|better opportunities|new challenges|"
    r"reussir|etre heureux|etre heureuse|grandir|voir ou (?:ca|cela|la vie) me mene|"
    r"faire de mon mieux|quelque chose d'interessant|quelque chose de stable|"
    r"nouveaux defis|de meilleures occasions|evoluer)\b"
)

ROLE_IN_POSTING = re.compile(
    r"\b(?:hiring|seeking|looking for|recruiting|recherchons|recrute|recrutons|cherchons|"
    r"embauchons|embauche)\s+(?:an?\s+|une?\s+|des\s+|a new\s+|un\(e\)\s+)?"
    r"(?P<role>[^.,:;!\n()]{3,60}?)(?=\s+(?:to|who|for|pour|qui|afin|a|au|in|en|with|avec|"
    r"that|joining|to join|dans|chez)\b|[.,:;!\n(])"
)


# --- The check -------------------------------------------------------------------------------


@dataclass
class Alignment:
    issues: list
    suggestions: list

    @property
    def aligned(self):
        return not self.issues

    def as_dict(self):
        return {
            "aligned": self.aligned,
            "issues": [{"code": code, "message": message} for code, message in self.issues],
            "suggestions": list(self.suggestions),
        }


def check_answer(posting_text, answer_text, lang="en"):
    """Judge an answer to "What are your career goals?" against a job posting.

    Returns the JSON contract: {"aligned", "issues": [{"code", "message"}], "suggestions"}.
    """
    lang = lang if lang in ("en", "fr") else "en"
    with translation.override(lang):
        return _check(posting_text or "", answer_text or "").as_dict()


def _check(posting, answer):
    posting_folded = re.sub(r"\s+", " ", fold(posting))
    answer_folded = re.sub(r"\s+", " ", fold(answer))
    posting_scores = fields_of(posting)
    posting_field = _FIELD_BY_NAME.get(_top_field(posting_scores))
    core_terms = _core_terms(posting_folded, posting_field)
    issues, suggestions = [], []

    avoided = _contradiction(answer_folded, _avoidable_terms(core_terms, posting_field))
    answer_for_field = answer_folded
    if avoided:
        phrase, term = avoided
        term = original_words(posting, term) if _hits(posting_folded, (term,)) else term
        issues.append(
            (
                "contradicts_role",
                _(
                    "The answer wants less of what this job is about: “%(phrase)s”, while the "
                    "posting centres on “%(term)s”."
                )
                % {"phrase": original_words(answer, phrase), "term": term},
            )
        )
        suggestions.append(
            _(
                "Show that you want more of “%(term)s”, not less: say what you enjoy in it and "
                "how you want to grow in it."
            )
            % {"term": term}
        )
        # What one runs away from is not where one aims.
        answer_for_field = answer_folded.replace(phrase, " ")

    answer_scores = fields_of(answer_for_field)
    answer_field = _FIELD_BY_NAME.get(_top_field(answer_scores))
    if (
        posting_field
        and answer_field
        and answer_field is not posting_field
        and answer_scores.get(posting_field.name, 0) < answer_scores[answer_field.name]
    ):
        issues.append(
            (
                "unrelated_field",
                _("The answer aims at %(answer_field)s, but this job is in %(posting_field)s.")
                % {"answer_field": answer_field.label, "posting_field": posting_field.label},
            )
        )
        suggestions.append(
            _(
                "Describe a goal within %(field)s: the role you want to grow into and the "
                "skills from this posting you want to master."
            )
            % {"field": posting_field.label}
        )

    if not _has_value(answer_folded):
        issues.append(
            (
                "no_value_to_employer",
                _(
                    "The answer does not say how you will add value to the business: its team, "
                    "its clients or its results."
                ),
            )
        )
        suggestions.append(
            _("Add one sentence on what you will bring: for example, “I will help you %(value)s”.")
            % {"value": posting_field.value if posting_field else _("reach your goals")}
        )

    if not WIN_WIN.search(answer_folded) and not WIN_WIN.search(answer):
        issues.append(
            (
                "no_win_win",
                _("The answer does not say how this job serves your own goal."),
            )
        )
        suggestions.append(
            _(
                "Link the job to your goal: “This position is the right step toward %(next)s, "
                "because…”."
            )
            % {"next": posting_field.next_step if posting_field else _("more responsibility")}
        )

    vague = _vagueness(answer, answer_folded)
    if vague:
        issues.append(("vague", vague))
        suggestions.append(
            _("Give a horizon and a concrete aim: “In three years, I want to be a … who …”.")
        )

    if issues:
        suggestions.append(
            _("For example: “%(answer)s”")
            % {"answer": _example(posting, posting_folded, posting_field, core_terms)}
        )
    return Alignment(issues, suggestions)


def _core_terms(posting_folded, posting_field):
    """The posting's core activities, most telling first: its field's core terms present in it,
    then its frequent content words."""
    terms = []
    if posting_field:
        terms += [t for t in posting_field.core if _hits(posting_folded, (t,))]
        terms += [t for t in posting_field.terms if t not in terms and _hits(posting_folded, (t,))]
    return terms


def _avoidable_terms(core_terms, posting_field):
    """What an answer must not run away from: the posting's core terms, then its field's core
    vocabulary in either language ("selling" when the posting says "sales")."""
    extra = [t for t in posting_field.core if t not in core_terms] if posting_field else []
    return core_terms + extra


def _contradiction(answer_folded, core_terms):
    """(avoidance phrase, posting term) when the answer runs away from a core activity.

    The phrase is a stretch of the folded answer, so it can be quoted as the person wrote it.
    """
    if not core_terms:
        return None
    core_stems = {}
    for term in core_terms:
        for token in normalise_tokens(term):
            core_stems.setdefault(token, term)
    harmless = {t for h in HARMLESS for t in normalise_tokens(h)}
    for cue in AVOID.finditer(answer_folded):
        after = answer_folded[cue.end() :]
        end = CLAUSE_END.search(after, 1)
        stop = cue.end() + min(end.start() if end else len(after), 80)
        forward_words = normalise_tokens(answer_folded[cue.end() : stop])
        if forward_words and forward_words[0] in harmless:
            continue  # "without errors", "sans erreur"
        start = cue.start()
        if _BOTH.match(cue.group(0)):  # "less", "moins": the activity may come before
            before = answer_folded[: cue.start()]
            clause = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
            start = max(clause, len(before) - 60)
        for word in normalise_tokens(answer_folded[start:stop]):
            if word in core_stems:
                return answer_folded[start:stop].strip(), core_stems[word]
    return None


def _has_value(answer_folded):
    for sentence in re.split(r"[.;!?]", answer_folded):
        beneficiary = BENEFICIARY.search(sentence)
        if beneficiary and (VALUE_VERB.search(sentence) or COMMITMENT.search(sentence)):
            return True
    return False


def _vagueness(answer, answer_folded):
    content = normalise_tokens(answer_folded)
    wish = VAGUE_WISH.search(answer_folded)
    has_horizon = HORIZON.search(answer_folded) or _deadline_in(answer)
    concrete = fields_of(answer) or re.search(r"\d", answer_folded)
    if len(content) < 6:
        return _("The answer is too short to show a goal: say what you aim at and by when.")
    if wish and not concrete:
        return _(
            "The answer stays vague (“%(phrase)s”): name the role, the skills or the results "
            "you aim at."
        ) % {"phrase": original_words(answer, wish.group(0))}
    if not has_horizon:
        return _(
            "The answer has no horizon: say where you want to be and when (for example, in "
            "three years)."
        )
    return ""


def _deadline_in(answer):
    import datetime as dt

    found = find_deadline(answer, dt.date.today())
    return found.found or bool(found.imprecise)


def _example(posting, posting_folded, posting_field, core_terms):
    """An example answer built from the posting's key terms, in the active language."""
    role = ROLE_IN_POSTING.search(posting_folded)
    role_text = original_words(posting, role["role"].strip()) if role else ""
    if not role_text:
        # The title: the posting's first segment, when it is short enough to be one.
        first = re.split(r"[.\n–—:|(]", posting.strip(), maxsplit=1)[0].strip()
        role_text = first if 0 < len(first) <= 60 else ""
    role_text = role_text if role_text.isupper() else role_text.lower()
    if not core_terms:
        core_terms = _frequent_words(posting_folded)
    terms, stems = [], set()
    for term in core_terms:
        quoted = original_words(posting, term)
        quoted = quoted if quoted.isupper() else quoted.lower()
        stem = " ".join(normalise_tokens(quoted)).rstrip("s")
        if stem not in stems:
            stems.add(stem)
            terms.append(quoted)
        if len(terms) == 3:
            break
    value = posting_field.value if posting_field else _("reach your goals")
    next_step = posting_field.next_step if posting_field else _("taking on more responsibility")
    role = role_text or _("member of your team")
    if translation.get_language() == "en":
        role = ("an " if role[:1].lower() in "aeiou" else "a ") + role
    parts = {
        "role": role,
        "terms": _join(terms) if terms else _("the work this posting describes"),
        "value": value,
        "next": next_step,
    }
    return (
        _(
            "Over the next three years, I want to grow as %(role)s and go deeper into what this "
            "job is about: %(terms)s. In this role I will help you %(value)s, and this position "
            "is the right step toward %(next)s."
        )
        % parts
    )


def _frequent_words(folded):
    """The posting's most frequent long content words, for a posting of an unknown field."""
    counts = {}
    for word in re.findall(r"[a-z][a-z'-]{4,}", folded):
        if word not in _GENERIC_POSTING_WORDS and not word.startswith(("l'", "d'")):
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: -counts[w])[:3]


_GENERIC_POSTING_WORDS = {
    "about", "above", "after", "their", "there", "these", "those", "which", "where", "while",
    "would", "could", "should", "with", "looking", "hiring", "seeking", "recruiting", "welcome",
    "required", "requirements", "experience", "years", "skills", "ability", "asset", "position",
    "candidate", "candidates", "company", "apply", "other", "every", "nous", "recherchons",
    "votre", "notre", "leurs", "avoir", "etre", "exigences", "annees", "atout", "poste",
    "candidat", "entreprise", "postuler", "autres", "toutes", "tous",
}  # fmt: skip


def _join(items):
    if len(items) == 1:
        return items[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}
