"""Middleware of Parcours's own: refusing request bodies too large to take, before reading them."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Files people upload: an export to import (at most 20 MB) or a vCard file, plus the multipart
# framing around them. Overridable in settings (PARCOURS_UPLOAD_MAX_BYTES).
UPLOAD_MAX_BYTES = 21 * 1024 * 1024


def body_limit(request):
    """The largest body accepted for `request`: uploads get more than forms and JSON."""
    if request.content_type == "multipart/form-data":
        return getattr(settings, "PARCOURS_UPLOAD_MAX_BYTES", UPLOAD_MAX_BYTES)
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large(request, limit):
    """413, as the API's `{"detail"}` or as a page, in the person's language."""
    message = _("The request is too large: Parcours accepts at most %(size)s at a time.") % {
        "size": filesizeformat(limit)
    }
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "413.html", {"message": message}, status=413)


class RequestSizeLimitMiddleware:
    """Answer 413 to a body larger than Parcours takes, from its Content-Length, unread.

    Without it, Django notices only when a view reads the body (RequestDataTooBig), which the API
    answered with a 500, and a multipart upload of any size was spooled to disk first. A body
    without a Content-Length is not read at all by Django's WSGI handler.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = body_limit(request)
        if length > limit:
            return too_large(request, limit)
        return self.get_response(request)
