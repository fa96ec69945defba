"""What each installed app contributes, found by the name of a module, never by naming the app.

An app takes part in a shared feature by defining a module of an agreed name: `<app>/demo.py`
(demo data), `<app>/agenda.py` (agenda items), `<app>/portability.py` (its part of a person's
export). The feature's own code asks `app_modules(name, attribute)` and so knows no app; apps are
visited in INSTALLED_APPS order.
"""

import importlib
from pathlib import Path
from types import ModuleType

from django.apps import AppConfig, apps
from django.conf import settings


def app_modules(name: str, attribute: str) -> list[ModuleType]:
    """The module `<app>.<name>` of every installed app that has one defining `attribute`."""
    found = []
    for config in apps.get_app_configs():
        dotted = f"{config.name}.{name}"
        try:
            module = importlib.import_module(dotted)
        except ModuleNotFoundError as error:
            if error.name != dotted:
                raise
            continue
        if hasattr(module, attribute):
            found.append(module)
    return found


def project_apps() -> list[AppConfig]:
    """The installed apps that are Parcours's own (their package sits in the project's folder),
    in INSTALLED_APPS order; Django's and third parties' apps are left out."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        config for config in apps.get_app_configs() if Path(config.path).resolve().parent == base
    ]
