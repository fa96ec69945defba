from django.urls import path

from mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("profile/", views.profile_edit, name="profile"),
    path("preferences/", views.preferences_edit, name="preferences"),
    path("search/<str:kind>/", views.concept_search, name="concept_search"),
    path("mentors/", views.find, name="find"),
    path("mentors/<int:pk>/", views.mentor_detail, name="mentor"),
    path("mentors/<int:pk>/request/", views.request_mentor, name="request"),
    path("<int:pk>/", views.mentorship_detail, name="mentorship"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/decline/", views.decline, name="decline"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/end/", views.end, name="end"),
    path("<int:pk>/keep-sharing/", views.keep_sharing, name="keep_sharing"),
    path("<int:pk>/goals/", views.share_goals, name="share_goals"),
    path("<int:pk>/goals/<int:goal_id>/", views.goal_detail, name="goal"),
    path("<int:pk>/goals/<int:goal_id>/agree/", views.agree, name="agree"),
    path("<int:pk>/sessions/new/", views.session_new, name="session_new"),
    path("<int:pk>/feedback/new/", views.feedback_new, name="feedback_new"),
    path("<int:pk>/thanks/", views.thank, name="thank"),
    path("<int:pk>/keep-in-touch/", views.touch, name="touch"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/listen/", views.session_listen, name="session_listen"),
    path("sessions/<int:pk>/<str:part>/", views.session_update, name="session_update"),
    path("actions/<int:pk>/step/", views.action_to_step, name="action_to_step"),
    path("actions/<int:pk>/toggle/", views.action_toggle, name="action_toggle"),
    path("feedback/<int:pk>/reflect/", views.reflect, name="reflect"),
    path("history/<int:pk>/", views.history_detail, name="history"),
    path("history/<int:pk>/delete/", views.history_delete, name="history_delete"),
]
