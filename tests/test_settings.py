"""Configuration from the environment."""

import json
import os
import subprocess
import sys


def settings_in(env, *names, data_dir):
    """Import the settings in a fresh interpreter with `env` and return the named values."""
    code = (
        "import json, parcours.settings as s;"
        f"print(json.dumps({{n: str(getattr(s, n)) for n in {list(names)!r}}}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    clean.update({"PARCOURS_DATA_DIR": str(data_dir), **env})
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60
    )


def test_it_requires_a_secret_key_in_production(tmp_path):
    result = settings_in({"PARCOURS_ENV": "production"}, "SECRET_KEY", data_dir=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_generates_and_keeps_a_local_secret_key(tmp_path):
    first = json.loads(settings_in({}, "SECRET_KEY", data_dir=tmp_path).stdout)
    second = json.loads(settings_in({}, "SECRET_KEY", data_dir=tmp_path).stdout)
    assert len(first["SECRET_KEY"]) >= 50
    assert first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_it_is_strict_in_production(tmp_path):
    env = {"PARCOURS_ENV": "production", "SECRET_KEY": STRONG_KEY}
    result = settings_in(
        env,
        "DEBUG",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        data_dir=tmp_path,
    )
    values = json.loads(result.stdout)
    assert values == {
        "DEBUG": "False",
        "SESSION_COOKIE_SECURE": "True",
        "CSRF_COOKIE_SECURE": "True",
        "SECURE_HSTS_SECONDS": "31536000",
    }


def test_it_defaults_to_sqlite_in_the_data_directory_and_reads_database_url(tmp_path):
    default = json.loads(settings_in({}, "DATABASES", data_dir=tmp_path).stdout)["DATABASES"]
    assert "sqlite3" in default and str(tmp_path / "parcours.sqlite3") in default
    assert "journal_mode=WAL" in default
    url = "postgres://someone:pw@db.example:5433/career"
    given = json.loads(settings_in({"DATABASE_URL": url}, "DATABASES", data_dir=tmp_path).stdout)
    assert "'HOST': 'db.example'" in given["DATABASES"]
    assert "'PORT': 5433" in given["DATABASES"]


def test_it_turns_wal_on_for_sqlite(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The test database may be in memory, where SQLite reports "memory" instead of "wal".
    assert mode in ("wal", "memory")


STRONG_KEY = "k3Y-" + "Zq8vR2nW5tX9bL4mP7sD1fH6jC0gA3eU" * 2


def test_it_refuses_a_weak_or_default_secret_key_in_production(tmp_path):
    weak = [
        "x" * 60,  # long but one character repeated
        "changeme",
        "django-insecure-" + "a1b2c3d4e5" * 5,  # the key startproject generates for development
        "short-but-varied-Key-123",
    ]
    for key in weak:
        result = settings_in(
            {"PARCOURS_ENV": "production", "SECRET_KEY": key}, "DEBUG", data_dir=tmp_path
        )
        assert result.returncode != 0, key
        assert "SECRET_KEY is too weak" in result.stderr, (key, result.stderr[-500:])
        assert "secrets.token_urlsafe(50)" in result.stderr
    # DEBUG off is production-like even without PARCOURS_ENV: a weak key given is refused.
    result = settings_in({"SECRET_KEY": "changeme"}, "DEBUG", data_dir=tmp_path)
    assert result.returncode != 0 and "SECRET_KEY is too weak" in result.stderr
    # ... while a developer with DEBUG on may use whatever key they like.
    result = settings_in({"SECRET_KEY": "changeme", "DEBUG": "1"}, "DEBUG", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr[-500:]


def test_it_accepts_a_strong_secret_key_in_production(tmp_path):
    result = settings_in(
        {"PARCOURS_ENV": "production", "SECRET_KEY": STRONG_KEY}, "DEBUG", data_dir=tmp_path
    )
    assert result.returncode == 0, result.stderr[-500:]
