"""Home page and the error pages."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext_lazy as _

from core.navigation import areas, overview_links


def home(request):
    """The landing page for visitors; the signed-in person's overview otherwise: each area
    with what it does, and the links apps add (core.navigation)."""
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    return render(request, "core/dashboard.html", {"areas": areas(), "links": overview_links()})


def is_api(request):
    """API clients get the API's error shape even for URLs no API route matched."""
    return request.path.startswith("/api/")


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        # Form fields over DATA_UPLOAD_MAX_MEMORY_SIZE inside an upload the middleware let in.
        from core.middleware import too_large

        return too_large(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    if is_api(request):
        return JsonResponse({"detail": _("Bad request.")}, status=400)
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    if is_api(request):
        return JsonResponse({"detail": _("Access denied.")}, status=403)
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    if is_api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without the request's context: nothing here may touch the database or session,
    which may be what failed."""
    if is_api(request):
        return JsonResponse(
            {"detail": _("Something went wrong on our side. Please try again.")}, status=500
        )
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: say what to do, in the person's language.

    Used when settings.CSRF_FAILURE_VIEW = "core.views.pages.csrf_failure".
    """
    message = _(
        "This form expired or was sent from another site. Go back, reload the page and try again."
    )
    return render(request, "403.html", {"reason": message}, status=403)
