"""The common interview questions a person can prepare, in both languages.

Keys are stable (they are stored on prepared answers and used by the API); the texts are
translated through the catalogue.
"""

from django.utils.translation import gettext_lazy as _

CAREER_GOALS = "career_goals"

COMMON_QUESTIONS = [
    ("about_yourself", _("Tell me about yourself.")),
    (CAREER_GOALS, _("What are your career goals?")),
    ("why_this_job", _("Why do you want this job?")),
    ("why_us", _("Why do you want to work for our organisation?")),
    ("strengths", _("What are your strengths?")),
    ("weaknesses", _("What are your weaknesses?")),
    (
        "difficult_situation",
        _("Tell me about a difficult situation at work and how you handled it."),
    ),
    ("conflict", _("Tell me about a conflict with a colleague and how you resolved it.")),
    ("proudest", _("What achievement are you proudest of?")),
    ("why_leave", _("Why are you leaving your current job?")),
    ("five_years", _("Where do you see yourself in five years?")),
    ("salary", _("What are your salary expectations?")),
    ("questions_for_us", _("Do you have any questions for us?")),
]

QUESTION_KEYS = [key for key, _text in COMMON_QUESTIONS]


def question_text(key: str) -> str:
    """The question for `key` in the active language, or "" for an unknown key."""
    return dict(COMMON_QUESTIONS).get(key, "")
