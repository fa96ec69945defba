"""Background work of the growth app: fetching the industry-watch feeds.

Feeds are fetched here, in the worker, never in a web request: a slow feed server holds a
worker's task for at most its deadline, never a page.
"""

import logging

from django.tasks import task
from django.utils import translation

from core.scheduling import every
from growth import feeds
from growth.models import Feed

logger = logging.getLogger(__name__)


@every(hours=1)
@task()
def fetch_due_feeds():
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
def fetch_feed(feed_id):
    """Fetch one feed now ("Fetch now"); return the number of new articles, or None."""
    feed = Feed.objects.select_related("user").filter(pk=feed_id).first()
    if feed is None:
        return None  # unfollowed meanwhile
    Feed.objects.filter(pk=feed_id).update(fetch_state=Feed.FetchState.FETCHING)
    with translation.override(feed.user.language):
        return feeds.fetch(feed)
