from django.urls import path

from jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.application_new, name="new"),
    path("occupations/", views.occupation_search, name="occupation_search"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.application_edit, name="edit"),
    path("<int:pk>/delete/", views.application_delete, name="delete"),
    path("<int:pk>/status/", views.change_status, name="status"),
    path("<int:pk>/skills/detect/", views.detect_skills, name="detect_skills"),
    path("<int:pk>/skills/", views.skills_section, name="skills_section"),
    path("<int:pk>/skills/<int:skill_pk>/remove/", views.remove_skill, name="remove_skill"),
    path("<int:pk>/interviews/new/", views.interview_new, name="interview_new"),
    path("<int:pk>/coach/", views.application_coach, name="application_coach"),
    path("<int:pk>/coach/answers/", views.answer_start, name="application_answer_start"),
    path("interviews/<int:pk>/edit/", views.interview_edit, name="interview_edit"),
    path("interviews/<int:pk>/delete/", views.interview_delete, name="interview_delete"),
    path("interviews/<int:pk>/reflection/", views.reflection, name="reflection"),
    path("coach/", views.coach, name="coach"),
    path("coach/answers/", views.answer_start, name="answer_start"),
    path("answers/<int:pk>/", views.answer, name="answer"),
    path("answers/<int:pk>/check/", views.answer_check, name="answer_check"),
    path("answers/<int:pk>/delete/", views.answer_delete, name="answer_delete"),
    path("answers/<int:pk>/practice/", views.practice, name="practice"),
    path("answers/<int:pk>/practice/start/", views.practice_start, name="practice_start"),
    path("attempts/<int:pk>/finish/", views.attempt_finish, name="attempt_finish"),
    path("attempts/<int:pk>/delete/", views.attempt_delete, name="attempt_delete"),
    path("techniques/<int:pk>/tried/", views.technique_tried, name="technique_tried"),
]
