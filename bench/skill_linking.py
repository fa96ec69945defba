"""Sentence → ESCO skills: quality of `parcours skills match` on job-ad sentences.

    .venv/bin/python bench/skill_linking.py [--methods index linking] [--limit 10]

Reads the development splits in $PARCOURS_BENCH_DIR/skill-linking (default ../shared/bench beside
the repository: TECH and HOUSE validation, see their README) and this repository's fresh cases
(bench/data/linking_fresh.jsonl, written before any tuning and never tuned on), and prints
R-Precision@5 and MRR@10 for each method:

- `index`: the skills search index alone, what `skills match` did before the linking rule
  (taxonomy.search's lexical + encoder search of the whole sentence);
- `linking`: taxonomy.linking.link_sentences, what `skills match` runs now.

It searches the taxonomy of the default database when it is imported; otherwise it imports ESCO
into a temporary SQLite database first (like bench/occupation_matching.py).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from occupation_matching import ensure_taxonomy, read_set  # noqa: E402

FRESH = ROOT / "bench" / "data" / "linking_fresh.jsonl"


def bench_dir():
    default = ROOT.parent / "shared" / "bench"
    return Path(os.environ.get("PARCOURS_BENCH_DIR", default)) / "skill-linking"


def score(queries, results):
    """R-Precision@5 and MRR@10 of ranked URI lists against each query's relevant skills."""
    precision = reciprocal = 0.0
    for query, ranked in zip(queries, results, strict=True):
        relevant = set(query["relevant"])
        precision += len(set(ranked[:5]) & relevant) / min(5, len(relevant))
        for rank, uri in enumerate(ranked[:10], start=1):
            if uri in relevant:
                reciprocal += 1 / rank
                break
    count = len(queries) or 1
    return precision / count, reciprocal / count


def method_index(pairs, limit):
    from taxonomy import search

    index = search._index(search.SKILLS)
    found = index.search(pairs, limit)
    return [[index.uris[position] for position, _label, _score in row] for row in found]


def method_linking(pairs, limit):
    from taxonomy import linking

    return [[link.uri for link in row] for row in linking.link_sentences(pairs, limit)]


METHODS = {"index": method_index, "linking": method_linking}


def sets():
    found = [(path.stem, read_set(path)) for path in sorted(bench_dir().glob("*.jsonl"))]
    if FRESH.exists():
        found.append(("fresh (never tuned)", read_set(FRESH)))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--methods", nargs="*", default=list(METHODS))
    parser.add_argument("--limit", type=int, default=10)
    options = parser.parse_args()
    ensure_taxonomy()
    from taxonomy.encoder import get_encoder

    print(
        f"CPU cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}, "
        f"encoder: {get_encoder().name}\n"
    )
    header = f"{'set':<22} {'method':<10} {'n':>5} {'RP@5':>6} {'MRR@10':>7} {'q/s':>7}"
    print(header)
    print("-" * len(header))
    for name, queries in sets():
        pairs = [(query["query"], query.get("lang", "en")) for query in queries]
        for method in options.methods:
            METHODS[method](pairs[:2], options.limit)  # warm up: index, encoder
            started = time.perf_counter()
            results = METHODS[method](pairs, options.limit)
            elapsed = time.perf_counter() - started
            precision, mrr = score(queries, results)
            print(
                f"{name:<22} {method:<10} {len(queries):>5} {precision:>6.3f} {mrr:>7.3f} "
                f"{len(queries) / elapsed:>7.1f}"
            )
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f} (2 cores).")
    print("(TECH and HOUSE: Decorte et al. 2022/2023, validation splits; see their README.)")


if __name__ == "__main__":
    main()
