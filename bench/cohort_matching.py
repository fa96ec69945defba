"""Programme matching: time and total quality of the optimal assignment against greedy.

    .venv/bin/python bench/cohort_matching.py            # 100×30, 2,000×500, 20,000×5,000
    .venv/bin/python bench/cohort_matching.py --sizes 2000x500

Cohorts are synthetic and seeded (same numbers on every run): skills drawn with a long tail (a
few common skills, many rare ones), values, style answers, English/French/other languages and
capacities 1–8. Greedy takes the best remaining pair while places remain.
"""

import argparse
import itertools
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")

import django  # noqa: E402

django.setup()

from mentoring.choices import STYLE_FIELDS, Value  # noqa: E402
from mentoring.cohort import check_capacities, greedy, load_cohort, solve  # noqa: E402

SKILLS = [f"skill-{i}" for i in range(1500)]
SKILL_WEIGHTS = [1 / (i + 1) ** 0.8 for i in range(len(SKILLS))]
CUMULATIVE = list(itertools.accumulate(SKILL_WEIGHTS))
VALUES = [str(v) for v in Value.values]


def languages(rng):
    roll = rng.random()
    if roll < 0.45:
        return ["fr", "en"]
    if roll < 0.7:
        return ["en", "fr"]
    if roll < 0.85:
        return ["fr"]
    if roll < 0.97:
        return ["en"]
    return ["es"]


def style(rng):
    return {q: rng.choice([str(v) for v in choices.values]) for q, choices in STYLE_FIELDS.items()}


def synthetic(n_mentees, n_mentors, seed=7, max_capacity=8):
    rng = random.Random(seed)
    mentees = [
        {
            "id": f"e{i}",
            "needs": rng.choices(SKILLS, cum_weights=CUMULATIVE, k=rng.randint(3, 10)),
            "values": rng.sample(VALUES, rng.randint(0, 4)),
            "style": style(rng),
            "languages": languages(rng),
        }
        for i in range(n_mentees)
    ]
    mentors = [
        {
            "id": f"t{j}",
            "skills": rng.choices(SKILLS, cum_weights=CUMULATIVE, k=rng.randint(8, 30)),
            "values": rng.sample(VALUES, rng.randint(2, 5)),
            "style": style(rng),
            "languages": languages(rng),
            "capacity": rng.randint(1, max_capacity),
        }
        for j in range(n_mentors)
    ]
    return {"threshold": 40, "mentees": mentees, "mentors": mentors}


def run(n, m):
    cohort = load_cohort(synthetic(n, m, max_capacity=5 if n <= 100 else 8))
    started = time.perf_counter()
    best = solve(cohort)
    elapsed = time.perf_counter() - started
    base = greedy(cohort)
    assert check_capacities(cohort, best) and check_capacities(cohort, base)
    places = int(cohort.capacities.sum())
    print(
        f"{n:>6} × {m:<5} places {places:>6} | optimal: {elapsed:6.2f} s, matched "
        f"{len(best.pairs):>6}, quality {best.total_quality:>11.1f} | greedy: "
        f"{base.seconds:6.2f} s, matched {len(base.pairs):>6}, quality "
        f"{base.total_quality:>11.1f} | gain {best.total_quality - base.total_quality:+.1f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100x30,2000x500,20000x5000")
    args = parser.parse_args()
    for size in args.sizes.split(","):
        n, m = (int(x) for x in size.lower().split("x"))
        run(n, m)


if __name__ == "__main__":
    main()
