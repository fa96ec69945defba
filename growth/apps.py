from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.navigation import Area


class GrowthConfig(AppConfig):
    name = "growth"
    verbose_name = _("Growth")
    area = Area(
        "growth:index",
        _("Growth"),
        _("Plan your learning: courses, certifications, internships, and what they return."),
        order=30,
    )

    def ready(self):
        from growth import gap_actions

        gap_actions.register()
