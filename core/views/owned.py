"""Edit and delete pages of a person's own records: one base, the way contrib.auth's views are.

A view says what differs in class attributes, and overrides a method only where its rule needs
it (Django's UpdateView and DeleteView underneath):

    class ContactDelete(OwnedDeleteView):
        model = Contact
        pk_url_kwarg = "contact_id"
        http_method_names = ["post"]
        success_url = reverse_lazy("growth:contacts")
        success_message = _("Contact removed.")

The record is looked up in `owned(queryset, user)` (core.access), so another person's record is
a 404, never a 403; only a signed-in person gets that far (LoginRequiredMixin). Extension points:
`model` or `queryset` (e.g. with select_related), `pk_url_kwarg`, `form_class`, `form_takes_user`
(the form gets `user=`), `template_name`, `title` and `submit` (the form page's heading and
button; "%(object)s" is the record), `success_url` (default: the record's own page),
`success_message`, `cancel_url`; and the methods `get_form_kwargs`, `get_success_url`,
`get_success_message`, `get_cancel_url`, `get_context_data`.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _
from django.views.generic import DeleteView, UpdateView

from core.access import owned


def posted(request):
    """The data a form page binds: the POST, even when empty (so that an empty POST shows the
    form's errors), or None on GET."""
    return request.POST if request.method == "POST" else None


class OwnedObjectMixin(LoginRequiredMixin):
    """The signed-in person's own record named by the URL, or 404."""

    def get_queryset(self):
        return owned(super().get_queryset(), self.request.user)


class OwnedUpdateView(OwnedObjectMixin, UpdateView):
    """A form page that changes one of the person's records, then says so."""

    form_takes_user = False
    title = None
    submit = _("Save")
    cancel_url = None
    success_message = _("Saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.form_takes_user:
            kwargs["user"] = self.request.user
        return kwargs

    def get_success_url(self):
        return resolve_url(self.success_url or self.object)

    def get_cancel_url(self):
        if self.cancel_url is None and not hasattr(self.object, "get_absolute_url"):
            return None  # the template links back by itself
        return resolve_url(self.cancel_url or self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.title is not None:
            context["title"] = self.title % {"object": self.object}
        context.setdefault("submit", self.submit)
        context.setdefault("cancel_url", self.get_cancel_url())
        return context

    def get_success_message(self):
        return self.success_message

    def form_valid(self, form):
        response = super().form_valid(form)
        message = self.get_success_message()
        if message:
            messages.success(self.request, message)
        return response


class OwnedDeleteView(OwnedObjectMixin, DeleteView):
    """Deletes one of the person's records on POST (GET shows `template_name`'s confirmation
    page, unless `http_method_names` is ["post"]), then says so."""

    success_message = ""

    def get_success_url(self):
        return resolve_url(self.success_url or self.object)

    def get_success_message(self):
        """The message, while the record still exists (it may name it)."""
        return self.success_message

    def form_valid(self, form):
        message = self.get_success_message()
        response = super().form_valid(form)
        if message:
            messages.success(self.request, message)
        return response
