"""Live SMART feedback for the goal form: htmx posts the form while the person types."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_POST

from core.access import owned
from goals.effort import largest, parse_effort
from goals.forms import DATE
from goals.models import Goal
from goals.smart import check, profile_for
from goals.statement_deadline import KEEP_DEADLINE, KEEP_STATEMENT, settle_goal

MAX_CHARS = 2000


@login_required
@require_POST
def smart_feedback(request):
    """The SMART criteria of the text being typed, with reasons and suggestions.

    Reads `statement` (the goal form's field) or `text`, and the optional `deadline`
    (YYYY-MM-DD), `estimated_effort_hours`, `target_occupation` (one of the person's own
    targets), `deadline_follows` and `keep_deadline` fields of the same form, and `goal` (in the
    query string, the goal being edited); ignores them when they do not parse, since the form
    itself reports those errors. The statement's date and the deadline field are settled as on
    save (goals.statement_deadline): a date written in the goal fills an empty deadline field
    (the field is swapped in), and two different dates are shown with the choice of the right
    one.
    """
    goal = _own_goal(request.user, request.GET.get("goal"))
    return render(request, "goals/_smart_feedback.html", feedback(request, request.POST, goal))


def feedback_url(goal=None) -> str:
    """Where the goal form posts itself for live feedback (naming the goal being edited)."""
    url = reverse("goals:smart_feedback")
    return f"{url}?goal={goal.pk}" if goal is not None else url


def feedback(request, data, goal=None) -> dict:
    """The live feedback's context for the posted goal form `data` (the partial, and the goal
    form when a save was refused, so that the page shows the same without JavaScript)."""
    text = (data.get("statement") or data.get("text") or "")[:MAX_CHARS]
    if not text.strip():
        return {"result": None}
    today = timezone.localdate()
    lang = (translation.get_language() or "en")[:2]
    settled = settle_goal(
        goal,
        text,
        _date(data.get("deadline")),
        today=today,
        follows=_date(data.get("deadline_follows")),
        keep=data.get("keep_deadline", ""),
        lang=lang,
    )
    effort = _hours(data.get("estimated_effort_hours") or data.get("effort_hours"))
    target = _own_target(request.user, data.get("target_occupation"))
    result = check(
        settled.statement,
        lang=lang,
        today=today,
        profile=profile_for(request.user, effort),
        occupation_hits=[target.label(lang)] if target else (),
        deadline=settled.given if settled.conflict else settled.deadline,
        written_on=settled.written_on,
    )
    context = {
        "result": result,
        "settled": settled,
        "keep": data.get("keep_deadline", ""),
        "feedback_url": feedback_url(goal),
    }
    if settled.conflict:
        context["choices"] = [
            (KEEP_STATEMENT, settled.stated, ""),
            (KEEP_DEADLINE, settled.given, settled.new_phrase()),
        ]
    elif settled.change:
        # The form takes what was settled: htmx swaps the changed field in (out of band).
        if settled.deadline != settled.given:
            context["deadline_input"] = DATE.render(
                "deadline", settled.deadline, attrs={"id": "id_deadline", "hx-swap-oob": "true"}
            )
        if settled.statement != text:
            context["statement_value"] = settled.statement
        context["follows"] = settled.deadline
    return context


def _own_goal(user, value):
    value = (value or "").strip()
    if not value.isdigit() or len(value) > 18:
        return None
    return owned(Goal, user).filter(pk=int(value)).first()


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
    """The effort field's hours ("30 min", "1 h 30", "1,5 h": goals.effort), or None."""
    try:
        hours = parse_effort(value, largest(Goal._meta.get_field("estimated_effort_hours")))
    except ValidationError:
        return None
    return float(hours) if hours is not None else None
