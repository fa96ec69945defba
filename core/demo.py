"""Demo data, loaded by `parcours demo`.

Each app adds its own demo data by defining `<app>/demo.py` with a function `load(people)` that
must be idempotent (it runs on every `make run`). Apps are visited in INSTALLED_APPS order and
share one dict, `people` (role -> user): the accounts app, first, creates the demo people in
it (accounts/demo.py); the apps after it add their data for them.
"""

from django.db import transaction

from core.discovery import app_modules


@transaction.atomic
def load_demo() -> dict:
    """Create or refresh the demo people and every app's demo data; return the people."""
    people = {}
    for module in app_modules("demo", "load"):
        module.load(people)
    return people
