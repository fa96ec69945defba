from django.urls import path  # noqa: F401

from mentoring import views  # noqa: F401

app_name = "mentoring"
urlpatterns = []
