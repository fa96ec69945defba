from django.urls import path  # noqa: F401

from jobs import views  # noqa: F401

app_name = "jobs"
urlpatterns = []
