"""Load on the real stack: 10,000 seeded people, 50 concurrent users, SQLite and PostgreSQL.

    .venv/bin/python bench/web_load.py [--people 10000] [--duration 15] [--users 50]
                                       [--think-time 2] [--workers 3]
                                       [--db sqlite|postgresql|both]

For each database it builds a fresh instance in a temporary directory (a SQLite file, or a
throwaway PostgreSQL server from scripts/pg-cluster), migrates it, imports the ESCO taxonomy when
the files are there (reusing the search-index cache of var/search by copying it), seeds `--people`
people with realistic bilingual data in bulk, then starts `parcours serve` (gunicorn) on a free
loopback port and notes how long it took to answer. Every simulated user signs in over HTTP with
its own session (login page, CSRF token, POST) and gets an API token. Each endpoint is then
driven for `--duration` seconds (or until `--max-requests`), one after the other, by `--users`
threads with keep-alive connections:

    trivial             the anonymous landing page: the ceiling of the stack (no query)
    dashboard           the signed-in overview (/)
    goal page           the user's own goal, with its stages, steps and check-ins
    search (10 titles)  occupation search, 10 EN and FR job titles asked over and over
    search (cold)       occupation search, a title never asked before each time (ESCO labels)
    api goals           GET /api/goals with a personal token

twice: a saturation run (each user sends its next request as soon as it has the answer), then a
realistic run (each user first waits an exponential time of mean `--think-time` seconds, as
people read a page before the next click; offered rate about users / think time). Each run has
its own trivial-view row, the ceiling it is compared with.

It prints requests/s, p50/p95/p99 latency and errors per endpoint, run and database, and for each
row whether each target holds: p99 under 150 ms, zero errors, at least half the trivial view's
throughput in the same run. The exit status is 0 when every target holds in the realistic run
(the saturation run when `--think-time 0`). The load generator runs on the same machine as the
server and competes with it for the CPU: the figures are a floor, not a capacity plan.
Everything it started is stopped and its temporary directories deleted on exit, Ctrl+C included.
"""

import argparse
import contextlib
import http.client
import itertools
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARCOURS = str(Path(sys.executable).with_name("parcours"))
PASSWORD = "load-bench-Passw0rd!"
P99_TARGET_MS = 150.0
COLD_TITLES = 20000

SEARCHES = [
    "nurse",
    "infirmière",
    "software developer",
    "développeuse de logiciels",
    "accountant",
    "comptable",
    "electrician",
    "enseignant au secondaire",
    "data analyst",
    "plombier",
]


# ---------------------------------------------------------------------------------------------
# Seeding (runs in a child process with the instance's environment: `--seed-into`).


def seed(people, users):
    """Seed `people` people in bulk; print the first `users` people's credentials as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()

    import datetime
    from decimal import Decimal

    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import ApiToken, User
    from goals.models import CheckIn, Goal, Stage, Step
    from growth.models import Contact
    from mentoring.models import MentorProfile, Mentorship, MentorshipGoal
    from mentoring.models import Session as MentoringSession
    from taxonomy.models import Occupation, Skill, TargetOccupation, UserSkill

    rng = random.Random(7)
    password = make_password(PASSWORD)  # one hash for everyone: hashing is the slow part
    today = timezone.localdate()
    now = timezone.now()
    skill_ids = list(Skill.objects.filter(retired=False).values_list("pk", flat=True)[:5000])
    occupation_ids = list(
        Occupation.objects.filter(retired=False).values_list("pk", flat=True)[:3000]
    )
    goals_text = {
        "en": [
            ("Become a team lead within two years", "people led", "people"),
            ("Earn a project management certification", "modules passed", "modules"),
            ("Move into data analysis", "portfolio projects", "projects"),
            ("Speak French at work with confidence", "meetings held in French", "meetings"),
        ],
        "fr": [
            ("Devenir cheffe d'équipe d'ici deux ans", "personnes encadrées", "personnes"),
            ("Obtenir une certification en gestion de projet", "modules réussis", "modules"),
            ("Me réorienter vers l'analyse de données", "projets au portfolio", "projets"),
            ("Présenter en anglais avec aisance", "présentations données", "présentations"),
        ],
    }
    stages_text = {
        "en": ["Learn the basics", "Practise on real work", "Show the result"],
        "fr": ["Apprendre les bases", "Pratiquer sur de vrais dossiers", "Montrer le résultat"],
    }
    steps_text = {
        "en": ["Read the reference guide", "Ask my manager for a stretch task", "Write it up"],
        "fr": ["Lire le guide de référence", "Demander un mandat stimulant", "Rédiger un bilan"],
    }
    notes_text = {
        "en": ["Good progress this week.", "Harder than planned.", "Feedback from my manager."],
        "fr": ["Bonne semaine.", "Plus difficile que prévu.", "Rétroaction de ma gestionnaire."],
    }
    names = ["Camille", "Alex", "Sam", "Noor", "Léa", "Jordan", "Maëlle", "Olivier", "Priya"]
    surnames = ["Tremblay", "Gagnon", "Roy", "Smith", "Nguyen", "Côté", "Bouchard", "Singh"]
    batch = 2000
    chunk = 1000
    credentials = []
    started = time.monotonic()
    for first in range(0, people, chunk):
        count = min(chunk, people - first)
        with transaction.atomic():
            people_rows = []
            for index in range(first, first + count):
                language = "fr" if index % 2 else "en"
                people_rows.append(
                    User(
                        email=f"person{index}@load.example.org",
                        display_name=f"{rng.choice(names)} {rng.choice(surnames)}",
                        password=password,
                        language=language,
                        date_joined=now,
                    )
                )
            people_rows = User.objects.bulk_create(people_rows, batch_size=batch)

            goal_rows = []
            for person in people_rows:
                for number, (statement, indicator, unit) in enumerate(
                    rng.sample(goals_text[person.language], 3)
                ):
                    goal_rows.append(
                        Goal(
                            owner=person,
                            statement=statement,
                            horizon=["short", "medium", "long"][number],
                            target_occupation_id=(
                                rng.choice(occupation_ids) if occupation_ids else None
                            ),
                            indicator_name=indicator,
                            indicator_unit=unit,
                            baseline=Decimal(0),
                            target_value=Decimal(rng.randint(3, 12)),
                            start_date=today - datetime.timedelta(days=rng.randint(30, 300)),
                            deadline=today + datetime.timedelta(days=rng.randint(60, 700)),
                            estimated_effort_hours=Decimal(rng.randint(10, 200)),
                        )
                    )
            goal_rows = Goal.objects.bulk_create(goal_rows, batch_size=batch)

            stage_rows, checkin_rows, target_skill_rows = [], [], []
            for goal in goal_rows:
                language = goal.owner.language
                for number, title in enumerate(stages_text[language]):
                    stage_rows.append(
                        Stage(
                            goal=goal,
                            title=title,
                            deadline=goal.start_date + datetime.timedelta(days=60 * (number + 1)),
                            done=number == 0,
                        )
                    )
                for week in range(4):
                    checkin_rows.append(
                        CheckIn(
                            goal=goal,
                            date=today - datetime.timedelta(days=7 * week),
                            kind=rng.choice(["progress", "skill", "feedback", "setback"]),
                            note=rng.choice(notes_text[language]),
                            indicator_value=Decimal(rng.randint(0, 3)),
                        )
                    )
                if skill_ids:
                    for skill_id in rng.sample(skill_ids, 2):
                        target_skill_rows.append(
                            Goal.target_skills.through(goal_id=goal.pk, skill_id=skill_id)
                        )
            stage_rows = Stage.objects.bulk_create(stage_rows, batch_size=batch)
            CheckIn.objects.bulk_create(checkin_rows, batch_size=batch)
            Goal.target_skills.through.objects.bulk_create(target_skill_rows, batch_size=batch)

            step_rows = []
            for stage in stage_rows:
                for number, title in enumerate(steps_text[stage.goal.owner.language]):
                    step_rows.append(
                        Step(
                            goal=stage.goal,
                            stage=stage,
                            title=title,
                            due_date=stage.deadline - datetime.timedelta(days=10 * (3 - number)),
                            estimated_effort_hours=Decimal(rng.randint(1, 8)),
                            done=stage.done or number == 0,
                            done_at=now if (stage.done or number == 0) else None,
                        )
                    )
            Step.objects.bulk_create(step_rows, batch_size=batch)

            contact_rows, skill_rows, target_rows = [], [], []
            for person in people_rows:
                for _ in range(3):
                    contact_rows.append(
                        Contact(
                            user=person,
                            name=f"{rng.choice(names)} {rng.choice(surnames)}",
                            organisation=rng.choice(["Hydro-Québec", "Desjardins", "Shopify"]),
                            role=rng.choice(["Director", "Analyste", "Recruiter", "Mentore"]),
                            how_we_met=rng.choice(["Conference", "Ancienne collègue", "LinkedIn"]),
                            met_on=today - datetime.timedelta(days=rng.randint(10, 900)),
                            follow_up_days=rng.choice([None, 30, 90]),
                        )
                    )
                if skill_ids:
                    for skill_id in rng.sample(skill_ids, 5):
                        skill_rows.append(
                            UserSkill(
                                user=person,
                                skill_id=skill_id,
                                proficiency=rng.randint(1, 4),
                                years_of_experience=Decimal(rng.randint(0, 15)),
                            )
                        )
                if occupation_ids:
                    target_rows.append(
                        TargetOccupation(
                            user=person, occupation_id=rng.choice(occupation_ids), horizon="medium"
                        )
                    )
            Contact.objects.bulk_create(contact_rows, batch_size=batch)
            UserSkill.objects.bulk_create(skill_rows, batch_size=batch)
            TargetOccupation.objects.bulk_create(target_rows, batch_size=batch)

            # One person in twenty mentors; one in four has an active mentorship with them.
            mentors = people_rows[::20]
            MentorProfile.objects.bulk_create(
                [
                    MentorProfile(
                        user=mentor,
                        headline="Gestionnaire de projets" if mentor.language == "fr" else "PM",
                        years_of_experience=rng.randint(5, 25),
                        languages=[mentor.language],
                        capacity=5,
                    )
                    for mentor in mentors
                ],
                batch_size=batch,
            )
            first_goal = {goal.owner_id: goal for goal in reversed(goal_rows)}
            mentorship_rows = []
            for number, mentee in enumerate(people_rows[1::4]):
                mentor = mentors[number % len(mentors)]
                if mentor.pk != mentee.pk:
                    mentorship_rows.append(
                        Mentorship(
                            mentor=mentor,
                            mentee=mentee,
                            status="active",
                            objectives="Prendre de l'assurance" if mentee.language == "fr" else "",
                            hoped_gain="Advice on my next step",
                            accepted_at=now,
                        )
                    )
            mentorship_rows = Mentorship.objects.bulk_create(mentorship_rows, batch_size=batch)
            MentorshipGoal.objects.bulk_create(
                [
                    MentorshipGoal(mentorship=m, goal=first_goal[m.mentee_id], shared_at=now)
                    for m in mentorship_rows
                ],
                batch_size=batch,
            )
            MentoringSession.objects.bulk_create(
                [
                    MentoringSession(
                        mentorship=m,
                        scheduled_at=now + datetime.timedelta(days=rng.randint(1, 30)),
                        questions="How do I ask for a stretch task?",
                    )
                    for m in mentorship_rows
                ],
                batch_size=batch,
            )

            for person in people_rows:
                if len(credentials) < users:
                    credentials.append(
                        {
                            "email": person.email,
                            "goal": first_goal[person.pk].pk,
                            "token": ApiToken.issue(person, "load bench")[1],
                        }
                    )
        print(
            f"  seeded {first + count}/{people} people ({time.monotonic() - started:.0f} s)",
            file=sys.stderr,
            flush=True,
        )
    # Job titles nobody searched yet, for the cold search scenario: ESCO's own alternative labels,
    # English and French, in a fixed shuffled order.
    titles = set()
    for alt_en, alt_fr in Occupation.objects.filter(retired=False).values_list(
        "alt_labels_en", "alt_labels_fr"
    ):
        for line in f"{alt_en or ''}\n{alt_fr or ''}".splitlines():
            if 3 <= len(line.strip()) <= 60:
                titles.add(line.strip())
    titles = sorted(titles)
    rng.shuffle(titles)
    print(json.dumps({"credentials": credentials, "titles": titles[:COLD_TITLES]}))


# ---------------------------------------------------------------------------------------------
# The instance: database, taxonomy, seed, server.


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(env, *args, capture=False):
    return subprocess.run(
        args, env=env, check=True, text=True, stdout=subprocess.PIPE if capture else None
    )


class Instance:
    """One fresh Parcours instance in a temporary directory; `close()` removes every trace."""

    def __init__(self, database, options):
        self.database = database
        self.options = options
        self.tmp = Path(tempfile.mkdtemp(prefix=f"parcours-load-{database}-"))
        self.pg_dir = None
        self.server = None
        self.port = None

    def prepare(self):
        data_dir = self.tmp / "data"
        data_dir.mkdir()
        cache = ROOT / "var" / "search"
        if cache.is_dir():  # the label embeddings: copied so this run never writes the original
            shutil.copytree(cache, data_dir / "search")
        # PostgreSQL runs as its own user when we are root: it must be able to reach its folder.
        self.tmp.chmod(0o711)
        if self.database == "sqlite":
            url = f"sqlite:///{data_dir / 'parcours.sqlite3'}"
        else:
            self.pg_dir = self.tmp / "pg"
            url = run(
                os.environ,
                str(ROOT / "scripts" / "pg-cluster"),
                "start",
                str(self.pg_dir),
                capture=True,
            ).stdout.strip()
        self.env = {
            **os.environ,
            "PARCOURS_DATA_DIR": str(data_dir),
            "DATABASE_URL": url,
            "ALLOWED_HOSTS": "127.0.0.1",
            "PYTHONUNBUFFERED": "1",
        }
        step("migrating")
        run(self.env, PARCOURS, "migrate", "--no-input", "-v", "0")
        esco = Path(os.environ.get("PARCOURS_ESCO_DIR", ROOT / "data" / "esco-v1.1.1"))
        if esco.is_dir():
            step("importing the ESCO taxonomy")
            run(self.env, PARCOURS, "taxonomy", "import", "-v", "0")
        else:
            step(f"no ESCO files in {esco}: no taxonomy, search will find nothing")
        step(f"seeding {self.options.people} people")
        started = time.monotonic()
        out = run(
            self.env,
            sys.executable,
            __file__,
            "--seed-into",
            str(self.options.people),
            "--users",
            str(self.options.users),
            capture=True,
        ).stdout
        self.seed_seconds = time.monotonic() - started
        seeded = json.loads(out.strip().splitlines()[-1])
        return seeded["credentials"], seeded["titles"]

    def start(self):
        """Start `parcours serve`; returns once it answers, and keeps how long that took."""
        self.port = free_port()
        started = time.monotonic()
        self.server = subprocess.Popen(
            [
                PARCOURS,
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(self.options.workers),
                "--no-migrate",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,  # the access log: one line a request
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, stopped as one
        )
        # Generous: the master loads the encoder and builds the search indexes before it forks
        # the workers, which takes a minute on a busy 2-core machine.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError("the server exited at start")
            try:
                status, _, _ = request(self.port, "GET", "/")
                if status == 200:
                    self.start_seconds = time.monotonic() - started
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("the server did not start within 300 s")

    def close(self):
        if self.server is not None and self.server.poll() is None:
            try:
                os.killpg(self.server.pid, signal.SIGTERM)
                self.server.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()
        if self.pg_dir is not None:
            subprocess.run(
                [str(ROOT / "scripts" / "pg-cluster"), "stop", str(self.pg_dir)], check=False
            )
        shutil.rmtree(self.tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# HTTP: signing in and driving the load.


# What a kept-alive connection the server already closed raises when it is used again.
STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


def request(port, method, path, body=None, headers=None, connection=None):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    reused = connection.sock is not None
    try:
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
        except STALE:
            if not reused or method != "GET":
                raise
            # gunicorn closes a connection idle for 2 s (its keep-alive): a user who paused
            # longer finds it closed. Browsers then reconnect and send a GET again; so does
            # this, and the time it takes counts in the request's latency.
            connection.close()
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        if own:
            connection.close()


def cookies_of(headers):
    jar = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            jar[key.strip()] = rest.split(";", 1)[0]
    return jar


def sign_in(port, email):
    """The session cookie of `email`, signed in over HTTP the way a browser does."""
    status, headers, body = request(port, "GET", "/accounts/login/")
    jar = cookies_of(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or token is None or "csrftoken" not in jar:
        raise RuntimeError(f"login page: HTTP {status}")
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1).decode(), "username": email, "password": PASSWORD}
    )
    status, headers, _ = request(
        port,
        "POST",
        "/accounts/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={jar['csrftoken']}",
        },
    )
    jar.update(cookies_of(headers))
    if status != 302 or "sessionid" not in jar:
        raise RuntimeError(f"login of {email}: HTTP {status}")
    return "; ".join(f"{key}={value}" for key, value in jar.items())


TRIVIAL = "trivial (landing)"


def endpoints(credentials, cookies, titles):
    """name → function(user index, request number) giving (path, headers)."""
    fresh = itertools.count()  # shared by every run: a cold search is never asked twice

    def cold_search(u, n):
        title = titles[next(fresh) % len(titles)] if titles else SEARCHES[(u + n) % len(SEARCHES)]
        return "/occupations/search/?q=" + urllib.parse.quote(title), {"Cookie": cookies[u]}

    return {
        TRIVIAL: lambda u, n: ("/", {}),
        "dashboard": lambda u, n: ("/", {"Cookie": cookies[u]}),
        "goal page": lambda u, n: (f"/goals/{credentials[u]['goal']}/", {"Cookie": cookies[u]}),
        # The same 10 titles over and over: what per-process caches do for popular queries.
        "search (10 titles)": lambda u, n: (
            "/occupations/search/?q=" + urllib.parse.quote(SEARCHES[(u + n) % len(SEARCHES)]),
            {"Cookie": cookies[u]},
        ),
        # A title nobody asked yet, every time: the full cost of encoding and ranking.
        "search (cold)": cold_search,
        "api /api/goals": lambda u, n: (
            "/api/goals",
            {"Authorization": f"Bearer {credentials[u]['token']}"},
        ),
    }


def drive(port, target, users, duration, max_requests, think=0.0):
    """`users` threads request `target` until `duration` passes or `max_requests` are sent.

    With `think` > 0 each user waits a random time (exponential, mean `think` seconds) before
    each request, as people read a page before the next click; the first wait also spreads the
    users' starts. With 0 they send back to back: the server's saturation.
    """
    latencies, errors, lock = [], [], threading.Lock()
    budget = [max_requests]
    go = threading.Event()

    def user(index):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        number = 0
        pause = random.Random(index).expovariate
        go.wait()
        while time.monotonic() < stop_at:
            if think:
                time.sleep(min(pause(1 / think), max(0.0, stop_at - time.monotonic())))
                if time.monotonic() >= stop_at:
                    break
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            path, headers = target(index, number)
            number += 1
            started = time.perf_counter()
            try:
                status, _, _ = request(port, "GET", path, headers=headers, connection=connection)
                ok = status == 200
                problem = f"HTTP {status}"
            except (OSError, http.client.HTTPException) as error:
                ok, problem = False, type(error).__name__
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors.append(problem)
        connection.close()

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    stop_at = started + duration
    go.set()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    return summarise(latencies, errors, wall)


def summarise(latencies, errors, wall):
    ordered = sorted(latencies)

    def percentile(share):
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    return {
        "requests": len(ordered),
        "rps": len(ordered) / wall if wall else 0.0,
        "p50": percentile(0.50),
        "p95": percentile(0.95),
        "p99": percentile(0.99),
        "mean": statistics.fmean(ordered) * 1000 if ordered else float("nan"),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:3],
    }


# ---------------------------------------------------------------------------------------------
# The run.


def step(message):
    print(f"  {time.strftime('%H:%M:%S')} {message}", flush=True)


def runs(options):
    """(title, think time) of each run: the saturation run, then the realistic one."""
    plan = [("saturation: no think time, back to back", 0.0)]
    if options.think_time > 0:
        plan.append(
            (f"realistic: think time {options.think_time:g} s (exponential)", options.think_time)
        )
    return plan


def bench_database(database, options):
    print(f"\n== {database} ==", flush=True)
    instance = Instance(database, options)
    try:
        credentials, titles = instance.prepare()
        step(f"seeded in {instance.seed_seconds:.0f} s; starting the server")
        instance.start()
        step(f"the server answered {instance.start_seconds:.1f} s after `parcours serve`")
        step(f"signing in {len(credentials)} users over HTTP")
        # Password hashing is slow on purpose (Argon2): sign in a few at a time, in parallel.
        with ThreadPoolExecutor(max_workers=2 * options.workers) as pool:
            cookies = list(
                pool.map(lambda person: sign_in(instance.port, person["email"]), credentials)
            )
        users = len(credentials)
        targets = endpoints(credentials, cookies, titles)
        results = {}
        for title, think in runs(options):
            results[title] = {"think": think, "rows": {}}
            for name, target in targets.items():
                if not think:  # warm up once, before the first run
                    drive(instance.port, target, users, min(2.0, options.duration), users * 4)
                step(f"{title.split(':')[0]}, {name}: {options.duration:g} s at {users} users")
                results[title]["rows"][name] = drive(
                    instance.port, target, users, options.duration, options.max_requests, think
                )
        return results, instance.start_seconds
    finally:
        instance.close()


def verdicts(name, row, trivial):
    """Whether each target holds for one row: p99, errors, throughput against the trivial view."""
    return {
        f"p99<{P99_TARGET_MS:.0f}": row["p99"] < P99_TARGET_MS,
        "0 errors": row["errors"] == 0,
        "≥½ trivial": name == TRIVIAL or row["rps"] >= trivial / 2,
    }


def report(database, results, start_seconds, users, load_before, load_after):
    """Print one table per run; returns whether every target held in each run."""
    print(f"\n{database}: load average {load_before} before, {load_after} after")
    print(f"{database}: `parcours serve` answered its first request after {start_seconds:.1f} s")
    held = {}
    for title, run in results.items():
        rows, think = run["rows"], run["think"]
        trivial = rows[TRIVIAL]["rps"]
        offered = (
            f", offered ≈ {users / think:.0f} req/s ({users} users / {think:g} s)" if think else ""
        )
        print(f"\n{database}, {title}{offered}")
        header = f"{'endpoint':<20}{'req':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        checks = list(verdicts(TRIVIAL, rows[TRIVIAL], trivial))
        print(header + f"{'errors':>7}  " + "  ".join(checks) + "  errors seen")
        held[title] = True
        for name, row in rows.items():
            verdict = verdicts(name, row, trivial)
            held[title] = held[title] and all(verdict.values())
            marks = "  ".join(
                f"{'yes' if ok else 'NO':<{len(check)}}" for check, ok in verdict.items()
            )
            print(
                f"{name:<20}{row['requests']:>7}{row['rps']:>8.1f}{row['p50']:>9.1f}"
                f"{row['p95']:>9.1f}{row['p99']:>9.1f}{row['errors']:>7}  {marks}"
                + (f"  {', '.join(row['error_kinds'])}" if row["errors"] else "")
            )
        outcome = "all hold" if held[title] else "NOT all met"
        print(f"{database}, {title.split(':')[0]} run: targets {outcome}")
    sys.stdout.flush()
    return held


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per endpoint")
    parser.add_argument("--users", type=int, default=50, help="concurrent users")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--max-requests", type=int, default=100000, help="cap per endpoint")
    parser.add_argument(
        "--think-time",
        type=float,
        default=2.0,
        help="mean seconds a user waits between requests in the realistic run (0: no such run)",
    )
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--seed-into", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.seed_into is not None:
        seed(options.seed_into, options.users)
        return 0
    if options.users > options.people:
        parser.error("--users cannot exceed --people")

    # SIGTERM cleans up like Ctrl+C: the `finally` blocks stop the servers.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    databases = ["sqlite", "postgresql"] if options.db == "both" else [options.db]
    print(
        f"Parcours web load: {options.people} people, {options.users} users, "
        f"{options.duration:g} s per endpoint and run, think time {options.think_time:g} s, "
        f"{options.workers} gunicorn workers x 2 threads, "
        f"{os.cpu_count()} CPUs (client and server share them)"
    )
    held = []
    try:
        for database in databases:
            before = load_average()
            results, start_seconds = bench_database(database, options)
            held.append(
                report(database, results, start_seconds, options.users, before, load_average())
            )
    except KeyboardInterrupt:
        print("\ninterrupted: servers stopped, temporary files removed", file=sys.stderr)
        return 130
    # The exit status answers for the last run: the realistic one when there is one (the
    # targets are about people, who pause between clicks), else the saturation run.
    return 0 if all(list(run.values())[-1] for run in held) else 1


if __name__ == "__main__":
    sys.exit(main())
