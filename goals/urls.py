from django.urls import path

from goals import check_views, views

app_name = "goals"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("check/", check_views.smart_feedback, name="smart_feedback"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/history/", views.history, name="history"),
    path("<int:pk>/stages/propose/", views.propose_stages, name="propose_stages"),
    path("<int:pk>/stages/add/", views.stage_add, name="stage_add"),
    path("<int:pk>/steps/add/", views.step_add, name="step_add"),
    path("<int:pk>/obstacles/add/", views.obstacle_add, name="obstacle_add"),
    path("<int:pk>/requirements/add/", views.requirement_add, name="requirement_add"),
    path("<int:pk>/checkins/add/", views.checkin_add, name="checkin_add"),
    path("stages/<int:pk>/edit/", views.stage_edit, name="stage_edit"),
    path("steps/<int:pk>/edit/", views.step_edit, name="step_edit"),
    path("steps/<int:pk>/toggle/", views.step_toggle, name="step_toggle"),
    path("<str:kind>/<int:pk>/delete/", views.child_delete, name="child_delete"),
    path("reflection/", views.reflection_index, name="reflection_index"),
    path("reflection/new/", views.reflection_new, name="reflection_new"),
    path("reflection/<int:pk>/", views.reflection_detail, name="reflection_detail"),
    path("reviews/", views.review_index, name="review_index"),
    path("reviews/new/", views.review_new, name="review_new"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("statements/", views.statement_index, name="statement_index"),
    path("statements/new/", views.statement_new, name="statement_new"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path("statements/<int:pk>/<str:step>/", views.statement_step, name="statement_step"),
]
