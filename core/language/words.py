"""Function words of English and French, written folded: grammar, never the world.

Articles, determiners, pronouns, prepositions, conjunctions, auxiliaries and a few light verbs
("get", "have", "faire") that carry no content of their own. `content` filters use them; the
language guesser counts them.
"""

__all__ = [
    "word_set",
    "ELISIONS",
    "FUNCTION_WORDS",
    "TIME_WORDS",
    "WANT_VERBS",
    "function_words",
    "is_function_word",
]


def word_set(block: str) -> frozenset[str]:
    """The words of a block of text, one frozenset: how the grammar lists are written."""
    return frozenset(block.split())


# French elided particles: "l'infirmière" is "l'" + "infirmiere".
ELISIONS = frozenset(
    ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]
)

_EN = word_set("""
a an the this that these those some any each every either neither no other another such
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves one oneself
who whom whose which what whatever whoever where when why how there here
and or but nor so yet both either if then than as because since while whereas although though
unless until till whether once also too very just only even still already again ever never
not no yes
of to in on at by for with from into onto about above below over under up down out off
through during before after between among around across along against toward towards within
without upon via per like near beyond behind beside besides inside outside throughout
be am is are was were been being do does did doing done have has had having
will would shall should can could may might must ought
i'm i've i'll i'd you're you've you'll you'd we're we've we'll he's she's it's they're
they've don't doesn't didn't won't wouldn't can't cannot couldn't isn't aren't wasn't
weren't haven't hasn't hadn't shouldn't mustn't let's that's there's what's
get gets got getting make makes made making
more most less least much many few lot lots really quite rather
""")

_FR = word_set("""
le la les l un une des du de d au aux ce cet cette ces
mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
je j me m moi tu te t toi il elle on nous vous ils elles lui eux se s soi
y en qui que qu quoi dont ou lequel laquelle lesquels lesquelles
et ou mais donc or ni car si comme puis alors ainsi aussi encore deja jamais toujours
ne n pas plus moins tres trop peu beaucoup bien tout tous toute toutes autre autres meme
a dans par pour sur sous avec sans chez vers entre contre depuis pendant avant apres
selon malgre parmi envers hors jusqu lors lorsqu puisque parce quand
etre suis es est sommes etes sont etait etais etaient ete sera serai serons seront
avoir ai as avons avez ont avait avais avaient eu aura aurai auront
faire fais fait faisons font
c ca cela ceci celui celle ceux celles voici voila ici la-bas
""")

FUNCTION_WORDS = {"en": frozenset(_EN), "fr": frozenset(_FR)}
_ALL = FUNCTION_WORDS["en"] | FUNCTION_WORDS["fr"]

# Verbs of wanting: the intention, not its object ("I want to learn Python" is about Python).
WANT_VERBS = word_set(
    """
    want wants wanted wanting wish wishes hope hopes would like
    vouloir veux veut voulons voulez veulent voudrais voudrait voudrions souhaite souhaites
    souhaiter souhaiterais souhaiterait aimerais aimerait desire desirer
    """
)

# Words of time spans and calendars: not content when judging what a goal is about.
TIME_WORDS = word_set(
    """
    day days week weeks month months year years quarter quarters time end next last
    jour jours semaine semaines mois an ans annee annees trimestre fin prochain prochaine
    prochains prochaines dernier derniere
    """
)


def function_words(lang: str | None = None) -> frozenset[str]:
    """The function words of `lang` ("en" or "fr"), or of both when `lang` is None."""
    return FUNCTION_WORDS.get(lang, _ALL)


def is_function_word(folded_word: str, lang: str | None = None) -> bool:
    return folded_word in function_words(lang)
