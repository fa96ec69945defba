"""What a person aims at and what they turn away from, clause by clause, with the words each
intention bears on (its scope). English and French.

`find_intentions(text)` returns, in order, one `Intention` per cue:

- kind "aim": wants, would like, plans, hopes, aims at, intends, looks for, dreams of, grows
  into, will, likes/loves/enjoys; veux, voudrais, souhaite, aimerais, vise, compte, prévois,
  ai l'intention de, mon objectif est de, rêve de, aspire à, cherche à, m'orienter vers...
- kind "avoid": avoid, stay away from, away from, far from, without, rather than, instead of,
  not have to, tired of, hate; éviter, loin de, sans, plutôt que, au lieu de, ne pas avoir à,
  en avoir assez de, tanné de, détester; and a negated "involve/include/require" ("a role that
  doesn't involve sales", "un poste qui n'implique pas de vente");
- kind "leave": leave, quit, get out of, escape, move away from, move on from; quitter, sortir
  de, partir de, délaisser, abandonner, changer de;
- kind "less": less, fewer, moins (de), reduce, réduire, and the postposed "as much", "as
  often", "autant" of a negated clause ("doesn't involve customers as much");
- kind "stop": stop, no longer, no more, give up, "... anymore"; arrêter (de), cesser (de),
  "ne ... plus", plus jamais, fini le/la/les, en finir avec.

`Intention.negated` is true when the cue is negated ("I don't want to manage", "je ne veux pas
gérer", "I'd never leave nursing"); `Intention.toward` says where the person goes: an aim that
is not negated, or a negated avoid/leave/less/stop. The scope runs from after the cue to the end
of its clause (sentence punctuation, a comma, "but/mais", "because/parce que", "and I/et je")
or to the next cue, so "I want to leave retail and move into nursing" gives leave → "retail",
aim → "nursing". A chain of cues ("I want to leave", "je ne veux plus") is one intention:
the last cue's kind, with the negation of the chain.

Grammar only: cue verbs, negations and clause words; the scope's words are the person's.
"""

import re
from dataclasses import dataclass

from core.language.tokens import tokenise
from core.language.words import function_words, word_set

__all__ = ["Intention", "find_intentions"]

# Cues as folded token sequences (elisions are their own tokens: "m'" "eloigner").
_CUES = {
    "aim": """
        want to|want|wants to|wants|wanted to|would like to|would like|'d like to|i'd like to
        would love to|hope to|hoping to|aim to|aim at|aim for|aiming to|aiming for|aiming at
        plan to|plan on|planning to|planning on|intend to|intending to|my goal is to
        my goal is|our goal is to|my aim is to|my objective is to|my ambition is to
        looking to|looking for|look for|seek|seeking|wish to|dream of|dreaming of
        strive to|striving to|work toward|work towards|working toward|working towards
        grow into|move into|moving into|move toward|move towards|transition into|transition to
        get into|focus on|focusing on|specialise in|specialize in|specialising in
        specializing in|take on|taking on|start|starting|begin|become|becoming|will|'ll|i'll
        going to|like to|love to|enjoy|love|passionate about|eager to|keen to|excited to
        veux|voudrais|vouloir|souhaite|souhaiterais|souhaiter|aimerais|aimerait|j' aimerais
        would rather|'d rather|i'd rather|prefer to|would prefer to|'d prefer to
        see myself|picture myself|envision myself|me vois|me voir|me verrais
        aime|adore|vise|viser|visons|compte|prevois|prevoir|planifie|projette
        prefere|prefererais|aimerais mieux
        ai l' intention de|avoir l' intention de|mon objectif est de|mon objectif est
        mon but est de|notre objectif est de|mon ambition est de|reve de|revons de|aspire a
        cherche a|me diriger vers|m' orienter vers|me tourner vers|me concentrer sur
        me specialiser en|me specialiser dans|commencer a|me lancer dans|devenir|vais
        irai|passionne par|passionnee par|desire|j' ai hate de|tiens a
    """,
    "avoid": """
        avoid|avoiding|steer clear of|stay away from|staying away from|away from|far from
        without|rather than|instead of|not have to|not having to|tired of|fed up with
        don't have to|doesn't have to|won't have to|wouldn't have to|never have to
        no longer have to|do not have to|does not have to|will not have to
        sick of|hate|dislike|can't stand|cannot stand
        eviter|evite|fuir|loin de|sans|plutot que|au lieu de|ne pas avoir a|ne plus avoir a
        en avoir assez de|en ai assez de|tanne de|tannee de|ecoeure de|ecoeuree de
        deteste|detester|m' eloigner de|s' eloigner de|me detacher de|m' eloigner du
    """,
    "leave": """
        leave|leaving|quit|quitting|get out of|getting out of|escape|escaping|move away from
        moving away from|move on from|moving on from|step away from|stepping away from
        step back from|walk away from|give up on
        quitter|quitte|sortir de|sortir du|sortir des|partir de|partir du|delaisser
        abandonner|changer de|laisser tomber|tourner la page sur
    """,
    "less": """
        less|fewer|not as much|reduce|reducing|cut down on|cut back on|spend less
        moins de|moins d'|moins|reduire|diminuer|le moins possible
    """,
    "stop": """
        stop|stopping|no longer|no more|give up|giving up|cease|never again
        arreter de|arreter d'|arreter|cesser de|cesser d'|cesser|plus jamais|fini le|fini la
        fini les|en finir avec|ne plus|n' plus
    """,
}
# Verbs that describe a job's content: only their negation is an intention ("doesn't involve").
_INVOLVE = word_set(
    """
    involve involves involved involving include includes including require requires
    mean means entail entails implique impliquent impliquerait comporte comportent
    comporterait inclut incluent inclurait exige exigent exigerait demande demandent
    demanderait
    """
)
# Postposed "less": "doesn't involve customers as much", "pas autant de clients".
_POSTPOSED_LESS = ("as much", "as often", "that much", "autant", "plus autant", "aussi souvent")
_POSTPOSED_STOP = ("anymore", "any more", "any longer", "plus maintenant")
_NEGATORS_BEFORE = word_set(
    """
    not never don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't isn't aren't
    wasn't hardly ne n' no jamais
    """
)
_NEGATORS_AFTER = frozenset(["pas", "jamais", "point", "guere", "aucunement"])
_NEGATORS = _NEGATORS_BEFORE | _NEGATORS_AFTER
_SUBJECTS = frozenset(
    ["i", "we", "he", "she", "they", "you", "je", "j'", "nous", "on", "il", "elle", "ils", "tu"]
)
_CLAUSE_WORDS = word_set(
    """
    but because since although though whereas while so unless however mais car parce puisque
    donc tandis alors quoique cependant pourtant sinon
    """
)
_COORDINATORS = frozenset(["and", "or", "et", "ou", "then", "puis"])
_LEADING = frozenset(["to", "de", "d'", "a", "of", "from", "du", "des"])
_BOUNDARY = re.compile(r"[.;!?:\n()\[\]«»\"“”,]")
_MAX_SCOPE = 14  # tokens
_AWAY = frozenset(["avoid", "leave", "less", "stop"])


def _cue_table():
    table = []
    for kind, block in _CUES.items():
        for entry in re.split(r"[|\n]", block):
            words = tuple(entry.split())
            if not words:
                continue
            table.append((words, kind))
            # French contractions: "loin de" is also "loin du", "loin des", "loin d'";
            # "aspire a" is also "aspire au", "aspire aux".
            if words[-1] == "de":
                table += [((*words[:-1], other), kind) for other in ("du", "des", "d'")]
            elif words[-1] == "a" and len(words) > 1:
                table += [((*words[:-1], other), kind) for other in ("au", "aux")]
    table += [((word,), "involve") for word in _INVOLVE]
    table += [(tuple(p.split()), "less_after") for p in _POSTPOSED_LESS]
    table += [(tuple(p.split()), "stop_after") for p in _POSTPOSED_STOP]
    # "I'd rather work with adults than with children": "than" is an avoidance after a
    # preference ("plutôt que" and "rather than" are cues of their own).
    table += [(("than",), "than"), (("que",), "than"), (("qu'",), "than")]
    table.sort(key=lambda entry: -len(entry[0]))
    by_first = {}
    for words, kind in table:
        by_first.setdefault(words[0], []).append((words, kind))
    return by_first


_TABLE = _cue_table()


@dataclass(frozen=True)
class Intention:
    kind: str  # aim, avoid, leave, less, stop
    negated: bool
    cue: str  # as written
    scope: str  # as written, "" when the clause has nothing after the cue
    cue_start: int
    cue_end: int
    scope_start: int
    scope_end: int

    @property
    def toward(self):
        """Whether the person goes toward the scope (an aim, or a negated avoidance)."""
        return (self.kind == "aim") != self.negated

    def words(self, lang=None):
        """The scope's content words, folded."""
        stop = function_words(lang)
        return [
            token.folded
            for token in tokenise(self.scope)
            if token.folded not in stop and not token.folded.endswith("'")
        ]


def _clauses(text, tokens):
    """Lists of token indexes, one per clause."""
    clauses, current = [], []
    for index, token in enumerate(tokens):
        between = text[tokens[index - 1].end : token.start] if index else ""
        starts_clause = bool(_BOUNDARY.search(between)) or token.folded in _CLAUSE_WORDS
        if (
            token.folded in _COORDINATORS
            and index + 1 < len(tokens)
            and tokens[index + 1].folded in _SUBJECTS
        ):
            starts_clause = True
        if starts_clause and current:
            clauses.append(current)
            current = []
        if token.folded in _CLAUSE_WORDS:
            continue
        current.append(index)
    if current:
        clauses.append(current)
    return clauses


def _match_cue(words, at):
    for cue, kind in _TABLE.get(words[at], ()):
        if tuple(words[at : at + len(cue)]) == cue:
            return len(cue), kind
    return 0, None


def _ne_plus(words, at):
    """The length of a French "ne/n' VERB plus" at `at` ("ne travaillerai plus"), or 0."""
    if words[at] not in ("ne", "n'"):
        return 0
    for gap in (1, 2, 3):
        if at + gap + 1 <= len(words) - 1 and words[at + gap + 1] == "plus" and gap <= 2:
            return gap + 2
    return 0


def find_intentions(text: str) -> list[Intention]:
    """The intentions of `text`, in order (see the module's docstring); never raises."""
    text = "" if text is None else str(text)
    tokens = tokenise(text)
    found = []
    for clause in _clauses(text, tokens):
        found += _clause_intentions(text, [tokens[i] for i in clause])
    return found


def _clause_intentions(text, tokens):
    words = [token.folded for token in tokens]
    cues = _cues(words)
    intentions = []  # [kind, negated, cue start, cue end, scope first, scope stop] (indexes)
    for index, (start, end, kind, negated, _preference) in enumerate(cues):
        if kind in ("less_after", "stop_after"):
            _postposed(intentions, start, end, kind.removesuffix("_after"))
            continue
        following = cues[index + 1][0] if index + 1 < len(cues) else len(words)
        # A chain of cues ("want to leave", "veux quitter"): one intention, the last kind.
        if (
            index + 1 < len(cues)
            and cues[index + 1][2] not in ("less_after", "stop_after")
            and all(w in _LEADING for w in words[end:following])
        ):
            nxt = cues[index + 1]
            nxt[0] = start
            if nxt[2] == "aim" and kind in _AWAY:
                # "no longer want to…", "plus jamais envie de…": the first cue turns away.
                nxt[2], nxt[3] = kind, negated
            else:
                nxt[3] = (nxt[3] or negated) if nxt[2] == "aim" else (nxt[3] != negated)
            continue
        stop = min(following, end + _MAX_SCOPE, _coordinated_stop(words, end, following))
        first = end
        while first < stop and words[first] in _LEADING:
            first += 1
        if kind == "less" and not _has_content(words[first:stop]):
            # "work less": the activity comes before it.
            _postposed(intentions, start, end, "less", keep_negation=True)
            continue
        intentions.append([kind, negated, start, end, first, stop])
    return [_make(text, tokens, words, *intention) for intention in intentions]


def _has_content(words):
    stop = function_words()
    return any(w not in stop and not w.endswith("'") for w in words)


def _cues(words):
    """[start, end, kind, negated] of each cue in a clause's folded words."""
    cues = []
    at = 0
    last_end = 0  # negations before a cue are looked for after the previous cue only
    negation_seen, scanned = False, 0  # whether the clause has a negation before `at`
    while at < len(words):
        while scanned < at:
            negation_seen = negation_seen or words[scanned] in _NEGATORS
            scanned += 1
        length, kind = _match_cue(words, at)
        ne_plus = _ne_plus(words, at)
        if ne_plus and ne_plus >= length:
            cues.append([at, at + ne_plus, "stop", False, False])
            at = last_end = at + ne_plus
            continue
        if not length:
            at += 1
            continue
        end = at + length
        before = words[max(last_end, at - 3) : at]
        negated = any(w in _NEGATORS_BEFORE for w in before)
        if end < len(words) and words[end] in _NEGATORS_AFTER:
            negated = negated or any(w in ("ne", "n'") for w in before)
            end += 1
        if kind in ("less_after", "stop_after"):
            clause_negated = negation_seen or any(c[3] for c in cues[-3:])
            if not clause_negated or (end < len(words) and words[end] in ("as", "que", "qu'")):
                at = end
                continue
            if end < len(words) and words[end] in ("de", "d'", "of"):
                kind = "less" if kind == "less_after" else "stop"  # "plus autant de clients"
        if kind == "than":
            if not any(c[2] == "aim" and c[4] for c in cues):
                at = end
                continue
            kind = "avoid"
        if kind == "involve":
            if not negated:
                at = end
                continue
            kind, negated = "avoid", False
        preference = kind == "aim" and any(
            w in ("rather", "prefer", "prefere", "prefererais", "mieux") for w in words[at:end]
        )
        cues.append([at, end, kind, negated, preference])
        at = last_end = end
    return cues


def _coordinated_stop(words, end, limit):
    """Where "and/et" starts another clause with a verb ("and to", "et je")."""
    for index in range(end + 1, limit):
        if words[index] in _COORDINATORS and index + 1 < limit:
            after = words[index + 1]
            if after in ("to", "then", "puis", "de", "d'", "a") or after in _SUBJECTS:
                return index
    return limit


def _postposed(intentions, start, end, kind, keep_negation=False):
    """ "... customers as much", "work less": the words before the cue, back to the previous
    intention's cue, are the scope; that intention (when there is one) becomes `kind`.

    The negation of "doesn't involve X as much" or "don't want X anymore" belongs to the
    construct; a plain "less" keeps the negation before it ("I don't want to work less").
    """
    if intentions:
        previous = intentions[-1]
        negated = previous[1] if keep_negation else False
        intentions[-1] = [kind, negated, previous[2], end, previous[3], start]
    else:
        intentions.append([kind, False, start, end, 0, start])


_SCOPE_LEADING = _LEADING | _SUBJECTS | _NEGATORS_AFTER
_SCOPE_TRAILING = function_words() | _COORDINATORS | _NEGATORS


def _make(text, tokens, words, kind, negated, start, end, first, stop):
    while first < stop and words[first] in _SCOPE_LEADING:
        first += 1
    while stop > first and (words[stop - 1] in _SCOPE_TRAILING or words[stop - 1].endswith("'")):
        stop -= 1
    cue_start, cue_end = tokens[start].start, tokens[end - 1].end
    if first < stop:
        scope_start, scope_end = tokens[first].start, tokens[stop - 1].end
    else:
        scope_start = scope_end = cue_end
    return Intention(
        kind=kind,
        negated=negated,
        cue=text[cue_start:cue_end],
        scope=text[scope_start:scope_end],
        cue_start=cue_start,
        cue_end=cue_end,
        scope_start=scope_start,
        scope_end=scope_end,
    )
