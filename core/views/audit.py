"""The signed-in person's sharing history: who was given or lost access to their data, and when."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core import audit

PER_PAGE = 50


@login_required
@require_GET
def sharing_history(request):
    """Newest first, a page at a time; there is no URL for another person's history."""
    page = Paginator(audit.history(request.user), PER_PAGE).get_page(request.GET.get("page"))
    rows = [(event, audit.who(event), audit.with_whom(event)) for event in page]
    return render(request, "core/sharing_history.html", {"page": page, "rows": rows})
