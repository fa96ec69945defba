from django.urls import path

from goals.views import check, goals, reflection, reviews, statements

app_name = "goals"
urlpatterns = [
    path("", goals.index, name="index"),
    path("new/", goals.create, name="create"),
    path("check/", check.smart_feedback, name="smart_feedback"),
    path("<int:pk>/", goals.detail, name="detail"),
    path("<int:pk>/edit/", goals.edit, name="edit"),
    path("<int:pk>/delete/", goals.GoalDelete.as_view(), name="delete"),
    path("<int:pk>/history/", goals.history, name="history"),
    path("<int:pk>/stages/propose/", goals.propose_stages, name="propose_stages"),
    path("<int:pk>/stages/add/", goals.stage_add, name="stage_add"),
    path("<int:pk>/steps/add/", goals.step_add, name="step_add"),
    path("<int:pk>/obstacles/add/", goals.obstacle_add, name="obstacle_add"),
    path("<int:pk>/requirements/add/", goals.requirement_add, name="requirement_add"),
    path("<int:pk>/checkins/add/", goals.checkin_add, name="checkin_add"),
    path("stages/<int:pk>/edit/", goals.StageEdit.as_view(), name="stage_edit"),
    path("steps/<int:pk>/edit/", goals.StepEdit.as_view(), name="step_edit"),
    path("steps/<int:pk>/toggle/", goals.step_toggle, name="step_toggle"),
    path("<str:kind>/<int:pk>/delete/", goals.GoalPartDelete.as_view(), name="child_delete"),
    path("reflection/", reflection.reflection_index, name="reflection_index"),
    path("reflection/new/", reflection.reflection_new, name="reflection_new"),
    path("reflection/<int:pk>/", reflection.reflection_detail, name="reflection_detail"),
    path("reviews/", reviews.review_index, name="review_index"),
    path("reviews/new/", reviews.review_new, name="review_new"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review_detail"),
    path("statements/", statements.statement_index, name="statement_index"),
    path("statements/new/", statements.statement_new, name="statement_new"),
    path("statements/<int:pk>/", statements.statement_detail, name="statement_detail"),
    path("statements/<int:pk>/<str:step>/", statements.statement_step, name="statement_step"),
]
