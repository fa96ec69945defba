"""Background work of the growth app: refreshing the industry-watch feeds."""

import logging

from django.tasks import task
from django.utils import translation

from core.scheduling import every
from growth import feeds

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
