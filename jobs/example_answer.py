"""The example answer the coach proposes: built from the posting, and checked by the coach.

`example_answer(posting_text, lang, judge)` writes an answer to "What are your career goals?" for
this posting, in `lang`: a horizon, a goal that grows out of the role, what the person will do
for the employer's people (the posting's own duties, "our" turned into "your"), and why this job
is a step on their path. Drafts are judged by `judge` (the coach passes its own
`jobs.alignment.judge`, so this module needs not import the check); a duty whose words would
themselves read as an issue (a posting that says "work without supervision" would make the
example "avoid" its own work) is left out, and the first draft with no issue is returned. When
the posting is in another language than `lang`, the role is the ESCO occupation's label in
`lang` and the duties are described in general words rather than quoted.
"""

import re
from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext as _

from jobs.posting_core import read_posting

__all__ = ["example_answer"]

MAX_DUTY_WORDS = 12
_OURS = {
    "our": "your", "ours": "yours", "us": "you", "we": "you",
    "notre": "votre", "nos": "vos", "nous": "vous",
}  # fmt: skip
_OURS_PATTERN = re.compile(r"\b(?:" + "|".join(_OURS) + r")\b", re.IGNORECASE)


def _as_yours(phrase):
    return _OURS_PATTERN.sub(lambda m: _OURS[m.group(0).lower()], phrase)


def _role_in(posting, lang):
    if posting.role and posting.lang == lang:
        role = posting.role
    elif posting.occupations:
        label_en, label_fr = posting.occupations[0]
        role = (label_fr if lang == "fr" else label_en).split("/")[0]
    else:
        role = posting.role
    # "Sales Manager" → "sales manager", keeping acronyms ("PSW", "TSA").
    return " ".join(word if word.isupper() else word.lower() for word in role.split())


def _duties(posting, lang):
    if posting.lang != lang:
        return []
    duties = []
    for duty in posting.duties:
        words = duty.split()
        if 2 <= len(words) <= MAX_DUTY_WORDS:
            duties.append(_as_yours(duty[:1].lower() + duty[1:]))
    return duties


def _drafts(posting, lang):
    role = _role_in(posting, lang)
    duties = _duties(posting, lang)
    # Each duty alone, then pairs, then none: the first draft that passes the check wins.
    choices = [duties[i : i + 2] for i in range(0, len(duties), 1) if duties[i : i + 2]]
    choices += [[duty] for duty in duties] + [[]]
    for chosen in choices:
        yield _write(role, chosen, lang)


def _write(role, duties, lang):
    if lang == "en":
        article = "an" if role[:1].lower() in "aeiou" else "a"
        who = f"{article} {role}" if role else _("member of your team")
    else:
        who = role or _("member of your team")
    if duties:
        tasks = (
            _("%(first)s and %(second)s") % {"first": duties[0], "second": duties[1]}
            if len(duties) > 1
            else duties[0]
        )
        goal = _(
            "Over the next three years, I want to grow as %(role)s and become the person your "
            "team relies on to %(tasks)s."
        ) % {"role": who, "tasks": tasks}
        value = _(
            "I will %(duty)s with care for your team and the people you serve, so that they can "
            "count on this work every day."
        ) % {"duty": duties[0]}
    else:
        goal = _(
            "Over the next three years, I want to grow as %(role)s and take on more "
            "responsibility in this work."
        ) % {"role": who}
        value = _(
            "I will bring care and reliability to your team and the people you serve, so that "
            "they can count on this work every day."
        )
    link = _(
        "This position is the right step toward that goal, because it lets me practise this "
        "work every day."
    )
    return f"{goal} {value} {link}"


# (posting text, answer, lang) → the issue codes the check finds (none: the answer passes).
Judge = Callable[[str, str, str], list[str]]


def example_answer(posting_text: str, lang: str, judge: Judge) -> str:
    """An example answer for this posting in `lang` that `judge` finds no issue with."""
    lang = lang if lang in ("en", "fr") else "en"
    posting = read_posting(posting_text)
    last = ""
    with translation.override(lang):
        for draft in _drafts(posting, lang):
            last = draft
            if not judge(posting_text, draft, lang):
                return draft
    return last
