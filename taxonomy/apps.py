from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.navigation import Area


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Occupations and skills")
    area = Area(
        "taxonomy:index",
        _("Skills & occupations"),
        _("Explore occupations and the skills they need; see your skills gap."),
        order=20,
    )
