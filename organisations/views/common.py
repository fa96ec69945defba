"""What the organisations pages share: reading a form's data, showing a refusal."""

from django.contrib import messages

from core.api_schemas import MAX_ROW_ID


def data(request):
    """The submitted data on POST (even when empty, so that the form shows its errors)."""
    return request.POST if request.method == "POST" else None


def fail(request, error):
    messages.error(request, str(error))


def errors(form):
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def row_id(value):
    """A database id from a form value, or None (not a number, or too big for any row)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= MAX_ROW_ID else None
