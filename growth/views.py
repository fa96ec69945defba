"""Pages of the growth app: learning plan, networking and industry watch.

Every object is looked up among the signed-in person's own (core.access), so another person
gets a 404. The rules live in roi.py, vcard.py, feeds.py and networking.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from core.access import get_owned_or_404, owned
from growth import feeds, limits, networking, roi, vcard
from growth.forms import (
    AssociationForm,
    CompleteForm,
    ContactForm,
    FeedForm,
    InteractionForm,
    LearningItemForm,
    MembershipForm,
    ReadingNoteForm,
    VCardUploadForm,
)
from growth.learning import complete_item
from growth.models import (
    Association,
    Contact,
    Entry,
    Feed,
    Interaction,
    LearningItem,
    Membership,
    ReadingNote,
)
from growth.vcard import VCardError
from taxonomy.models import Skill

IMPORT_SESSION_KEY = "growth_vcard_import"


def _form_page(request, form, title, cancel_url, submit=None):
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
    return _form_page(request, form, _("Add to your learning plan"), "growth:learning")


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


@login_required
def learning_edit(request, item_id):
    item = get_owned_or_404(LearningItem, request.user, pk=item_id)
    form = LearningItemForm(request.POST or None, instance=item, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect(item)
    return _form_page(request, form, _("Edit “%(title)s”") % {"title": item}, item)


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


@login_required
@require_POST
def learning_delete(request, item_id):
    item = get_owned_or_404(LearningItem, request.user, pk=item_id)
    item.delete()
    messages.success(request, _("Removed from your learning plan."))
    return redirect("growth:learning")


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


# Networking ------------------------------------------------------------------------------------


@login_required
def contact_list(request):
    today = timezone.localdate()
    contacts = owned(Contact, request.user).with_last_interaction()
    query = request.GET.get("q", "").strip()
    if query:
        contacts = contacts.filter(
            Q(name__icontains=query)
            | Q(organisation__icontains=query)
            | Q(industry__icontains=query)
            | Q(tags__icontains=query)
        )
    rows = [(contact, contact.next_follow_up()) for contact in contacts]
    due_only = request.GET.get("due") == "1"
    if due_only:
        rows = [(c, d) for c, d in rows if d is not None and d <= today]
    return render(
        request,
        "growth/contact_list.html",
        {"rows": rows, "today": today, "query": query, "due_only": due_only},
    )


@login_required
def contact_new(request):
    form = ContactForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        contact = form.save()
        messages.success(request, _("Contact added."))
        return redirect(contact)
    return _form_page(request, form, _("Add a contact"), "growth:contacts")


@login_required
def contact_detail(request, contact_id):
    contact = get_owned_or_404(Contact.objects.with_last_interaction(), request.user, pk=contact_id)
    return render(
        request,
        "growth/contact_detail.html",
        {
            "contact": contact,
            "interactions": contact.interactions.all(),
            "form": InteractionForm(),
            "next_follow_up": contact.next_follow_up(),
            "today": timezone.localdate(),
        },
    )


@login_required
def contact_edit(request, contact_id):
    contact = get_owned_or_404(Contact, request.user, pk=contact_id)
    form = ContactForm(request.POST or None, instance=contact, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect(contact)
    return _form_page(request, form, _("Edit %(name)s") % {"name": contact}, contact)


@login_required
@require_POST
def contact_delete(request, contact_id):
    contact = get_owned_or_404(Contact, request.user, pk=contact_id)
    contact.delete()
    messages.success(request, _("Contact removed."))
    return redirect("growth:contacts")


@login_required
@require_POST
def interaction_new(request, contact_id):
    contact = get_owned_or_404(Contact.objects.with_last_interaction(), request.user, pk=contact_id)
    form = InteractionForm(request.POST)
    if form.is_valid():
        interaction = form.save(commit=False)
        interaction.contact = contact
        interaction.save()
        messages.success(request, _("Interaction logged."))
        return redirect(contact)
    return render(
        request,
        "growth/contact_detail.html",
        {
            "contact": contact,
            "interactions": contact.interactions.all(),
            "form": form,
            "next_follow_up": contact.next_follow_up(),
            "today": timezone.localdate(),
        },
        status=400,
    )


@login_required
@require_POST
def interaction_delete(request, interaction_id):
    interaction = get_owned_or_404(
        Interaction.objects.select_related("contact"), request.user, pk=interaction_id
    )
    contact = interaction.contact
    interaction.delete()
    messages.success(request, _("Interaction removed."))
    return redirect(contact)


@login_required
def contact_import(request):
    """Step 1: upload a vCard file; step 2 (same page): the preview of what will be created."""
    form = VCardUploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data["file"].read(vcard.MAX_BYTES + 1)
            preview = networking.preview_import(request.user, data)
        except VCardError as error:
            form.add_error("file", str(error))
        else:
            request.session[IMPORT_SESSION_KEY] = [row["card"] for row in preview]
            limit = limits.get("GROWTH_MAX_CONTACTS")
            room = max(0, limit - owned(Contact, request.user).count())
            return render(
                request,
                "growth/contact_import_preview.html",
                {"preview": preview, "room": room, "limit": limit},
            )
    return render(
        request, "growth/contact_import.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def contact_import_confirm(request):
    cards = request.session.get(IMPORT_SESSION_KEY)
    if not cards:
        messages.error(request, _("Nothing to import: upload the file again."))
        return redirect("growth:contact_import")
    chosen = {int(i) for i in request.POST.getlist("card") if i.isdigit()}
    try:
        created = len(networking.import_cards(request.user, cards, chosen))
    except networking.TooManyContacts as error:
        messages.error(request, str(error))
        return redirect("growth:contact_import")
    del request.session[IMPORT_SESSION_KEY]
    messages.success(
        request,
        ngettext("%(count)d contact imported.", "%(count)d contacts imported.", created)
        % {"count": created},
    )
    return redirect("growth:contacts")


@login_required
def association_list(request):
    associations = owned(Association, request.user).prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.order_by("-started_on", "-id"))
    )
    return render(
        request,
        "growth/association_list.html",
        {"associations": associations, "today": timezone.localdate()},
    )


@login_required
def association_new(request):
    form = AssociationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        association = form.save()
        messages.success(request, _("Association added: now record your membership."))
        return redirect(association)
    return _form_page(request, form, _("Add a professional association"), "growth:associations")


@login_required
def association_detail(request, association_id):
    association = get_owned_or_404(Association, request.user, pk=association_id)
    return _association_page(request, association, MembershipForm())


def _association_page(request, association, form, status=200):
    return render(
        request,
        "growth/association_detail.html",
        {
            "association": association,
            "memberships": association.memberships.all(),
            "form": form,
            "today": timezone.localdate(),
        },
        status=status,
    )


@login_required
def association_edit(request, association_id):
    association = get_owned_or_404(Association, request.user, pk=association_id)
    form = AssociationForm(request.POST or None, instance=association, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect(association)
    return _form_page(request, form, _("Edit %(name)s") % {"name": association}, association)


@login_required
@require_POST
def association_delete(request, association_id):
    association = get_owned_or_404(Association, request.user, pk=association_id)
    association.delete()
    messages.success(request, _("Association removed."))
    return redirect("growth:associations")


@login_required
@require_POST
def membership_new(request, association_id):
    association = get_owned_or_404(Association, request.user, pk=association_id)
    form = MembershipForm(request.POST, instance=Membership(association=association))
    if form.is_valid():
        form.save()
        messages.success(request, _("Membership recorded."))
        return redirect(association)
    return _association_page(request, association, form, status=400)


@login_required
@require_POST
def membership_delete(request, membership_id):
    membership = get_owned_or_404(
        Membership.objects.select_related("association"), request.user, pk=membership_id
    )
    association = membership.association
    membership.delete()
    messages.success(request, _("Membership removed."))
    return redirect(association)


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
    return _form_page(request, form, _("Follow a feed"), "growth:watch")


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


@login_required
def feed_edit(request, feed_id):
    feed = get_owned_or_404(Feed, request.user, pk=feed_id)
    form = FeedForm(request.POST or None, instance=feed, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect(feed)
    return _form_page(request, form, _("Edit %(name)s") % {"name": feed}, feed)


@login_required
@require_POST
def feed_fetch(request, feed_id):
    """Queue the feed for the worker; the page it returns to shows the progress."""
    feed = get_owned_or_404(Feed, request.user, pk=feed_id)
    if feeds.request_fetch(feed):
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


@login_required
@require_POST
def feed_delete(request, feed_id):
    feed = get_owned_or_404(Feed, request.user, pk=feed_id)
    feed.delete()
    messages.success(request, _("Feed removed."))
    return redirect("growth:watch")


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


@login_required
def reading_edit(request, note_id):
    note = get_owned_or_404(ReadingNote, request.user, pk=note_id)
    form = ReadingNoteForm(request.POST or None, instance=note, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("growth:reading")
    return _form_page(request, form, _("Edit “%(title)s”") % {"title": note}, "growth:reading")


@login_required
@require_POST
def reading_delete(request, note_id):
    note = get_owned_or_404(ReadingNote, request.user, pk=note_id)
    note.delete()
    messages.success(request, _("Removed from your reading log."))
    return redirect("growth:reading")
