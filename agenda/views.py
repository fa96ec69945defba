"""The agenda page, its feed-token management and the iCalendar feed."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from agenda.collect import collect, group_by_day, user_time_zone
from agenda.models import DigestSubscription, FeedToken
from core.access import owned

UPCOMING_DAYS = 30

# The kinds providers use today; an unknown kind is shown as is.
KIND_LABELS = {
    "step": gettext_lazy("Step"),
    "stage": gettext_lazy("Stage"),
    "deadline": gettext_lazy("Deadline"),
    "review": gettext_lazy("Review"),
    "follow-up": gettext_lazy("Follow-up"),
    "renewal": gettext_lazy("Renewal"),
    "learning": gettext_lazy("Learning"),
    "interview": gettext_lazy("Interview"),
    "session": gettext_lazy("Session"),
    "gratitude": gettext_lazy("Thank-you"),
    "keep-in-touch": gettext_lazy("Keep in touch"),
}


def _labelled(items):
    return [(item, KIND_LABELS.get(item.kind, item.kind)) for item in items]


FEED_PAST_DAYS = 60
FEED_FUTURE_DAYS = 365


@login_required
def index(request):
    today = timezone.localdate()
    items = collect(request.user, today, today + datetime.timedelta(days=UPCOMING_DAYS))
    overdue = [item for item in items if item.overdue]
    upcoming = [item for item in items if not item.overdue]
    feed_url = request.session.pop("agenda_feed_url", None)
    return render(
        request,
        "agenda/index.html",
        {
            "overdue": _labelled(overdue),
            "days": [(day, _labelled(day_items)) for day, day_items in group_by_day(upcoming)],
            "today": today,
            "upcoming_days": UPCOMING_DAYS,
            "has_feed": owned(FeedToken, request.user).exists(),
            "has_digest": owned(DigestSubscription, request.user).exists(),
            "feed_url": feed_url,
        },
    )


@login_required
@require_POST
def feed_issue(request):
    """Create or regenerate the feed URL; it is shown once, since only its hash is kept."""
    raw = FeedToken.issue(request.user)
    request.session["agenda_feed_url"] = request.build_absolute_uri(
        reverse("agenda:feed", args=[raw])
    )
    messages.success(request, _("Your calendar link is ready. Copy it now: it is shown once."))
    return redirect("agenda:index")


@login_required
@require_POST
def feed_revoke(request):
    FeedToken.revoke(request.user)
    messages.success(request, _("Calendar link revoked: calendar apps can no longer read it."))
    return redirect("agenda:index")


@login_required
@require_POST
def digest(request):
    """Start or stop the weekly email digest (opt-in)."""
    if request.POST.get("digest") == "on":
        DigestSubscription.objects.get_or_create(user=request.user)
        messages.success(
            request, _("Every week you will receive by email what is due in the coming days.")
        )
    else:
        owned(DigestSubscription, request.user).delete()
        messages.success(request, _("The weekly digest is stopped."))
    return redirect("agenda:index")


@require_GET
def feed(request, token):
    """The private feed: no session, the token in the URL is the key. Unknown or revoked → 404."""
    user = FeedToken.user_for(token)
    if user is None:
        raise Http404
    # No session here: the person's language and time zone come from their profile.
    with translation.override(user.language), timezone.override(user_time_zone(user)):
        today = timezone.localdate()
        items = collect(
            user,
            today - datetime.timedelta(days=FEED_PAST_DAYS),
            today + datetime.timedelta(days=FEED_FUTURE_DAYS),
        )
    base = request.build_absolute_uri("/").rstrip("/")
    # icalendar is only needed by calendar apps' polls: not imported at every start-up.
    from agenda import ical

    body = ical.calendar(items, f"Parcours — {user.display_name}", base_url=base)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="parcours.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
