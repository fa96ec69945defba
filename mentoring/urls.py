from django.urls import path

from mentoring.views import history, mentorships, profiles, sessions

app_name = "mentoring"
urlpatterns = [
    path("", profiles.index, name="index"),
    path("profile/", profiles.profile_edit, name="profile"),
    path("preferences/", profiles.preferences_edit, name="preferences"),
    path("search/<str:kind>/", profiles.concept_search, name="concept_search"),
    path("mentors/", profiles.find, name="find"),
    path("mentors/<int:pk>/", profiles.mentor_detail, name="mentor"),
    path("mentors/<int:pk>/request/", profiles.request_mentor, name="request"),
    path("<int:pk>/", mentorships.mentorship_detail, name="mentorship"),
    path("<int:pk>/accept/", mentorships.accept, name="accept"),
    path("<int:pk>/decline/", mentorships.decline, name="decline"),
    path("<int:pk>/withdraw/", mentorships.withdraw, name="withdraw"),
    path("<int:pk>/end/", mentorships.end, name="end"),
    path("<int:pk>/keep-sharing/", mentorships.keep_sharing, name="keep_sharing"),
    path("<int:pk>/goals/", mentorships.share_goals, name="share_goals"),
    path("<int:pk>/goals/<int:goal_id>/", mentorships.goal_detail, name="goal"),
    path("<int:pk>/goals/<int:goal_id>/agree/", mentorships.agree, name="agree"),
    path("<int:pk>/sessions/new/", sessions.session_new, name="session_new"),
    path("<int:pk>/feedback/new/", mentorships.feedback_new, name="feedback_new"),
    path("<int:pk>/thanks/", mentorships.thank, name="thank"),
    path("<int:pk>/keep-in-touch/", mentorships.touch, name="touch"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session"),
    path("sessions/<int:pk>/listen/", sessions.session_listen, name="session_listen"),
    path("sessions/<int:pk>/<str:part>/", sessions.session_update, name="session_update"),
    path("actions/<int:pk>/step/", sessions.action_to_step, name="action_to_step"),
    path("actions/<int:pk>/toggle/", sessions.action_toggle, name="action_toggle"),
    path("feedback/<int:pk>/reflect/", mentorships.reflect, name="reflect"),
    path("history/<int:pk>/", history.history_detail, name="history"),
    path("history/<int:pk>/delete/", history.HistoryDelete.as_view(), name="history_delete"),
]
