"""What a goal statement says, read once for the SMART check: EN and FR.

`read_goal(text, lang, today)` returns a `GoalReading` with the goal's deadline and, outside
its time phrases:

- `labels`: ESCO occupations and skills it names (`taxonomy.lexicon`: any preferred or
  alternative label, both languages, every gender form; empty with an empty taxonomy);
- `counts`: numbers with what they count ("5 firefighter positions", "1 200 heures",
  "10 000 $", "20 %", "five songs"), read by the language toolkit so "1 200" is 1200;
- `credential`: a credential obtained ("get my PMP", "obtenir mon DEC", "pass CompTIA
  Security+", "réussir l'examen de l'Ordre", "get licensed"), `credential_named`: one named
  even without a verb ("Red Seal", "a CPA exam");
- `position`: a position obtained ("land a municipal clerk position", "become a roofer",
  "décrocher un poste de technicienne", "être promue chef d'équipe") and the role it names;
- `level`: a level reached (CEFR B2, "level 7", "niveau avancé", "bilingual");
- `named_skill`: a name after a learning verb ("learn Python", "apprendre le SQL", "master
  AutoCAD"): an acronym or a capitalised word names a tool, a language or a method;
- `improvement`: self-improvement ("better leader", "more confident", "m'améliorer en
  anglais", "plus de responsabilités"), `vague`: an empty wish ("be successful", "réussir");
- `action`: a concrete action verb and its object ("organiser une journée portes ouvertes");
- `effort_hours`: the effort stated in hours or minutes ("a 40-hour course"), not a weekly rate.

Every list here is grammar (verbs of obtaining, credential and position nouns, comparatives,
units): which occupations, skills and fields exist comes from the taxonomy.
"""

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from core.language import (
    content_words,
    find_deadline,
    find_durations,
    find_numbers,
    find_phrases,
    fold,
    fold_map,
    span_of,
    tokenise,
)
from core.language.words import TIME_WORDS, function_words
from taxonomy.lexicon import Lexicon

__all__ = ["GoalReading", "concrete_action", "read_goal"]

# --- Grammar ---------------------------------------------------------------------------------

# Empty wishes: nothing someone else could recognise as done.
VAGUE_PHRASES = (
    "be successful", "become successful", "succeed", "be happy", "be happier", "happy",
    "reach my potential", "reach my full potential", "make progress", "move forward",
    "advance my career", "be the best", "work on myself", "find my passion", "find my way",
    "go further", "get ahead", "do more", "grow professionally", "grow", "improve myself",
    "develop myself", "level up", "see where it goes",
    "reussir", "avoir du succes", "progresser", "avancer", "avancer dans ma carriere",
    "me developper", "evoluer", "me depasser", "grandir", "etre heureux", "etre heureuse",
    "aller plus loin", "trouver ma voie", "trouver ma passion", "faire mieux",
    "travailler sur moi-meme", "travailler sur moi", "m'epanouir", "etre epanoui",
    "etre epanouie",
)  # fmt: skip

# Self-improvement: a comparison or an improvement verb. Without a measure it says neither what
# will be achieved nor how anyone would know.
IMPROVEMENT = re.compile(
    r"\b(?:better|best|improve|improving|improved|improvement|enhance|enhancing|strengthen|"
    r"sharpen|polish|boost|boosting|work on|working on|get good at|more|further|greater|"
    r"increase|increasing|deepen|develop my|develop our|grow my|grow our|grow as|"
    r"meilleure?s?|mieux|ameliorer|m'ameliorer|amelioration|perfectionner|me perfectionner|"
    r"renforcer|developper mes|developper mon|developper ma|travailler sur|travailler ma|"
    r"travailler mon|travailler mes|davantage|augmenter|accroitre|approfondir|gagner en)\b"
)
# "plus" compares ("plus confiante", "plus de responsabilités") except in these phrases.
_PLUS = re.compile(r"\bplus\b")
_NOT_COMPARING_PLUS = re.compile(
    r"(?:\bne\s+(?:\S+\s+){0,2}plus|\bn'(?:\S+\s+){0,2}plus|\bau plus|\bde plus|\bplus tard|"
    r"\bplus jamais|\bplus que|\bplus ou moins|\bplus de \d|\bplus d'un|\bplus d'une)$"
)
_NOT_COMPARING_MORE = re.compile(
    r"(?:\bor more|\bno more|\bany more|\bonce more|\bmore than \d|\bmore and more)$"
)
# "less" and "moins" compare too ("less anxious", "moins stressée", "avoir moins peur"), except
# before a number ("less than 10 hours", "moins de 5 heures": a measure) and in the phrases
# that do not compare ("at least" is another word; "au moins", "du moins", "à moins que").
_LESS = re.compile(
    r"(?<!\bno )(?<!\bor )(?<!\bau )(?<!\bdu )(?<!\ba )(?<!\bpas )\b(?:less|moins)\b"
    r"(?!\s+(?:than|que|de|d'|of)\s*(?:\d|un\b|une\b|a\b|an\b))(?!\s+que\b)"
)
# Comparatives written with "-er" ("stronger", "happier", "calmer"), read by their place: after
# a verb of being or becoming ("be stronger", "feel happier", "get faster at"), after an
# article before a noun ("a wiser mentor", "a stronger negotiator"), or before "than". Words
# ending in "-er" are mostly nouns of the world of work ("manager", "driver", "customer",
# "summer"): a word counts as a comparative only when no ESCO label uses it, so without a
# taxonomy only "-er than" is read.
_COPULA = (
    r"(?:be|being|become|becoming|get|getting|grow|growing|feel|feeling|stay|staying|seem|"
    r"look|sound|keep|remain|am|are|is)"
)
_DEGREE = r"(?:(?:much|even|a bit|a little|a lot|far|way|slightly|so|really|somewhat)\s+)?"
# Comparisons of time are deadlines, not self-improvement ("no later than", "sooner than"), as
# "plus tard" is in French.
_TIME_COMPARATIVES = frozenset(["later", "earlier", "sooner"])
_SYNTHETIC = re.compile(
    r"\b(?:(?P<copula>"
    + _COPULA
    + r")\s+"
    + _DEGREE
    + r"|(?P<article>a|an|the|my)\s+"
    + _DEGREE
    + r")(?P<word>[a-z]{2,}(?:er|ier))\b(?P<after>\s+[a-z]+)?"
    r"|\b(?P<than_word>[a-z]{2,}(?:er|ier))\s+than\b"
)

# Verbs that say a credential or result is obtained (folded).
OBTAIN = (
    r"(?:get|gets|getting|obtain|obtaining|earn|earning|pass|passing|complete|completing|"
    r"finish|finishing|receive|receiving|achieve|achieving|graduate with|write|sit|take|"
    r"renew|secure|obtenir|obtention|decrocher|reussir|terminer|completer|passer|recevoir|"
    r"avoir|finir|renouveler)"
)
# Nouns of credentials, any field: what one holds once obtained.
CREDENTIAL_NOUNS = (
    "certification", "certificate", "certified", "licence", "license", "licensed", "permit",
    "diploma", "degree", "bachelor", "bachelor's", "master's", "masters", "doctorate", "phd",
    "accreditation", "designation", "exam", "examination", "test", "qualification",
    "apprenticeship", "journeyman", "seal", "credential", "credentials", "accredited",
    "certificat", "certifiee", "certifie", "licence", "permis", "diplome", "diplomee",
    "attestation", "baccalaureat", "maitrise", "doctorat", "titre", "examen", "carte", "sceau",
    "agrement", "accreditation", "qualification", "compagnon", "compagnonnage",
)  # fmt: skip
# Learning that is completed, not held: measurable when completed, not specific alone.
COURSE_NOUNS = (
    "course", "courses", "cours", "training", "formation", "program", "programme", "bootcamp",
    "workshop", "atelier", "module", "modules", "thesis", "these", "memoire",
)  # fmt: skip
POSITION_NOUNS = (
    r"(?:job|jobs|position|positions|role|post|contract|internship|placement|residency|"
    r"promotion|poste|postes|emploi|emplois|contrat|stage|travail|job|boulot|place)"
)
POSITION = re.compile(
    r"\b(?:get|land|obtain|secure|find|accept|start|win|begin|decrocher|obtenir|trouver|"
    r"accepter|commencer|denicher|avoir|postuler a|apply (?:to|for))\s+"
    r"(?:[\w'-]+\s+){0,4}?" + POSITION_NOUNS + r"\b(?P<rest>(?:\s+(?:as|in|at|of|with|for|"
    r"de|d'|en|comme|chez|a|au|aux|dans)\b\s*[\w' -]*)?)"
    r"|\b(?:get|be|become|being|etre|devenir)\s+(?:hired|promoted|appointed|elected|"
    r"recruited|embauchee?|promue?|nommee?|engagee?|recrutee?|elue?)\b"
    r"(?P<rest2>(?:\s+(?:as|to|at|in|into|comme|a titre de|au poste de|chez|a|au|en)\b"
    r"\s*[\w' -]*)?)"
    r"|\b(?:become|becoming|work as|working as)\s+(?:a|an|the)\s+"
    r"(?P<role>[\w'-]+(?:\s+[\w'-]+){0,3})"
    r"|\b(?:devenir|travailler comme|travailler en tant que|etre|be)\s+"
    r"(?:un |une |le |la |l'|a |an |the )?(?P<role_fr>[\w'-]+(?:\s+[\w'-]+){0,3})"
)
LEVEL = re.compile(
    r"\b(?:[abc][12])\b|\blevel\s+\d+\b|\bniveau\s+(?:\d+|[abc][12]|avance|intermediaire|"
    r"superieur|expert)\b|\b(?:advanced|intermediate|expert|native)\s+level\b|\bbilingual\b"
    r"|\bbilingue\b|\bscore of\b|\bscore de\b|\bclb\s*\d+\b|\bnclc\s*\d+\b"
)
# Action verbs: doing them to something is a concrete step.
CONCRETE_VERBS = (
    "complete", "finish", "obtain", "earn", "pass", "land", "get hired", "apply", "lead",
    "publish", "launch", "build", "write", "present", "run", "teach", "mentor", "open", "start",
    "deliver", "organize", "organise", "attend", "join", "save", "reduce", "sell", "close",
    "hire", "train", "certify", "graduate", "enrol", "enroll", "register", "meet", "interview",
    "negotiate", "be promoted", "get promoted", "learn", "submit", "record", "release", "plant",
    "install", "design", "create", "produce", "exhibit", "perform", "volunteer", "coach",
    "give", "host", "defend", "found", "buy", "grow my", "study", "master",
    "terminer", "completer", "obtenir", "decrocher", "reussir", "postuler", "diriger",
    "publier", "lancer", "construire", "rediger", "presenter", "enseigner", "ouvrir",
    "demarrer", "livrer", "organiser", "assister", "suivre", "economiser", "reduire", "vendre",
    "conclure", "embaucher", "former", "m'inscrire", "rencontrer", "negocier", "etre promu",
    "etre promue", "apprendre", "soumettre", "enregistrer", "planter", "installer",
    "concevoir", "creer", "produire", "exposer", "donner", "animer", "soutenir", "fonder",
    "acheter", "etudier", "faire du benevolat", "maitriser",
)  # fmt: skip
# Money and percentages: a number followed or preceded by one of these counts.
_MONEY_AFTER = re.compile(
    r"^\s*(?:\$|k\$|\$k|€|%|dollars?\b|euros?\b|percent\b|pour\s?cent\b|per cent\b)"
)
# A weekly or daily rate is not the effort a goal needs in total.
_RATE = re.compile(
    r"^\s*(?:a|an|per|par|each|every|chaque|/)\s*(?:week|day|month|semaine|jour|mois)\b"
    r"|^\s*(?:weekly|daily|hebdo)"
)
_YEAR = re.compile(r"^(?:19|20|21)\d\d$")
_PER = frozenset(["per", "a", "an", "each", "every", "par", "chaque"])


@dataclass
class GoalReading:
    text: str
    folded: str  # folded, time phrases blanked
    deadline: object
    time_spans: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    counts: list = field(default_factory=list)  # phrases as written
    credential: str = ""  # folded phrase
    credential_named: str = ""  # as written
    position: str = ""  # folded phrase
    role: str = ""  # folded words naming the position's role or field
    level: str = ""
    named_skill: str = ""  # as written
    improvement: str = ""  # folded phrase
    vague: str = ""  # folded phrase
    action: tuple = ()  # (folded verb, folded object words)
    effort_hours: float | None = None
    content: list = field(default_factory=list)
    has_taxonomy: bool = False

    @property
    def measure(self):
        """Whether the goal carries anything checkable: a number, credential, position, level."""
        return bool(self.counts or self.credential or self.position or self.level)


def read_goal(text: str, lang: str, today: dt.date, lexicon: Lexicon | None = None) -> GoalReading:
    """Read `text` (see the module's docstring); `lexicon` (a `taxonomy.lexicon.Lexicon`)
    finds ESCO labels; without one, or with an empty one, the grammar alone decides."""
    deadline = find_deadline(text, today)
    folded, _origin = fold_map(text)
    spans = []
    for phrase in (deadline.phrase, deadline.vague, deadline.imprecise):
        span = span_of(text, phrase) if phrase else None
        if span:
            spans.append(span)
            at = folded.find(phrase)
            folded = folded[:at] + " " * len(phrase) + folded[at + len(phrase) :]
    reading = GoalReading(text=text, folded=folded, deadline=deadline, time_spans=spans)
    outside = _outside(spans)
    reading.content = [
        w for w in content_words(_blank(text, spans), lang) if w not in TIME_WORDS and len(w) > 1
    ]
    if lexicon is not None and len(lexicon):
        reading.has_taxonomy = True
        reading.labels = [hit for hit in lexicon.find(text) if outside(hit.start, hit.end)]
    reading.counts, reading.effort_hours = _counts(text, lang, outside)
    reading.credential, reading.credential_named = _credential(text, folded, outside)
    comparisons = _comparisons(folded, lexicon if reading.has_taxonomy else None)
    reading.position, reading.role = _position(folded, reading, comparisons)
    level = LEVEL.search(folded)
    reading.level = level.group(0).strip() if level else ""
    reading.named_skill = _named_skill(text, outside)
    reading.improvement = _phrase_from(folded, comparisons[0]) if comparisons else ""
    vague = find_phrases(folded, VAGUE_PHRASES)
    reading.vague = vague[0] if vague else ""
    reading.action = _action(folded)
    return reading


def _blank(text, spans):
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _outside(spans):
    def outside(start, end):
        return all(end <= s or start >= e for s, e in spans)

    return outside


def _counts(text, lang, outside):
    """([phrase as written], effort hours): numbers with what they count, outside time
    phrases; the first duration in hours or minutes that is not a rate is the effort."""
    counts, effort = [], None
    durations = {d.start: d for d in find_durations(text, lang) if outside(d.start, d.end)}
    tokens = [token for token in tokenise(text) if outside(token.start, token.end)]
    starts = [token.start for token in tokens]
    stop = function_words()
    for number in find_numbers(text, lang):
        if not outside(number.start, number.end):
            continue
        if _YEAR.match(number.text.strip()):
            continue
        after = text[number.end : number.end + 24]
        before = text[max(0, number.start - 4) : number.start].rstrip()
        duration = durations.get(number.start)
        if duration is not None:
            if duration.hours is not None:
                counts.append(duration.text)
                if effort is None and not _RATE.match(text[duration.end : duration.end + 24]):
                    effort = duration.hours
            continue
        money = _MONEY_AFTER.match(after)
        if money or before.endswith(("$", "€")):
            end = number.end + (money.end() if money else 0)
            start = number.start - (1 if before.endswith(("$", "€")) and not money else 0)
            counts.append(text[start:end].strip())
            continue
        # What it counts: the next content word within three words ("5 firefighter positions",
        # "850 on the TOEIC").
        first = bisect.bisect_left(starts, number.end)
        following = tokens[first : first + 3]
        for position, token in enumerate(following):
            if token.folded in stop or token.folded.endswith("'"):
                continue
            if token.folded not in TIME_WORDS and not token.folded.isdigit():
                counts.append(text[number.start : token.end])
            elif position and following[position - 1].folded in _PER:
                counts.append(text[number.start : token.end])  # a rate: "30 per week"
            break
    return counts, effort


def _credential(text, folded, outside):
    """(folded phrase of a credential obtained, credential named as written)."""
    nouns = "|".join(re.escape(noun) for noun in CREDENTIAL_NOUNS + COURSE_NOUNS)
    obtained = re.search(
        r"\b" + OBTAIN + r"\b(?:\s+[\w'+.-]+){0,5}?\s+(?:[a-z]')?(?:" + nouns + r")\b", folded
    )
    named = ""
    credential_words = find_phrases(folded, CREDENTIAL_NOUNS)
    if credential_words:
        named = credential_words[0]
    # A name: an acronym or a capitalised name after an obtaining verb ("pass CompTIA
    # Security+", "obtenir mon DEC") or before a credential noun ("PMP certification").
    tokens = tokenise(text)
    for index, token in enumerate(tokens):
        if not outside(token.start, token.end) or not _is_name(token, index, tokens):
            continue
        previous = [t.folded for t in tokens[max(0, index - 4) : index]]
        following = [t.folded for t in tokens[index + 1 : index + 3]]
        after_verb = any(re.fullmatch(OBTAIN, word) for word in previous)
        before_noun = any(word in CREDENTIAL_NOUNS for word in following)
        if after_verb or before_noun:
            last = index  # a name of several words: "CompTIA Security+", "Red Seal"
            while last + 1 < len(tokens) and _is_name(tokens[last + 1], last + 1, tokens):
                last += 1
            end = tokens[last].end
            while end < len(text) and text[end] == "+":
                end += 1
            named = text[token.start : end]
            if after_verb and not obtained:
                verb_at = max(
                    i for i in range(max(0, index - 4), index)
                    if re.fullmatch(OBTAIN, tokens[i].folded)
                )  # fmt: skip
                return fold(text[tokens[verb_at].start : end]), named
            break
    return (obtained.group(0).strip() if obtained else ""), named


_LEARN = re.compile(
    r"(?:learn|learning|master|mastering|study|studying|use|using|code in|program in|speak|"
    r"apprendre|maitriser|etudier|utiliser|parler|programmer en|coder en)$"
)


def _named_skill(text, outside):
    """A name (acronym or capitalised word) after a learning verb, as written, or ""."""
    tokens = tokenise(text)
    for index, token in enumerate(tokens):
        if not outside(token.start, token.end) or not _is_name(token, index, tokens):
            continue
        previous = [t.folded for t in tokens[max(0, index - 3) : index]]
        if any(_LEARN.search(word) for word in previous):
            end = token.end
            while end < len(text) and text[end] in "+#":
                end += 1
            return text[token.start : end]
    return ""


def _is_name(token, index, tokens):
    """An acronym (DEP, PMP, CompTIA) or a capitalised word that does not start the text."""
    word = token.text
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2:
        return True
    return (
        index > 0
        and word[:1].isupper()
        and len(letters) >= 2
        and token.folded not in (function_words())
    )


def _position(folded, reading, comparisons=()):
    """(folded phrase of a position obtained, folded words of its role or field); a role that
    is compared ("become a better leader", "be a stronger negotiator") is no position."""
    for match in POSITION.finditer(folded):
        role = (
            match.group("role") or match.group("role_fr") or match.group("rest")
            or match.group("rest2") or ""
        )  # fmt: skip
        role = re.split(r"[.,;:!?()]", role)[0].strip()
        lead = folded[match.start() : match.end()].split()[:4]
        lead_end = match.start() + len(" ".join(lead))
        if any(match.start() <= at < lead_end for at in comparisons):
            continue  # "become a better leader", "get a better job"
        role_words = [w for w in content_words(role) if w not in TIME_WORDS][:4]
        if find_phrases(role, VAGUE_PHRASES) and not role_words[1:]:
            continue
        if match.group("role_fr") is not None:
            # "devenir X", "être X", "be a X": a role only when X is one ("devenir
            # couvreur"), not an adjective ("devenir riche"): the taxonomy says so when there
            # is one; without it "devenir X" is taken as a role, "être X" and "be X" are not.
            if not role_words:
                continue
            if reading.has_taxonomy:
                # "be a X" needs an occupation of ESCO; "devenir X" also takes a role noun
                # that heads occupations ("devenir éducatrice").
                weak_verb = match.group(0).startswith(("etre", "be "))
                if not _names_occupation(reading, role, concept_only=weak_verb):
                    continue
            elif not match.group(0).startswith("devenir"):
                continue
        phrase = folded[match.start() : match.end()]
        phrase = re.split(r"[.,;:!?()]", phrase)[0].strip()
        return phrase, " ".join(role_words)
    return "", ""


def _names_occupation(reading, role, concept_only=False):
    """Whether the taxonomy found an occupation among the words `role` (with `concept_only`,
    an occupation of ESCO, not only a noun that heads occupations, such as "person")."""
    role_words = set(fold(role).split())
    return any(
        hit.kind == "occupation"
        and (hit.concept_id or not concept_only)
        and set(fold(hit.text).split()) & role_words
        for hit in reading.labels
    )


def _comparisons(folded, lexicon=None):
    """Where the goal compares itself, in order: the folded start of each self-improvement
    word (an improvement verb, "more", "plus", "less", "moins", an "-er" comparative; see the
    grammar above). `lexicon` (a taxonomy.lexicon.Lexicon) tells "-er" comparatives from the
    nouns ESCO uses."""
    starts = []
    for match in IMPROVEMENT.finditer(folded):
        if match.group(0) == "more" and _NOT_COMPARING_MORE.search(folded[: match.end()]):
            continue
        starts.append(match.start())
    for match in _PLUS.finditer(folded):
        if not _NOT_COMPARING_PLUS.search(folded[: match.end()]):
            starts.append(match.start())
    starts += [match.start() for match in _LESS.finditer(folded)]
    stop = function_words()
    for match in _SYNTHETIC.finditer(folded):
        word = match.group("word") or match.group("than_word")
        if len(word) < 5 or word.endswith("eer") or word in stop or word in TIME_WORDS:
            continue
        if word in _TIME_COMPARATIVES:
            continue
        if lexicon is None:
            if match.group("than_word"):
                starts.append(match.start("than_word"))
            continue
        if lexicon.uses_word(word):
            continue  # a noun of the world of work: "a customer service job", "become manager"
        if match.group("article") and not match.group("after"):
            continue  # "the easier" alone: nothing is compared
        starts.append(match.start("word") if match.group("word") else match.start("than_word"))
    return sorted(set(starts))


def _phrase_from(folded, start):
    """The improvement word and up to three words after it, for the reason to quote."""
    words = folded[start:].split()
    phrase = []
    for word in words[:4]:
        phrase.append(word)
        if re.search(r"[.,;:!?]$", word):
            break
    return " ".join(phrase).rstrip(".,;:!?")


def _action(folded):
    """(verb, object words) of the goal's first action verb that has an object, or ()."""
    verbs = find_phrases(folded, CONCRETE_VERBS)
    if not verbs:
        return ()
    verb = verbs[0]
    after = folded[folded.find(verb) + len(verb) :]
    words = [w for w in content_words(after) if w not in TIME_WORDS]
    return (verb, words) if words else ()


def concrete_action(reading: GoalReading) -> bool:
    """Whether the action says what is done to what: two object words, or one after a
    learning verb ("learn welding", "apprendre la soudure": what is learnt is a skill)."""
    if not reading.action:
        return False
    verb, words = reading.action
    return len(words) >= 2 or bool(_LEARN.search(verb))
