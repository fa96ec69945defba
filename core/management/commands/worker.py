import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core import scheduling


class Command(BaseCommand):
    help = "Run background work: queued tasks and periodic jobs (reminders, feed fetching)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between polls for new tasks."
        )
        parser.add_argument(
            "--schedule-every",
            type=float,
            default=60.0,
            help="Seconds between checks for due periodic tasks.",
        )
        parser.add_argument(
            "--max-tasks", type=int, default=None, help="Stop after running this many tasks."
        )

    def handle(self, *args, **options):
        scheduling.discover()
        names = [periodic.name for periodic in scheduling.periodic_tasks()]
        self.stdout.write(f"Periodic tasks: {', '.join(names) if names else 'none'}")
        stop = threading.Event()
        scheduler = threading.Thread(
            target=scheduling.run_scheduler,
            args=(stop, options["schedule_every"]),
            name="parcours-scheduler",
            daemon=True,
        )
        scheduler.start()
        worker_options = {"interval": options["interval"], "queue_name": "*"}
        if options["max_tasks"] is not None:
            worker_options["max_tasks"] = options["max_tasks"]
        try:
            call_command("db_worker", **worker_options)
        finally:
            stop.set()
