"""Demo data, loaded by `parcours demo`.

The demo people are created here; each app adds its own demo data by defining `<app>/demo.py`
with a function `load(people)` that receives the dict below and must be idempotent (it runs on
every `make run`). Apps are visited in INSTALLED_APPS order.
"""

import importlib

from django.apps import apps
from django.db import transaction

from accounts.models import User

DEMO_PASSWORD = "parcours-demo"  # noqa: S105 (published on purpose: demo accounts)

DEMO_PEOPLE = {
    "seeker": {
        "email": "sam@demo.parcours.test",
        "display_name": "Sam Tremblay",
        "language": "fr",
        "time_zone": "America/Toronto",
        "hours_per_week": 6,
    },
    "mentor": {
        "email": "maria@demo.parcours.test",
        "display_name": "Maria Gagnon",
        "language": "en",
        "time_zone": "America/Montreal",
        "hours_per_week": 2,
    },
    "manager": {
        "email": "li@demo.parcours.test",
        "display_name": "Li Chen",
        "language": "en",
        "time_zone": "Europe/Paris",
        "hours_per_week": 2,
    },
}


@transaction.atomic
def load_demo():
    """Create or refresh the demo people and every app's demo data; return the people."""
    people = {}
    for role, fields in DEMO_PEOPLE.items():
        fields = dict(fields)
        email = fields.pop("email")
        user, created = User.objects.get_or_create(email=email, defaults=fields)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        people[role] = user
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        if config.name != "core":
            module.load(people)
    _sharing_history(people)
    return people


def _sharing_history(people):
    """The seeker's sharing history tells how her demo mentorship began (once, idempotent)."""
    from core.models import SharingEvent
    from mentoring.models import Mentorship

    seeker, mentor = people["seeker"], people["mentor"]
    mentorship = Mentorship.objects.filter(mentee=seeker, mentor=mentor).first()
    if mentorship is None or SharingEvent.objects.filter(owner=seeker).exists():
        return
    goals = "; ".join(mentorship.links.values_list("goal__statement", flat=True))
    common = {
        "owner": seeker,
        "counterpart": mentor,
        "counterpart_name": str(mentor),
        "object_kind": "mentoring.mentorship",
        "object_id": mentorship.pk,
    }
    SharingEvent.objects.bulk_create(
        [
            SharingEvent(
                **common,
                actor=seeker,
                actor_name=str(seeker),
                action=SharingEvent.Action.MENTORSHIP_REQUESTED,
                effect=SharingEvent.Effect.GRANTED,
                object_description=mentorship.objectives[:200],
                created_at=mentorship.created_at,
            ),
            SharingEvent(
                **common,
                actor=mentor,
                actor_name=str(mentor),
                action=SharingEvent.Action.MENTORSHIP_ACCEPTED,
                effect=SharingEvent.Effect.GRANTED,
                object_description=goals[:200],
                created_at=mentorship.accepted_at or mentorship.created_at,
            ),
        ]
    )
