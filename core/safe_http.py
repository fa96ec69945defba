"""Fetching an address a person typed: one total deadline, no private addresses, a size cap.

A person's feed address is untrusted input that makes the server open a connection. Three
rules hold for every fetch (`get`):

- **One total deadline.** Timeouts of the HTTP library are per socket operation: a server that
  sends one byte every 5 s never trips a 10 s timeout and can hold the fetch for ever. Here every
  socket operation (connect, TLS handshake, each read and write) waits at most what is left of
  the fetch's deadline, so the whole fetch, redirects included, ends by then. Name resolution is
  the one step bounded by the system resolver's own timeouts (resolv.conf) instead.
- **No private addresses.** `requests-hardened` (maintained by Saleor) resolves the host name,
  refuses loopback, private, link-local (169.254.169.254), shared, multicast and reserved
  addresses, and connects to the very address it checked (no second lookup a DNS rebinding
  could change), on the first request and on every redirect. A self-hosted install whose feeds
  live on its intranet sets PARCOURS_FETCH_PRIVATE_ADDRESSES=1.
- **A size cap**, on the decoded body (a compressed bomb stops at the cap too).

Errors are `FetchError`s whose `reason` is for logs and whose message, for the person, never
says what was found at an address: "could not be reached" covers a refused address, a closed
port, a failed name lookup and a reset connection alike, so that `last_error` is no port
scanner. Proxies from the environment (HTTP_PROXY) are not used.
"""

import logging
import socket
import ssl
import threading
import time
from collections.abc import Mapping

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from requests_hardened.ip_filter import InvalidIPAddress
from requests_hardened.ip_filter_adapter import IPFilterAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.ssl_ import create_urllib3_context

logger = logging.getLogger(__name__)

# Per-operation timeouts (what one connect or one read may take), inside the total deadline.
CONNECT_TIMEOUT = 10
READ_TIMEOUT = 10
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


class FetchError(Exception):
    """Why a fetch failed. `kind` is one of unreachable, deadline, too_large, http, not_http;
    `status` is the HTTP status for kind "http"; `reason` is the detail, for logs only."""

    def __init__(self, kind, reason="", status=None):
        super().__init__(f"{kind}: {reason}" if reason else kind)
        self.kind, self.reason, self.status = kind, reason, status


class DeadlineExceeded(TimeoutError):
    """The fetch's total deadline passed (a TimeoutError, so libraries treat it as a timeout)."""


_fetch = threading.local()  # .deadline: time.monotonic() by which the current fetch must end


def _time_left():
    """Seconds left before the current fetch's deadline (None outside a fetch)."""
    deadline = getattr(_fetch, "deadline", None)
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded("the fetch's deadline passed")
    return left


class _DeadlineMixin:
    """A socket whose every blocking operation waits at most the time left of the fetch."""

    _requested_timeout = None  # what the HTTP library asked for, per operation

    def settimeout(self, value):
        self._requested_timeout = value
        super().settimeout(value)

    def _arm(self):
        left = _time_left()
        if left is not None:
            wanted = self._requested_timeout
            super().settimeout(left if wanted is None else min(wanted, left))


def _armed(base, *names):
    """Methods of `base` that first set the socket's timeout to what is left of the fetch."""

    def armed(name):
        original = getattr(base, name)

        def method(self, *args, **kwargs):
            self._arm()
            return original(self, *args, **kwargs)

        method.__name__ = name
        return method

    return {name: armed(name) for name in names}


_DeadlineSocket = type(
    "_DeadlineSocket",
    (_DeadlineMixin, socket.socket),
    _armed(socket.socket, "recv", "recv_into", "send", "sendall"),
)
_DeadlineSSLSocket = type(
    "_DeadlineSSLSocket",
    (_DeadlineMixin, ssl.SSLSocket),
    _armed(ssl.SSLSocket, "recv", "recv_into", "read", "write", "send", "sendall", "do_handshake"),
)


def _adopt(sock):
    """The connected socket `sock` as a _DeadlineSocket (same file descriptor)."""
    timeout = sock.gettimeout()
    adopted = _DeadlineSocket(sock.family, sock.type, sock.proto, fileno=sock.detach())
    adopted.settimeout(timeout)
    return adopted


class _DeadlineHTTPConnection(HTTPConnection):
    def _new_conn(self):
        left = _time_left()
        if left is not None and (not isinstance(self.timeout, int | float) or self.timeout > left):
            self.timeout = left  # the connect itself
        return _adopt(super()._new_conn())


class _DeadlineHTTPSConnection(_DeadlineHTTPConnection, HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.ssl_context is None:
            context = create_urllib3_context(cert_reqs=ssl.CERT_REQUIRED)
            context.sslsocket_class = _DeadlineSSLSocket  # the TLS handshake and reads too
            self.ssl_context = context


class _DeadlineHTTPPool(HTTPConnectionPool):
    ConnectionCls = _DeadlineHTTPConnection


class _DeadlineHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _DeadlineHTTPSConnection


class _DeadlinePoolsMixin:
    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _DeadlineHTTPPool,
            "https": _DeadlineHTTPSPool,
        }


class _FilteringAdapter(_DeadlinePoolsMixin, IPFilterAdapter):
    """requests-hardened's address filter, with deadline-bound sockets."""


class _PlainAdapter(_DeadlinePoolsMixin, HTTPAdapter):
    """Any address (PARCOURS_FETCH_PRIVATE_ADDRESSES), with deadline-bound sockets."""


def private_addresses_allowed() -> bool:
    return bool(getattr(settings, "PARCOURS_FETCH_PRIVATE_ADDRESSES", False))


def _session(allow_private, allow_loopback):
    session = requests.Session()
    session.trust_env = False  # no proxy or .netrc from the environment
    session.max_redirects = MAX_REDIRECTS
    for scheme in ("http://", "https://"):
        if allow_private:
            session.mount(scheme, _PlainAdapter())
        else:
            session.mount(
                scheme,
                _FilteringAdapter(
                    is_https_proto=scheme == "https://", allow_loopback=allow_loopback
                ),
            )
    return session


def get(
    url: str,
    *,
    seconds: float,
    max_bytes: int,
    headers: dict[str, str] | None = None,
    allow_private: bool | None = None,
    allow_loopback: bool = False,
) -> tuple[int, Mapping[str, str], bytes]:
    """(status, headers, body) of a GET of `url`, redirects followed; raises FetchError.

    The whole fetch takes at most `seconds` (plus name resolution); the body is cut at
    `max_bytes` + 1 (kind "too_large"). A 304 is returned like any status below 400; 400 and
    above raise FetchError(kind="http"). `allow_private` defaults to the setting; `allow_loopback`
    lets tests reach 127.0.0.1 while every other private address stays refused.
    """
    if allow_private is None:
        allow_private = private_addresses_allowed()
    _fetch.deadline = time.monotonic() + seconds
    try:
        with (
            _session(allow_private, allow_loopback) as session,
            session.get(
                url,
                headers=headers or {},
                stream=True,
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                allow_redirects=True,
            ) as response,
        ):
            if response.status_code >= 400:
                raise FetchError("http", f"HTTP {response.status_code}", response.status_code)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError("too_large", f"Content-Length {declared}")
            body, size = [], 0
            for chunk in response.iter_content(CHUNK):
                body.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError("too_large", f"more than {max_bytes} bytes")
                _time_left()  # a fast server that never stops still ends at the deadline
            return response.status_code, response.headers, b"".join(body)
    except FetchError:
        raise
    except (DeadlineExceeded, requests.Timeout) as error:
        raise FetchError("deadline", repr(error)) from error
    except requests.ConnectionError as error:
        # A read cut by the deadline reaches us as a ConnectionError wrapping a timeout.
        kind = "deadline" if time.monotonic() >= _fetch.deadline else "unreachable"
        raise FetchError(kind, repr(error)) from error
    except (requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema) as error:
        raise FetchError("not_http", repr(error)) from error
    except (InvalidIPAddress, requests.RequestException, OSError, ValueError) as error:
        # InvalidIPAddress: a private address (logged by requests-hardened for the admin).
        raise FetchError("unreachable", repr(error)) from error
    finally:
        _fetch.deadline = None
