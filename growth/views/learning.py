"""Pages of the growth app's learning plan, and the growth home (see growth/views/__init__.py).

Every object is looked up among the signed-in person's own (core.access), so another person
gets a 404. The rules live in roi.py and learning.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from core.access import get_owned_or_404, owned
from core.views.owned import OwnedDeleteView, OwnedUpdateView
from growth import networking, roi
from growth.forms import (
    CompleteForm,
    LearningItemForm,
)
from growth.learning import complete_item
from growth.models import (
    Contact,
    Entry,
    LearningItem,
)
from taxonomy.models import Skill


def form_page(request, form, title, cancel_url, submit=None):
    return render(
        request,
        "growth/form.html",
        {
            "form": form,
            "title": title,
            "cancel_url": resolve_url(cancel_url),
            "submit": submit or _("Save"),
        },
    )


@login_required
def index(request):
    today = timezone.localdate()
    items = list(
        owned(LearningItem, request.user)
        .filter(status__in=[LearningItem.Status.PLANNED, LearningItem.Status.IN_PROGRESS])
        .order_by("start_date", "id")[:5]
    )
    contacts = owned(Contact, request.user).filter(follow_up_days__isnull=False)
    due = networking.due_follow_ups(contacts.with_last_interaction(), today)
    renewals = networking.upcoming_renewals(request.user, today)
    unread = owned(Entry, request.user).unread().count()
    return render(
        request,
        "growth/index.html",
        {
            "items": items,
            "due": due[:10],
            "renewals": renewals[:10],
            "unread": unread,
            "today": today,
        },
    )


# Learning plan ---------------------------------------------------------------------------------


@login_required
def learning_list(request):
    items = (
        owned(LearningItem, request.user)
        .prefetch_related("skills")
        .order_by("status", "start_date", "id")
    )
    rows = [(item, roi.for_item(item)) for item in items]
    return render(request, "growth/learning_list.html", {"rows": rows})


@login_required
def learning_new(request):
    form = LearningItemForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        item = form.save()
        messages.success(request, _("Added to your learning plan."))
        return redirect(item)
    return form_page(request, form, _("Add to your learning plan"), "growth:learning")


@login_required
def learning_detail(request, item_id):
    item = get_owned_or_404(
        LearningItem.objects.prefetch_related("skills", "goals"),
        request.user,
        pk=item_id,
    )
    return render(
        request,
        "growth/learning_detail.html",
        {"item": item, "roi": roi.for_item(item), "complete_form": CompleteForm()},
    )


class LearningEdit(OwnedUpdateView):
    model = LearningItem
    pk_url_kwarg = "item_id"
    form_class = LearningItemForm
    form_takes_user = True
    template_name = "growth/form.html"
    title = gettext_lazy("Edit “%(object)s”")


@login_required
@require_POST
def learning_complete(request, item_id):
    item = get_owned_or_404(LearningItem, request.user, pk=item_id)
    form = CompleteForm(request.POST)
    form.is_valid()
    added = complete_item(item, add_skills=form.cleaned_data.get("add_skills", False))
    if added:
        messages.success(
            request,
            ngettext(
                "Marked as completed; %(count)d skill added to your profile.",
                "Marked as completed; %(count)d skills added to your profile.",
                added,
            )
            % {"count": added},
        )
    else:
        messages.success(request, _("Marked as completed."))
    return redirect(item)


class LearningDelete(OwnedDeleteView):
    model = LearningItem
    pk_url_kwarg = "item_id"
    http_method_names = ["post"]
    success_url = "growth:learning"
    success_message = gettext_lazy("Removed from your learning plan.")


@login_required
@require_GET
def skill_options(request):
    """The skill picker's checkboxes (htmx): the skills already ticked, then those matching
    ?skill_query=, so that ticking survives a new search."""
    query = (request.GET.get("skill_query") or request.GET.get("q") or "").strip()
    ids = [value for value in request.GET.getlist("skills") if value.isdigit()][:100]
    chosen = [
        {"pk": skill.pk, "label": skill.label(request.LANGUAGE_CODE)}
        for skill in Skill.objects.filter(pk__in=ids)
    ]
    found = networking.search_skills(query, request.LANGUAGE_CODE) if len(query) >= 2 else []
    chosen_ids = {skill["pk"] for skill in chosen}
    skills = [skill for skill in found if skill["pk"] not in chosen_ids]
    return render(
        request,
        "growth/widgets/skill_options.html",
        {"chosen": chosen, "skills": skills, "query": query},
    )
