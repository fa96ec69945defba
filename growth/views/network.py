"""Networking pages: contacts and their follow-ups, interactions, vCard import, professional
associations and memberships. The rules live in networking.py and vcard.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from core.access import get_owned_or_404, owned
from core.views.owned import OwnedDeleteView, OwnedUpdateView
from growth import limits, networking, vcard
from growth.forms import (
    AssociationForm,
    ContactForm,
    InteractionForm,
    MembershipForm,
    VCardUploadForm,
)
from growth.models import (
    Association,
    Contact,
    Interaction,
    Membership,
)
from growth.vcard import VCardError
from growth.views.learning import form_page

IMPORT_SESSION_KEY = "growth_vcard_import"


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
    return form_page(request, form, _("Add a contact"), "growth:contacts")


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


class ContactEdit(OwnedUpdateView):
    model = Contact
    pk_url_kwarg = "contact_id"
    form_class = ContactForm
    form_takes_user = True
    template_name = "growth/form.html"
    title = gettext_lazy("Edit %(object)s")


class ContactDelete(OwnedDeleteView):
    model = Contact
    pk_url_kwarg = "contact_id"
    http_method_names = ["post"]
    success_url = "growth:contacts"
    success_message = gettext_lazy("Contact removed.")


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


class InteractionDelete(OwnedDeleteView):
    queryset = Interaction.objects.select_related("contact")
    pk_url_kwarg = "interaction_id"
    http_method_names = ["post"]
    success_message = gettext_lazy("Interaction removed.")

    def get_success_url(self):
        return self.object.contact.get_absolute_url()


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
    return form_page(request, form, _("Add a professional association"), "growth:associations")


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


class AssociationEdit(OwnedUpdateView):
    model = Association
    pk_url_kwarg = "association_id"
    form_class = AssociationForm
    form_takes_user = True
    template_name = "growth/form.html"
    title = gettext_lazy("Edit %(object)s")


class AssociationDelete(OwnedDeleteView):
    model = Association
    pk_url_kwarg = "association_id"
    http_method_names = ["post"]
    success_url = "growth:associations"
    success_message = gettext_lazy("Association removed.")


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


class MembershipDelete(OwnedDeleteView):
    queryset = Membership.objects.select_related("association")
    pk_url_kwarg = "membership_id"
    http_method_names = ["post"]
    success_message = gettext_lazy("Membership removed.")

    def get_success_url(self):
        return self.object.association.get_absolute_url()
