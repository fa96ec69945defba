"""Background work of the jobs app: detecting the skills of a pasted job posting."""

from django.tasks import task

from jobs import postings
from jobs.models import Application


@task()
def detect_posting_skills(application_id):
    """Detect and store the skills of an application's posting; return how many were kept.

    Queued when a posting is saved (postings.request_detection); an application deleted in the
    meantime is skipped. Once it has run (or failed), postings.detection_pending is false and
    the page stops waiting.
    """
    application = Application.objects.filter(pk=application_id).first()
    if application is None:
        return 0
    return len(postings.detect_skills(application))
