"""Demo data of the accounts app: the demo people, whom every other app's demo data uses.

`core.demo.load_demo` visits the apps in INSTALLED_APPS order; accounts comes first and fills
`people` (role -> user) for the apps after it. Idempotent: an existing person is kept as is.
"""

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


def load(people: dict) -> None:
    """Create (or find) the demo people, with DEMO_PASSWORD, into `people` by role."""
    for role, fields in DEMO_PEOPLE.items():
        fields = dict(fields)
        email = fields.pop("email")
        user, created = User.objects.get_or_create(email=email, defaults=fields)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        people[role] = user
