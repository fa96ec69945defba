"""The career goal statement writer: questions, a composed statement, its versions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404, owned
from core.views.owned import posted
from goals import context as work_context
from goals import plan
from goals.forms import (
    StatementAnswerForm,
    StatementTextForm,
)
from goals.models import (
    Reflection,
    Statement,
    StatementVersion,
)

# Statement writer ---------------------------------------------------------------------------


def _step_text(step):
    # Marked for translation here so makemessages sees every prompt.
    prompts = {
        "passions": (
            _("What are you passionate about?"),
            _("The activities, subjects and problems that give you energy."),
        ),
        "research": (
            _("What did you learn about your target?"),
            _("Read job postings, talk to people in the occupation, note the skills asked for."),
        ),
        "questions": (
            _("What important questions remain?"),
            _("Salary, training needed, work conditions, what a typical day looks like."),
        ),
        "smart": (
            _("Write your goal through the SMART lens"),
            _("Specific, measurable, achievable, relevant and time-bound."),
        ),
        "plan": (
            _("What is your action plan?"),
            _("The first stages and steps, the skills to acquire and the obstacles to overcome."),
        ),
    }
    return prompts[step]


@login_required
def statement_index(request):
    statements = owned(Statement, request.user).prefetch_related("versions")
    return render(request, "goals/statement_index.html", {"statements": statements})


@login_required
@require_POST
def statement_new(request):
    reflection = owned(Reflection, request.user).first()
    answers = {}
    if reflection:
        answers["passions"] = reflection.passions
    statement = Statement.objects.create(
        owner=request.user, language=(get_language() or "en")[:2], answers=answers
    )
    return redirect("goals:statement_step", pk=statement.pk, step="passions")


@login_required
def statement_step(request, pk, step):
    statement = get_owned_or_404(Statement, request.user, pk=pk)
    if step not in plan.STATEMENT_STEPS:
        raise Http404
    index = plan.STATEMENT_STEPS.index(step)
    if step == "adjust":
        return _statement_adjust(request, statement)
    key = "goal" if step == "smart" else step
    form = StatementAnswerForm(posted(request), initial={"answer": statement.answers.get(key, "")})
    smart = None
    if step == "smart" and statement.answers.get("goal"):
        smart = plan.smart_check(statement.answers["goal"], request.user)
    roles = work_context.role_contexts(request.user) if step in ("research", "smart") else []
    if request.method == "POST" and form.is_valid():
        statement.answers[key] = form.cleaned_data["answer"].strip()
        if step == "research":
            offered = {name for role in roles for name in role.competencies}
            chosen = [name for name in request.POST.getlist("competencies") if name in offered]
            statement.answers["competencies"] = ", ".join(dict.fromkeys(chosen))
        statement.save(update_fields=["answers", "updated_at"])
        if step == "smart" and request.POST.get("action") == "check":
            return redirect("goals:statement_step", pk=pk, step=step)
        return redirect("goals:statement_step", pk=pk, step=plan.STATEMENT_STEPS[index + 1])
    question, hint = _step_text(step)
    return render(
        request,
        "goals/statement_step.html",
        {
            "statement": statement,
            "step": step,
            "number": index + 1,
            "total": len(plan.STATEMENT_STEPS),
            "previous": plan.STATEMENT_STEPS[index - 1] if index else None,
            "question": question,
            "hint": hint,
            "form": form,
            "smart": smart,
            "roles": roles,
            "chosen": statement.answers.get("competencies", "").split(", "),
        },
    )


def _statement_adjust(request, statement):
    latest = statement.versions.first()
    text = latest.text if latest else plan.compose_statement(statement.answers, statement.language)
    form = StatementTextForm(posted(request), initial={"text": text})
    if request.method == "POST" and form.is_valid():
        StatementVersion.objects.create(
            statement=statement, text=form.cleaned_data["text"], note=form.cleaned_data["note"]
        )
        statement.save(update_fields=["updated_at"])
        messages.success(request, _("Statement saved as a new version."))
        return redirect(statement)
    return render(
        request,
        "goals/statement_step.html",
        {
            "statement": statement,
            "step": "adjust",
            "number": len(plan.STATEMENT_STEPS),
            "total": len(plan.STATEMENT_STEPS),
            "previous": "plan",
            "question": _("Adjust your statement"),
            "hint": _("Reword it until it sounds like you; every save keeps a version."),
            "form": form,
        },
    )


@login_required
def statement_detail(request, pk):
    statement = get_owned_or_404(
        Statement.objects.prefetch_related("versions"), request.user, pk=pk
    )
    return render(
        request,
        "goals/statement_detail.html",
        {"statement": statement, "versions": list(statement.versions.all())},
    )
