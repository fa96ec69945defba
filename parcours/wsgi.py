"""WSGI entry point, served by gunicorn through `parcours serve`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")
application = get_wsgi_application()
