"""Saving a job application, its interviews and reflections: the page and the API both call
these after the page's form has checked the input (jobs.forms), so the two doors keep the same
history and read a posting the same way."""

from django.db import transaction

from accounts.models import User
from jobs import tasks
from jobs.models import Application, Interview, InterviewReflection, Status


@transaction.atomic
def save_application(application: Application, user: User, *, posting_changed: bool) -> Application:
    """Save `application` (unsaved changes from a form). A new one starts its status history;
    a changed status is a move the history keeps; a new or changed posting is queued to be read
    again for the skills it asks for (in the background, when skill extraction is installed)."""
    creating = application.pk is None
    if creating:
        application.user = user
        application.save()
        application.record_creation()
    else:
        previous = Application.objects.get(pk=application.pk).status
        new_status = application.status
        application.status = previous
        application.save()
        application.move_to(new_status)
    if creating or posting_changed:
        tasks.request_detection(application)  # in the background: the page polls for them
    return application


@transaction.atomic
def schedule_interview(interview: Interview, application: Application) -> Interview:
    """Add `interview` (unsaved) to `application`, which moves to "interview" if it was only
    saved or applied."""
    interview.application = application
    interview.save()
    if application.status in (Status.SAVED, Status.APPLIED):
        application.move_to(Status.INTERVIEW)
    return interview


@transaction.atomic
def save_reflection(
    reflection: InterviewReflection, interview: Interview, techniques: list[str]
) -> InterviewReflection:
    """Save the post-interview `reflection` (unsaved) with its techniques to try next time."""
    reflection.interview = interview
    reflection.save()
    reflection.set_techniques(techniques)
    return reflection
