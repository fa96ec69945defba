"""Effort in hours, typed the way people say it: one rule for the pages, the API and the display.

A goal's or a step's estimated effort is stored in hours (to the hundredth, so that "20 min" is
kept as 0.33 h and shows back as 20 min). People may type it in hours or minutes, in either
language: "2", "1,5", "1.5 h", "30 min", "90 minutes", "1 h 30", "1h30", "2 heures", "une
heure et demie" (the language toolkit's `parse_hours`). It is shown back readably in the
person's language: "30 min", "2 h", "1.5 h" / "1,5 h" (French decimal comma), "1 h 20 min".
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import DecimalField
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.language import parse_hours

__all__ = ["HUNDREDTH", "largest", "parse_effort", "readable_hours", "readable_number"]

HUNDREDTH = Decimal("0.01")


def largest(field: DecimalField) -> Decimal:
    """The largest effort a model's DecimalField holds (99999.99 for 7 digits, 2 places)."""
    return Decimal(10) ** (field.max_digits - field.decimal_places) - HUNDREDTH


def parse_effort(value: object, max_hours: Decimal) -> Decimal | None:
    """The hours `value` says (a number of hours, or a text such as "30 min" or "1 h 30"),
    rounded to the hundredth; None when it is empty.

    Raises a ValidationError with a translated sentence when it is not one duration in hours
    or minutes, or more than `max_hours`.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):  # JSON true/false are not numbers of hours
        hours = None
    elif isinstance(value, int | float | Decimal):
        hours = Decimal(str(value)) if Decimal(str(value)).is_finite() and value >= 0 else None
    else:
        parsed = parse_hours(str(value)[:100])
        hours = None if parsed is None else Decimal(str(parsed))
    if hours is None:
        raise ValidationError(
            _("Write the effort in hours or minutes, for example “30 min”, “1 h 30” or “2.5 h”."),
            code="invalid",
        )
    if hours > max_hours:
        raise ValidationError(
            _("The effort can be at most %(hours)s hours.") % {"hours": readable_number(max_hours)},
            code="max_value",
        )
    return hours.quantize(HUNDREDTH, ROUND_HALF_UP)


def readable_hours(hours: Decimal | float | None) -> str:
    """Hours as a person reads them, in the active language: "30 min", "2 h", "1.5 h" (EN) or
    "1,5 h" (FR), "1 h 20 min"; "" for None. `parse_effort` reads every such text back."""
    if hours is None or hours == "":
        return ""
    hours = Decimal(str(hours)).quantize(HUNDREDTH, ROUND_HALF_UP)
    minutes = int((hours * 60).to_integral_value(ROUND_HALF_UP))
    if minutes < 60:
        return _("%(minutes)s min") % {"minutes": minutes}
    if (hours * 10) % 1 == 0:  # whole hours or tenths: "2 h", "1.5 h"
        return _("%(hours)s h") % {"hours": readable_number(hours)}
    whole, rest = divmod(minutes, 60)  # "1 h 20 min", not "1.33 h"
    return _("%(hours)s h %(minutes)s min") % {
        "hours": readable_number(Decimal(whole)),
        "minutes": rest,
    }


def readable_number(value: Decimal) -> str:
    """`value` to the hundredth without trailing zeros, with the active language's decimal
    mark and thousands grouping ("1.5" / "1,5", "1,200" / "1 200")."""
    value = Decimal(value).quantize(HUNDREDTH, ROUND_HALF_UP)
    places = 0 if value == value.to_integral_value() else (1 if value * 10 % 1 == 0 else 2)
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
