"""Competency models and career frameworks: reading them, importing and exporting files, mapping
competencies to ESCO, a job role and the gap to it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import access, framework, gaps, mapping, modelfile, roles
from organisations.forms import ImportForm, pack
from organisations.models import (
    Competency,
    CompetencyModel,
    Expectation,
    JobRole,
    ProficiencyLevel,
)
from organisations.people import OrgError
from organisations.views.common import data, fail, row_id
from taxonomy import actions


def _language():
    return (get_language() or "en")[:2]


@login_required
def models(request, slug):
    membership = access.membership_for(request.user, slug)
    rows = CompetencyModel.objects.filter(organisation_id=membership.organisation_id)
    return render(
        request,
        "organisations/models.html",
        {"membership": membership, "organisation": membership.organisation, "models": rows},
    )


@login_required
def model_detail(request, slug, pk):
    """The model: levels, competencies with indicators and ESCO skills, roles with the level
    each expects (a matrix). Six queries whatever the model's size."""
    membership = access.membership_for(request.user, slug)
    model = get_object_or_404(CompetencyModel, organisation_id=membership.organisation_id, pk=pk)
    competencies = list(
        model.competencies.prefetch_related("indicators", "mappings__skill").order_by("position")
    )
    role_rows = list(model.roles.order_by("position", "id"))
    expected = {
        (e.role_id, e.competency_id): e.level for e in Expectation.objects.filter(role__model=model)
    }
    for role in role_rows:
        role.cells = [expected.get((role.pk, c.pk)) for c in competencies]
    return render(
        request,
        "organisations/model.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "model": model,
            "levels": list(model.levels.all()),
            "competencies": competencies,
            "roles": role_rows,
        },
    )


@login_required
def model_export(request, slug, pk, fmt):
    membership = access.admin_for(request.user, slug)
    model = get_object_or_404(CompetencyModel, organisation_id=membership.organisation_id, pk=pk)
    if fmt not in ("json", "csv"):
        raise Http404
    document = framework.export_document(model)
    content_type = "application/json" if fmt == "json" else "text/csv"
    response = HttpResponse(
        modelfile.write(document, fmt), content_type=f"{content_type}; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{model.code}.{fmt}"'
    return response


@login_required
def model_import(request, slug):
    """Upload a file, read the preview (what changes, or every problem with its line), then
    confirm: the page posts the same content back and only then is anything written."""
    membership = access.admin_for(request.user, slug)
    form = ImportForm(data(request), request.FILES or None)
    context = {"form": form, "organisation": membership.organisation}
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["raw"]
        try:
            document = modelfile.read(
                raw, form.cleaned_data["file_format"] or None, form.cleaned_data["filename"]
            )
            if request.POST.get("action") == "confirm":
                model = framework.apply(membership.organisation, document)
                messages.success(
                    request,
                    _("The competency model “%(name)s” is imported.") % {"name": model.name()},
                )
                return redirect(model)
            checked = framework.preview(membership.organisation, document)
        except modelfile.ImportProblems as error:
            context["problems"] = error.problems
        else:
            context["preview"] = checked
            context["document_name"] = (
                document.name_fr if _language() == "fr" else document.name_en
            ) or document.name_en
            context["problems"] = checked.problems
            # The confirmation posts the file again, as JSON, so nothing is kept on the server.
            context["content"] = pack(modelfile.to_json(document))
    return render(request, "organisations/import.html", context)


@login_required
def competency_esco(request, slug, pk):
    """An administrator maps a competency to ESCO skills: the search suggests, she confirms."""
    membership = access.admin_for(request.user, slug)
    competency = get_object_or_404(
        Competency.objects.select_related("model"),
        model__organisation_id=membership.organisation_id,
        pk=pk,
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "suggest":
                found = mapping.suggest(membership, competency, _language())
                messages.success(
                    request,
                    _("%(count)s ESCO skills suggested: confirm those that fit.")
                    % {"count": len(found)},
                )
            elif action in ("confirm", "reject"):
                skill_id = row_id(request.POST.get("skill"))
                if skill_id is None:
                    raise OrgError(_("Choose an ESCO skill."))
                mapping.confirm(membership, competency, skill_id, confirmed=action == "confirm")
                messages.success(request, _("Saved."))
            else:
                raise Http404
        except OrgError as error:
            fail(request, error)
        return redirect("organisations:competency_esco", slug=slug, pk=pk)
    query = request.GET.get("q", "").strip()[:200]
    return render(
        request,
        "organisations/competency_esco.html",
        {
            "organisation": membership.organisation,
            "competency": competency,
            "mappings": list(competency.mappings.select_related("skill").order_by("-confirmed")),
            "query": query,
            "results": mapping.search(query, _language(), 10) if len(query) >= 2 else [],
        },
    )


@login_required
def role_detail(request, slug, pk):
    membership = access.membership_for(request.user, slug)
    role = get_object_or_404(
        JobRole.objects.select_related("model"),
        model__organisation_id=membership.organisation_id,
        pk=pk,
    )
    levels = {
        level.level: level for level in ProficiencyLevel.objects.filter(model_id=role.model_id)
    }
    rows = roles.expectations(role)
    for row in rows:
        row.level_name = levels[row.level].name() if row.level in levels else row.level
    return render(
        request,
        "organisations/role.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "role": role,
            "rows": rows,
            "track": roles.track_of(role),
            "next": roles.next_level(role),
            "is_mine": membership.job_role_id == role.pk,
        },
    )


def _role_for(membership, pk):
    return get_object_or_404(
        JobRole.objects.select_related("model"),
        model__organisation_id=membership.organisation_id,
        pk=pk,
    )


@login_required
def role_gap(request, slug, pk):
    """The signed-in person's own gap to a role: never anyone else's."""
    membership = access.membership_for(request.user, slug)
    role = _role_for(membership, pk)
    gap = gaps.role_gap(request.user, role, membership.organisation_id, _language())
    return render(
        request,
        "organisations/role_gap.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "role": role,
            "gap": gap,
            "handlers": actions.handlers(),
            "action_url": reverse("organisations:role_gap_action", args=[slug, role.pk]),
            "empty_message": _("Nothing to develop: your skills cover those this role maps to."),
        },
    )


@login_required
@require_POST
def role_gap_action(request, slug, pk):
    """Turn one suggestion of the role's development guide into a goal step or learning item."""
    membership = access.membership_for(request.user, slug)
    role = _role_for(membership, pk)
    gap = gaps.role_gap(request.user, role, membership.organisation_id, _language())
    try:
        suggestion, url = actions.perform(request.user, gap, request.POST)
    except actions.NoSuchAction:
        raise Http404 from None
    except actions.ActionRefused as error:
        messages.error(request, str(error))
        return redirect("organisations:role_gap", slug=slug, pk=pk)
    messages.success(request, _("Added: %(text)s") % {"text": suggestion.text})
    return redirect(url or reverse("organisations:role_gap", args=[slug, pk]))
