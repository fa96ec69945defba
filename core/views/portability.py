"""The signed-in person downloads everything they own, or fills a new account from a file.

Only the signed-in person's own data: there is no URL that names another person.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core import audit
from core.portability import ImportRefused, dumps, export_person, import_person, load

MAX_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Export file"),
        help_text=_("A Parcours export (.json). Your account must not hold any data yet."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


@login_required
@require_GET
@never_cache
def export(request):
    """Everything the signed-in person owns, as a JSON file to keep (noted in their history)."""
    with transaction.atomic():
        text = dumps(export_person(request.user)) + "\n"
        audit.data_exported(request.user, actor=request.user)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="parcours-export-{day}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def import_data(request):
    """Fill the signed-in person's empty account from an export file."""
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        try:
            import_person(load(form.cleaned_data["file"].read()), into=request.user)
        except ImportRefused as error:
            form.add_error(
                "file", gettext("Nothing was imported: %(problem)s") % {"problem": error}
            )
        else:
            messages.success(request, gettext("Your data was imported."))
            return redirect("accounts:profile")
    status = 400 if request.method == "POST" else 200
    return render(request, "core/import.html", {"form": form}, status=status)
