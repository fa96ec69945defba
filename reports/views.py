""" "My career plan": the signed-in person's own report, as a printable page and as a PDF."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from reports import report as career_report


@require_GET
@login_required
def report(request):
    """The report in the person's language, laid out to print on paper."""
    data = career_report.build(request.user)
    with translation.override(data.language):
        response = render(request, "reports/report.html", {"report": data})
    return response


@require_GET
@login_required
def report_pdf(request):
    """The same report as a PDF to download."""
    # reportlab takes a second to import: load it on the first PDF, not at every start-up.
    from reports.report_pdf import render_pdf

    data = career_report.build(request.user)
    content = render_pdf(data)
    response = HttpResponse(content, content_type="application/pdf")
    with translation.override(data.language):
        name = translation.gettext("career-plan")
    response["Content-Disposition"] = f'attachment; filename="{name}-{data.generated_on}.pdf"'
    return response
