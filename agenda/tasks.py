"""Background work of the agenda: the weekly email digest."""

from django.tasks import task

from agenda import digest
from core.scheduling import every


@every(hours=1)
@task()
def send_weekly_digests() -> int:
    return digest.send_due_digests()
