"""How every API route validates input: through the page's form, or the model's own rules.

One rule, three doors: a rule lives on the model (`clean`) or in the form the page uses, and the
API runs the same code, so the two can never disagree. What breaks a rule answers 422 with the
list of problems, shaped like pydantic's: `{"detail": [{"loc": ["body", field], "msg": ...}]}`
(a problem of the whole input has the location ["body"]). A refusal by a domain service (a
mentorship that is not active any more, an attempt already finished) is not invalid input: the
route answers it with its own status and a sentence (docs/ARCHITECTURE.md, "One rule, three
doors").
"""

import datetime
from collections.abc import Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.forms.models import model_to_dict
from ninja.errors import ValidationError


def invalid(errors: Mapping[str, list]) -> ValidationError:
    """The 422 answer for `errors` (field -> messages, as a form's or a model's)."""
    return ValidationError(
        [
            {"loc": ["body"] if field == NON_FIELD_ERRORS else ["body", field], "msg": str(m)}
            for field, messages in errors.items()
            for m in messages
        ]
    )


def form_invalid(form: forms.BaseForm) -> ValidationError:
    """The 422 answer for an invalid form."""
    return invalid(form.errors)


def check_model(instance: models.Model, exclude: list[str] | None = None) -> None:
    """Run the model's validation and its own rules (`full_clean`); 422 when one breaks."""
    try:
        instance.full_clean(exclude=exclude)
    except DjangoValidationError as error:
        raise invalid(error.message_dict) from error


def form_value(value: object) -> str | list[str]:
    """A Python value as a bound form receives it from a POST."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(getattr(v, "pk", v)) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def bound_form(
    form_class: type[forms.BaseModelForm],
    payload: Mapping,
    instance: models.Model | None = None,
    **form_kwargs: object,
) -> forms.BaseModelForm:
    """`form_class` bound to `payload` merged over `instance` (a partial change keeps the other
    fields), as the page would post it."""
    fields = form_class._meta.fields
    data = {}
    if instance is not None:
        data.update({k: form_value(v) for k, v in model_to_dict(instance, fields=fields).items()})
    data.update({k: form_value(v) for k, v in payload.items() if k in fields})
    return form_class(data, instance=instance, **form_kwargs)


def save_form(
    form_class: type[forms.BaseModelForm],
    payload: Mapping,
    instance: models.Model | None = None,
    **form_kwargs: object,
) -> models.Model:
    """Validate `payload` with the page's `form_class` (merged over `instance`) and save it;
    422 with the form's problems otherwise."""
    form = bound_form(form_class, payload, instance, **form_kwargs)
    if not form.is_valid():
        raise form_invalid(form)
    return form.save()
