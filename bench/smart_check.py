"""SMART check: label accuracy on the tuning cases and on the fresh held-out cases.

    .venv/bin/python bench/smart_check.py [--show-errors] [--no-taxonomy]

Sets:
- tuning: the case tables of goals/tests/smart_cases_en.py and smart_cases_fr.py (the rules were
  written and adjusted on them);
- fresh: bench/data/smart_fresh.jsonl, written before the rules were changed, from other fields
  (trades, care, arts, agriculture, public service, academia) and other phrasings;
- fresh2: bench/data/smart_fresh2.jsonl, a second held-out set written once the first had been
  seen (a few rules were fixed after failures on the first set: docs/apps/text-checks.md says
  which), from other fields again (logistics, hospitality, law, sports, environment);
- fresh3: bench/data/smart_fresh3.jsonl, 26 + 26 intake-form goals of people changing jobs,
  written before the comparative rule changed (issue 15 loose ends): comparatives of
  self-improvement without a measure ("stronger", "happier", "less anxious", "plus à
  l'aise", "moins stressée", "gagner en assurance") against controls where a comparative comes
  with a measure, compares something else ("un entrepôt plus grand") or where an "-er" word
  is a noun ("truck driver", "store manager").

Each case is checked like `parcours goals check TEXT --lang LANG --today TODAY` (no profile) and
every label it carries (specific, measurable, time_bound, deadline, horizon) is compared. Prints
the accuracy per label and overall for each set and language, and the time per check. The check
reads the taxonomy of the default database when it holds ESCO (`--no-taxonomy` hides it, to see
what the rules do alone).
"""

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LABELS = ("specific", "measurable", "time_bound", "deadline", "horizon")


def tuning_cases():
    from goals.tests.smart_cases_en import CASES as EN
    from goals.tests.smart_cases_fr import CASES as FR

    for lang, cases in (("en", EN), ("fr", FR)):
        for text, today, expected in cases:
            yield {"lang": lang, "text": text, "today": today, "expected": expected}


def fresh_cases(name):
    with open(ROOT / "bench" / "data" / f"{name}.jsonl", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def observed(result):
    criteria = result["criteria"]
    return {
        "specific": criteria["specific"]["met"],
        "measurable": criteria["measurable"]["met"],
        "time_bound": criteria["time_bound"]["met"],
        "deadline": criteria["time_bound"]["deadline"],
        "horizon": result["horizon"],
    }


def run(cases, check):
    """{lang: {label: [right, total]}}, errors, seconds per check."""
    scores, errors, times = {}, [], []
    for case in cases:
        started = time.perf_counter()
        result = check(
            case["text"], lang=case["lang"], today=dt.date.fromisoformat(case["today"])
        ).as_dict()
        times.append(time.perf_counter() - started)
        got = observed(result)
        per_lang = scores.setdefault(case["lang"], {label: [0, 0] for label in LABELS})
        for label in LABELS:
            if label not in case["expected"]:
                continue
            right = got[label] == case["expected"][label]
            per_lang[label][0] += right
            per_lang[label][1] += 1
            if not right:
                errors.append(
                    (case["lang"], case["text"], label, case["expected"][label], got[label])
                )
    return scores, errors, times


def print_table(name, scores):
    header = f"{name:<8} {'lang':<5}" + "".join(f"{label:>12}" for label in LABELS)
    print(header + f"{'overall':>12}")
    totals = {label: [0, 0] for label in LABELS}
    for lang in sorted(scores):
        row = f"{'':<8} {lang:<5}"
        right = total = 0
        for label in LABELS:
            r, t = scores[lang][label]
            totals[label][0] += r
            totals[label][1] += t
            right, total = right + r, total + t
            row += f"{(r / t if t else float('nan')):>8.3f} {t:>3}"
        print(row + f"{right / total:>8.3f} {total:>3}")
    row = f"{'':<8} {'both':<5}"
    right = total = 0
    for label in LABELS:
        r, t = totals[label]
        right, total = right + r, total + t
        row += f"{(r / t if t else float('nan')):>8.3f} {t:>3}"
    print(row + f"{right / total:>8.3f} {total:>3}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--no-taxonomy", action="store_true")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")
    import django

    django.setup()
    from goals import smart
    from goals.smart import check

    if options.no_taxonomy:
        smart._lexicon = lambda: None

    started = time.perf_counter()
    check("warm up", today=dt.date(2026, 1, 1))
    print(f"First check (loads what the check reads): {time.perf_counter() - started:.2f} s\n")
    all_times = []
    sets = [
        ("tuning", list(tuning_cases())),
        ("fresh", list(fresh_cases("smart_fresh"))),
        ("fresh2", list(fresh_cases("smart_fresh2"))),
        ("fresh3", list(fresh_cases("smart_fresh3"))),
    ]
    for name, cases in sets:
        scores, errors, times = run(cases, check)
        all_times += times
        print_table(name, scores)
        if options.show_errors:
            for lang, text, label, expected, got in errors:
                print(f"  [{name} {lang}] {label}: expected {expected!r}, got {got!r}: {text}")
            print()
    print(
        f"Time per check: median {statistics.median(all_times) * 1000:.1f} ms, "
        f"max {max(all_times) * 1000:.1f} ms ({len(all_times)} checks)"
    )


if __name__ == "__main__":
    main()
