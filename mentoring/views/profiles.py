"""Finding a mentor: the mentoring home, one's mentor profile and mentee preferences, the mentor
directory with explained matches, and the request to a mentor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.access import get_visible_or_404, owned, visible
from core.views.owned import posted
from mentoring import history, lifecycle, selectors
from mentoring.choices import STYLE_CHOICES, STYLE_TITLES, language_name, value_labels
from mentoring.forms import (
    MenteePreferencesForm,
    MentorProfileForm,
    RequestForm,
)
from mentoring.lifecycle import LifecycleError
from mentoring.models import (
    MenteePreferences,
    MentorProfile,
    Mentorship,
)

SEARCH_LIMIT = 15


def _profile_display(profile):
    values = value_labels()
    return {
        "values": [values.get(v, v) for v in profile.values],
        "languages": [language_name(c) for c in profile.languages],
        "style": [
            (STYLE_TITLES[q], STYLE_CHOICES[q].get(getattr(profile, q), ""))
            for q in ("approach", "structure", "frequency", "channel")
        ],
    }


@login_required
def index(request):
    user = request.user
    mentorships = list(
        visible(Mentorship, user).select_related("mentor", "mentee").order_by("-created_at", "-id")
    )
    profile = owned(MentorProfile, user).first()
    return render(
        request,
        "mentoring/index.html",
        {
            "profile": profile,
            "as_mentee": [m for m in mentorships if m.mentee_id == user.pk],
            "as_mentor": [m for m in mentorships if m.mentor_id == user.pk],
            "requests": [
                m
                for m in mentorships
                if m.mentor_id == user.pk and m.status == Mentorship.Status.REQUESTED
            ],
            "has_preferences": owned(MenteePreferences, user).exists(),
            "history": list(history.records_for(user)),
        },
    )


@login_required
def profile_edit(request):
    profile = owned(MentorProfile, request.user).first()
    if profile is None:
        profile = MentorProfile(user=request.user, languages=[request.user.language])
    form = MentorProfileForm(posted(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your mentor profile is saved."))
        return redirect("mentoring:index")
    return render(request, "mentoring/profile_form.html", {"form": form})


@login_required
def preferences_edit(request):
    preferences = owned(MenteePreferences, request.user).first()
    if preferences is None:
        preferences = MenteePreferences(user=request.user, languages=[request.user.language])
    form = MenteePreferencesForm(posted(request), instance=preferences)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your preferences are saved."))
        return redirect("mentoring:find")
    return render(request, "mentoring/preferences_form.html", {"form": form})


@login_required
@require_GET
def concept_search(request, kind):
    """Search ESCO skills or occupations for the mentor profile picker (htmx)."""
    if kind not in ("skills", "occupations"):
        raise Http404
    query = request.GET.get("q", "").strip()
    results = _search_concepts(kind, query, request.LANGUAGE_CODE) if len(query) >= 2 else []
    return render(request, "mentoring/_concept_options.html", {"results": results, "kind": kind})


def _search_concepts(kind, query, language):
    """The taxonomy's search (taxonomy.search) when it answers, else a plain label search."""
    from taxonomy import search
    from taxonomy.models import Occupation, Skill

    model = Skill if kind == "skills" else Occupation
    finder = getattr(search, f"search_{kind}", None)
    if finder is not None:
        try:
            found = finder(query, language, SEARCH_LIMIT)
        except Exception:  # noqa: BLE001 (no index built yet: fall back to labels below)
            found = []
        ids = [m.concept_id for m in found if getattr(m, "concept_id", None)]
        if ids:
            by_id = model.objects.in_bulk(ids)
            return [by_id[i] for i in ids if i in by_id]
    return list(
        model.objects.filter(Q(label_en__icontains=query) | Q(label_fr__icontains=query))[
            :SEARCH_LIMIT
        ]
    )


@login_required
def find(request):
    matches = selectors.rank_mentors(request.user)
    return render(
        request,
        "mentoring/find.html",
        {
            "matches": matches,
            "has_preferences": owned(MenteePreferences, request.user).exists(),
        },
    )


@login_required
def mentor_detail(request, pk):
    profile = get_visible_or_404(
        MentorProfile.objects.select_related("user").prefetch_related("skills", "occupations"),
        request.user,
        pk=pk,
    )
    own = profile.user_id == request.user.pk
    match = None if own else selectors.match_for(request.user, profile)
    existing = Mentorship.objects.filter(
        mentor=profile.user, mentee=request.user, status__in=Mentorship.OPEN
    ).first()
    return render(
        request,
        "mentoring/mentor_detail.html",
        {
            "profile": profile,
            "match": match,
            "own": own,
            "existing": existing,
            **_profile_display(profile),
        },
    )


@login_required
def request_mentor(request, pk):
    profile = get_object_or_404(
        MentorProfile.objects.select_related("user").exclude(user=request.user),
        pk=pk,
        accepting_requests=True,
    )
    form = RequestForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            mentorship = lifecycle.send_request(
                request.user,
                profile,
                form.cleaned_data["hoped_gain"],
                goals=form.cleaned_data["goals"],
                objectives=form.cleaned_data["objectives"],
            )
        except LifecycleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your request is sent."))
            return redirect(mentorship)
    return render(request, "mentoring/request_form.html", {"form": form, "profile": profile})
