"""gunicorn's access log, without the secrets some URLs carry.

Two kinds of URL hold a secret in their path: a person's private calendar feed
(`/agenda/feed/<token>.ics`, which a calendar application fetches every few minutes, so the
log would hold it hundreds of times a day) and a password-reset link
(`/accounts/password/reset/<uid>/<token>/`). Whoever reads the access log could subscribe to
the calendar or use the link. `parcours serve` runs gunicorn with this logger class
(`--logger-class parcours.access_log.RedactingLogger`): the request line, the path, the query
and the referrer are written with the secret replaced by "[redacted]". The application's own
log (Django's "Not Found: <path>") goes through RedactSecretsFilter (settings.LOGGING).
"""

import re

from gunicorn.glogging import Logger

REDACTED = "[redacted]"

# (pattern, replacement): each keeps the route visible and drops the secret.
SECRETS_IN_URLS = [
    (re.compile(r"(/agenda/feed/)[^/?#\s]+?(\.ics)"), rf"\g<1>{REDACTED}\g<2>"),
    (re.compile(r"(/accounts/password/reset/)[^/?#\s]+/[^/?#\s]+/"), rf"\g<1>{REDACTED}/"),
]

# The atoms of a log line that may hold a URL: the request line, the path, the query string,
# the referrer (as an atom and as a request header).
URL_ATOMS = ("r", "U", "q", "f", "{referer}i")


def redact(text):
    """`text` with every secret of SECRETS_IN_URLS replaced."""
    if not isinstance(text, str):
        return text
    for pattern, replacement in SECRETS_IN_URLS:
        text = pattern.sub(replacement, text)
    return text


class RedactingLogger(Logger):
    """gunicorn's Logger, whose access log lines never show a URL's secret."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in URL_ATOMS:
            if name in atoms:
                atoms[name] = redact(atoms[name])
        return atoms


class RedactSecretsFilter:
    """A logging filter with the same rule for the application's own log: Django writes
    "Not Found: /agenda/feed/<token>.ics" for an unknown or revoked calendar token."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
