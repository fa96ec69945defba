"""The fixed, bilingual answers mentors and mentees choose from: values, style, languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Value(models.TextChoices):
    INTEGRITY = "integrity", _("Integrity")
    AUTONOMY = "autonomy", _("Autonomy")
    BALANCE = "balance", _("Work-life balance")
    DIVERSITY = "diversity", _("Diversity and inclusion")
    LEARNING = "learning", _("Learning")
    SERVICE = "service", _("Service to others")
    CREATIVITY = "creativity", _("Creativity")
    SECURITY = "security", _("Security")
    RECOGNITION = "recognition", _("Recognition")
    COLLABORATION = "collaboration", _("Collaboration")
    IMPACT = "impact", _("Social impact")
    ENVIRONMENT = "environment", _("Care for the environment")


class Approach(models.TextChoices):
    DIRECTIVE = "directive", _("Directive: gives advice and answers")
    EXPLORATORY = "exploratory", _("Exploratory: asks questions to help find my own way")
    EITHER = "either", _("Either")


class Structure(models.TextChoices):
    STRUCTURED = "structured", _("Structured: an agenda and a plan")
    FLEXIBLE = "flexible", _("Flexible: an open conversation")
    EITHER = "either", _("Either")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")
    EITHER = "either", _("Either")


class Channel(models.TextChoices):
    WRITTEN = "written", _("Mostly written")
    SPOKEN = "spoken", _("Mostly spoken (calls, meetings)")
    EITHER = "either", _("Either")


STYLE_FIELDS = {
    "approach": Approach,
    "structure": Structure,
    "frequency": Frequency,
    "channel": Channel,
}


class _StyleTitles:
    def __getitem__(self, key):
        return {
            "approach": _("Approach"),
            "structure": _("Structure"),
            "frequency": _("Frequency"),
            "channel": _("Channel"),
        }[key]


class _StyleChoices:
    def __getitem__(self, key):
        return {str(k): str(v).split(":")[0].strip() for k, v in STYLE_FIELDS[key].choices}


STYLE_TITLES = _StyleTitles()
STYLE_CHOICES = _StyleChoices()

LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("pt", _("Portuguese")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("uk", _("Ukrainian")),
    ("hi", _("Hindi")),
    ("tl", _("Tagalog")),
    ("vi", _("Vietnamese")),
]
LANGUAGE_CODES = [code for code, _label in LANGUAGES]


def language_name(code: str) -> str:
    return str(dict(LANGUAGES).get(code, code))


def value_labels() -> dict[str, str]:
    return {str(k): str(v) for k, v in Value.choices}
