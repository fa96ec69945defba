"""JSON API routes of the accounts app, mounted under /api/ by parcours.api.

Tokens are created in the browser only (profile page): a script can read and revoke tokens,
never mint new ones, so a leaked token cannot make itself permanent.
"""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from accounts.api_auth import api_auth
from accounts.forms import ProfileForm
from accounts.models import ApiToken
from core import jsonbody
from core.access import get_owned_or_404, owned

router = Router(tags=["accounts"], auth=api_auth())


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    language: str
    time_zone: str
    hours_per_week: float


class MePatch(Schema):
    """Every field is optional: send only what changes."""

    display_name: str | None = None
    language: str | None = None
    time_zone: str | None = None
    hours_per_week: float | None = None


class TokenOut(Schema):
    id: int
    name: str
    hint: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None


def me_out(user):
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "language": user.language,
        "time_zone": user.time_zone,
        "hours_per_week": float(user.hours_per_week),
    }


PATCHABLE = {"display_name": str, "language": str, "time_zone": str, "hours_per_week": "number"}


def _problem(field, message):
    return {"loc": ["body", field], "msg": str(message), "type": "value_error"}


def _parse_patch(request):
    """Return the JSON object of a PATCH body and the problems with its fields' types.

    A body that is not a JSON object (or nested too deeply) is a 400, with a translated `detail`;
    text no database stores (a lone surrogate, NUL) is a problem of its field.
    """
    try:
        body = jsonbody.loads(request.body or b"null")
    except jsonbody.InvalidText as error:
        return {}, [{"loc": error.loc, "msg": str(error), "type": "value_error"}]
    except jsonbody.BodyRefused as error:
        raise HttpError(400, str(error)) from None
    if not isinstance(body, dict):
        raise HttpError(400, _('The request body must be a JSON object, e.g. {"language": "fr"}.'))
    problems = []
    for field, value in body.items():
        kind = PATCHABLE.get(field)
        if kind is None:
            problems.append(_problem(field, _("This field is unknown or cannot be changed.")))
        elif kind == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(_problem(field, _("Send a number, e.g. 3 or 2.5.")))
        elif not isinstance(value, kind):
            problems.append(_problem(field, _("Send text.")))
    return body, problems


@router.get("/me", response=MeOut, summary="Your profile")
def get_me(request):
    return me_out(request.auth)


@router.patch(
    "/me",
    response={200: MeOut, 422: dict},
    summary="Change your profile",
    openapi_extra={
        "requestBody": {
            "content": {"application/json": {"schema": MePatch.model_json_schema()}},
            "required": True,
        }
    },
)
def patch_me(request):
    """Change display_name, language (en or fr), time_zone (IANA name) or hours_per_week (0-80).

    Errors: 400 when the body is not a JSON object; 422 with `detail`, a list of problems each
    with `loc` and a translated `msg`, when a value is wrong.
    """
    user = request.auth
    patch, problems = _parse_patch(request)
    if problems:
        return Status(422, {"detail": problems})
    data = {field: getattr(user, field) for field in PATCHABLE}
    for field, value in patch.items():
        data[field] = str(Decimal(str(value))) if field == "hours_per_week" else value
    form = ProfileForm(data, instance=user)
    if not form.is_valid():
        user.refresh_from_db()
        return Status(
            422,
            {
                "detail": [
                    _problem(field, message)
                    for field, messages in form.errors.items()
                    for message in messages
                ]
            },
        )
    return me_out(form.save())


@router.get("/tokens", response=list[TokenOut], summary="Your active API tokens")
def list_tokens(request):
    return owned(ApiToken.objects.active(), request.auth)


@router.delete("/tokens/{token_id}", response={204: None}, summary="Revoke one of your tokens")
def revoke_token(request, token_id: str):
    """Revoke a token at once. Another person's token, or one already revoked, is 404."""
    if not token_id.isdigit():
        raise HttpError(404, _("Not found."))
    token = get_owned_or_404(ApiToken.objects.active(), request.auth, pk=int(token_id))
    token.revoke()
    return Status(204, None)
