from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.navigation import Area


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Mentoring")
    area = Area(
        "mentoring:index",
        _("Mentoring"),
        _("Find a mentor who fits you and make the most of every session."),
        order=50,
    )

    def ready(self):
        from core import access
        from mentoring import lifecycle  # noqa: F401 (its receivers: a mentor's account deleted)
        from mentoring.access import published_profiles
        from mentoring.models import MentorProfile

        access.share(MentorProfile, published_profiles)
