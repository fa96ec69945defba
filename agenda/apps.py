from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.navigation import Area


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda")
    area = Area(
        "agenda:index",
        _("Agenda"),
        _("Everything due, in one calendar you can also subscribe to."),
        order=60,
    )
