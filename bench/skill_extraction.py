"""Skill extraction: precision and recall of taxonomy.extraction on a hand-labelled set.

    .venv/bin/python bench/skill_extraction.py

Reads bench/data/extraction_labelled.jsonl (texts in English and French with the ESCO skill
URIs a careful reader would tag; see docs/apps/taxonomy-search.md) and prints micro precision
and recall, overall and per language, against the taxonomy of the default database (or a
temporary import, like bench/occupation_matching.py).
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from occupation_matching import ensure_taxonomy  # noqa: E402

LABELLED = ROOT / "bench" / "data" / "extraction_labelled.jsonl"


def main():
    ensure_taxonomy()
    from taxonomy.extraction import extract_skills

    items = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    extract_skills("warm up", "en")
    totals = {}
    started = time.perf_counter()
    for item in items:
        found = {skill.uri for skill in extract_skills(item["text"], item["lang"])}
        wanted = set(item["skills"])
        for key in ("all", item["lang"]):
            hits, predicted, relevant = totals.get(key, (0, 0, 0))
            totals[key] = (
                hits + len(found & wanted),
                predicted + len(found),
                relevant + len(wanted),
            )
    elapsed = time.perf_counter() - started
    print(f"{'set':<6} {'texts':>5} {'precision':>10} {'recall':>7}")
    for key in ("all", "en", "fr"):
        hits, predicted, relevant = totals.get(key, (0, 0, 0))
        count = len(items) if key == "all" else sum(item["lang"] == key for item in items)
        print(
            f"{key:<6} {count:>5} {hits / max(predicted, 1):>10.3f} {hits / max(relevant, 1):>7.3f}"
        )
    print(f"\n{len(items) / elapsed:.1f} texts/s")


if __name__ == "__main__":
    main()
