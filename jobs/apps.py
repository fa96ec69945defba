from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.navigation import Area


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Jobs")
    area = Area(
        "jobs:index",
        _("Jobs"),
        _("Follow your job applications, prepare interviews and learn from each one."),
        order=40,
    )
