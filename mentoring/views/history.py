"""Mentorship history brought in by an import: read-only, its owner's only."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from core.views.owned import OwnedDeleteView
from mentoring import history
from mentoring.models import MentorshipRecord

# Imported history ---------------------------------------------------------------------------


@login_required
def history_detail(request, pk):
    record = history.record_for(request.user, pk)  # 404 first, whatever the method
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return render(request, "mentoring/history_detail.html", history.read(record, request.user))


class HistoryDelete(OwnedDeleteView):
    """A confirmation page on GET; the imported record is deleted on POST."""

    model = MentorshipRecord
    template_name = "mentoring/history_delete.html"
    context_object_name = "record"
    success_url = "mentoring:index"
    success_message = gettext_lazy("The imported mentorship is deleted.")
