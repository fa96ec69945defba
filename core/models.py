"""Models of the core app."""

from django.db import models


class ScheduledRun(models.Model):
    """When a periodic task was last enqueued, so that several workers enqueue it only once."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.name
