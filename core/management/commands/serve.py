import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate the database, then serve Parcours with gunicorn (static files by whitenoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("PARCOURS_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", "0")) or (os.cpu_count() or 1) + 1,
            help="Gunicorn worker processes (default: CPU count + 1, or $WEB_CONCURRENCY).",
        )
        parser.add_argument("--no-migrate", action="store_true", help="Skip migrations.")
        parser.add_argument(
            "--no-preload",
            action="store_true",
            help=(
                "Let each worker load the app and build the search indexes on first use "
                "(answers sooner after start, but each worker pays seconds and memory for it)."
            ),
        )

    def handle(self, *args, **options):
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        if settings.PRODUCTION:
            call_command("collectstatic", interactive=False, verbosity=0)
        bind = f"{options['host']}:{options['port']}"
        self.stdout.write(f"Serving Parcours on http://{bind}/ (Ctrl+C to stop)")
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "parcours.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(options["workers"]),
            "--threads",
            "2",
            "--access-logfile",
            "-",
            # No calendar-feed token or password-reset link in the access log.
            "--logger-class",
            "parcours.access_log.RedactingLogger",
            "--forwarded-allow-ips",
            os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            # The master loads the app, the encoder and the search indexes once; the workers
            # share them by fork (parcours/gunicorn.py).
            "--config",
            "python:parcours.gunicorn",
        ]
        if not options["no_preload"]:
            argv.append("--preload")
        sys.stdout.flush()
        os.execv(sys.executable, argv)  # noqa: S606 (replace this process with gunicorn)
