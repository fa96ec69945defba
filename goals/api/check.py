"""POST /api/goals/check: the SMART check of a goal (goals/smart.py), for scripts and apps."""

import datetime as dt

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from accounts.api_auth import api_auth
from goals.smart import check, profile_for

router = Router(tags=["goals"], auth=api_auth())


class SmartCheckIn(Schema):
    text: str
    lang: str | None = None
    today: dt.date | None = None
    use_profile: bool = False
    effort_hours: float | None = None


class SmartCriterionOut(Schema):
    met: bool | None
    reason: str


class SmartTimeBoundOut(SmartCriterionOut):
    deadline: dt.date | None


class SmartCriteriaOut(Schema):
    specific: SmartCriterionOut
    measurable: SmartCriterionOut
    achievable: SmartCriterionOut
    relevant: SmartCriterionOut
    time_bound: SmartTimeBoundOut


class SmartCheckOut(Schema):
    lang: str
    criteria: SmartCriteriaOut
    horizon: str | None
    suggestions: list[str]


@router.post("/goals/check", response=SmartCheckOut)
def check_goal(request, payload: SmartCheckIn):
    """Which SMART criteria the goal meets, why, and how to improve it.

    `lang` defaults to the person's language; with `use_profile`, achievable and relevant are
    judged from the person's hours per week, skills and target occupations.
    """
    text = payload.text.strip()
    if not text:
        raise HttpError(422, _("Write the goal to check."))
    if len(text) > 2000:
        raise HttpError(422, _("A goal is at most 2000 characters."))
    lang = payload.lang or request.auth.language or "en"
    if lang not in ("en", "fr"):
        raise HttpError(422, _("The language must be “en” or “fr”."))
    if payload.effort_hours is not None and not 0 <= payload.effort_hours <= 100_000:
        raise HttpError(422, _("The effort must be a number of hours between 0 and 100000."))
    profile = profile_for(request.auth, payload.effort_hours) if payload.use_profile else None
    result = check(text, lang=lang, today=payload.today or dt.date.today(), profile=profile)
    return result.as_dict()
