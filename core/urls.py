from django.urls import path

from core import views, views_audit, views_portability

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("my-data/export/", views_portability.export, name="export_data"),
    path("my-data/import/", views_portability.import_data, name="import_data"),
    path("my-data/sharing/", views_audit.sharing_history, name="sharing_history"),
]
