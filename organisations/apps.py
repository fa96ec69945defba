from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.navigation import Area


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")
    area = Area(
        "organisations:index",
        _("Organisation"),
        _("Work with your manager: competencies of your role, assessments, 1:1 conversations."),
        order=55,
    )

    def ready(self):
        from core import access as core_access
        from goals import context
        from organisations import access, roles
        from organisations.models import Assessment, ManagerLink, Membership

        # Who sees beyond owners and parties (organisations/access.py says why).
        core_access.share(Membership, access.co_members)
        core_access.share(ManagerLink, access.organisation_chart)
        core_access.share(Assessment, access.shared_self_assessments)
        # The competencies of a person's job roles, for the SMART check and statement writer.
        context.register(roles.role_contexts)
