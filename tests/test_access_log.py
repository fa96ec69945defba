"""The access log never shows a calendar-feed token nor a password-reset link.

A calendar application fetches `/agenda/feed/<token>.ics` every few minutes: without care the
access log would hold each person's private key hundreds of times a day.
"""

import datetime
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from gunicorn.config import Config
from gunicorn.glogging import Logger

from parcours.access_log import RedactingLogger

TOKEN = "Zq8vR2nW5tX9bL4mP7sD1fH6jC0gA3eU"  # the shape of agenda.FeedToken's tokens


def access_line(logger_class, path, referer="-", tmp_path=None):
    """The access log line gunicorn writes with `logger_class` for a GET of `path`."""
    log = tmp_path / f"access-{logger_class.__name__}.log"
    config = Config()
    config.set("accesslog", str(log))
    logger = logger_class(config)
    path_info, _sep, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.5",
        "HTTP_REFERER": referer,
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    request = SimpleNamespace(headers=[("REFERER", referer)])
    logger.access(response, request, environ, datetime.timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()
    return log.read_text()


def test_the_calendar_feed_token_is_not_written(tmp_path):
    path = reverse("agenda:feed", args=[TOKEN])
    assert TOKEN in access_line(Logger, path, tmp_path=tmp_path)  # gunicorn's own logger
    line = access_line(RedactingLogger, path, referer="https://x.example" + path, tmp_path=tmp_path)
    assert TOKEN not in line
    assert "GET /agenda/feed/[redacted].ics HTTP/1.1" in line
    assert "203.0.113.5" in line and '" 200 512 ' in line  # the rest of the line is intact


def test_a_password_reset_link_is_not_written(tmp_path):
    path = reverse("accounts:password_reset_confirm", args=["MQ", "cdw1jv-" + TOKEN])
    line = access_line(RedactingLogger, path + "?next=/", tmp_path=tmp_path)
    assert TOKEN not in line and "MQ" not in line
    assert "/accounts/password/reset/[redacted]/" in line


def test_the_application_log_is_redacted_too(caplog):
    import logging

    from parcours.access_log import RedactSecretsFilter

    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        (f"/agenda/feed/{TOKEN}.ics",),
        None,
    )
    assert RedactSecretsFilter().filter(record)
    assert record.getMessage() == "Not Found: /agenda/feed/[redacted].ics"


def test_other_paths_are_written_as_they_are(tmp_path):
    line = access_line(RedactingLogger, "/agenda/?month=2027-01", tmp_path=tmp_path)
    assert "GET /agenda/?month=2027-01 HTTP/1.1" in line


@pytest.mark.slow
def test_parcours_serve_keeps_the_token_out_of_its_access_log(tmp_path):
    """The real server: `parcours serve` (gunicorn) answers the feed URL and logs it redacted."""
    parcours = str(Path(sys.executable).with_name("parcours"))
    port = free_port()
    env = {**os.environ, "PARCOURS_DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    output = tmp_path / "serve.log"
    with output.open("w") as out:
        server = subprocess.Popen(
            [parcours, "serve", "--port", str(port), "--workers", "1", "--no-preload"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}/agenda/feed/{TOKEN}.ics"
        status = None
        deadline = time.monotonic() + 180
        while status is None and time.monotonic() < deadline:
            try:
                status = urllib.request.urlopen(url, timeout=5).status  # noqa: S310 (loopback)
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                time.sleep(0.5)
        assert status == 404, output.read_text()[-3000:]  # an unknown token: not found
        time.sleep(0.5)  # the access line is written after the answer
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    log = output.read_text()
    assert "/agenda/feed/[redacted].ics" in log, log[-3000:]
    assert TOKEN not in log


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
