"""Job title → ESCO occupation: quality and speed of taxonomy.search on the development sets.

    .venv/bin/python bench/occupation_matching.py [--limit 10] [--sets melo_bel_q_fr_c_fr ...]

Reads the query sets in $PARCOURS_BENCH_DIR/occupation-matching (default ../shared/bench beside
the repository) and prints success@1, success@5, MRR@10 and batch queries per second, beside the
published figures, then the single-query latency once warm. It searches the taxonomy of the
default database when it is imported; otherwise it imports ESCO into a temporary SQLite database
first (and says so).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Published success@1 / MRR on MELO bel_q_fr_c_fr (the sets' README).
PUBLISHED = {
    "melo_bel_q_fr_c_fr": [
        ("OpenAI embeddings", 0.500, 0.578),
        ("E5", 0.491, 0.561),
        ("multilingual E5", 0.476, 0.541),
        ("BGE-M3", 0.454, 0.523),
        ("char TF-IDF", 0.399, 0.452),
        ("BM25", 0.369, 0.413),
    ]
}


def bench_dir():
    default = ROOT.parent / "shared" / "bench"
    return Path(os.environ.get("PARCOURS_BENCH_DIR", default)) / "occupation-matching"


def read_set(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def score(queries, results):
    """success@1, success@5 and MRR@10 of ranked URI lists against the relevant occupations."""
    first = fifth = reciprocal = 0.0
    for query, ranked in zip(queries, results, strict=True):
        relevant = {uri for uri in query["relevant"] if "/occupation/" in uri}
        for rank, uri in enumerate(ranked[:10], start=1):
            if uri in relevant:
                first += rank == 1
                fifth += rank <= 5
                reciprocal += 1 / rank
                break
    count = len(queries) or 1
    return first / count, fifth / count, reciprocal / count


def ensure_taxonomy():
    """Use the default database when it holds ESCO, else re-run in a temporary one."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")
    django.setup()
    from django.db.utils import DatabaseError

    from taxonomy.models import Occupation

    try:
        count = Occupation.objects.count()
    except DatabaseError:
        count = 0
    if count:
        from django.db import connection

        print(
            f"Taxonomy: the default database ({connection.settings_dict['NAME']}), "
            f"{count} occupations."
        )
        return True
    if os.environ.get("PARCOURS_BENCH_TEMP_DB"):
        from django.core.management import call_command

        print("Taxonomy: importing ESCO into a temporary SQLite database...", flush=True)
        call_command("migrate", verbosity=0)
        call_command("taxonomy", "import", verbosity=0)
        print(f"Taxonomy: temporary database, {Occupation.objects.count()} occupations.")
        return True
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, PARCOURS_BENCH_TEMP_DB="1")
        env["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        completed = subprocess.run([sys.executable, *sys.argv], env=env, check=False)
    sys.exit(completed.returncode)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--sets", nargs="*", default=None, help="set names (default: all)")
    parser.add_argument("--latency-queries", type=int, default=100)
    options = parser.parse_args()
    ensure_taxonomy()

    from taxonomy import search
    from taxonomy.encoder import get_encoder

    started = time.perf_counter()
    search.search_occupations("warm up", "en")
    print(f"Index ready in {time.perf_counter() - started:.1f} s (load or build, encoder warm-up).")
    print(
        f"CPU cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}, "
        f"encoder: {get_encoder().name}\n"
    )

    paths = sorted(bench_dir().glob("*.jsonl"))
    if not paths:
        # The development query sets are not part of the repository.
        sys.exit(
            f"No query sets in {bench_dir()}: set PARCOURS_BENCH_DIR to the folder holding "
            "occupation-matching/*.jsonl (the development sets live outside the repository)."
        )
    if options.sets:
        paths = [path for path in paths if path.stem in options.sets]
    header = f"{'set':<22} {'method':<22} {'n':>5} {'s@1':>6} {'s@5':>6} {'MRR@10':>7} {'q/s':>7}"
    print(header)
    print("-" * len(header))
    single = []
    for path in paths:
        queries = read_set(path)
        started = time.perf_counter()
        matches = search.match_occupations(
            [(query["query"], query.get("lang", "en")) for query in queries], options.limit
        )
        elapsed = time.perf_counter() - started
        results = [[match.uri for match in found] for found in matches]
        first, fifth, mrr = score(queries, results)
        print(
            f"{path.stem:<22} {'parcours (this)':<22} {len(queries):>5} {first:>6.3f} "
            f"{fifth:>6.3f} {mrr:>7.3f} {len(queries) / elapsed:>7.0f}"
        )
        for method, published_first, published_mrr in PUBLISHED.get(path.stem, []):
            print(
                f"{'':<22} {method:<22} {'':>5} {published_first:>6.3f} {'':>6} "
                f"{published_mrr:>7.3f} {'':>7}"
            )
        for query in queries[: options.latency_queries // max(1, len(paths))]:
            started = time.perf_counter()
            search.search_occupations(query["query"], query.get("lang", "en"), options.limit)
            single.append(time.perf_counter() - started)
    if single:
        single.sort()
        print(
            f"\nSingle query, warm ({len(single)} queries): median "
            f"{statistics.median(single) * 1000:.1f} ms, p90 "
            f"{single[int(len(single) * 0.9) - 1] * 1000:.1f} ms"
        )
    # Speed depends on a free core: report the load the figures were measured under.
    print(f"Load average at the end: {os.getloadavg()[0]:.1f} (2 cores).")
    print("(published figures: MRR of the ranking, the README's MRR column)")


if __name__ == "__main__":
    main()
