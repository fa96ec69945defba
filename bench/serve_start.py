"""How soon `parcours serve` answers, search included, and what memory each worker holds.

    .venv/bin/python bench/serve_start.py [--workers 3] [--searches 12] [--cold]

It copies the development database (var/parcours.sqlite3, with the ESCO import) and the search
folder (var/search: label embeddings and, unless `--cold`, the index files) into a temporary
data directory, adds one person, starts `parcours serve` on a free loopback port, and measures:

- the time until `/` answers, then until a signed-in occupation search answers (both from the
  start of the process);
- `--searches` searches, each a title never asked before, sent at once (they land on every
  worker), and how long the slowest took;
- as many SMART checks of a goal (the goal form's live feedback, which reads the ESCO label
  lookup of `taxonomy.lexicon`), each a goal never checked before, sent at once, and how long
  the slowest took: a worker that had to build or read the lookup shows here;
- per worker and for the master, from /proc/PID/smaps_rollup: resident memory (RSS), its
  proportional share (PSS: shared pages divided among the processes that map them) and what
  is private to that process (USS). The honest "memory per worker" is its USS, plus its share
  of the rest.

`--cold` leaves out the index files (var/search/index) and the label lookup's copy
(var/search/lexicon.json): the server builds them first, as after an upgrade that changes their
format; `--cold-lexicon` leaves out only the label lookup's copy (the lookup is then built from
the database). Everything is stopped and removed on exit.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from web_load import PARCOURS, PASSWORD, free_port, request, sign_in  # noqa: E402

TITLES = [
    "Agent / Agente de sécurité (H/F)",
    "registered nurse",
    "Conducteur / Conductrice de bus",
    "software developer",
    "préposé aux bénéficiaires",
    "line cook",
    "comptable",
    "forklift operator",
    "Boulanger / Boulangère",
    "data analyst",
    "infirmière",
    "electrician",
]


def memory(pid):
    """(RSS, PSS, USS) of a process in MB, from /proc/PID/smaps_rollup."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            parts = line.split()
            if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                fields[parts[0][:-1]] = int(parts[1])
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return fields.get("Rss", 0) / 1024, fields.get("Pss", 0) / 1024, private / 1024


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as listing:
            return [int(child) for child in listing.read().split()]
    except OSError:
        return []


def search(port, cookie, title):
    started = time.monotonic()
    path = "/occupations/search/?" + urllib.parse.urlencode({"q": title})
    status, _headers, body = request(port, "GET", path, headers={"Cookie": cookie})
    if status != 200:
        raise RuntimeError(f"search {title!r}: HTTP {status}")
    return time.monotonic() - started, body


def at_once(function, arguments):
    """Call `function` on every argument at once, one thread each; seconds until all return."""
    threads = [threading.Thread(target=function, args=(argument,)) for argument in arguments]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def smart_check(port, cookie, goal):
    """Seconds the goal form's live SMART feedback takes for `goal`."""
    token = re.search(r"csrftoken=([^;]+)", cookie).group(1)
    started = time.monotonic()
    status, _headers, body = request(
        port,
        "POST",
        "/goals/check/",
        body=urllib.parse.urlencode({"statement": goal}),
        headers={
            "Cookie": cookie,
            "X-CSRFToken": token,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    if status != 200 or b"data-criterion" not in body:
        raise RuntimeError(f"SMART check {goal!r}: HTTP {status}")
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--searches", type=int, default=len(TITLES))
    parser.add_argument("--cold", action="store_true", help="without the index files")
    parser.add_argument(
        "--cold-lexicon", action="store_true", help="without the label lookup's copy on disk"
    )
    options = parser.parse_args()
    database = ROOT / "var" / "parcours.sqlite3"
    if not database.exists():
        sys.exit(f"{database} is missing: copy the imported database there first.")
    tmp = Path(tempfile.mkdtemp(prefix="parcours-start-"))
    server = None
    try:
        data = tmp / "data"
        data.mkdir()
        shutil.copy(database, data / "parcours.sqlite3")
        if (ROOT / "var" / "search").is_dir():
            ignore = None
            if options.cold:
                ignore = shutil.ignore_patterns("index", "lexicon.json")
            elif options.cold_lexicon:
                ignore = shutil.ignore_patterns("lexicon.json")
            shutil.copytree(ROOT / "var" / "search", data / "search", ignore=ignore)
        env = {
            **os.environ,
            "PARCOURS_DATA_DIR": str(data),
            "DATABASE_URL": f"sqlite:///{data / 'parcours.sqlite3'}",
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        email = "start-bench@example.org"
        script = (
            "from accounts.models import User; "
            f"User.objects.create_user(email={email!r}, password={PASSWORD!r})"
        )
        subprocess.run([PARCOURS, "shell", "-c", script], env=env, check=True)
        port = free_port()
        print(f"load average before: {os.getloadavg()}", flush=True)
        started = time.monotonic()
        server = subprocess.Popen(
            [PARCOURS, "serve", "--port", str(port), "--workers", str(options.workers)]
            + ["--no-migrate"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        while True:
            if server.poll() is not None:
                raise RuntimeError("the server exited at start")
            try:
                if request(port, "GET", "/")[0] in (200, 302):
                    break
            except OSError:
                time.sleep(0.1)
        first_answer = time.monotonic() - started
        cookie = sign_in(port, email)
        search(port, cookie, TITLES[0])
        first_search = time.monotonic() - started
        print(f"first answer on /: {first_answer:.1f} s; first search: {first_search:.1f} s")
        times = []

        def one(title):
            times.append(search(port, cookie, title)[0])

        elapsed = at_once(one, [f"{TITLES[i % len(TITLES)]} {i}" for i in range(options.searches)])
        print(
            f"{options.searches} new searches at once: slowest {max(times):.2f} s, all "
            f"answered {elapsed:.2f} s later, {time.monotonic() - started:.1f} s after start"
        )
        checks = []

        def check(goal):
            checks.append(smart_check(port, cookie, goal))

        elapsed = at_once(
            check, [f"Become a roofer by {2030 + i}" for i in range(options.searches)]
        )
        print(
            f"{options.searches} SMART checks at once: slowest {max(checks):.2f} s, all answered "
            f"{elapsed:.2f} s later"
        )
        print(f"{'process':<10} {'RSS MB':>8} {'PSS MB':>8} {'USS MB':>8}")
        rows = [("master", server.pid)] + [
            (f"worker {n}", pid) for n, pid in enumerate(children(server.pid), start=1)
        ]
        total_pss = 0.0
        for name, pid in rows:
            rss, pss, uss = memory(pid)
            total_pss += pss
            print(f"{name:<10} {rss:>8.0f} {pss:>8.0f} {uss:>8.0f}")
        print(f"all processes together (sum of PSS): {total_pss:.0f} MB")
        print(f"load average after: {os.getloadavg()}")
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
