from django.urls import path  # noqa: F401

from agenda import views  # noqa: F401

app_name = "agenda"
urlpatterns = []
