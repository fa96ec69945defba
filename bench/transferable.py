"""Transferable experience speed: rank all ESCO occupations for a 50-skill profile.

Needs the taxonomy in the database (`parcours taxonomy import`). Prints the one-off matrix
build time and the per-profile ranking time (median and worst of 30 profiles), against the
300 ms budget.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")

import django  # noqa: E402

django.setup()

from taxonomy import transferable  # noqa: E402
from taxonomy.models import Occupation, OccupationSkill  # noqa: E402

PROFILE_SIZE = 50
PROFILES = 30
BUDGET_MS = 300


def profiles():
    """Realistic profiles: the skills of two or three occupations, 50 of them."""
    rng = random.Random(42)
    occupation_ids = list(Occupation.objects.values_list("pk", flat=True))
    links = {}
    for occupation_id, skill_id in OccupationSkill.objects.values_list("occupation_id", "skill_id"):
        links.setdefault(occupation_id, []).append(skill_id)
    result = []
    while len(result) < PROFILES:
        chosen = set()
        for occupation_id in rng.sample(occupation_ids, 3):
            chosen.update(links.get(occupation_id, []))
        if len(chosen) >= PROFILE_SIZE:
            result.append(rng.sample(sorted(chosen), PROFILE_SIZE))
    return result


def main():
    if not Occupation.objects.exists():
        print("transferable: no taxonomy in the database; run `parcours taxonomy import` first.")
        return
    transferable.invalidate()
    started = time.perf_counter()
    transferable.matrices()
    build_ms = (time.perf_counter() - started) * 1000
    timings = []
    for skill_ids in profiles():
        started = time.perf_counter()
        ranked = transferable.rank_skill_ids(skill_ids, limit=25)
        timings.append((time.perf_counter() - started) * 1000)
        assert ranked, "a 50-skill profile always covers some occupation"
    filtered_started = time.perf_counter()
    transferable.rank_skill_ids(skill_ids, major_group="2", limit=25)
    filtered_ms = (time.perf_counter() - filtered_started) * 1000
    print(f"{'measure':<42}{'value':>10}")
    print(f"{'matrices built once per process (ms)':<42}{build_ms:>10.0f}")
    print(f"{'rank, 50-skill profile, median (ms)':<42}{statistics.median(timings):>10.1f}")
    print(f"{'rank, 50-skill profile, worst of 30 (ms)':<42}{max(timings):>10.1f}")
    print(f"{'rank with ISCO major group filter (ms)':<42}{filtered_ms:>10.1f}")
    print(f"{'budget (ms)':<42}{BUDGET_MS:>10}")


if __name__ == "__main__":
    main()
