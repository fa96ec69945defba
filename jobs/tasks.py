"""Background work of the jobs app: detecting the skills of a pasted job posting."""

from django.tasks import task

from jobs import postings
from jobs.models import Application


@task()
def detect_posting_skills(application_id: int) -> int:
    """Detect and store the skills of an application's posting; return how many were kept.

    Queued when a posting is saved (`request_detection`); an application deleted in the
    meantime is skipped. Once it has run (or failed), `detection_pending` is false and the page
    stops waiting.
    """
    application = Application.objects.filter(pk=application_id).first()
    if application is None:
        return 0
    return len(postings.detect_skills(application))


def request_detection(application: Application) -> bool:
    """Detect the posting's skills in the background: queue `detect_posting_skills`
    (`parcours worker` runs it; the page shows the skills when they are ready). Saving a posting
    then answers at once: extraction takes seconds on a long posting. Returns False when this
    installation has no skill extraction."""
    if not postings.extraction_available():
        return False
    detect_posting_skills.enqueue(application.pk)
    return True


def detection_pending(application: Application) -> bool:
    """Whether a detection of the application's skills is queued or running: the task queue
    (django-tasks-db's table) is the one record of it, so nothing else needs keeping in step.
    Other task backends run the task at once or not at all: nothing is pending then."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the default settings use it
        return False
    return DBTaskResult.objects.filter(
        task_path=detect_posting_skills.module_path,
        status__in=("READY", "RUNNING"),
        args_kwargs__args=[application.pk],
    ).exists()
