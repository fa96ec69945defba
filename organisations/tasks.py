"""Background work of organisations: development cycle reminders by email."""

from django.tasks import task

from core.scheduling import every
from organisations import reminders


@every(hours=1)
@task()
def send_cycle_reminders() -> int:
    return reminders.send_due_reminders()
