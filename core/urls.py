from django.urls import path

from core.views import audit, pages, portability

app_name = "core"
urlpatterns = [
    path("", pages.home, name="home"),
    path("my-data/export/", portability.export, name="export_data"),
    path("my-data/import/", portability.import_data, name="import_data"),
    path("my-data/sharing/", audit.sharing_history, name="sharing_history"),
]
