"""Industry watch pages: feeds, their articles and the reading log. The rules live in feeds.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404, owned
from core.views.owned import OwnedDeleteView, OwnedUpdateView
from growth import limits, tasks
from growth.forms import (
    FeedForm,
    ReadingNoteForm,
)
from growth.models import (
    Entry,
    Feed,
    ReadingNote,
)
from growth.views.learning import form_page

# Industry watch --------------------------------------------------------------------------------


@login_required
def watch(request):
    """The feeds followed, each with its unread count and last error, and the latest articles."""
    feed_list = owned(Feed, request.user).annotate(
        unread=Count("entries", filter=Q(entries__read_at__isnull=True)),
        total=Count("entries"),
    )
    entries = owned(Entry, request.user).select_related("feed")
    show = request.GET.get("show", "unread")
    if show == "unread":
        entries = entries.unread()
    feed_list = list(feed_list)
    return render(
        request,
        "growth/watch.html",
        {
            "feeds": feed_list,
            "fetching": any(feed.is_being_fetched for feed in feed_list),
            "entries": entries[:50],
            "show": show,
            "form": FeedForm(user=request.user),
        },
    )


@login_required
def feed_new(request):
    form = FeedForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        feed = form.save()
        messages.success(request, _("Feed added: use “Fetch now” to read it."))
        return redirect(feed)
    return form_page(request, form, _("Follow a feed"), "growth:watch")


@login_required
def feed_detail(request, feed_id):
    feed = get_owned_or_404(Feed, request.user, pk=feed_id)
    return render(
        request,
        "growth/feed_detail.html",
        {
            "feed": feed,
            "entries": feed.entries.all()[:200],
            "keep": limits.get("GROWTH_MAX_ENTRIES_PER_FEED"),
        },
    )


class FeedEdit(OwnedUpdateView):
    model = Feed
    pk_url_kwarg = "feed_id"
    form_class = FeedForm
    form_takes_user = True
    template_name = "growth/form.html"
    title = gettext_lazy("Edit %(object)s")


@login_required
@require_POST
def feed_fetch(request, feed_id):
    """Queue the feed for the worker; the page it returns to shows the progress."""
    feed = get_owned_or_404(Feed, request.user, pk=feed_id)
    if tasks.request_fetch(feed):
        messages.info(request, _("The feed will be fetched in a moment."))
    else:
        messages.info(request, _("This feed is already being fetched."))
    next_url = request.POST.get("next", "")
    if next_url == reverse("growth:watch"):
        return redirect(next_url)
    return redirect(feed)


@login_required
def feed_status(request, feed_id):
    """The feed's fetch status (htmx polls it while a fetch is queued or running)."""
    feed = get_owned_or_404(Feed, request.user, pk=feed_id)
    response = render(request, "growth/_feed_status.html", {"feed": feed})
    if request.headers.get("HX-Request") and not feed.is_being_fetched:
        response["HX-Refresh"] = "true"  # done: reload the page to show the new articles
    return response


class FeedDelete(OwnedDeleteView):
    model = Feed
    pk_url_kwarg = "feed_id"
    http_method_names = ["post"]
    success_url = "growth:watch"
    success_message = gettext_lazy("Feed removed.")


@login_required
@require_POST
def entry_read(request, entry_id):
    """Mark an article read (or unread again with read=0)."""
    entry = get_owned_or_404(Entry, request.user, pk=entry_id)
    entry.read_at = None if request.POST.get("read") == "0" else timezone.now()
    entry.save(update_fields=["read_at"])
    next_url = request.POST.get("next", "")
    if next_url.startswith("/growth/") and "//" not in next_url:
        return redirect(next_url)
    return redirect("growth:watch")


@login_required
def reading_list(request):
    notes = owned(ReadingNote, request.user).prefetch_related("goals")
    return render(request, "growth/reading_list.html", {"notes": notes})


@login_required
def reading_new(request):
    initial = {}
    entry = None
    entry_id = request.GET.get("entry") or request.POST.get("entry")
    if entry_id and str(entry_id).isdigit():
        entry = get_owned_or_404(Entry, request.user, pk=entry_id)
        initial = {"title": entry.title or entry.link, "source": entry.link}
    form = ReadingNoteForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        note = form.save(commit=False)
        note.entry = entry
        note.save()
        form.save_m2m()
        if entry is not None and entry.read_at is None:
            entry.read_at = timezone.now()
            entry.save(update_fields=["read_at"])
        messages.success(request, _("Added to your reading log."))
        return redirect("growth:reading")
    return render(
        request,
        "growth/form.html",
        {
            "form": form,
            "title": _("Add to your reading log"),
            "cancel_url": resolve_url("growth:reading"),
            "submit": _("Save"),
            "hidden": {"entry": entry.pk} if entry else {},
        },
    )


class ReadingEdit(OwnedUpdateView):
    model = ReadingNote
    pk_url_kwarg = "note_id"
    form_class = ReadingNoteForm
    form_takes_user = True
    template_name = "growth/form.html"
    title = gettext_lazy("Edit “%(object)s”")
    success_url = cancel_url = "growth:reading"


class ReadingDelete(OwnedDeleteView):
    model = ReadingNote
    pk_url_kwarg = "note_id"
    http_method_names = ["post"]
    success_url = "growth:reading"
    success_message = gettext_lazy("Removed from your reading log.")
