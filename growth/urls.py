from django.urls import path

from growth import views

app_name = "growth"
urlpatterns = [
    path("", views.index, name="index"),
    path("learning/", views.learning_list, name="learning"),
    path("learning/new/", views.learning_new, name="learning_new"),
    path("learning/<int:item_id>/", views.learning_detail, name="learning_detail"),
    path("learning/<int:item_id>/edit/", views.learning_edit, name="learning_edit"),
    path("learning/<int:item_id>/complete/", views.learning_complete, name="learning_complete"),
    path("learning/<int:item_id>/delete/", views.learning_delete, name="learning_delete"),
    path("skills/options/", views.skill_options, name="skill_options"),
    path("contacts/", views.contact_list, name="contacts"),
    path("contacts/new/", views.contact_new, name="contact_new"),
    path("contacts/import/", views.contact_import, name="contact_import"),
    path("contacts/import/confirm/", views.contact_import_confirm, name="contact_import_confirm"),
    path("contacts/<int:contact_id>/", views.contact_detail, name="contact_detail"),
    path("contacts/<int:contact_id>/edit/", views.contact_edit, name="contact_edit"),
    path("contacts/<int:contact_id>/delete/", views.contact_delete, name="contact_delete"),
    path("contacts/<int:contact_id>/interactions/", views.interaction_new, name="interaction_new"),
    path(
        "interactions/<int:interaction_id>/delete/",
        views.interaction_delete,
        name="interaction_delete",
    ),
    path("associations/", views.association_list, name="associations"),
    path("associations/new/", views.association_new, name="association_new"),
    path(
        "associations/<int:association_id>/",
        views.association_detail,
        name="association_detail",
    ),
    path(
        "associations/<int:association_id>/edit/",
        views.association_edit,
        name="association_edit",
    ),
    path(
        "associations/<int:association_id>/delete/",
        views.association_delete,
        name="association_delete",
    ),
    path(
        "associations/<int:association_id>/memberships/",
        views.membership_new,
        name="membership_new",
    ),
    path(
        "memberships/<int:membership_id>/delete/",
        views.membership_delete,
        name="membership_delete",
    ),
    path("watch/", views.watch, name="watch"),
    path("feeds/new/", views.feed_new, name="feed_new"),
    path("feeds/<int:feed_id>/", views.feed_detail, name="feed_detail"),
    path("feeds/<int:feed_id>/edit/", views.feed_edit, name="feed_edit"),
    path("feeds/<int:feed_id>/fetch/", views.feed_fetch, name="feed_fetch"),
    path("feeds/<int:feed_id>/status/", views.feed_status, name="feed_status"),
    path("feeds/<int:feed_id>/delete/", views.feed_delete, name="feed_delete"),
    path("articles/<int:entry_id>/read/", views.entry_read, name="entry_read"),
    path("reading/", views.reading_list, name="reading"),
    path("reading/new/", views.reading_new, name="reading_new"),
    path("reading/<int:note_id>/edit/", views.reading_edit, name="reading_edit"),
    path("reading/<int:note_id>/delete/", views.reading_delete, name="reading_delete"),
]
