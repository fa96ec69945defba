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
    return people
