from django.urls import path

from taxonomy.views import profile, search

app_name = "taxonomy"
urlpatterns = [
    path("skills/", profile.index, name="index"),
    path("skills/profile/", profile.skills_profile, name="profile"),
    path("skills/profile/pick/", profile.skill_picker, name="skill_picker"),
    path("skills/profile/<int:pk>/", profile.edit_skill, name="edit_skill"),
    path("skills/profile/<int:pk>/delete/", profile.SkillDelete.as_view(), name="delete_skill"),
    path(
        "skills/evidence/<int:pk>/delete/", profile.EvidenceDelete.as_view(), name="delete_evidence"
    ),
    path("skills/transferable/", profile.transferable_view, name="transferable"),
    path("skills/targets/<int:pk>/", profile.update_target, name="update_target"),
    path("skills/targets/<int:pk>/delete/", profile.TargetDelete.as_view(), name="delete_target"),
    path("skills/targets/<int:pk>/gap/", profile.gap_view, name="gap"),
    path("skills/targets/<int:pk>/gap/act/", profile.gap_action, name="gap_action"),
    path("occupations/<int:pk>/", profile.occupation_detail, name="occupation"),
    path("occupations/search/", search.occupation_search, name="occupation_search"),
    path("skills/search/", search.skill_search, name="skill_search"),
    path("skills/extract/", search.extract, name="extract"),
    path("occupations/<int:pk>/target/", profile.make_target, name="make_target"),
]
