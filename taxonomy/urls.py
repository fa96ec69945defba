from django.urls import path

from taxonomy import search_views, views

app_name = "taxonomy"
urlpatterns = [
    path("skills/", views.index, name="index"),
    path("skills/profile/", views.skills_profile, name="profile"),
    path("skills/profile/pick/", views.skill_picker, name="skill_picker"),
    path("skills/profile/<int:pk>/", views.edit_skill, name="edit_skill"),
    path("skills/profile/<int:pk>/delete/", views.delete_skill, name="delete_skill"),
    path("skills/evidence/<int:pk>/delete/", views.delete_evidence, name="delete_evidence"),
    path("skills/transferable/", views.transferable_view, name="transferable"),
    path("skills/targets/<int:pk>/", views.update_target, name="update_target"),
    path("skills/targets/<int:pk>/delete/", views.delete_target, name="delete_target"),
    path("skills/targets/<int:pk>/gap/", views.gap_view, name="gap"),
    path("skills/targets/<int:pk>/gap/act/", views.gap_action, name="gap_action"),
    path("occupations/<int:pk>/", views.occupation_detail, name="occupation"),
    path("occupations/search/", search_views.occupation_search, name="occupation_search"),
    path("skills/search/", search_views.skill_search, name="skill_search"),
    path("skills/extract/", search_views.extract, name="extract"),
    path("occupations/<int:pk>/target/", views.make_target, name="make_target"),
]
