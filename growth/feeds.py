"""Fetching RSS and Atom feeds for the industry watch.

Feeds are fetched by the worker, never inside a web request: "Fetch now" queues a task
(`growth.tasks.request_fetch`) and the page shows its progress (`Feed.fetch_state`). The fetch
itself (`core.safe_http`) has one total deadline (GROWTH_FEED_FETCH_SECONDS, 30 s), refuses private
and internal addresses unless PARCOURS_FETCH_PRIVATE_ADDRESSES is set (on the first request and
every redirect), follows at most 5 redirects, and stops reading after MAX_BYTES. A failure
never raises: a sentence for the person is stored on the feed (`last_error`), saying nothing
about what was found at an address, and the articles already stored stay.

Articles are kept once, identified by their guid, else their link, else their title and date;
titles and summaries are stored as plain text; each feed keeps its newest
GROWTH_MAX_ENTRIES_PER_FEED articles.
"""

import calendar
import datetime
import hashlib
import ipaddress
import logging
from html.parser import HTMLParser
from urllib.parse import urlsplit

import feedparser
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import safe_http
from growth import limits
from growth.models import Entry, Feed

logger = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
USER_AGENT = "Parcours feed reader (+https://parcours.invalid)"
REFRESH_AFTER = datetime.timedelta(hours=3)
# A fetch queued or running for longer than this is taken as lost (a worker stopped during
# it): "Fetch now" may queue it again.
STALE_AFTER = datetime.timedelta(minutes=10)


class FeedError(Exception):
    """Why a feed could not be read, in words for the person."""


def is_fetchable(url):
    """True for an absolute http(s) address with a host."""
    try:
        parts = urlsplit(url or "")
        parts.port  # noqa: B018 (raises ValueError for a port out of range)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def is_private_literal(url):
    """True when the address, as typed, names this machine or a private network (an IP
    address or "localhost"). Decided from the text alone: no name is looked up, so the answer
    says nothing about the network that the person did not type."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return not address.is_global


def fetch_seconds():
    return limits.get("GROWTH_FEED_FETCH_SECONDS")


def _message(error):
    """The sentence for the person about a safe_http.FetchError."""
    if error.kind == "http":
        return _("The server answered with an error (HTTP %(code)s).") % {"code": error.status}
    if error.kind == "deadline":
        seconds = fetch_seconds()
        return ngettext(
            "The feed did not answer within %(seconds)d second.",
            "The feed did not answer within %(seconds)d seconds.",
            seconds,
        ) % {"seconds": seconds}
    if error.kind == "too_large":
        return _("The feed is larger than 2 MB; Parcours does not read it.")
    if error.kind == "not_http":
        return _("The feed redirects to an address that is not http or https.")
    return _("The feed could not be reached: check its address, or try again later.")


def download(url, etag="", modified=""):
    """(body, etag, modified) of `url`; body is None when the server says nothing changed."""
    if not is_fetchable(url):
        raise FeedError(_("Only http and https addresses can be fetched."))
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        status, answer, body = safe_http.get(
            url, seconds=fetch_seconds(), max_bytes=MAX_BYTES, headers=headers
        )
    except safe_http.FetchError as error:
        # The detail is for the administrator's log only, never for the person.
        logger.info("Feed %s not fetched: %s", url, error.reason or error.kind)
        raise FeedError(_message(error)) from error
    if status == 304:
        return None, etag, modified
    return body, answer.get("ETag", "") or "", answer.get("Last-Modified", "") or ""


class _Text(HTMLParser):
    """The text of an HTML fragment: entities decoded, each tag a space, scripts dropped."""

    SKIPPED = {"script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in self.SKIPPED
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1
        self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def plain_text(html, limit):
    """At most `limit` characters of plain text from `html`, white space collapsed.

    Only the first 20 × `limit` characters are read: enough for any markup around the text
    kept, and a bound on the work whatever a feed holds.
    """
    parser = _Text()
    parser.feed(html[: 20 * limit])
    parser.close()
    return " ".join("".join(parser.parts).split())[:limit].rstrip()


def _text_of(item, key, limit):
    """A feed field as plain text: HTML is reduced to its text, plain text is kept as is."""
    value = item.get(key, "") or ""
    detail = item.get(f"{key}_detail") or {}
    if detail.get("type") == "text/plain":
        return " ".join(value[: 20 * limit].split())[:limit].rstrip()
    return plain_text(value, limit)


def parse(body):
    """The feed's title and its entries as dicts; raises FeedError when it is not a feed."""
    parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not parsed.entries and (parsed.bozo or not version):
        raise FeedError(_("This is not a valid RSS or Atom feed."))
    title = _text_of(parsed.feed, "title", 300)
    entries = []
    for item in parsed.entries[: limits.get("GROWTH_MAX_ENTRIES_PER_FEED")]:
        link = item.get("link", "") or ""
        if link and not is_fetchable(link):
            link = ""
        title_text = _text_of(item, "title", 500)
        summary = _text_of(item, "summary", 2000)
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
    """Save the entries not seen before (by guid or link); return how many were new.

    The feed then keeps only its newest GROWTH_MAX_ENTRIES_PER_FEED articles (by date, then
    by arrival); a reading note about a dropped article keeps its title and link.
    """
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
    keep = limits.get("GROWTH_MAX_ENTRIES_PER_FEED")
    newest = Entry.objects.filter(feed=feed).order_by(
        F("published_at").desc(nulls_last=True), "-id"
    )
    if newest[keep : keep + 1].exists():
        kept = list(newest.values_list("pk", flat=True)[:keep])
        Entry.objects.filter(feed=feed).exclude(pk__in=kept).delete()
    return len(new)


def fetch(feed):
    """Fetch `feed` now; return the number of new articles, or None after a failure (stored).

    Called by the worker (growth.tasks) and `parcours growth fetch-feeds`, never by a view.
    """
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
        _failed(feed, str(error), now)
        return None
    except Exception as error:  # a feed must never break the page or the worker
        logger.exception("Unexpected error while reading feed %s", feed.pk)
        _failed(
            feed,
            _("This feed could not be read (%(error)s).") % {"error": type(error).__name__},
            now,
        )
        return None
    feed.last_error = ""
    feed.last_fetched_at = now
    feed.last_new_entries = new
    feed.fetch_state = Feed.FetchState.IDLE
    feed.etag, feed.modified = etag[:300], modified[:100]
    if title and not feed.title:
        feed.title = title
    feed.save(
        update_fields=[
            "last_error",
            "last_fetched_at",
            "last_new_entries",
            "fetch_state",
            "etag",
            "modified",
            "title",
        ]
    )
    return new


def _failed(feed, message, now):
    """Keep why the fetch failed on the feed; its articles stay."""
    changes = {
        "last_error": message,
        "last_error_at": now,
        "last_fetched_at": now,
        "last_new_entries": None,
        "fetch_state": Feed.FetchState.IDLE,
    }
    Feed.objects.filter(pk=feed.pk).update(**changes)
    for name, value in changes.items():
        setattr(feed, name, value)


def due_feeds(now=None):
    """Feeds never fetched, or not fetched for REFRESH_AFTER."""
    now = now or timezone.now()
    return Feed.objects.filter(
        Q(last_fetched_at__isnull=True) | Q(last_fetched_at__lte=now - REFRESH_AFTER)
    ).order_by("last_fetched_at", "id")
