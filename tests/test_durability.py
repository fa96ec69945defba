"""Kill the server with SIGKILL during a burst of writes: nothing acknowledged is lost.

Runs the real stack (`parcours serve`: gunicorn, several workers) on a fresh database, burst-writes
goals through the API from several threads, kills the whole server (every worker) with SIGKILL,
then checks that the database is intact, that every write the server answered 201 to is there,
that no row holds anything but a whole write, and that the server starts again and serves them.

- SQLite: a file in WAL mode, as `make run` uses; checked with `PRAGMA integrity_check`.
- PostgreSQL: a throwaway database (unique name) created on the server of DATABASE_URL, migrated,
  and dropped afterwards; checked with the `amcheck` extension (every B-tree index against its
  table, every table's pages). Runs on the PostgreSQL pass of `make test` only.
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from django.conf import settings

# One real server per database: each variant runs once, on the pass of its database (the
# `postgresql` marker lets the PostgreSQL variant into the PostgreSQL pass despite `slow`).
pytestmark = pytest.mark.slow

# ruff: noqa: S310 (loopback http URLs built here), S608 (SQL built from catalogue names)

PARCOURS = str(Path(sys.executable).with_name("parcours"))
WRITERS = 6
ACKNOWLEDGED_BEFORE_KILL = 40


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(env, *args):
    done = subprocess.run([PARCOURS, *args], env=env, capture_output=True, text=True, timeout=300)
    if done.returncode:
        pytest.fail(f"parcours {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done


# The two databases: each gives its DATABASE_URL, a way to read it, and its integrity check. ----


class SQLiteFile:
    def __init__(self, directory):
        self.path = directory / "parcours.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def connect(self):
        return closing(sqlite3.connect(self.path))

    def integrity_problems(self, db):
        result = [row[0] for row in db.execute("PRAGMA integrity_check")]
        return [] if result == ["ok"] else result


class PostgresDatabase:
    """A database of its own on the PostgreSQL server the test run uses."""

    def __init__(self, server, name):
        self.server, self.name = server, name
        auth = urllib.parse.quote(server["USER"] or "", safe="")
        if server["PASSWORD"]:
            auth += ":" + urllib.parse.quote(server["PASSWORD"], safe="")
        self.url = f"postgres://{auth}@{server['HOST']}:{server['PORT']}/{name}"

    def connect(self, dbname=None):
        import psycopg

        return psycopg.connect(
            host=self.server["HOST"],
            port=self.server["PORT"],
            user=self.server["USER"],
            password=self.server["PASSWORD"] or None,
            dbname=dbname or self.name,
            autocommit=True,
        )

    def integrity_problems(self, db):
        # amcheck raises on a corrupt index; verify_heapam returns one row per corrupt tuple.
        db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        indexes = db.execute(
            "SELECT c.oid, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence != 't'"
        ).fetchall()
        for oid, _name in indexes:
            db.execute("SELECT bt_index_check(index => %s, heapallindexed => true)", (oid,))
        tables = db.execute(
            "SELECT c.oid, c.relname FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname = 'public'"
        ).fetchall()
        problems = []
        for oid, name in tables:
            for row in db.execute("SELECT * FROM verify_heapam(%s)", (oid,)).fetchall():
                problems.append(f"{name}: {row}")
        assert indexes and tables, "amcheck found nothing to check"
        return problems


@contextmanager
def sqlite_database(tmp_path):
    yield SQLiteFile(tmp_path)


@contextmanager
def postgres_database(tmp_path):
    server = settings.DATABASES["default"]
    if server["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs DATABASE_URL pointing at PostgreSQL (the PostgreSQL pass)")
    database = PostgresDatabase(server, f"parcours_durability_{uuid.uuid4().hex[:12]}")
    with database.connect(dbname="postgres") as admin:
        admin.execute(f'CREATE DATABASE "{database.name}"')
    try:
        yield database
    finally:
        with database.connect(dbname="postgres") as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database.name}" WITH (FORCE)')


# The shared story: serve, burst, kill, check, serve again. -----------------------------------


def start_server(env, log):
    """`parcours serve` in its own process group (SIGKILL reaches every worker), once it answers."""
    port = free_port()
    with log.open("a") as output:
        server = subprocess.Popen(
            [PARCOURS, "serve", "--port", str(port), "--workers", "3", "--no-migrate"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=5)
            return server, base
        except OSError:
            time.sleep(0.5)
    kill(server)
    pytest.fail(f"the server did not start:\n{log.read_text()[-3000:]}")


def kill(server):
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=30)


def api(base, token, path, body=None):
    request = urllib.request.Request(
        base + path,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="GET" if body is None else "POST",
    )
    return urllib.request.urlopen(request, timeout=30)


def burst_then_kill(server, base, token):
    """Write goals from several threads, SIGKILL mid-burst.

    Returns (acknowledged, attempted, refused): what got a 201, every statement sent, and how
    many writes failed before the kill, by HTTP status or error.
    """
    acknowledged, attempted, lock, stop = [], set(), threading.Lock(), threading.Event()
    refused = Counter()

    def write(worker):
        n = 0
        while not stop.is_set():
            n += 1
            statement = f"Burst goal {worker}-{n}"
            with lock:
                attempted.add(statement)
            try:
                with api(base, token, "/api/goals", {"statement": statement}) as response:
                    if response.status == 201:
                        with lock:
                            acknowledged.append(statement)
            except OSError as error:  # urllib.error.HTTPError included
                if stop.is_set():
                    return
                with lock:
                    refused[getattr(error, "code", type(error).__name__)] += 1

    threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    # Kill in the middle of the burst, once a good number of writes went through.
    deadline = time.monotonic() + 180
    while len(acknowledged) < ACKNOWLEDGED_BEFORE_KILL and time.monotonic() < deadline:
        time.sleep(0.05)
    kill(server)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return acknowledged, attempted, refused


@pytest.mark.parametrize(
    "database",
    [
        pytest.param(sqlite_database, id="sqlite"),
        pytest.param(postgres_database, id="postgresql", marks=pytest.mark.postgresql),
    ],
)
def test_it_keeps_every_acknowledged_write_when_the_server_is_killed(tmp_path, database):
    with database(tmp_path) as db:
        env = {
            **os.environ,
            "PARCOURS_DATA_DIR": str(tmp_path),
            "DATABASE_URL": db.url,
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        run(env, "migrate", "--no-input", "-v", "0")
        token = run(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from accounts.models import User, ApiToken;"
            "u = User.objects.create(email='burst@example.org', display_name='Burst');"
            "print(ApiToken.issue(u, 'burst')[1])",
        ).stdout.strip()

        log = tmp_path / "server.log"
        acknowledged, attempted, refused = burst_then_kill(*start_server(env, log), token)

        if len(acknowledged) < ACKNOWLEDGED_BEFORE_KILL:
            pytest.fail(
                f"only {len(acknowledged)} writes went through before the kill; failures: "
                f"{dict(refused)}; server log:\n{log.read_text()[-3000:]}"
            )
        with db.connect() as connection:
            assert db.integrity_problems(connection) == []
            stored = [row[0] for row in connection.execute("SELECT statement FROM goals_goal")]
        missing = set(acknowledged) - set(stored)
        assert not missing, f"{len(missing)} acknowledged writes lost: {sorted(missing)[:5]}"
        # No half-written row: each one holds a whole statement that was sent, once.
        assert set(stored) <= attempted
        assert len(stored) == len(set(stored))

        server, base = start_server(env, log)
        try:
            with api(base, token, "/api/goals") as response:
                served = {goal["statement"] for goal in json.load(response)}
        except urllib.error.HTTPError as error:
            pytest.fail(f"after a restart, {error}:\n{log.read_text()[-3000:]}")
        finally:
            kill(server)
        assert served == set(stored)
