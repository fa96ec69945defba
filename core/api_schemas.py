"""Schemas every app's API shares: the error shapes, and ids the database can hold."""

from typing import Annotated, Any

from ninja import Field, Schema

# Primary keys are 64-bit signed integers on SQLite and PostgreSQL; a bigger number can name no
# row, and SQLite refuses to even compare with it, so such an id is invalid input (422).
MAX_ROW_ID = 2**63 - 1

RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]


class ErrorOut(Schema):
    """Every 4xx answer but 422: a translated sentence saying what is wrong."""

    detail: str

    model_config = {"extra": "forbid"}


class ProblemOut(Schema):
    """One problem with the input: where it is (e.g. ["body", "title"]) and what is wrong."""

    loc: list[str | int]
    msg: str
    type: str | None = None
    ctx: dict[str, Any] | None = None

    model_config = {"extra": "forbid"}


class ValidationErrorOut(Schema):
    """A 422 answer: the list of problems with the input, each with its `loc` and `msg`; or,
    when every value is well formed but together they break a rule, a translated sentence."""

    detail: list[ProblemOut] | str

    model_config = {"extra": "forbid"}
