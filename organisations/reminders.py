"""Reminder emails of development cycles, sent by the worker (organisations.tasks, hourly).

- A member with a job role who has not submitted her self-review: once when it falls due
  within a week (the day the cycle opens if it is shorter), once more the day after it was due.
- A manager with current reports whose review she has not submitted: the same, on the manager
  reviews' due date, listing those reports.

Each email is in the recipient's language, its dates in her time zone. A reminder is claimed
(a unique `CycleReminder` row) before it is sent, so two workers never send it twice; when
sending fails, the claim is withdrawn and the next run tries again. Nothing is sent once the
cycle is closed or over.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from agenda.collect import user_time_zone
from organisations.models import Assessment, Cycle, CycleReminder, ManagerLink, Membership

logger = logging.getLogger(__name__)

NOTICE_DAYS = 7
Kind = CycleReminder.Kind


def _due_kind(today, due, soon, late):
    """Which reminder falls on `today` for a step due on `due`, or None."""
    if due - datetime.timedelta(days=NOTICE_DAYS) <= today <= due:
        return soon
    if today > due:
        return late
    return None


def due_reminders(now: datetime.datetime | None = None) -> list[tuple]:
    """[(cycle, person, kind, reports)] to send now. A fixed number of queries."""
    now = now or timezone.now()
    cycles = list(
        Cycle.objects.filter(status=Cycle.Status.OPEN)
        .filter(starts_on__lte=(now + datetime.timedelta(days=1)).date())
        .select_related("organisation")
    )
    if not cycles:
        return []
    by_org = {}
    for cycle in cycles:
        by_org.setdefault(cycle.organisation_id, []).append(cycle)
    members = {}
    for membership in (
        Membership.objects.active()
        .filter(organisation_id__in=by_org, user__is_active=True)
        .select_related("user")
    ):
        membership.user.has_job_role = membership.job_role_id is not None
        members.setdefault(membership.organisation_id, []).append(membership.user)
    submitted = set(
        Assessment.objects.filter(cycle__in=cycles, status=Assessment.Status.SUBMITTED).values_list(
            "cycle_id", "subject_id", "kind", "author_id"
        )
    )
    self_done = {(c, s) for c, s, kind, _a in submitted if kind == Assessment.Kind.SELF}
    reviewed = {(c, s, a) for c, s, kind, a in submitted if kind == Assessment.Kind.MANAGER}
    reports = {}
    for link in ManagerLink.objects.filter(
        organisation_id__in=by_org, status=ManagerLink.Status.ACTIVE
    ).select_related("report"):
        reports.setdefault((link.organisation_id, link.manager_id), []).append(link.report)
    sent = set(
        CycleReminder.objects.filter(cycle__in=cycles).values_list(
            "cycle_id", "recipient_id", "kind"
        )
    )
    found = []
    for cycle in cycles:
        for person in members.get(cycle.organisation_id, []):
            today = timezone.localtime(now, user_time_zone(person)).date()
            if today < cycle.starts_on or today > cycle.ends_on:
                continue
            if person.has_job_role and (cycle.pk, person.pk) not in self_done:
                kind = _due_kind(today, cycle.self_review_due, Kind.SELF_SOON, Kind.SELF_LATE)
                if kind and (cycle.pk, person.pk, kind) not in sent:
                    found.append((cycle, person, kind, []))
            pending = [
                report
                for report in reports.get((cycle.organisation_id, person.pk), [])
                if (cycle.pk, report.pk, person.pk) not in reviewed
            ]
            if pending:
                kind = _due_kind(
                    today, cycle.manager_review_due, Kind.MANAGER_SOON, Kind.MANAGER_LATE
                )
                if kind and (cycle.pk, person.pk, kind) not in sent:
                    found.append((cycle, person, kind, pending))
    return found


def compose(cycle: Cycle, person: User, kind: str, reports: list[User]) -> tuple[str, str]:
    """(subject, body) in `person`'s language, dates as her calendar shows them."""
    with translation.override(person.language):
        if kind in (Kind.SELF_SOON, Kind.SELF_LATE):
            subject = _("Parcours: your self-review for “%(cycle)s”") % {"cycle": cycle.name}
        else:
            subject = _("Parcours: reviews of your team for “%(cycle)s”") % {"cycle": cycle.name}
        body = render_to_string(
            "organisations/reminder_email.txt",
            {
                "cycle": cycle,
                "person": person,
                "kind": kind,
                "late": kind in (Kind.SELF_LATE, Kind.MANAGER_LATE),
                "self": kind in (Kind.SELF_SOON, Kind.SELF_LATE),
                "reports": reports,
                "url": settings.PARCOURS_SITE_URL.rstrip("/") + cycle.get_absolute_url(),
            },
        )
    return subject, body


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Send every reminder that is due; return how many emails went out."""
    count = 0
    for cycle, person, kind, reports in due_reminders(now):
        try:
            with transaction.atomic():
                claim = CycleReminder.objects.create(cycle=cycle, recipient=person, kind=kind)
        except IntegrityError:
            continue  # another worker claimed it
        subject, body = compose(cycle, person, kind, reports)
        try:
            EmailMessage(subject=subject, body=body, to=[person.email]).send()
        except Exception:
            claim.delete()
            logger.exception("Cycle reminder to %s not sent; retried next run", person.pk)
            continue
        count += 1
    return count
