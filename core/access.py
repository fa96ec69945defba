"""Who may see what: the one place every view, API route and the export ask.

The rules
- A record that belongs to one person (a goal, its steps, a skill, a job application, a token...)
  is seen by that person, its owner, and by nobody else.
- A record of a relationship between two people (a mentorship and its sessions, feedback and
  thanks) is seen by both of its parties and by nobody else. What a party may see *inside* it
  (a mentee's shared goals, reflections, someone's private notes) is decided by the
  relationship's own rules, in mentoring/access.py, which builds on the helpers here.
- Nobody else, ever: a record that is not yours is answered exactly like one that does not exist
  (404, never 403, so that its existence is not confirmed). A person who is not signed in owns
  nothing: the helpers give an empty queryset, and the views' login_required (or the API's
  authentication, 401) answers before any record is looked at.

Where the owner is declared
Each model says who it belongs to, next to its fields, as a class attribute:

- `owner_path = "goal__owner"`: the lookup from a record to the one person who owns it;
- `party_paths = ("mentorship__mentor", "mentorship__mentee")`: the lookups to the people of a
  relationship record, each of whom sees it.

A class attribute rather than a registry here: the person who adds a field pointing at a goal is
editing that model and sees, a few lines away, who owns the record; a registry in another app
would have to be kept in step by hand. `check_declared()` (a system check, and a test) refuses
any model of Parcours that reaches the user model, directly or through a parent record, without
one of the two declarations, so a new model cannot forget it.

Every helper takes a model, a manager or a queryset and only adds a filter, so select_related,
prefetch_related, ordering and annotations the caller set are kept and query counts do not move.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.shortcuts import get_object_or_404

from core.discovery import project_apps

# What the helpers take: a model, a manager or a queryset; and whoever asks, signed in or not.
Source = type[models.Model] | models.Manager | models.QuerySet
Person = AbstractBaseUser | AnonymousUser | None


def _queryset(source):
    if isinstance(source, models.QuerySet):
        return source
    if isinstance(source, models.Manager):
        return source.all()
    return source._default_manager.all()


def _signed_in(user):
    return user is not None and getattr(user, "is_authenticated", False)


def owner_path(model: type[models.Model]) -> str:
    """The lookup from `model` to its owner; TypeError if it has none (shared or public data)."""
    path = getattr(model, "owner_path", None)
    if not path:
        raise TypeError(
            f"{model._meta.label} declares no owner_path: use visible() for records shared "
            "between people, or declare who owns it."
        )
    return path


def owned(source: Source, user: Person) -> models.QuerySet:
    """The records of `source` (model, manager or queryset) that `user` owns."""
    rows = _queryset(source)
    path = owner_path(rows.model)
    if not _signed_in(user):
        return rows.none()
    return rows.filter(**{path: user})


def get_owned_or_404(source: Source, user: Person, **lookups: Any) -> models.Model:
    """The one record of `source` matching `lookups` that `user` owns, or Http404."""
    return get_object_or_404(owned(source, user), **lookups)


_shares = {}  # model -> rules registered with share()


def share(model: type[models.Model], rule: Callable[[Person], models.Q]) -> None:
    """Let an app show records of `model` beyond their owner or parties.

    `rule(user)` returns a Q of the extra records `user` may see (mentoring publishes the profile
    of a mentor who accepts requests, for instance). Call it from the app's AppConfig.ready(), so
    that the rule holds whichever door asks.
    """
    rules = _shares.setdefault(model, [])
    if rule not in rules:
        rules.append(rule)


def visible(source: Source, user: Person) -> models.QuerySet:
    """The records of `source` that `user` may see: those she owns or is a party to, and those
    a sharing rule (share()) shows her."""
    rows = _queryset(source)
    paths = getattr(rows.model, "party_paths", None) or [owner_path(rows.model)]
    if not _signed_in(user):
        return rows.none()
    condition = models.Q()
    for path in paths:
        condition |= models.Q(**{path: user})
    for rule in _shares.get(rows.model, []):
        condition |= rule(user)
    return rows.filter(condition)


def get_visible_or_404(source: Source, user: Person, **lookups: Any) -> models.Model:
    """The one record of `source` matching `lookups` that `user` may see, or Http404."""
    return get_object_or_404(visible(source, user), **lookups)


# The declaration check ----------------------------------------------------------------------


def _project_models():
    for config in project_apps():
        yield from config.get_models()


def _reaches_user(model, user_model, seen=()):
    """Whether a chain of foreign keys leads from `model` to the user model."""
    if model is user_model:
        return True
    if model in seen:
        return False
    return any(
        _reaches_user(field.related_model, user_model, (*seen, model))
        for field in model._meta.concrete_fields
        if field.is_relation and (field.many_to_one or field.one_to_one)
    )


def _path_ends_at_user(model, path, user_model):
    current = model
    for name in path.split("__"):
        try:
            field = current._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if not (field.is_relation and (field.many_to_one or field.one_to_one)):
            return False
        current = field.related_model
    return current is user_model


def check_declared() -> list[str]:
    """Problems with owner declarations: one sentence per model, empty when all is well."""
    user_model = get_user_model()
    problems = []
    for model in _project_models():
        if model is user_model or not _reaches_user(model, user_model):
            continue
        label = model._meta.label
        path = getattr(model, "owner_path", None)
        parties = getattr(model, "party_paths", None)
        if not path and not parties:
            problems.append(
                f"{label} reaches the user model but declares neither owner_path nor party_paths."
            )
            continue
        for lookup in ([path] if path else []) + list(parties or []):
            if not _path_ends_at_user(model, lookup, user_model):
                problems.append(f"{label}: {lookup!r} does not lead to {settings.AUTH_USER_MODEL}.")
    return problems


@checks.register(checks.Tags.models)
def owner_declarations(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return [checks.Error(problem, id="core.E001") for problem in check_declared()]
