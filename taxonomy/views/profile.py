"""Pages of the taxonomy app: the skills & occupations overview, occupation pages, the skills
profile, target occupations, their gap analysis and transferable experience.

Views are thin: the rules live in taxonomy.profile, taxonomy.gap and taxonomy.transferable.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.access import owned
from core.views.owned import OwnedDeleteView
from taxonomy import actions, gap, profile, transferable
from taxonomy.forms import AddSkillForm, EditSkillForm, TargetForm, TransferableFilterForm
from taxonomy.models import (
    Occupation,
    OccupationSkill,
    ProficiencyLevel,
    RelationType,
    SkillEvidence,
    TargetOccupation,
    UserSkill,
)

RELATED_OCCUPATIONS = 8


def _language():
    return (translation.get_language() or "en")[:2]


def _other_language(language):
    return "en" if language == "fr" else "fr"


def _user_skills(user):
    return (
        owned(UserSkill, user)
        .select_related("skill")
        .prefetch_related(Prefetch("evidence", queryset=SkillEvidence.objects.order_by("id")))
    )


def _targets(user):
    return owned(TargetOccupation, user).select_related("occupation")


@login_required
@require_GET
def index(request):
    """The occupation search box (taxonomy.views.search), one's targets and skills at a glance."""
    context = {
        "targets": list(_targets(request.user)),
        "skills": list(_user_skills(request.user)[:8]),
        "skill_count": owned(UserSkill, request.user).count(),
        "language": _language(),
    }
    return render(request, "taxonomy/index.html", context)


def _related_occupations(occupation, language):
    """Occupations sharing the most essential skills with `occupation`, in one query."""
    essential = OccupationSkill.objects.filter(
        occupation=occupation, relation_type=RelationType.ESSENTIAL
    ).values("skill_id")
    rows = (
        OccupationSkill.objects.filter(relation_type=RelationType.ESSENTIAL, skill_id__in=essential)
        .exclude(occupation=occupation)
        .values("occupation_id", "occupation__label_en", "occupation__label_fr")
        .annotate(shared=Count("id"))
        .order_by("-shared", "occupation__label_en")[:RELATED_OCCUPATIONS]
    )
    return [
        {
            "id": row["occupation_id"],
            "label": (row["occupation__label_fr"] or row["occupation__label_en"])
            if language == "fr"
            else row["occupation__label_en"],
            "shared": row["shared"],
        }
        for row in rows
    ]


def _grouped(links, language, mine):
    """[(group label, [(link, has it)])] ordered by group label, "Other" last."""
    groups = {}
    for link in links:
        label = link.skill.top_group.label(language) if link.skill.top_group_id else ""
        groups.setdefault(label, []).append((link, link.skill_id in mine))
    ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0].lower()))
    return [
        (
            label or _("Other skills"),
            sorted(items, key=lambda i: i[0].skill.label(language).lower()),
        )
        for label, items in ordered
    ]


@login_required
@require_GET
def occupation_detail(request, pk):
    language = _language()
    occupation = get_object_or_404(
        Occupation.objects.select_related("isco_group__parent__parent__parent", "broader"),
        pk=pk,
    )
    isco_path = []
    group = occupation.isco_group
    while group is not None:
        isco_path.insert(0, group)
        group = group.parent if group.parent_id else None
    links = list(
        OccupationSkill.objects.filter(occupation=occupation).select_related(
            "skill", "skill__top_group"
        )
    )
    mine = set(
        owned(UserSkill, request.user)
        .filter(skill__isnull=False)
        .values_list("skill_id", flat=True)
    )
    essential = [link for link in links if link.relation_type == RelationType.ESSENTIAL]
    optional = [link for link in links if link.relation_type != RelationType.ESSENTIAL]
    target = owned(TargetOccupation, request.user).filter(occupation=occupation).first()
    other = _other_language(language)
    context = {
        "occupation": occupation,
        "label": occupation.label(language),
        "other_label": occupation.label(other),
        "other_language": other,
        "alt_labels": [
            line
            for line in getattr(occupation, f"alt_labels_{language}").splitlines()
            if line.strip()
        ],
        "description": occupation.description(language),
        "isco_path": [(g.code, g.label(language)) for g in isco_path],
        "essential_groups": _grouped(essential, language, mine),
        "optional_groups": _grouped(optional, language, mine),
        "essential_count": len(essential),
        "optional_count": len(optional),
        "related": _related_occupations(occupation, language),
        "narrower": list(occupation.narrower.order_by("label_en")),
        "target": target,
        "target_form": TargetForm(initial={"horizon": target.horizon} if target else None),
        "language": language,
    }
    return render(request, "taxonomy/occupation_detail.html", context)


@login_required
@require_POST
def make_target(request, pk):
    occupation = get_object_or_404(Occupation, pk=pk)
    form = TargetForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a horizon: short, medium or long term."))
        return redirect("taxonomy:occupation", pk=pk)
    target, created = profile.add_target(request.user, occupation, form.cleaned_data["horizon"])
    label = occupation.label(_language())
    if created:
        messages.success(
            request,
            _("“%(occupation)s” is now one of your target occupations.") % {"occupation": label},
        )
    else:
        messages.success(
            request, _("The horizon of “%(occupation)s” was updated.") % {"occupation": label}
        )
    return redirect("taxonomy:gap", pk=target.pk)


# Skills profile ---------------------------------------------------------------------------


@login_required
def skills_profile(request):
    """The person's skills, and the form to add one."""
    form = AddSkillForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_skill = profile.add_skill(
                request.user,
                skill=form.cleaned_data.get("skill"),
                free_text=form.cleaned_data.get("free_text", ""),
                proficiency=form.cleaned_data["proficiency"],
                years_of_experience=form.cleaned_data["years_of_experience"],
                evidence=form.evidence(),
                language=_language(),
            )
        except profile.ProfileError as error:
            form.add_error("free_text", str(error))
        else:
            if user_skill.skill_id:
                messages.success(
                    request,
                    _("“%(skill)s” was added to your skills profile.")
                    % {"skill": user_skill.skill.label(_language())},
                )
            else:
                messages.success(
                    request,
                    _("“%(skill)s” was added as you typed it: no ESCO skill matched closely.")
                    % {"skill": user_skill.free_text},
                )
            return redirect("taxonomy:profile")
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "skills": list(_user_skills(request.user)),
        "levels": ProficiencyLevel.choices,
        "language": _language(),
    }
    return render(request, "taxonomy/profile.html", context, status=status)


@login_required
@require_GET
def skill_picker(request):
    """htmx: ESCO skills matching what the person types in the add-skill form."""
    query = request.GET.get("free_text", "").strip()[:200]
    matches = profile.search_skills(query, _language(), limit=8) if len(query) >= 2 else []
    return render(request, "taxonomy/_skill_picker.html", {"matches": matches, "query": query})


@login_required
def edit_skill(request, pk):
    user_skill = get_object_or_404(_user_skills(request.user), pk=pk)
    initial = {
        "proficiency": user_skill.proficiency,
        "years_of_experience": user_skill.years_of_experience,
    }
    form = EditSkillForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user_skill.proficiency = form.cleaned_data["proficiency"]
        user_skill.years_of_experience = form.cleaned_data["years_of_experience"]
        user_skill.save(update_fields=["proficiency", "years_of_experience", "updated_at"])
        for kind, description in form.evidence():
            SkillEvidence.objects.create(
                user_skill=user_skill, kind=kind, description=description.strip()
            )
        messages.success(request, _("Your skill was updated."))
        return redirect("taxonomy:profile")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "taxonomy/skill_edit.html",
        {"form": form, "user_skill": user_skill, "language": _language()},
        status=status,
    )


class SkillDelete(OwnedDeleteView):
    model = UserSkill
    http_method_names = ["post"]
    success_url = "taxonomy:profile"

    def get_success_message(self):
        return _("“%(skill)s” was removed from your profile.") % {"skill": self.object}


class EvidenceDelete(OwnedDeleteView):
    model = SkillEvidence
    http_method_names = ["post"]
    success_message = gettext_lazy("The evidence was removed.")

    def get_success_url(self):
        return reverse("taxonomy:edit_skill", args=[self.object.user_skill_id])


# Targets and gap ---------------------------------------------------------------------------


@login_required
@require_POST
def update_target(request, pk):
    target = get_object_or_404(_targets(request.user), pk=pk)
    form = TargetForm(request.POST)
    if form.is_valid():
        target.horizon = form.cleaned_data["horizon"]
        target.save(update_fields=["horizon"])
        messages.success(request, _("The horizon was updated."))
    else:
        messages.error(request, _("Choose a horizon: short, medium or long term."))
    if request.POST.get("next") == "gap":
        return redirect("taxonomy:gap", pk=pk)
    return redirect("taxonomy:index")


class TargetDelete(OwnedDeleteView):
    queryset = TargetOccupation.objects.select_related("occupation")
    http_method_names = ["post"]
    success_url = "taxonomy:index"

    def get_success_message(self):
        label = self.object.occupation.label(_language())
        return _("“%(occupation)s” is no longer a target occupation.") % {"occupation": label}


@login_required
@require_GET
def gap_view(request, pk):
    target = get_object_or_404(_targets(request.user), pk=pk)
    analysis = gap.analyse(target, _language())
    context = {
        "target": target,
        "gap": analysis,
        "handlers": actions.handlers(),
        "target_form": TargetForm(initial={"horizon": target.horizon}),
        "essential_weight": transferable.ESSENTIAL_WEIGHT,
        "language": _language(),
    }
    return render(request, "taxonomy/gap.html", context)


@login_required
@require_POST
def gap_action(request, pk):
    """Turn one suggestion of the development guide into another app's object."""
    target = get_object_or_404(_targets(request.user), pk=pk)
    try:
        suggestion, url = actions.perform(
            request.user, gap.analyse(target, _language()), request.POST
        )
    except actions.NoSuchAction:
        raise Http404 from None
    except actions.ActionRefused as error:
        messages.error(request, str(error))
        return redirect("taxonomy:gap", pk=pk)
    messages.success(request, _("Added: %(text)s") % {"text": suggestion.text})
    return redirect(url or reverse("taxonomy:gap", args=[pk]))


@login_required
@require_GET
def transferable_view(request):
    language = _language()
    form = TransferableFilterForm(request.GET or None, groups=transferable.major_groups(language))
    major_group = form.cleaned_data["major_group"] if form.is_valid() else ""
    results = transferable.rank_for_user(
        request.user, major_group=major_group or None, language=language
    )
    context = {
        "form": form,
        "results": results,
        "has_skills": owned(UserSkill, request.user).filter(skill__isnull=False).exists(),
        "essential_weight": transferable.ESSENTIAL_WEIGHT,
        "language": language,
    }
    return render(request, "taxonomy/transferable.html", context)
