"""JSON API of the organisations app, every route under /api/orgs/. The same rules as the pages
(organisations.access and the domain modules): an organisation one does not belong to, or a
record one may not read, answers 404."""

from organisations.api import framework, people, work  # noqa: F401 (they register the routes)
from organisations.api.router import router

__all__ = ["router"]
