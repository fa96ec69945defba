from django.urls import path

from growth.views import learning, network, watch

app_name = "growth"
urlpatterns = [
    path("", learning.index, name="index"),
    path("learning/", learning.learning_list, name="learning"),
    path("learning/new/", learning.learning_new, name="learning_new"),
    path("learning/<int:item_id>/", learning.learning_detail, name="learning_detail"),
    path("learning/<int:item_id>/edit/", learning.LearningEdit.as_view(), name="learning_edit"),
    path("learning/<int:item_id>/complete/", learning.learning_complete, name="learning_complete"),
    path(
        "learning/<int:item_id>/delete/", learning.LearningDelete.as_view(), name="learning_delete"
    ),
    path("skills/options/", learning.skill_options, name="skill_options"),
    path("contacts/", network.contact_list, name="contacts"),
    path("contacts/new/", network.contact_new, name="contact_new"),
    path("contacts/import/", network.contact_import, name="contact_import"),
    path("contacts/import/confirm/", network.contact_import_confirm, name="contact_import_confirm"),
    path("contacts/<int:contact_id>/", network.contact_detail, name="contact_detail"),
    path("contacts/<int:contact_id>/edit/", network.ContactEdit.as_view(), name="contact_edit"),
    path(
        "contacts/<int:contact_id>/delete/", network.ContactDelete.as_view(), name="contact_delete"
    ),
    path(
        "contacts/<int:contact_id>/interactions/", network.interaction_new, name="interaction_new"
    ),
    path(
        "interactions/<int:interaction_id>/delete/",
        network.InteractionDelete.as_view(),
        name="interaction_delete",
    ),
    path("associations/", network.association_list, name="associations"),
    path("associations/new/", network.association_new, name="association_new"),
    path(
        "associations/<int:association_id>/",
        network.association_detail,
        name="association_detail",
    ),
    path(
        "associations/<int:association_id>/edit/",
        network.AssociationEdit.as_view(),
        name="association_edit",
    ),
    path(
        "associations/<int:association_id>/delete/",
        network.AssociationDelete.as_view(),
        name="association_delete",
    ),
    path(
        "associations/<int:association_id>/memberships/",
        network.membership_new,
        name="membership_new",
    ),
    path(
        "memberships/<int:membership_id>/delete/",
        network.MembershipDelete.as_view(),
        name="membership_delete",
    ),
    path("watch/", watch.watch, name="watch"),
    path("feeds/new/", watch.feed_new, name="feed_new"),
    path("feeds/<int:feed_id>/", watch.feed_detail, name="feed_detail"),
    path("feeds/<int:feed_id>/edit/", watch.FeedEdit.as_view(), name="feed_edit"),
    path("feeds/<int:feed_id>/fetch/", watch.feed_fetch, name="feed_fetch"),
    path("feeds/<int:feed_id>/status/", watch.feed_status, name="feed_status"),
    path("feeds/<int:feed_id>/delete/", watch.FeedDelete.as_view(), name="feed_delete"),
    path("articles/<int:entry_id>/read/", watch.entry_read, name="entry_read"),
    path("reading/", watch.reading_list, name="reading"),
    path("reading/new/", watch.reading_new, name="reading_new"),
    path("reading/<int:note_id>/edit/", watch.ReadingEdit.as_view(), name="reading_edit"),
    path("reading/<int:note_id>/delete/", watch.ReadingDelete.as_view(), name="reading_delete"),
]
