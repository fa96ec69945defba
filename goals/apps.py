from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.navigation import Area


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = _("Goals")
    area = Area(
        "goals:index",
        _("Goals"),
        _("Set career goals that hold, split them into stages and steps, and review them."),
        order=10,
    )

    def ready(self):
        from goals import gap_actions

        gap_actions.register()
