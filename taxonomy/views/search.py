"""Search pages (occupations, skills) and the skill extraction page.

Thin doors onto taxonomy.search and taxonomy.extraction. Each search page works as a plain GET
form; with htmx it refreshes only its results as the person types.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.access import owned
from taxonomy import extraction, search
from taxonomy.models import Skill, UserSkill

RESULTS = 10
MAX_QUERY_LENGTH = 200


def _language():
    return "fr" if (get_language() or "en").startswith("fr") else "en"


def _search_page(request, kind):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    language = _language()
    find = search.search_occupations if kind == search.OCCUPATIONS else search.search_skills
    context = {
        "kind": kind,
        "query": query,
        "results": find(query, language, RESULTS) if query else [],
    }
    if request.headers.get("HX-Request"):
        return render(request, "taxonomy/search/_results.html", context)
    return render(request, "taxonomy/search/search.html", context)


@login_required
@require_GET
def occupation_search(request):
    """Find an occupation by job title, in English or French."""
    return _search_page(request, search.OCCUPATIONS)


@login_required
@require_GET
def skill_search(request):
    """Find a skill or a knowledge area by name, in English or French."""
    return _search_page(request, search.SKILLS)


@login_required
@require_http_methods(["GET", "POST"])
def extract(request):
    """Paste a CV paragraph or a job posting, see the skills found, keep the right ones."""
    language = _language()
    source = request.POST.get("text", "")[: extraction.MAX_TEXT_LENGTH]
    context = {"text": source, "found": None, "max_length": extraction.MAX_TEXT_LENGTH}
    if request.method == "POST" and "confirm" in request.POST:
        return _keep(request)
    if request.method == "POST":
        if not source.strip():
            context["error"] = _("Paste a text to find skills in.")
        else:
            context["found"] = extraction.extract_skills(source, language)
    return render(request, "taxonomy/search/extract.html", context)


def _keep(request):
    ids = [int(value) for value in request.POST.getlist("skill") if value.isdigit()]
    skills = Skill.objects.filter(pk__in=ids, retired=False)
    have = set(
        owned(UserSkill, request.user).filter(skill__in=skills).values_list("skill_id", flat=True)
    )
    new = [UserSkill(user=request.user, skill=skill) for skill in skills if skill.pk not in have]
    with transaction.atomic():
        UserSkill.objects.bulk_create(new)
    if new:
        messages.success(
            request,
            ngettext(
                "%(count)d skill added to your profile.",
                "%(count)d skills added to your profile.",
                len(new),
            )
            % {"count": len(new)},
        )
    else:
        messages.info(request, _("No new skill to add: your profile already has them."))
    return redirect("taxonomy:profile")
