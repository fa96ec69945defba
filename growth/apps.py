from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrowthConfig(AppConfig):
    name = "growth"
    verbose_name = _("Growth")

    def ready(self):
        from growth import gap_actions

        gap_actions.register()
