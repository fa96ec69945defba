"""Authentication for the JSON API: personal tokens for scripts."""

from ninja.security import HttpBearer

from accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer prc_...` with a token created on the profile page."""

    def authenticate(self, request, token):
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        return user
