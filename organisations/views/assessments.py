"""Assessments: one's history, starting one (self, or a manager's of a report), rating with
evidence, submitting and sharing, and the other side's assessment beside it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import access, assessments, cycles, roles
from organisations.forms import AssessmentStartForm, EvidenceForm, RatingsForm
from organisations.people import OrgError
from organisations.views.common import errors, fail, row_id


@login_required
def index(request, slug):
    """My assessments (history, newest first); for a manager, her reports' shared
    self-assessments and her own assessments of them."""
    membership = access.membership_for(request.user, slug)
    user = request.user
    rows = list(access.assessments(membership).order_by("-created_at", "-id"))
    reports = {link.report_id: link.report for link in access.report_links(membership)}
    return render(
        request,
        "organisations/assessments.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "mine": [a for a in rows if a.subject_id == user.pk],
            "about_reports": [a for a in rows if a.subject_id in reports],
            "reports": list(reports.values()),
            "start_form": AssessmentStartForm(
                roles=roles.roles_of(membership.organisation),
                initial={"role": membership.job_role_id},
            ),
        },
    )


@login_required
@require_POST
def start(request, slug):
    """Start a draft: a self-assessment against a role, or (`subject`) a manager's of a report."""
    membership = access.membership_for(request.user, slug)
    form = AssessmentStartForm(request.POST, roles=roles.roles_of(membership.organisation))
    cycle = cycles.open_cycles(membership).filter(pk=row_id(request.POST.get("cycle")) or 0).first()
    subject_id = row_id(request.POST.get("subject"))
    try:
        if subject_id is not None:
            link = access.report_links(membership).filter(report_id=subject_id).first()
            if link is None:
                raise Http404
            role = form.cleaned_data["role"] if form.is_valid() else None
            assessment = assessments.start_manager_assessment(membership, link.report, role, cycle)
        elif form.is_valid():
            assessment = assessments.start_self_assessment(
                membership, form.cleaned_data["role"], cycle
            )
        else:
            raise OrgError(_("Choose the job role to assess against."))
    except OrgError as error:
        fail(request, error)
        return redirect("organisations:assessments", slug=slug)
    return redirect(assessment)


def _context(request, membership, assessment, form=None):
    beside = assessments.beside(assessment, request.user)
    rows = assessments.rows(assessment, request.user, beside=beside)
    levels = assessments.levels_of(assessment)
    editable = request.user.pk == assessment.author_id and not assessment.is_submitted
    return {
        "membership": membership,
        "organisation": membership.organisation,
        "assessment": assessment,
        "rows": rows,
        "levels": {level.level: level.name() for level in levels},
        "beside": beside,
        "editable": editable,
        "form": form
        or (
            RatingsForm(rows=rows, levels=levels, initial={"summary": assessment.summary})
            if editable
            else None
        ),
        "evidence_form": EvidenceForm(),
        "is_subject": request.user.pk == assessment.subject_id,
        "has_manager": access.current_manager_link(membership) is not None,
    }


@login_required
def detail(request, slug, pk):
    membership = access.membership_for(request.user, slug)
    assessment = access.assessment_for(membership, pk)
    return render(
        request, "organisations/assessment.html", _context(request, membership, assessment)
    )


PARTS = ("save", "submit", "evidence", "evidence-remove", "share")


@login_required
@require_POST
def update(request, slug, pk, part):
    membership = access.membership_for(request.user, slug)
    assessment = access.assessment_for(membership, pk)
    user = request.user
    try:
        if part in ("save", "submit"):
            context = _context(request, membership, assessment)
            if not context["editable"]:
                raise OrgError(_("This assessment is submitted: start a new one to change it."))
            form = RatingsForm(
                request.POST,
                rows=context["rows"],
                levels=assessments.levels_of(assessment),
            )
            if not form.is_valid():
                fail(request, _("Nothing was saved: %(errors)s") % {"errors": errors(form)})
                return redirect(assessment)
            assessments.save(assessment, user, form.ratings(), form.cleaned_data["summary"])
            if part == "submit":
                assessments.submit(assessment, user, share=request.POST.get("share") == "on")
                messages.success(
                    request, _("Your assessment is submitted and kept in the history.")
                )
            else:
                messages.success(request, _("Saved."))
        elif part == "evidence":
            form = EvidenceForm(request.POST)
            if not form.is_valid():
                raise OrgError(_("Nothing was saved: %(errors)s") % {"errors": errors(form)})
            source = None
            if form.cleaned_data["source_kind"] and form.cleaned_data["source_id"]:
                source = assessments.source_for(
                    user, form.cleaned_data["source_kind"], form.cleaned_data["source_id"]
                )
                if source is None:
                    raise Http404
            assessments.add_evidence(
                assessment,
                user,
                form.cleaned_data["competency"],
                form.cleaned_data["text"],
                form.cleaned_data["kind"],
                source,
            )
            messages.success(request, _("The evidence is added."))
        elif part == "evidence-remove":
            evidence_id = row_id(request.POST.get("evidence"))
            if evidence_id is None:
                raise Http404
            assessments.remove_evidence(assessment, user, evidence_id)
            messages.success(request, _("The evidence is removed."))
        elif part == "share":
            assessments.set_shared(assessment, user, request.POST.get("shared") == "on")
            messages.success(request, _("Your sharing choice is saved."))
        else:
            raise Http404
    except OrgError as error:
        fail(request, error)
    return redirect(assessment)
