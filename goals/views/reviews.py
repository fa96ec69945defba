"""Review pages: the periodic walk through one's goals, one decision per goal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import get_owned_or_404, owned
from core.views.owned import posted
from goals import plan
from goals.forms import (
    DecisionForm,
    ReviewSettingsForm,
)
from goals.models import (
    Goal,
    GoalStatus,
    Review,
)

# Reviews ------------------------------------------------------------------------------------


@login_required
def review_index(request):
    settings = plan.review_settings_for(request.user)
    form = ReviewSettingsForm(posted(request), instance=settings)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Review cadence saved."))
        return redirect("goals:review_index")
    return render(
        request,
        "goals/review_index.html",
        {
            "form": form,
            "settings": settings,
            "reviews": owned(Review, request.user).prefetch_related("decisions"),
            "due": plan.goals_due_for_review(request.user),
        },
    )


@login_required
def review_new(request):
    goals = list(
        owned(Goal, request.user)
        .filter(status__in=[GoalStatus.ACTIVE, GoalStatus.PAUSED])
        .prefetch_related("stages")
    )
    if not goals:
        messages.info(request, _("You have no active goal to review yet."))
        return redirect("goals:index")
    data = request.POST if request.method == "POST" else None
    forms = [
        (goal, DecisionForm(data, goal=goal, prefix=f"g{goal.pk}", initial={"decision": "keep"}))
        for goal in goals
    ]
    note = request.POST.get("note", "")
    if data is not None and all(form.is_valid() for _goal, form in forms):
        with transaction.atomic():
            review = Review.objects.create(owner=request.user, note=note)
            for goal, form in forms:
                plan.apply_decision(
                    review,
                    goal,
                    form.cleaned_data["decision"],
                    form.cleaned_data["reason"],
                    form.changes(),
                )
            plan.complete_review(review)
        messages.success(request, _("Review recorded."))
        return redirect(review)
    return render(request, "goals/review_form.html", {"forms": forms, "note": note})


@login_required
def review_detail(request, pk):
    review = get_owned_or_404(
        Review.objects.prefetch_related("decisions__goal"), request.user, pk=pk
    )
    return render(request, "goals/review_detail.html", {"review": review})
