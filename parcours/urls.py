"""Root URL configuration: one include per app, the JSON API under /api/."""

from django.urls import include, path

from parcours.api import api

urlpatterns = [
    path("", include("core.urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("taxonomy.urls")),
    path("goals/", include("goals.urls")),
    path("growth/", include("growth.urls")),
    path("jobs/", include("jobs.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("orgs/", include("organisations.urls")),
    path("agenda/", include("agenda.urls")),
    path("", include("reports.urls")),
    path("api/", api.urls),
]

handler400 = "core.views.pages.bad_request"
handler403 = "core.views.pages.permission_denied"
handler404 = "core.views.pages.page_not_found"
handler500 = "core.views.pages.server_error"
