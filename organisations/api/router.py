"""The organisations app's API router (mounted under /api/ by parcours.api), and what its
route modules share: the error of a refused rule."""

from ninja import Router
from ninja.errors import HttpError

from organisations.people import OrgError

router = Router(tags=["organisations"])


def call(function, *args, **kwargs):
    """Run a domain function; a refused rule answers 400 with its translated sentence."""
    try:
        return function(*args, **kwargs)
    except OrgError as error:
        raise HttpError(400, str(error)) from error
