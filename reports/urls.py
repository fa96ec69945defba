from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
]
