"""The weekly email digest: what is overdue and what is due in the coming week.

Opt-in (agenda.models.DigestSubscription). The worker runs `send_due_digests` every hour; a
person gets at most one digest every seven days, in their language and time zone, and none when
nothing is due.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from agenda.collect import collect, user_time_zone
from agenda.models import DigestSubscription

DIGEST_DAYS = 7


def compose(user: User, today: datetime.date) -> tuple[str, str] | None:
    """(subject, body) of `user`'s digest for the week from `today`; None when nothing is due."""
    items = collect(user, today, today + datetime.timedelta(days=DIGEST_DAYS - 1))
    open_items = [item for item in items if not item.done]
    if not open_items:
        return None
    overdue = [item for item in open_items if item.overdue]
    upcoming = [item for item in open_items if not item.overdue]
    subject = _("Parcours: your week ahead (%(count)s due)") % {"count": len(open_items)}
    body = render_to_string(
        "agenda/digest_email.txt",
        {
            "user": user,
            "overdue": overdue,
            "upcoming": upcoming,
            "site": settings.PARCOURS_SITE_URL.rstrip("/"),
        },
    )
    return subject, body


def send_due_digests(now: datetime.datetime | None = None) -> int:
    """Send every digest that is due; return how many emails went out."""
    now = now or timezone.now()
    sent = 0
    subscriptions = DigestSubscription.objects.select_related("user").filter(user__is_active=True)
    for subscription in subscriptions:
        user = subscription.user
        zone = user_time_zone(user)
        today = timezone.localtime(now, zone).date()
        last = subscription.last_sent_on
        if last is not None and (today - last).days < DIGEST_DAYS:
            continue
        with translation.override(user.language), timezone.override(zone):
            message = compose(user, today)
            if message is not None:
                subject, body = message
                EmailMessage(subject=subject, body=body, to=[user.email]).send()
                sent += 1
        # Claimed even when empty: an empty week is not retried every hour.
        DigestSubscription.objects.filter(pk=subscription.pk).update(last_sent_on=today)
    return sent
