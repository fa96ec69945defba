"""Background work of the growth app: fetching the industry-watch feeds.

Feeds are fetched here, in the worker, never in a web request: a slow feed server holds a
worker's task for at most its deadline, never a page.
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone, translation

from core.scheduling import every
from growth import feeds
from growth.models import Feed

logger = logging.getLogger(__name__)


@every(hours=1)
@task()
def fetch_due_feeds() -> int:
    """Fetch every feed not fetched for feeds.REFRESH_AFTER; return how many were fetched.

    Errors are written in the owner's language, since they are shown to them next to the feed.
    """
    count = 0
    for feed in feeds.due_feeds().select_related("user").iterator():
        with translation.override(feed.user.language):
            feeds.fetch(feed)
        count += 1
    return count


@task()
def fetch_feed(feed_id: int) -> int | None:
    """Fetch one feed now ("Fetch now"); return the number of new articles, or None."""
    feed = Feed.objects.select_related("user").filter(pk=feed_id).first()
    if feed is None:
        return None  # unfollowed meanwhile
    Feed.objects.filter(pk=feed_id).update(fetch_state=Feed.FetchState.FETCHING)
    with translation.override(feed.user.language):
        return feeds.fetch(feed)


def request_fetch(feed: Feed) -> bool:
    """Queue a fetch of `feed` for the worker; return False when one is already on its way.

    The feed's `fetch_state` says where it is ("queued", then "fetching", then "" again), so
    the page can show progress; a fetch queued for longer than feeds.STALE_AFTER counts as lost.
    """
    now = timezone.now()
    idle_or_stale = Q(fetch_state="") | Q(fetch_requested_at__lt=now - feeds.STALE_AFTER)
    queued = Feed.objects.filter(idle_or_stale, pk=feed.pk).update(
        fetch_state=Feed.FetchState.QUEUED, fetch_requested_at=now
    )
    if not queued:
        return False
    feed.fetch_state, feed.fetch_requested_at = Feed.FetchState.QUEUED, now
    transaction.on_commit(lambda: fetch_feed.enqueue(feed.pk))
    return True
