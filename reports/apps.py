from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.navigation import Link


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")
    overview_links = [Link("reports:report", _("My career plan (print / PDF)"))]
