from django.urls import path

from jobs.views import applications, coach, interviews

app_name = "jobs"
urlpatterns = [
    path("", applications.index, name="index"),
    path("new/", applications.application_new, name="new"),
    path("occupations/", applications.occupation_search, name="occupation_search"),
    path("<int:pk>/", applications.detail, name="detail"),
    path("<int:pk>/edit/", applications.application_edit, name="edit"),
    path("<int:pk>/delete/", applications.ApplicationDelete.as_view(), name="delete"),
    path("<int:pk>/status/", applications.change_status, name="status"),
    path("<int:pk>/skills/", applications.skills_section, name="skills_section"),
    path("<int:pk>/skills/detect/", applications.detect_skills, name="detect_skills"),
    path("<int:pk>/skills/<int:skill_pk>/remove/", applications.remove_skill, name="remove_skill"),
    path("<int:pk>/interviews/new/", interviews.interview_new, name="interview_new"),
    path("<int:pk>/coach/", coach.application_coach, name="application_coach"),
    path("<int:pk>/coach/answers/", coach.answer_start, name="application_answer_start"),
    path("interviews/<int:pk>/edit/", interviews.InterviewEdit.as_view(), name="interview_edit"),
    path(
        "interviews/<int:pk>/delete/", interviews.InterviewDelete.as_view(), name="interview_delete"
    ),
    path("interviews/<int:pk>/reflection/", interviews.reflection, name="reflection"),
    path("coach/", coach.coach, name="coach"),
    path("coach/answers/", coach.answer_start, name="answer_start"),
    path("answers/<int:pk>/", coach.answer, name="answer"),
    path("answers/<int:pk>/check/", coach.answer_check, name="answer_check"),
    path("answers/<int:pk>/delete/", coach.AnswerDelete.as_view(), name="answer_delete"),
    path("answers/<int:pk>/practice/", coach.practice, name="practice"),
    path("answers/<int:pk>/practice/start/", coach.practice_start, name="practice_start"),
    path("attempts/<int:pk>/finish/", coach.attempt_finish, name="attempt_finish"),
    path("attempts/<int:pk>/delete/", coach.AttemptDelete.as_view(), name="attempt_delete"),
    path("techniques/<int:pk>/tried/", interviews.technique_tried, name="technique_tried"),
]
