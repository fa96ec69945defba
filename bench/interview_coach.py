"""Interview coach: how well jobs.alignment.check_answer judges answers, on two kinds of cases.

    .venv/bin/python bench/interview_coach.py [--verbose] [--empty-taxonomy] [--sets NAME...]

Sets (posting/answer pairs labelled with the expected issue codes):

- tuning-en, tuning-fr: jobs/tests/alignment_cases_{en,fr}.py, and dev-en, dev-fr:
  jobs/tests/alignment_dev_{en,fr}.py and dev2: jobs/tests/alignment_dev2.py (other fields and
  phrasings again): the development cases the rule's parameters are chosen on, all at once;
- fresh-en, fresh-fr: jobs/tests/alignment_fresh_{en,fr}.py, written before the rule was
  rewritten (issue 15), in fields the tuning cases do not cover, and never tuned on.

For each set it prints the exact match rate (the answer's set of codes equals the expected
set), the false-alarm rate on strong answers (expected aligned, but any code raised), and per
code precision and recall; then the time of one check, warm (encoder and search indexes loaded
first). The taxonomy is the default database's (the real ESCO import, see HOUSE.md), or with
--empty-taxonomy a fresh empty database, to show the degraded mode.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {
    "tuning-en": ("jobs.tests.alignment_cases_en", "en"),
    "tuning-fr": ("jobs.tests.alignment_cases_fr", "fr"),
    "dev-en": ("jobs.tests.alignment_dev_en", "en"),
    "dev-fr": ("jobs.tests.alignment_dev_fr", "fr"),
    "dev2": ("jobs.tests.alignment_dev2", None),
    "fresh-en": ("jobs.tests.alignment_fresh_en", "en"),
    "fresh-fr": ("jobs.tests.alignment_fresh_fr", "fr"),
}
CODES = ("contradicts_role", "unrelated_field", "no_value_to_employer", "no_win_win", "vague")


def setup(empty):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")
    if empty and not os.environ.get("PARCOURS_BENCH_EMPTY_DB"):
        with tempfile.TemporaryDirectory() as folder:
            env = dict(os.environ, PARCOURS_BENCH_EMPTY_DB="1")
            env["DATABASE_URL"] = f"sqlite:///{folder}/empty.sqlite3"
            env["PARCOURS_SEARCH_CACHE_DIR"] = folder
            completed = subprocess.run([sys.executable, *sys.argv], env=env, check=False)
        sys.exit(completed.returncode)
    import django

    django.setup()
    if os.environ.get("PARCOURS_BENCH_EMPTY_DB"):
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    from taxonomy.models import Occupation, Skill

    print(
        f"Taxonomy: {Occupation.objects.count()} occupations, {Skill.objects.count()} skills"
        + (" (empty: degraded mode)" if not Occupation.objects.exists() else "")
    )


def score(name, verbose):
    import importlib

    from jobs.alignment import check_answer

    module_name, lang = SETS[name]
    module = importlib.import_module(module_name)
    exact, alarms, strong = 0, 0, 0
    counts = {code: [0, 0, 0] for code in CODES}  # true positives, predicted, expected
    times, failures = [], []
    for case in module.CASES:
        key, answer, expected = case[0], case[-2], case[-1]
        case_lang = case[1] if len(case) == 4 else lang
        started = time.perf_counter()
        result = check_answer(module.POSTINGS[key], answer, case_lang)
        times.append(time.perf_counter() - started)
        found = {issue["code"] for issue in result["issues"]}
        exact += found == expected
        if not expected:
            strong += 1
            alarms += bool(found)
        for code in CODES:
            counts[code][0] += code in found and code in expected
            counts[code][1] += code in found
            counts[code][2] += code in expected
        if found != expected:
            failures.append((key, answer, expected, found, result))
    total = len(module.CASES)
    line = f"{name:<10} {total:>5} {exact / total:>6.3f} {alarms:>3}/{strong:<3}"
    for code in CODES:
        hits, predicted, wanted = counts[code]
        precision = hits / predicted if predicted else float("nan")
        recall = hits / wanted if wanted else float("nan")
        line += f" {precision:>5.2f}/{recall:<5.2f}"
    print(line)
    if verbose:
        for key, answer, expected, found, result in failures:
            print(f"    [{key}] {answer[:110]}")
            print(f"        expected {sorted(expected)} got {sorted(found)}")
            for issue in result["issues"]:
                print(f"        - {issue['code']}: {issue['message'][:160]}")
    return exact, total, alarms, strong, times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--empty-taxonomy", action="store_true", help="degraded mode")
    options = parser.parse_args()
    setup(options.empty_taxonomy)

    from jobs.alignment import check_answer

    started = time.perf_counter()
    check_answer("Warm up: we are hiring a nurse.", "I want to be a nurse.", "en")
    print(f"First check (loads the encoder and the indexes): {time.perf_counter() - started:.1f} s")
    header = f"{'set':<10} {'cases':>5} {'exact':>6} {'alarms':<7}"
    header += "".join(f" {code[:11]:>11}" for code in CODES)
    print(header)
    print(" " * 31 + " precision/recall per code")
    all_times = []
    summary = {}
    for name in options.sets:
        exact, total, alarms, strong, times = score(name, options.verbose)
        all_times += times
        kind = name.split("-")[0].rstrip("2")
        got = summary.setdefault(kind, [0, 0, 0, 0])
        for i, value in enumerate((exact, total, alarms, strong)):
            got[i] += value
    for kind, (exact, total, alarms, strong) in summary.items():
        print(
            f"{kind:<10} {total:>5} {exact / total:>6.3f} {alarms:>3}/{strong:<3} (both languages)"
        )
    all_times.sort()
    print(
        f"\nOne check, warm: median {statistics.median(all_times) * 1000:.0f} ms, "
        f"p90 {all_times[int(0.9 * (len(all_times) - 1))] * 1000:.0f} ms, "
        f"max {all_times[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
