"""Schemas every app's API shares: the one error shape, and ids the database can hold."""

from typing import Annotated

from ninja import Field, Schema

# Primary keys are 64-bit signed integers on SQLite and PostgreSQL; a bigger number can name no
# row, and SQLite refuses to even compare with it, so such an id is invalid input (422).
MAX_ROW_ID = 2**63 - 1

RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]


class ErrorOut(Schema):
    """Every 4xx answer: a translated sentence, or for invalid input the list of problems."""

    detail: str | list

    model_config = {"extra": "forbid"}
