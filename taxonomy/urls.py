from django.urls import path  # noqa: F401

from taxonomy import views  # noqa: F401

app_name = "taxonomy"
urlpatterns = []
