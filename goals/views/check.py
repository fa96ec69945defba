"""Live SMART feedback for the goal form: htmx posts the form while the person types."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_POST

from goals.smart import check, profile_for

MAX_CHARS = 2000


@login_required
@require_POST
def smart_feedback(request):
    """The SMART criteria of the text being typed, with reasons and suggestions.

    Reads `statement` (the goal form's field) or `text`, and the optional `deadline`
    (YYYY-MM-DD), `estimated_effort_hours` and `target_occupation` (one of the person's own
    targets) fields of the same form; ignores them when they do not parse, since the form
    itself reports those errors.
    """
    text = (request.POST.get("statement") or request.POST.get("text") or "")[:MAX_CHARS]
    deadline = _date(request.POST.get("deadline"))
    effort = _hours(request.POST.get("estimated_effort_hours") or request.POST.get("effort_hours"))
    result = None
    if text.strip():
        lang = (translation.get_language() or "en")[:2]
        target = _own_target(request.user, request.POST.get("target_occupation"))
        result = check(
            text,
            lang=lang,
            today=timezone.localdate(),
            profile=profile_for(request.user, effort),
            occupation_hits=[target.label(lang)] if target else (),
            deadline=deadline,
        )
    return render(request, "goals/_smart_feedback.html", {"result": result})


def _own_target(user, value):
    """The occupation `value` (a primary key) when it is one of the person's targets."""
    from taxonomy.models import Occupation

    value = (value or "").strip()
    if not value.isdigit() or len(value) > 18:  # beyond a 64-bit id: no such occupation
        return None
    return Occupation.objects.filter(pk=int(value), targets__user=user).first()


def _date(value):
    try:
        return dt.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def _hours(value):
    try:
        hours = float((value or "").strip().replace(",", "."))
    except ValueError:
        return None
    return hours if 0 <= hours <= 100_000 else None
