"""Home page and the error pages."""

from django.shortcuts import render


def home(request):
    """The landing page for visitors; the signed-in person's overview otherwise."""
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    return render(request, "core/dashboard.html")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
