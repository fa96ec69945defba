"""The SMART check of a career goal, in English and French: one rule for the web, API and CLI.

`check(text, lang="en", today=None, profile=None)` returns a `SmartResult`; `result.as_dict()`
is the JSON contract:

    {"lang", "criteria": {"specific", "measurable", "achievable", "relevant", "time_bound"},
     "horizon", "suggestions"}

where each criterion is {"met": true|false|null, "reason": "..."} (time_bound also carries
"deadline": "YYYY-MM-DD"|null). Achievable and relevant need the person's profile: without one
they are null, with a reason saying so. The check is pure Python and fast; it reads a compact
bilingual lexicon of roles, credentials, tools and action verbs (below) and, when the caller
passes `occupation_hits`, ESCO taxonomy search results as an extra signal.
"""

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from core.language import (
    Deadline,
    add_months,
    content_stems,
    detect_language,
    end_of_month,
    find_deadline,
    find_phrases,
    fold,
    horizon_of,
    original_words,
    span_of,
)

__all__ = [
    "LANGUAGES",
    "Profile",
    "SmartResult",
    "check",
    "detect_language",
    "profile_for",
]

LANGUAGES = ("en", "fr")

# --- Lexicon --------------------------------------------------------------------------------
# Folded (lower-case, accent-free). Multi-word entries are matched as phrases.

ROLES = (
    # English
    "manager", "director", "supervisor", "team lead", "team leader", "coordinator", "analyst",
    "developer", "programmer", "software engineer", "engineer", "designer", "architect",
    "nurse", "nurse practitioner", "physician", "pharmacist", "technician", "technologist",
    "accountant", "bookkeeper", "controller", "cpa", "auditor", "teacher", "instructor",
    "professor", "lecturer", "tutor", "counsellor", "counselor", "social worker", "psychologist",
    "electrician", "plumber", "carpenter", "welder", "mechanic", "machinist", "driver",
    "chef", "cook", "baker", "consultant", "advisor", "adviser", "specialist", "administrator",
    "assistant", "receptionist", "clerk", "cashier", "salesperson", "sales representative",
    "account executive", "recruiter", "paralegal", "lawyer", "notary", "scientist",
    "data scientist", "product owner", "project manager", "scrum master", "health care assistant",
    "caregiver", "paramedic", "dental hygienist", "translator", "interpreter", "journalist",
    "writer", "editor", "librarian", "entrepreneur", "founder", "owner", "partner", "officer",
    "agent", "inspector", "estimator", "buyer", "planner", "dispatcher", "foreman", "foreperson",
    # French (folded)
    "gestionnaire", "directeur", "directrice", "superviseur", "superviseure", "chef d'equipe",
    "coordonnateur", "coordonnatrice", "analyste", "developpeur", "developpeuse",
    "programmeur", "programmeuse", "ingenieur", "ingenieure", "concepteur", "conceptrice",
    "infirmier", "infirmiere", "infirmiere auxiliaire", "infirmier auxiliaire", "medecin",
    "pharmacien", "pharmacienne", "technicien", "technicienne", "technologue", "comptable",
    "teneur de livres", "controleur", "controleuse", "verificateur", "enseignant",
    "enseignante", "professeur", "professeure", "formateur", "formatrice", "tuteur",
    "conseiller", "conseillere", "travailleur social", "travailleuse sociale", "psychologue",
    "electricien", "electricienne", "plombier", "plombiere", "charpentier", "menuisier",
    "soudeur", "soudeuse", "mecanicien", "mecanicienne", "machiniste", "chauffeur",
    "cuisinier", "cuisiniere", "boulanger", "boulangere", "consultant", "consultante",
    "specialiste", "administrateur", "administratrice", "adjoint", "adjointe", "receptionniste",
    "commis", "caissier", "caissiere", "vendeur", "vendeuse", "representant", "representante",
    "recruteur", "recruteuse", "avocat", "avocate", "notaire", "scientifique", "chercheur",
    "chercheuse", "chargee de projet", "charge de projet", "chef de projet",
    "prepose aux beneficiaires", "preposee aux beneficiaires", "prepose", "preposee",
    "aide-soignant", "aide-soignante", "ambulancier", "hygieniste dentaire", "traducteur",
    "traductrice", "interprete", "journaliste", "redacteur", "redactrice", "bibliothecaire",
    "entrepreneur", "entrepreneure", "fondateur", "fondatrice", "proprietaire", "agent",
    "agente", "inspecteur", "inspectrice", "estimateur", "acheteur", "acheteuse",
    "planificateur", "planificatrice", "repartiteur", "contremaitre",
)  # fmt: skip

CREDENTIALS = (
    "certification", "certificate", "certified", "diploma", "degree", "bachelor", "bachelor's",
    "master's", "masters", "mba", "phd", "doctorate", "licence", "license", "permit",
    "accreditation", "designation", "pmp", "capm", "cpa", "cfa", "cma", "cissp", "aws",
    "azure", "scrum", "psm", "itil", "red seal", "toeic", "toefl", "ielts", "celpip", "tef",
    "tcf", "delf", "dalf", "ged", "dec", "dep", "aec", "asp", "baccalaureat", "bac",
    "maitrise", "doctorat", "diplome", "attestation", "permis", "certificat", "titre",
    "sceau rouge", "ordre des", "cours", "course", "program", "programme", "bootcamp",
    "training", "formation", "exam", "examen",
)  # fmt: skip

TOOLS_AND_SKILLS = (
    "python", "java", "javascript", "typescript", "sql", "excel", "power bi", "tableau", "react",
    "django", "c#", "c++", "linux", "sap", "salesforce", "quickbooks", "sage", "autocad",
    "photoshop", "figma", "git", "docker", "kubernetes", "english", "french", "spanish",
    "anglais", "francais", "espagnol", "mandarin", "german", "allemand", "public speaking",
    "prise de parole", "first aid", "premiers soins", "rcr", "cpr", "bookkeeping",
    "tenue de livres", "payroll", "paie", "accounting", "comptabilite", "negotiation",
    "negociation", "budgeting", "budget", "team leadership", "leadership", "coaching",
    "data analysis", "analyse de donnees", "machine learning", "cybersecurity",
    "cybersecurite", "customer service", "service a la clientele", "project management",
    "gestion de projet", "welding", "soudage", "forklift", "chariot elevateur",
)  # fmt: skip

# Broad domains: naming only one of these is not yet specific ("get better at management").
DOMAINS = {
    "management": "team-leadership", "leadership": "team-leadership",
    "gestion": "leadership d'equipe", "communication": "communication",
    "networking": "networking", "reseautage": "reseautage", "sales": "sales",
    "vente": "vente", "ventes": "vente", "marketing": "marketing", "coding": "programming",
    "programming": "programming", "programmation": "programmation", "english": "English",
    "anglais": "anglais", "french": "French", "francais": "francais", "writing": "writing",
    "redaction": "redaction", "finance": "finance", "organisation": "organisation",
    "organization": "organization", "time management": "time management",
    "gestion du temps": "gestion du temps", "teamwork": "teamwork",
    "travail d'equipe": "travail d'equipe", "career": "career", "carriere": "carriere",
    "job": "job", "emploi": "emploi", "travail": "travail", "work": "work",
}  # fmt: skip

VAGUE_PHRASES = (
    "be successful", "become successful", "succeed", "get better", "do better", "be better",
    "improve myself", "improve", "grow", "grow professionally", "be happy", "be happier",
    "reach my potential", "reach my full potential", "make progress", "move forward",
    "advance my career", "develop myself", "be the best", "work on myself", "find my passion",
    "level up", "go further", "more experience", "get ahead", "do more", "learn more",
    "m'ameliorer", "ameliorer", "reussir", "avoir du succes", "etre meilleur", "etre meilleure",
    "progresser", "avancer", "avancer dans ma carriere", "me developper", "evoluer",
    "me depasser", "grandir", "etre heureux", "etre heureuse", "aller plus loin",
    "trouver ma voie", "trouver ma passion", "faire mieux", "en apprendre plus",
)  # fmt: skip

CONCRETE_VERBS = (
    "complete", "finish", "obtain", "earn", "pass", "land", "get hired", "apply", "lead",
    "publish", "launch", "build", "write", "present", "become", "run", "teach", "mentor",
    "open", "start", "deliver", "organize", "organise", "attend", "join", "save", "increase",
    "reduce", "sell", "close", "hire", "train", "certify", "graduate", "enrol", "enroll",
    "register", "meet", "interview", "negotiate", "be promoted", "get promoted", "learn",
    "terminer", "completer", "obtenir", "decrocher", "reussir", "postuler", "diriger",
    "publier", "lancer", "construire", "rediger", "presenter", "devenir", "enseigner",
    "ouvrir", "demarrer", "livrer", "organiser", "assister", "suivre", "economiser",
    "augmenter", "reduire", "vendre", "conclure", "embaucher", "former", "m'inscrire",
    "rencontrer", "negocier", "etre promu", "etre promue", "apprendre",
)  # fmt: skip

# Measurable: a credential obtained, a position obtained, a level reached.
OBTAIN = (
    r"(?:get|getting|obtain|obtaining|earn|earning|pass|passing|complete|completing|finish|"
    r"finishing|receive|achieve|achieving|graduate with|write|obtenir|obtention|decrocher|"
    r"reussir|terminer|completer|passer|recevoir|avoir|finir)"
)
CREDENTIAL_RE = r"(?:" + "|".join(re.escape(c) for c in CREDENTIALS) + r")"
MEASURE_CREDENTIAL = re.compile(
    r"\b" + OBTAIN + r"\b(?:\s+[\w'-]+){0,4}?\s+(?:[a-z]')?" + CREDENTIAL_RE + r"\b"
)
POSITION = re.compile(
    r"\b(?:land|get|obtain|secure|find|accept|start)\s+(?:a|an|my|the)?\s*(?:new\s+|first\s+|"
    r"full-time\s+|permanent\s+)?(?:job|position|role|post|contract|internship)\s+(?:as|in|at|of)\b"
    r"|\b(?:get|be|become)\s+(?:hired|promoted)\b"
    r"|\bbecome\s+(?:a|an|the)\s+[\w'-]+(?:\s+[\w'-]+)?"
    r"|\b(?:decrocher|obtenir|trouver|accepter|commencer)\s+(?:un|une|mon|ma|le|la)\s+"
    r"(?:nouvel\s+|nouveau\s+|premier\s+|premiere\s+)?(?:poste|emploi|contrat|stage|travail)\b"
    r"|\betre\s+(?:embauche|embauchee|promu|promue)\b"
    r"|\bdevenir\s+(?:un|une|le|la|l')?\s*\w+"
)
LEVEL = re.compile(
    r"\b(?:[abc][12])\b|\blevel\s+\d\b|\bniveau\s+(?:\d|[abc][12]|avance|intermediaire|"
    r"superieur|expert)\b|\b(?:advanced|intermediate|expert|native)\s+level\b|\bbilingual\b"
    r"|\bbilingue\b|\bscore of\b|\bscore de\b"
)
COUNT_NOUNS = (
    r"(?:hours?|h|heures?|jobs?|applications?|positions?|postes?|emplois?|candidatures?|people|"
    r"persons?|personnes?|contacts?|courses?|cours|modules?|clients?|customers?|patients?|"
    r"interviews?|entrevues?|projects?|projets?|books?|livres?|articles?|posts?|events?|"
    r"evenements?|meetings?|rencontres?|employers?|employeurs?|companies|entreprises?|"
    r"sales?|ventes?|calls?|appels?|presentations?|lessons?|lecons?|certifications?|"
    r"credits?|credits|weeks?|semaines?|days?|jours?|members?|membres?|reports?|rapports?|"
    r"apps?|applications?|websites?|sites?|deals?|contrats?|mentors?|students?|etudiants?|"
    r"words?|mots?|pages?|kilometres?|km|%|percent|pour cent|\$|dollars?|k\$|\$k|k)"
)
NUMBER_UNIT = re.compile(
    r"(?<![\w/-])(?:\$\s?)?(?P<n>\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|deux|trois|quatre|cinq|six|sept|"
    r"huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|cent)\s?(?:[-\s](?:\w+\s)?)?"
    r"(?:\+\s?)?" + COUNT_NOUNS + r"(?![\w])"
)
MONEY = re.compile(
    r"\$\s?\d{1,3}(?:[ ,.]?\d{3})*(?:[.,]\d+)?"
    r"|\b\d{1,3}(?:[ ,.]?\d{3})*(?:[.,]\d+)?\s?(?:\$|k\$|dollars?|%|percent|pour cent)"
)
# A count of anything once time phrases are gone: "rencontrer 3 conseillers", "publish 4 posts".
COUNT_ANY = re.compile(r"(?<![\w/$.,-])(?!(?:19|20|21)\d\d\b)\d{1,4}\+?\s+(?:[a-z]+\s+)?[a-z]{3,}")
EFFORT = re.compile(r"\b(?P<n>\d{1,4})[\s-]?(?:hours?|h|heures?)\b")


def _phrase_hits(folded, phrases):
    return find_phrases(folded, tuple(phrases))


# --- Data ------------------------------------------------------------------------------------


@dataclass
class Profile:
    """What the check needs to know about a person to judge achievable and relevant."""

    hours_per_week: float | None = None
    estimated_effort_hours: float | None = None
    skills: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    experience: str = ""
    # (competency, role) pairs the person's job roles expect (goals.context).
    competencies: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Criterion:
    met: bool | None
    reason: str

    def as_dict(self):
        return {"met": self.met, "reason": self.reason}


@dataclass
class SmartResult:
    lang: str
    specific: Criterion
    measurable: Criterion
    achievable: Criterion
    relevant: Criterion
    time_bound: Criterion
    deadline: dt.date | None
    horizon: str | None
    suggestions: list[str]

    @property
    def criteria(self):
        """(key, label, criterion) in SMART order, labels in the result's language."""
        with translation.override(self.lang):
            labels = {
                "specific": _("Specific"),
                "measurable": _("Measurable"),
                "achievable": _("Achievable"),
                "relevant": _("Relevant"),
                "time_bound": _("Time-bound"),
            }
        return [(key, labels[key], getattr(self, key)) for key in labels]

    def as_dict(self):
        time_bound = self.time_bound.as_dict()
        time_bound["deadline"] = self.deadline.isoformat() if self.deadline else None
        return {
            "lang": self.lang,
            "criteria": {
                "specific": self.specific.as_dict(),
                "measurable": self.measurable.as_dict(),
                "achievable": self.achievable.as_dict(),
                "relevant": self.relevant.as_dict(),
                "time_bound": time_bound,
            },
            "horizon": self.horizon,
            "suggestions": list(self.suggestions),
        }


# --- The check -------------------------------------------------------------------------------


def check(text, lang="en", today=None, profile=None, occupation_hits=(), deadline=None):
    """Judge `text` against the five SMART criteria; reasons and suggestions in `lang`.

    `occupation_hits` are labels of ESCO occupations or skills the caller knows the goal is
    about (its target occupation, taxonomy search results): an extra signal for "specific".
    `deadline` is a date given apart from the text (a form's deadline field): it counts when
    the text states none.
    """
    lang = lang if lang in LANGUAGES else detect_language(text or "")
    today = today or dt.date.today()
    text = (text or "").strip()
    with translation.override(lang):
        return _check(text, lang, today, profile, list(occupation_hits), deadline)


def _check(text, lang, today, profile, occupation_hits, deadline_field):
    folded = re.sub(r"\s+", " ", fold(text))
    deadline = find_deadline(text, today)
    from_field = False
    if not deadline.found and deadline_field is not None:
        deadline, from_field = Deadline(date=deadline_field), True
    without_time = folded
    for phrase in (deadline.phrase, deadline.vague, deadline.imprecise):
        if phrase:
            without_time = without_time.replace(phrase, " ")
    suggestions = []

    def quote(phrase):
        return original_words(text, phrase)

    specific, topic = _specific(without_time, occupation_hits, quote)
    measurable, effort_in_text = _measurable(without_time, quote)
    time_bound = _time_bound(deadline, today, quote, from_field)
    target_date = _suggested_date(deadline, today)

    effort = profile.estimated_effort_hours if profile else None
    if effort is None and effort_in_text:
        effort = effort_in_text
    achievable, achievable_hint = _achievable(profile, deadline, today, effort)
    relevant, relevant_hint = _relevant(profile, without_time)

    if specific.met is False:
        suggestions.append(
            _(
                "Name what you will achieve: an occupation, a skill, a credential or a result "
                "someone else could recognise."
            )
        )
    if measurable.met is False:
        suggestions.append(
            _(
                "Add an indicator you can check: a number (hours, applications, people met), "
                "a credential obtained, a position obtained or a level reached."
            )
        )
    if time_bound.met is False:
        if deadline.found:
            suggestions.append(
                _("Choose a date that is still ahead, for example %(date)s.")
                % {"date": target_date.isoformat()}
            )
        else:
            suggestions.append(
                _("Give yourself a deadline, for example “by %(date)s”.")
                % {"date": target_date.isoformat()}
            )
    if achievable_hint:
        suggestions.append(achievable_hint)
    if relevant_hint:
        suggestions.append(relevant_hint)
    if any(c.met is False for c in (specific, measurable, time_bound)):
        suggestions.append(
            _("For example: “%(goal)s”")
            % {
                "goal": _rewrite(
                    text,
                    [p for p in (deadline.phrase, deadline.vague, deadline.imprecise) if p],
                    topic,
                    specific,
                    measurable,
                    target_date,
                )
            }
        )

    return SmartResult(
        lang=lang,
        specific=specific,
        measurable=measurable,
        achievable=achievable,
        relevant=relevant,
        time_bound=time_bound,
        deadline=deadline.date,
        horizon=horizon_of(deadline.date, today),
        suggestions=suggestions,
    )


def _specific(folded, occupation_hits, quote):
    """(Criterion, topic): topic is the broad domain a vague goal names, for the rewrite."""
    roles = _phrase_hits(folded, ROLES)
    credentials = [c for c in _phrase_hits(folded, CREDENTIALS) if c not in _GENERIC_CREDENTIALS]
    tools = _phrase_hits(folded, TOOLS_AND_SKILLS)
    counts = [m.group(0) for m in NUMBER_UNIT.finditer(folded)]
    counts += [m.group(0) for m in MONEY.finditer(folded)]
    vague = _phrase_hits(folded, VAGUE_PHRASES)
    domains = _phrase_hits(folded, DOMAINS)
    topic = domains[0] if domains else ""
    content = content_stems(folded)
    if not content:
        return Criterion(False, _("The goal is empty: write what you want to achieve.")), topic
    credentials.sort(key=lambda c: c in _BROAD_CREDENTIALS)
    concrete = roles + credentials + tools + [h for h in occupation_hits if h]
    if concrete or counts:
        named = (concrete or counts)[0]
        return Criterion(
            True, _("Names a concrete target: “%(target)s”.") % {"target": quote(named)}
        ), topic
    if vague:
        return Criterion(
            False,
            _("“%(phrase)s” does not say what exactly you will achieve.")
            % {"phrase": quote(vague[0])},
        ), topic
    if domains and len(content) <= 4:
        return Criterion(
            False,
            _("“%(domain)s” is a broad field: name the role, skill or credential you aim at.")
            % {"domain": quote(domains[0])},
        ), topic
    verbs = _phrase_hits(folded, CONCRETE_VERBS)
    if verbs and len(content) >= 3:
        after = folded[folded.find(verbs[0]) + len(verbs[0]) :].strip()
        words = re.findall(r"[\w'-]+", after)[:4]
        return Criterion(
            True,
            _("Says what you will do (“%(verb)s”) and on what: “%(object)s”.")
            % {"verb": quote(verbs[0]), "object": quote(" ".join(words))},
        ), topic
    return Criterion(
        False,
        _("No concrete target found: name an occupation, a skill, a credential or a result."),
    ), topic


_GENERIC_CREDENTIALS = {"cours", "course", "training", "formation", "program", "programme"}
_BROAD_CREDENTIALS = {
    "certification", "certificate", "certified", "diploma", "degree", "licence", "license",
    "permit", "designation", "diplome", "attestation", "permis", "certificat", "titre", "exam",
    "examen", "accreditation",
}  # fmt: skip


def _measurable(folded, quote):
    """(Criterion, effort hours stated in the text or None)."""
    effort = None
    hours = EFFORT.search(folded)
    if hours:
        effort = float(hours["n"])
    count = NUMBER_UNIT.search(folded) or MONEY.search(folded) or COUNT_ANY.search(folded)
    if count:
        return Criterion(
            True,
            _("Has a number you can check: “%(indicator)s”.")
            % {"indicator": quote(count.group(0).strip())},
        ), effort
    credential = MEASURE_CREDENTIAL.search(folded)
    if credential:
        return Criterion(
            True,
            _("Has a credential you either obtain or not: “%(indicator)s”.")
            % {"indicator": quote(credential.group(0).strip())},
        ), effort
    position = POSITION.search(folded)
    if position:
        return Criterion(
            True,
            _("Has a position you either obtain or not: “%(indicator)s”.")
            % {"indicator": quote(position.group(0).strip())},
        ), effort
    level = LEVEL.search(folded)
    if level:
        return Criterion(
            True,
            _("Has a level you can test: “%(indicator)s”.")
            % {"indicator": quote(level.group(0).strip())},
        ), effort
    return Criterion(
        False,
        _("No indicator to check progress: no number, credential, position or level to reach."),
    ), effort


def _time_bound(deadline: Deadline, today, quote, from_field=False):
    if deadline.found and from_field:
        if deadline.date < today:
            return Criterion(
                False,
                _("The deadline %(date)s is already past.") % {"date": deadline.date.isoformat()},
            )
        return Criterion(
            True,
            _("Deadline: %(date)s (from the deadline field).")
            % {"date": deadline.date.isoformat()},
        )
    if deadline.found:
        if deadline.date < today:
            return Criterion(
                False,
                _("The deadline %(date)s (“%(phrase)s”) is already past.")
                % {"date": deadline.date.isoformat(), "phrase": quote(deadline.phrase)},
            )
        return Criterion(
            True,
            _("Deadline: %(date)s (from “%(phrase)s”).")
            % {"date": deadline.date.isoformat(), "phrase": quote(deadline.phrase)},
        )
    if deadline.vague:
        return Criterion(
            False,
            _("“%(phrase)s” is not a deadline: it can always be later.")
            % {"phrase": quote(deadline.vague)},
        )
    if deadline.imprecise:
        return Criterion(
            False,
            _("“%(phrase)s” is not precise enough to be a deadline: give a number or a date.")
            % {"phrase": quote(deadline.imprecise)},
        )
    return Criterion(False, _("No deadline: the goal does not say by when."))


def _suggested_date(deadline, today):
    """The date a suggestion proposes: the goal's own if it is ahead, else a year from today."""
    if deadline.found and deadline.date >= today:
        return deadline.date
    later = add_months(today, 12)
    return end_of_month(later.year, later.month)


def _achievable(profile, deadline, today, effort):
    """(Criterion, suggestion or "")."""
    if profile is None or profile.hours_per_week is None:
        return Criterion(
            None,
            _("Needs your profile: the hours per week you can give to your career."),
        ), ""
    if not deadline.found or deadline.date < today:
        return Criterion(None, _("Cannot be judged without a deadline that is still ahead.")), ""
    if effort is None:
        return Criterion(
            None, _("Cannot be judged yet: the effort the goal needs is not estimated.")
        ), _("Estimate the hours the goal needs (courses, practice, applications).")
    hours = float(profile.hours_per_week)
    weeks = (deadline.date - today).days / 7
    available = hours * weeks
    numbers = {
        "effort": _fmt(effort),
        "hours": _fmt(hours),
        "weeks": _fmt(weeks),
        "available": _fmt(available),
    }
    if effort <= available:
        return Criterion(
            True,
            _(
                "About %(effort)s hours needed; %(hours)s hours a week for %(weeks)s weeks "
                "gives %(available)s hours."
            )
            % numbers,
        ), ""
    needed_weeks = math.ceil(effort / hours) if hours > 0 else None
    hint = (
        _("Move the deadline to %(date)s, give it %(per_week)s hours a week, or reduce the scope.")
        % {
            "date": (today + dt.timedelta(weeks=needed_weeks)).isoformat(),
            "per_week": _fmt(effort / weeks if weeks > 0 else effort),
        }
        if needed_weeks
        else _("Set aside some hours each week in your profile, or reduce the scope.")
    )
    return Criterion(
        False,
        _(
            "About %(effort)s hours needed, but %(hours)s hours a week for %(weeks)s weeks "
            "gives only %(available)s hours."
        )
        % numbers,
    ), hint


def _fmt(number):
    number = round(float(number), 1)
    return str(int(number)) if number == int(number) else str(number)


def _relevant(profile, folded):
    if profile is None:
        return Criterion(None, _("Needs your profile: your skills, experience and targets.")), ""
    sources = [(label, "target") for label in profile.targets] + [
        (label, "skill") for label in profile.skills
    ]
    if not sources and not profile.experience.strip() and not profile.competencies:
        return Criterion(
            None,
            _("Add skills or target occupations to your profile to judge relevance."),
        ), ""
    goal_tokens = set(content_stems(folded))
    competency = _role_competency(profile, goal_tokens)
    if competency is not None:
        return competency, ""
    for label, kind in sources:
        label_tokens = {t for t in content_stems(label) if len(t) >= 3}
        if label_tokens and goal_tokens & label_tokens:
            if kind == "target":
                return Criterion(
                    True,
                    _("Relates to your target occupation “%(label)s”.") % {"label": label},
                ), ""
            return Criterion(True, _("Builds on your skill “%(label)s”.") % {"label": label}), ""
    experience = {t for t in content_stems(profile.experience) if len(t) >= 4}
    shared = sorted(goal_tokens & experience)
    if shared:
        return Criterion(
            True,
            _("Relates to your experience (“%(words)s”).") % {"words": ", ".join(shared[:3])},
        ), ""
    # Same field in other words ("CPA exam" and the target "accountant"; EN goal, FR skill).
    from jobs.alignment import FIELDS, fields_of

    goal_fields = set(fields_of(folded))
    for label, kind in sources:
        shared_fields = goal_fields & set(fields_of(label))
        if shared_fields:
            field_label = next(f.label for f in FIELDS if f.name in shared_fields)
            if kind == "target":
                return Criterion(
                    True,
                    _("Relates to your target occupation “%(label)s” (%(field)s).")
                    % {"label": label, "field": field_label},
                ), ""
            return Criterion(
                True,
                _("Builds on your skill “%(label)s” (%(field)s).")
                % {"label": label, "field": field_label},
            ), ""
    names = ", ".join([label for label, _kind in sources][:3])
    return Criterion(
        False,
        _("Does not relate to your skills or targets (%(names)s).") % {"names": names or "—"},
    ), _("Link the goal to one of your targets or skills, or add this new target to your profile.")


def _role_competency(profile, goal_tokens):
    """Met when the goal names a competency one of the person's job roles expects
    (goals.context: given by the organisation's competency model)."""
    for label, role in profile.competencies:
        label_tokens = {t for t in content_stems(label) if len(t) >= 3}
        if label_tokens and goal_tokens & label_tokens:
            return Criterion(
                True,
                _("Builds the competency “%(label)s” that your role (%(role)s) expects.")
                % {"label": label, "role": role},
            )
    return None


# --- Rewrites --------------------------------------------------------------------------------

_VAGUE_LEAD = re.compile(
    r"^\s*(?:i\s+(?:want|would like|need|hope)\s+to\s+|je\s+(?:veux|voudrais|souhaite|"
    r"aimerais)\s+|my goal is to\s+|mon objectif est de\s+|to\s+)",
)


def _rewrite(text, phrases_to_drop, topic, specific, measurable, target_date):
    """An example goal that keeps the person's words and adds what is missing."""
    date = target_date.isoformat()
    kept = text
    for phrase in phrases_to_drop:
        kept = _remove_folded(kept, phrase)
    kept = re.sub(r"\s+", " ", kept).strip().rstrip(".!,;").strip()
    if specific.met is False:
        if topic in ("management", "leadership", "gestion"):
            return _(
                "Complete a 40-hour team-leadership course and lead one project team of 3+ "
                "people by %(date)s"
            ) % {"date": date}
        if topic:
            return _(
                "Complete a 30-hour course in %(topic)s and use it in 2 projects at work by "
                "%(date)s"
            ) % {"topic": DOMAINS.get(topic, topic), "date": date}
        if kept:
            return _(
                "%(goal)s: obtain one certification or land a position as [occupation] by %(date)s"
            ) % {"goal": kept, "date": date}
        return _("Land a position as [occupation] by %(date)s") % {"date": date}
    base = kept
    if measurable.met is False:
        base = _("%(goal)s, shown by 2 completed projects and one certification") % {"goal": base}
    return _("%(goal)s by %(date)s") % {"goal": base, "date": date}


def _remove_folded(text, folded_phrase):
    """`text` without the first occurrence of `folded_phrase`, matched accent- and case-blind."""
    span = span_of(text, folded_phrase)
    return text if span is None else text[: span[0]] + text[span[1] :]


def profile_for(user, estimated_effort_hours=None):
    """The `Profile` of a signed-in person: hours per week, skills, target occupations and the
    experience told in their latest reflection.

    Three queries, whatever the size of the profile, plus those of the role providers
    registered in goals.context (the competencies a person's job roles expect).
    """
    from core.access import owned
    from taxonomy.models import TargetOccupation, UserSkill

    language = getattr(user, "language", None)
    skills = [
        us.skill.label(language) if us.skill_id else us.free_text
        for us in owned(UserSkill, user).select_related("skill")
    ]
    targets = [
        target.occupation.label(language)
        for target in owned(TargetOccupation, user).select_related("occupation")
    ]
    reflection = user.reflections.first()
    experience = " ".join([reflection.accomplishments, reflection.skills]) if reflection else ""
    from goals.context import role_contexts

    competencies = [
        (name, context.role) for context in role_contexts(user) for name in context.competencies
    ]
    return Profile(
        hours_per_week=float(user.hours_per_week) if user.hours_per_week is not None else None,
        estimated_effort_hours=estimated_effort_hours,
        skills=[s for s in skills if s],
        targets=targets,
        experience=experience,
        competencies=competencies,
    )
