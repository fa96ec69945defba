"""The self-assessment (reflection) pages; its answers suggest goals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.access import get_owned_or_404, owned
from core.views.owned import posted
from goals import plan
from goals.forms import (
    ReflectionForm,
)
from goals.models import (
    Reflection,
)

# Reflection ---------------------------------------------------------------------------------


@login_required
def reflection_index(request):
    versions = list(owned(Reflection, request.user))
    return render(request, "goals/reflection_index.html", {"versions": versions})


@login_required
def reflection_new(request):
    latest = owned(Reflection, request.user).first()
    initial = latest.answers() if latest else {}
    form = ReflectionForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        reflection = form.save(commit=False)
        reflection.owner = request.user
        reflection.save()
        messages.success(request, _("Reflection saved as a new version."))
        return redirect(reflection)
    return render(request, "goals/reflection_form.html", {"form": form})


@login_required
def reflection_detail(request, pk):
    reflection = get_owned_or_404(Reflection, request.user, pk=pk)
    others = owned(Reflection, request.user).exclude(pk=pk)
    compare = None
    if request.GET.get("compare", "").isdigit():
        compare = get_object_or_404(others, pk=request.GET["compare"])
    rows = []
    for name in Reflection.QUESTIONS:
        rows.append(
            {
                "label": Reflection._meta.get_field(name).verbose_name,
                "value": getattr(reflection, name),
                "earlier": getattr(compare, name) if compare else None,
                "changed": compare is not None
                and getattr(compare, name).strip() != getattr(reflection, name).strip(),
            }
        )
    return render(
        request,
        "goals/reflection_detail.html",
        {
            "reflection": reflection,
            "rows": rows,
            "compare": compare,
            "others": others,
            "suggestions": plan.suggestions_from_reflection(reflection),
        },
    )
