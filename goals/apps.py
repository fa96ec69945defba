from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = _("Goals")

    def ready(self):
        from goals import gap_actions

        gap_actions.register()
