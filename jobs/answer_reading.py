"""What an answer to "What are your career goals?" says, read from its grammar, in EN and FR.

`read_answer(text)` returns an `AnswerReading`:

- `goals`: where the person wants to go ("become a site supervisor", "me spécialiser en
  parodontie"): the scopes of the toolkit's intentions that go toward something
  (`core.language.find_intentions`), except commitments ("I will…", "je vais…");
- `aways`: what the person wants less of, to stop, avoid or leave ("working with customers as
  much", "loin des enfants"), when the intention is the speaker's own: "help new drivers have
  fewer accidents" or "pour que mes usagers aient moins de blessures" wants fewer accidents for
  others, not less work; "give medication without errors" says how, not what to avoid;
- `contributions`: clauses where the person commits to do something for others ("I'll keep
  the van stocked", "j'offrirai aux enfants…") or describes an outcome their work will bring
  ("children in my group will have a safe day", "des analyses fiables aideront le laboratoire");
  not a clause about what the speaker gets ("this job will help me…", "I'll learn…");
- `links`: clauses that tie this job to the person's own path: the job named or pointed at
  ("this role", "ce poste", "here", "chez vous", or the work itself as subject: "visiting
  people every day teaches me…") together with the person's benefit ("me", "I need", "a step",
  "ce rôle", "y arriver");
- `horizon`: the time phrase ("within five years", "à moyen terme", "by 2028"), or "".

Only grammar is listed here (pronouns, auxiliaries, tense endings, deixis, words about jobs and
paths in general); what the words are about is compared with the posting by meaning elsewhere
(`jobs.meaning`).
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from core.language import (
    Intention,
    content_words,
    find_deadline,
    find_intentions,
    find_term,
    fold,
)

__all__ = ["AnswerReading", "Clause", "is_refinement", "read_answer"]

MAX_CHARS = 20_000

# Commitments: the toolkit reads "I will…" as an aim; for the coach it is a promise.
COMMITMENT_CUES = frozenset(["will", "'ll", "i'll", "vais", "going to", "irai"])
# Verbs of one's own development: "I'll learn…" is what the person gets, not what they give.
SELF_DEVELOPMENT = re.compile(
    r"^(?:learn|grow|gain|develop my|build my|deepen|improve my|become|get better|progress|"
    r"apprendre|acquerir|developper mes|developper ma|developper mon|approfondir|progresser|"
    r"evoluer|devenir|me former|me perfectionner|grandir)\b"
)
_CLAUSE = re.compile(
    r"\s*[;:]\s*|,\s+(?=(?:and|but|so|which|while|et|mais|donc|ce qui|car)\b)|"
    r"\s+(?=(?:and|but|while|whereas|et|mais|tandis que)\s+(?:this|these|that|the|my|i|i'll|"
    r"i'd|here|working|ce|cet|cette|ces|le|la|les|mes|mon|ma|je|j'|travailler|ici)\b)|"
    r"\s+(?=(?:so that|so|which means|ce qui|pour que|afin que)\b)",
    re.IGNORECASE,
)

# Grammar of the speaker.
_FIRST_PERSON_START = re.compile(
    r"^(?:and |but |so |et |mais |donc |meanwhile,? |en attendant,? |d'ici la,? )?"
    r"(?:i|i'll|i'd|i'm|i've|je|j'|moi)\b"
)
_COMMITMENT = re.compile(
    r"\b(?:i|we)\s+(?:will|can|could|would|shall|am going to|are going to)\b|\bi'll\b|\bi'd\b|"
    r"\b(?:je|j')\s*(?:vais|compte|peux|pourrai|pourrais|veillerai)\b|"
    r"\b(?:je|j')\s*(?:ne\s+)?(?:\w+\s+){0,2}?\w{2,}rai\b"
)
_EN_FUTURE = re.compile(r"\b(?:will|'ll|is going to|are going to)\b")
_FR_FUTURE = re.compile(r"\b\w{2,}(?:ront|ra)\b|\bil y aura\b")
_NOT_FUTURE = frozenset(["front", "extra", "camera", "opera", "mantra", "affront", "aura"])
_PURPOSE = re.compile(r"^(?:so that|so|which means|ce qui|pour que|afin que)\b")
# A definite or possessive object: the commitment is about someone's things ("the van", "vos
# clients", "la clinique"), not an empty "I will help".
_OBJECT = re.compile(
    r"\b(?:the|your|our|its|their|each|every|you|le|la|les|l'|vos|votre|nos|notre|leur|leurs|"
    r"ses|son|sa|chaque|vous|aux|au)\b"
)
# The speaker's benefit, strict form (the work itself is the subject): "teaches me", "m'apprend",
# "is how I build", "the experience I need", "a step", "that role", "y arriver".
_SELF_BENEFIT = re.compile(
    r"(?<!from )(?<!with )(?<!to )(?<!for )\bme\b|\bm'|\bmyself\b|"
    r"\b(?:how|where|what|that|which) i (?:need|can|could|build|learn|get|gain|grow|develop)\b|"
    r"\bi need\b|\bj'ai besoin\b|\bdont j'ai\b|\bou je (?:peux|pourrai)\b|"
    r"\bfor me\b|\bpour moi\b|"
    r"\b(?:that|this) (?:role|goal|specialty|specialisation|specialization|path|dream|step)\b|"
    r"\b(?:get|gets|getting) (?:me )?there\b|\by arriver\b|\bfor that\b|\bpour (?:cela|ca)\b|"
    r"\bce (?:but|role|reve|projet|objectif)\b|\bcet objectif\b|\bcette (?:specialite|etape)\b|"
    r"\b(?:step|steps|stepping|springboard|foundation|training|preparation|practice|start|"
    r"beginning|tremplin|etape|pratique|porte d'entree|debut|depart)\b"
)
# A path to the goal, whatever the subject: "the first step toward", "me rapprochera de",
# and the job as "it": "it would give me", "cela me permettra".
_PATH = re.compile(
    r"\b(?:steps?|stepping stone|springboard) (?:toward|towards|to|into)\b|"
    r"\bit(?:'s| is| would| will|'ll)? (?:give|gives|let|lets|help|helps|allow|allows|teach|"
    r"teaches|prepare|prepares|bring|brings|offer|offers|get|gets) me\b|"
    r"\b(?:il|elle|cela|ca) (?:me|m') ?(?:permet|permettra|permettrait|donne|donnera|apprend|"
    r"apprendra|prepare|preparera|offre|offrira|aide|aidera)\b|"
    r"\b(?:brings?|gets?|bringing|getting) me (?:closer|nearer)\b|"
    r"\b(?:etape|tremplin) (?:vers|pour)\b|\bme (?:rapproche|rapprochera|rapprocherait)\b"
)
# Growing: "the right place to learn", "l'endroit idéal pour apprendre".
_GROWTH = re.compile(
    r"\b(?:learn|learning|grow|growing|develop|gain|deepen|master|apprendre|acquerir|"
    r"developper|approfondir|progresser|maitriser|me former|me perfectionner)\b"
)
# Any reference to the speaker (a clause that points at this job needs no more).
_SPEAKER = re.compile(r"\b(?:i|i'll|i'd|i'm|me|my|myself|mine|je|j'|me|m'|moi|mon|ma|mes)\b")
# Pointing at this job: "this role", "ce poste", "cette clinique", "here", "chez vous".
_DEIXIS = re.compile(
    r"\b(?:this|these|ce|cet|cette|ces)\s+(?:\w+'s\s+)?(?:\w+\s+){0,2}?(?P<noun>[a-z][\w-]+)"
)
_HERE = re.compile(
    r"(?<!d')\b(?:here|ici|with you|chez vous|at your|in your team|on your team|with your team|"
    r"(?:join|joining|rejoindre|integrer)\s+(?:your|the|votre|l')\s*\w+|"
    r"(?:at|with|within|in|au sein de|avec|dans) (?:your|votre|vos) (?:company|organi[sz]ation|"
    r"agency|firm|business|organisme|entreprise|agence|firme|equipe|team)|"
    r"dans votre (?:equipe|entreprise|organisation|etablissement|clinique))\b"
)
# Nouns that never point at a job after "this/ce": time and the goal itself.
_NOT_JOB = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "time",
        "moment",
        "goal",
        "goals",
        "objective",
        "dream",
        "ambition",
        "way",
        "an",
        "ans",
        "annee",
        "annees",
        "mois",
        "semaine",
        "semaines",
        "but",
        "objectif",
        "objectifs",
        "reve",
        "facon",
        "specialty",
        "specialite",
        "point",
    ]
)
# Before an away cue: a job described by what it lacks ("a role that doesn't involve…").
_JOB_RELATIVE = re.compile(
    r"\b(?:job|role|position|career|work|poste|emploi|role|travail|carriere)\b[^,.;]{0,20}?"
    r"\b(?:that|which|where|with|qui|ou|avec)\b[^,.;]*$"
)
# Before an away cue: the outcome is someone else's ("so that", "help drivers have").
_OTHERS = re.compile(
    r"\b(?:so that|so the|pour que|afin que|which|ce qui|il y (?:a|aura)|there (?:will be|is|"
    r"are))\b|\b(?:help|helping|aider|aide)\s+(?!me\b|m')[a-z]"
)
_WISH = re.compile(r"\b(?:want|like|rather|prefer|hope|veux|voudrais|aimerais|prefere)\b")


@dataclass(frozen=True)
class Clause:
    text: str  # as written
    folded: str
    start: int


@dataclass
class AnswerReading:
    text: str
    clauses: list
    goals: list  # core.language.Intention
    aways: list
    commitments: list
    contributions: list = field(default_factory=list)  # Clause: the speaker commits
    bare_contributions: list = field(default_factory=list)  # Clause: commits, object unsure
    outcome_clauses: list = field(default_factory=list)  # Clause: a future outcome, not theirs
    links: list = field(default_factory=list)  # Clause: this job pointed at, with the speaker
    link_candidates: list = field(default_factory=list)  # Clause: "… teaches me", subject unsure
    horizon: str = ""
    content_words: int = 0


def _clauses(text):
    clauses = []
    for sentence_match in re.finditer(r"[^.!?;\n]+[.!?;]?", text):
        sentence = sentence_match.group(0)
        offset = sentence_match.start()
        position = 0
        for piece in _CLAUSE.split(sentence):
            if piece is None:
                continue
            index = sentence.find(piece, position)
            position = index + len(piece)
            stripped = piece.strip(" ,.;:!?")
            if len(stripped) < 2:
                continue
            start = offset + index + (len(piece) - len(piece.lstrip(" ,")))
            clauses.append(Clause(stripped, re.sub(r"\s+", " ", fold(stripped)), start))
    return clauses


def _owned(intention, text):
    """Whether an away intention is the speaker's own wish about their work, not an outcome
    for others ("help new drivers have fewer accidents", "pour que mes usagers aient moins de
    blessures") or a manner ("give medication without errors", "poser des membranes sans
    infiltration")."""
    if _WISH.search(fold(intention.cue)):
        return True  # "I'd like to stop…": one chain with the speaker's wish
    before = fold(text[: intention.cue_start])
    clause = re.split(r"[.!?;:]", before)[-1]
    if _JOB_RELATIVE.search(clause):
        return True  # "a role that doesn't involve…", "un emploi où je n'aurai plus…"
    tail = clause.split(",")[-1]
    if tail.strip():
        clause = tail  # "…, so that drivers have fewer accidents": only the last part counts
    if _OTHERS.search(clause):
        return False
    if intention.kind == "avoid" and _COMMITMENT.search(clause):
        return False  # "I will give… without errors": how, not what to avoid
    return bool(_SPEAKER.search(clause) or _WISH.search(clause))


def read_answer(text: str, today: dt.date | None = None) -> AnswerReading:
    """An `AnswerReading` of `text` (see the module docstring); never raises."""
    text = (text or "")[:MAX_CHARS]
    intentions = [i for i in find_intentions(text) if i.scope]
    goals, aways, commitments = [], [], []
    for intention in intentions:
        cue_words = fold(intention.cue).split()
        if intention.toward:
            if intention.kind == "aim" and cue_words and cue_words[-1] in COMMITMENT_CUES:
                commitments.append(intention)
            else:
                goals.append(intention)
        elif _owned(intention, text):
            aways.append(intention)
    clauses = _clauses(text)
    reading = AnswerReading(
        text=text,
        clauses=clauses,
        goals=goals,
        aways=aways,
        commitments=commitments,
        content_words=len(content_words(text)),
    )
    goal_cues = [goal.cue_start for goal in goals]
    for clause in clauses:
        folded = clause.folded
        end = clause.start + len(clause.text)
        is_goal = any(clause.start <= cue < end for cue in goal_cues)
        commitment = _COMMITMENT.search(folded)
        if commitment and not _self_directed(folded[commitment.end() :]):
            if _OBJECT.search(folded[commitment.end() :]):
                reading.contributions.append(clause)
            elif len(content_words(clause.text)) >= 2:
                reading.bare_contributions.append(clause)  # "I'll serve customers with care"
        elif is_goal:
            goal_scope = folded
            if re.search(r"\b(?:your|vos|votre|you|vous)\b", goal_scope) and not _self_directed(
                goal_scope
            ):
                reading.contributions.append(clause)  # "I want to support your patients"
        elif (_is_future(folded) or _PURPOSE.search(folded)) and not _SELF_BENEFIT.search(folded):
            reading.outcome_clauses.append(clause)
        if _points_at_job(folded) and (
            _SPEAKER.search(folded) or _SELF_BENEFIT.search(folded) or _GROWTH.search(folded)
        ):
            reading.links.append(clause)
        elif not is_goal and _PATH.search(folded):
            reading.links.append(clause)  # "… is the first step toward management"
        elif (
            not is_goal and not _FIRST_PERSON_START.search(folded) and _SELF_BENEFIT.search(folded)
        ):
            reading.link_candidates.append(clause)
    reading.horizon = _horizon(text, today)
    return reading


# Cues of a goal that refines the work rather than names another one: "specialise in PLC
# programming", "me perfectionner en parodontie", "learn hydraulics".
_REFINEMENT = re.compile(
    r"\b(?:speciali[sz]e|speciali[sz]ing|focus|focusing|learn|learning|master|deepen|"
    r"certified|specialiser|perfectionner|apprendre|maitriser|approfondir|certifiee?|former)\b"
)


def is_refinement(intention: Intention) -> bool:
    """Whether a goal sharpens one's skills ("specialise in…") rather than names a job."""
    return bool(_REFINEMENT.search(fold(intention.cue)) or _REFINEMENT.match(fold(intention.scope)))


def _self_directed(after):
    """ "(I'll) learn…", "(je vais) devenir…": about the speaker's own growth."""
    after = re.sub(r"^\s*(?:also |then |aussi |ensuite |really |vraiment )?", "", after)
    return bool(SELF_DEVELOPMENT.search(after))


def _is_future(folded):
    if _EN_FUTURE.search(folded):
        return True
    return any(match.group(0) not in _NOT_FUTURE for match in _FR_FUTURE.finditer(folded))


def _points_at_job(folded):
    if _HERE.search(folded):
        return True
    return any(match["noun"] not in _NOT_JOB for match in _DEIXIS.finditer(folded))


def _horizon(text, today):
    term = find_term(text)
    if term:
        return term
    found = find_deadline(text, today or dt.date.today())
    if found.found:
        return found.phrase or "date"
    return found.imprecise or ""
