"""Kill the server with SIGKILL during a burst of writes: nothing acknowledged is lost.

Runs the real stack (`parcours serve`: gunicorn, several workers) on a SQLite file in WAL mode,
as `make run` does, then checks the database file's integrity and that every write the server
answered 201 to is there.
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
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # one real server: run once, on the SQLite pass

# ruff: noqa: S310 (loopback http URLs built here)

PARCOURS = str(Path(sys.executable).with_name("parcours"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(env, *args):
    return subprocess.run(
        [PARCOURS, *args], env=env, check=True, capture_output=True, text=True, timeout=300
    )


def test_it_keeps_every_acknowledged_write_when_the_server_is_killed(tmp_path):
    database = tmp_path / "parcours.sqlite3"
    env = {
        **os.environ,
        "PARCOURS_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{database}",
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

    port = free_port()
    server = subprocess.Popen(
        [PARCOURS, "serve", "--port", str(port), "--workers", "3", "--no-migrate"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: SIGKILL reaches every worker
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=5)
            break
        except OSError:
            time.sleep(0.5)
    else:
        os.killpg(server.pid, signal.SIGKILL)
        pytest.fail("the server did not start")

    acknowledged, lock, stop = [], threading.Lock(), threading.Event()

    def write(worker):
        n = 0
        while not stop.is_set():
            n += 1
            statement = f"Burst goal {worker}-{n}"
            request = urllib.request.Request(
                base + "/api/goals",
                data=json.dumps({"statement": statement}).encode(),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    if response.status == 201:
                        with lock:
                            acknowledged.append(statement)
            except (OSError, urllib.error.HTTPError):
                if stop.is_set():
                    return

    threads = [threading.Thread(target=write, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    # Kill in the middle of the burst, once a good number of writes went through.
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(server.pid, signal.SIGKILL)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    server.wait(timeout=30)

    assert len(acknowledged) >= 40, "too few writes went through before the kill"
    db = sqlite3.connect(database)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in db.execute("SELECT statement FROM goals_goal")}
    finally:
        db.close()
    missing = set(acknowledged) - stored
    assert not missing, f"{len(missing)} acknowledged writes lost: {sorted(missing)[:5]}"
