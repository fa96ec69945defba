"""Fetching RSS and Atom feeds for the industry watch.

Only http(s) addresses are fetched, redirects included; a fetch gives up after TIMEOUT seconds
or MAX_BYTES bytes. A failure never raises: it is stored on the feed (`last_error`) and shown next
to it, and the articles already stored stay. Articles are kept once, identified by their guid,
else their link, else their title and date.
"""

import calendar
import datetime
import hashlib
import logging
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import feedparser
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from growth.models import Entry, Feed

logger = logging.getLogger(__name__)

TIMEOUT = 10  # seconds
MAX_BYTES = 2 * 1024 * 1024
USER_AGENT = "Parcours feed reader (+https://parcours.invalid)"
REFRESH_AFTER = datetime.timedelta(hours=3)


class FeedError(Exception):
    """Why a feed could not be read, in words for the person."""


def is_fetchable(url):
    """True for an absolute http(s) address with a host."""
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri") or ""
        if location and not is_fetchable(urljoin(req.full_url, location)):
            raise FeedError(_("The feed redirects to an address that is not http or https."))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


_opener = urllib.request.build_opener(_HttpOnlyRedirects)


def download(url, etag="", modified=""):
    """(body, etag, modified) of `url`; body is None when the server says nothing changed."""
    if not is_fetchable(url):
        raise FeedError(_("Only http and https addresses can be fetched."))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    if etag:
        request.add_header("If-None-Match", etag)
    if modified:
        request.add_header("If-Modified-Since", modified)
    try:
        with _opener.open(request, timeout=TIMEOUT) as response:
            body = response.read(MAX_BYTES + 1)
            headers = response.headers
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None, etag, modified
        raise FeedError(
            _("The server answered with an error (HTTP %(code)s).") % {"code": error.code}
        ) from error
    except urllib.error.URLError as error:
        raise FeedError(
            _("The feed could not be reached: %(reason)s.") % {"reason": error.reason}
        ) from error
    except TimeoutError as error:
        raise FeedError(
            _("The feed did not answer within %(seconds)d seconds.") % {"seconds": TIMEOUT}
        ) from error
    except (OSError, ValueError) as error:
        raise FeedError(
            _("The feed could not be reached: %(reason)s.") % {"reason": error}
        ) from error
    if len(body) > MAX_BYTES:
        raise FeedError(_("The feed is larger than 2 MB; Parcours does not read it."))
    return body, headers.get("ETag", "") or "", headers.get("Last-Modified", "") or ""


def parse(body):
    """The feed's title and its entries as dicts; raises FeedError when it is not a feed."""
    parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not parsed.entries and (parsed.bozo or not version):
        raise FeedError(_("This is not a valid RSS or Atom feed."))
    title = strip_tags(parsed.feed.get("title", ""))[:300]
    entries = []
    for item in parsed.entries:
        link = item.get("link", "") or ""
        if link and not is_fetchable(link):
            link = ""
        title_text = " ".join(strip_tags(item.get("title", "") or "").split())[:500]
        summary = " ".join(strip_tags(item.get("summary", "") or "").split())[:2000]
        published = None
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        if stamp:
            try:
                published = datetime.datetime.fromtimestamp(calendar.timegm(stamp), datetime.UTC)
            except (OverflowError, ValueError, TypeError):
                published = None
        guid = (item.get("id") or link or "").strip() or f"{title_text}|{stamp}"
        if len(guid.encode()) > 500:  # keeps the unique index small on every database
            guid = "sha1:" + hashlib.sha1(guid.encode()).hexdigest()  # noqa: S324 (an id)
        entries.append(
            {
                "guid": guid,
                "link": link[:1000],
                "title": title_text,
                "summary": summary,
                "published_at": published,
            }
        )
    return title, entries


def store(feed, entries):
    """Save the entries not seen before (by guid or link); return how many were new."""
    known = Entry.objects.filter(feed=feed).values_list("guid", "link")
    seen_guids = {guid for guid, _link in known}
    seen_links = {link for _guid, link in known if link}
    new = []
    for data in entries:
        if data["guid"] in seen_guids or (data["link"] and data["link"] in seen_links):
            continue
        seen_guids.add(data["guid"])
        if data["link"]:
            seen_links.add(data["link"])
        new.append(Entry(feed=feed, **data))
    Entry.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def fetch(feed):
    """Fetch `feed` now; return the number of new articles, or None after a failure (stored)."""
    now = timezone.now()
    try:
        body, etag, modified = download(feed.url, feed.etag, feed.modified)
        new = 0
        title = ""
        if body is not None:
            title, entries = parse(body)
            with transaction.atomic():
                new = store(feed, entries)
    except FeedError as error:
        Feed.objects.filter(pk=feed.pk).update(
            last_error=str(error), last_error_at=now, last_fetched_at=now
        )
        feed.last_error, feed.last_error_at, feed.last_fetched_at = str(error), now, now
        return None
    except Exception as error:  # a feed must never break the page or the worker
        logger.exception("Unexpected error while reading feed %s", feed.pk)
        message = _("This feed could not be read (%(error)s).") % {"error": type(error).__name__}
        Feed.objects.filter(pk=feed.pk).update(
            last_error=message, last_error_at=now, last_fetched_at=now
        )
        feed.last_error, feed.last_error_at, feed.last_fetched_at = message, now, now
        return None
    feed.last_error = ""
    feed.last_fetched_at = now
    feed.etag, feed.modified = etag[:300], modified[:100]
    if title and not feed.title:
        feed.title = title
    feed.save(update_fields=["last_error", "last_fetched_at", "etag", "modified", "title"])
    return new


def due_feeds(now=None):
    """Feeds never fetched, or not fetched for REFRESH_AFTER."""
    now = now or timezone.now()
    from django.db.models import Q

    return Feed.objects.filter(
        Q(last_fetched_at__isnull=True) | Q(last_fetched_at__lte=now - REFRESH_AFTER)
    ).order_by("last_fetched_at", "id")
