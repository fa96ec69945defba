"""Periodic background work.

Apps declare periodic tasks in their `tasks.py` module:

    from django.tasks import task
    from core.scheduling import every

    @every(hours=1)
    @task()
    def fetch_due_feeds():
        ...

`parcours worker` imports every app's `tasks` module, runs the task worker, and once a minute
enqueues the periodic tasks that are due. The last enqueue time is kept in the database and
claimed with a compare-and-set update, so several workers never enqueue the same run twice.
"""

import datetime
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from core.models import ScheduledRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    name: str
    task: object  # a django.tasks.Task
    interval: datetime.timedelta


_registry: dict[str, Periodic] = {}


def every(**interval: float) -> Callable[[object], object]:
    """Register the decorated Task to be enqueued every `interval` (timedelta keywords)."""
    delta = datetime.timedelta(**interval)
    if delta <= datetime.timedelta(0):
        raise ValueError("A periodic task needs a positive interval.")

    def register(task):
        name = getattr(task, "module_path", None) or f"{task.__module__}.{task.__name__}"
        _registry[name] = Periodic(name=name, task=task, interval=delta)
        return task

    return register


def periodic_tasks() -> list[Periodic]:
    return sorted(_registry.values(), key=lambda periodic: periodic.name)


def discover() -> None:
    """Import every installed app's `tasks` module so that its periodic tasks register."""
    autodiscover_modules("tasks")


def enqueue_due(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue each periodic task whose interval has passed; return the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for periodic in periodic_tasks():
        run, _created = ScheduledRun.objects.get_or_create(name=periodic.name)
        if run.last_enqueued_at is not None and now - run.last_enqueued_at < periodic.interval:
            continue
        # Compare-and-set (filtering on None means IS NULL): only the worker that moves
        # last_enqueued_at enqueues.
        claimed = ScheduledRun.objects.filter(
            pk=run.pk, last_enqueued_at=run.last_enqueued_at
        ).update(last_enqueued_at=now)
        if claimed:
            periodic.task.enqueue()
            enqueued.append(periodic.name)
            logger.info("Enqueued periodic task %s", periodic.name)
    return enqueued


def run_scheduler(stop_event: threading.Event, poll_seconds: float = 60) -> None:
    """Loop until `stop_event` is set, enqueueing due periodic tasks (runs in a thread)."""
    while not stop_event.is_set():
        try:
            enqueue_due()
        except Exception:  # a database hiccup must not kill the worker
            logger.exception("Could not enqueue periodic tasks")
        finally:
            close_old_connections()
        stop_event.wait(poll_seconds)
