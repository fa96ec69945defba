from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        from core import access
        from mentoring.access import published_profiles
        from mentoring.models import MentorProfile

        access.share(MentorProfile, published_profiles)
