from django.urls import path

from agenda import views

app_name = "agenda"
urlpatterns = [
    path("", views.index, name="index"),
    path("digest/", views.digest, name="digest"),
    path("feed/", views.feed_issue, name="feed_issue"),
    path("feed/revoke/", views.feed_revoke, name="feed_revoke"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
