"""Django settings for Parcours.

Everything that differs between a laptop and a server comes from the environment; the defaults
are safe for a local run (SQLite in ./var, DEBUG off, a secret key generated and kept on first
use). Setting PARCOURS_ENV=production makes the settings strict: a SECRET_KEY must be given and
cookies become secure. With DEBUG off, a SECRET_KEY given that is weak (short, repetitive, a
development or example key) stops the start with a message saying how to make a good one.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


PARCOURS_ENV = os.environ.get("PARCOURS_ENV", "local")
PRODUCTION = PARCOURS_ENV == "production"

# Where the local database, the generated secret key and uploaded files live.
DATA_DIR = Path(os.environ.get("PARCOURS_DATA_DIR", BASE_DIR / "var")).resolve()


# Keys people copy from examples and tutorials: never good enough for a server.
_KNOWN_WEAK_KEYS = {"changeme", "change-me", "secret", "secret-key", "your-secret-key", "dev"}


def _is_weak(key):
    """Django's own deployment check (security.W009), plus keys copied from examples."""
    return (
        len(key) < 50
        or len(set(key)) < 5
        or key.startswith("django-insecure-")
        or key.strip().lower() in _KNOWN_WEAK_KEYS
    )


def _secret_key():
    key = os.environ.get("SECRET_KEY")
    if key:
        # A server (DEBUG off) signs sessions, password-reset links and calendar tokens with it.
        if (PRODUCTION or not env_bool("DEBUG", False)) and _is_weak(key):
            raise ImproperlyConfigured(
                "SECRET_KEY is too weak: use at least 50 random characters, not a word or a "
                "copied example. Generate one with: "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
            )
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when PARCOURS_ENV=production.")
    # Generated once and kept, so that sessions survive restarts of a local instance.
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "core.views.pages.csrf_failure"

# The address people reach Parcours at, for links in emails sent by the worker.
PARCOURS_SITE_URL = os.environ.get("PARCOURS_SITE_URL", "http://127.0.0.1:8000")

# Feeds (and any address a person types) are never fetched from this machine or a private
# network, unless a self-hosted install reads its intranet's feeds: set this to 1 then.
PARCOURS_FETCH_PRIVATE_ADDRESSES = env_bool("PARCOURS_FETCH_PRIVATE_ADDRESSES", False)

# The ESCO taxonomy files (CSV or CSV.gz), read by `parcours taxonomy import`.
PARCOURS_ESCO_DIR = Path(os.environ.get("PARCOURS_ESCO_DIR", BASE_DIR / "data" / "esco-v1.1.1"))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_tasks_db",
    "core",
    "accounts",
    "taxonomy",
    "goals",
    "growth",
    "jobs",
    "mentoring",
    "organisations",
    "agenda",
    "reports",  # the top layer: reads every app (docs/ARCHITECTURE.md)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PreferencesMiddleware",
    # Before any view reads the body (CSRF reads it in process_view, after every __call__): 413
    # for one larger than Parcours takes, in the signed-in person's language.
    "core.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "parcours.urls"
WSGI_APPLICATION = "parcours.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.navigation",
            ],
        },
    },
]

# Database: DATABASE_URL (sqlite:///path or postgres://...), else a SQLite file in DATA_DIR.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'parcours.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE avoids "database is locked"
        # errors when two transactions upgrade from read to write at the same time.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: this many failures for one account or address within the window locks
# further attempts out for the window.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_SECONDS = int(os.environ.get("LOGIN_LOCKOUT_SECONDS", "900"))

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LANGUAGE_COOKIE_NAME = "parcours_language"
LOCALE_PATHS = [BASE_DIR / "parcours" / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Serve static files straight from the apps when collectstatic has not been run (local use).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# Email: EMAIL_BACKEND is "console" (default: mail printed by the server), "file" (one file per
# message in EMAIL_FILE_PATH), "smtp" (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD, EMAIL_USE_TLS) or a dotted path to a backend class.
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
_email_backend = os.environ.get("EMAIL_BACKEND", "console")
_email_options = {}
if _email_backend == "file":
    _email_options = {"file_path": os.environ.get("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))}
elif _email_backend == "smtp":
    _email_options = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "timeout": 20,
    }
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKENDS.get(_email_backend, _email_backend),
        "OPTIONS": _email_options,
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Parcours <noreply@localhost>")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Content Security Policy: every script and stylesheet is served by Parcours itself, no inline
# script runs. Inline style attributes stay allowed (progress bars set their width that way).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag instead
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No calendar-feed token or password-reset link in the log (parcours/access_log.py).
    "filters": {"redact_secrets": {"()": "parcours.access_log.RedactSecretsFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
