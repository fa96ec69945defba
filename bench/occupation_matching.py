"""Job title → ESCO occupation: quality and speed of taxonomy.search, on every set at once.

    .venv/bin/python bench/occupation_matching.py [--limit 10] [--sets NAME ...] [--quick]

Sets, each printed under two protocols:

- development sets, $PARCOURS_BENCH_DIR/occupation-matching (default ../shared/bench beside the
  repository): MELO bel_q_fr_c_fr (Belgian French) and JobBERT dev (English). Every weight and
  threshold is chosen on both at once;
- fresh sets, bench/data/occupation-fresh (France-style, Québec, US O*NET-style and noisy
  job-board titles), written before tuning and never tuned on (see their README);
- `esco_fr_rome`: a breakage check generated from ESCO's own French labels, rewritten the way
  France Travail writes titles ("Conducteur / Conductrice d'autobus (H/F)"), plus the feminine
  form alone and without accents. Being ESCO's own wording it is trivially found lexically: it
  catches broken gender pairs, accents and masculine/feminine handling, it is not for tuning.

Protocols:

- `product`: what a person gets: all labels of both languages, the query's language read from
  the query (the set's `lang` is passed only as the interface hint);
- `published`: the queries against the labels of the set's language only (MELO's c_fr corpus:
  French queries against French labels), the protocol of the published MELO figures;
- `wrong UI` (product, with the other language as the interface hint): a French query typed in
  the English interface must still work.

It prints success@1, success@5, MRR@10 and batch queries per second, beside the published
figures, then the single-query latency once warm and the load average (the machine is shared).
It searches the taxonomy of the default database when it is imported; otherwise it imports ESCO
into a temporary SQLite database first (and says so).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FRESH = ROOT / "bench" / "data" / "occupation-fresh"
DEVELOPMENT = ("melo_bel_q_fr_c_fr", "jobbert_dev")

# Published success@1 / MRR on MELO bel_q_fr_c_fr (the sets' README): French queries ranked
# against French ESCO labels only.
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
    if not default.exists() and (ROOT.parent.parent / "shared" / "bench").exists():
        default = ROOT.parent.parent / "shared" / "bench"  # a worktree under /work/wt
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


def _rome_title(label):
    """An ESCO French label "conducteur d'autobus/conductrice d'autobus" written the France
    Travail way: "Conducteur / Conductrice d'autobus (H/F)" (None when it is not a pair)."""
    parts = label.split("/")
    if len(parts) != 2:
        return None
    masculine, feminine = parts[0].strip().split(), parts[1].strip().split()
    if len(masculine) != len(feminine) or len(masculine) < 2:
        return None
    # The shared tail: the trailing words both forms have in common.
    shared = 0
    while shared < len(masculine) - 1 and masculine[-1 - shared] == feminine[-1 - shared]:
        shared += 1
    if not shared:
        return None
    head_m, head_f = masculine[: len(masculine) - shared], feminine[: len(feminine) - shared]
    tail = " ".join(masculine[len(masculine) - shared :])
    title = f"{' '.join(head_m)} / {' '.join(head_f)} {tail} (H/F)"
    return title[0].upper() + title[1:]


def _unaccented(text):
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def esco_rome_set(size=300, seed=7):
    """The breakage check built from ESCO's French preferred labels (see the module doc)."""
    from taxonomy.models import Occupation

    rows = list(
        Occupation.objects.filter(retired=False)
        .exclude(label_fr="")
        .order_by("pk")
        .values_list("uri", "label_fr")
    )
    random.Random(seed).shuffle(rows)
    queries = []
    for uri, label in rows:
        title = _rome_title(label)
        if not title:
            continue
        feminine = label.split("/")[1].strip()
        variants = (title, feminine, _unaccented(label.split("/")[0]))
        for kind, query in zip(("rome", "fem", "noaccent"), variants, strict=True):
            queries.append({"id": f"{kind}-{len(queries)}", "query": query, "lang": "fr"})
            queries[-1]["relevant"] = [uri]
        if len(queries) >= size:
            break
    return queries


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


class Protocols:
    """The product search and the one-language (published) protocol, per label language."""

    def __init__(self):
        from taxonomy import search

        self.search = search
        self.single_language = {}

    def product(self, queries, limit, hint=None):
        pairs = [(query["query"], hint or query.get("lang", "en")) for query in queries]
        return self.search.match_occupations(pairs, limit)

    def published(self, queries, limit, lang):
        if lang not in self.single_language:
            started = time.perf_counter()
            self.single_language[lang] = self.search.build_index(
                self.search.OCCUPATIONS, label_langs=(lang,)
            )
            elapsed = time.perf_counter() - started
            print(f"  ({lang} labels only: index built in {elapsed:.1f} s)", flush=True)
        index = self.single_language[lang]
        pairs = [(query["query"], lang) for query in queries]
        return self.search.match_with(index, pairs, limit)


def named_sets(options):
    sets = []
    for path in sorted(bench_dir().glob("*.jsonl")):
        sets.append(("dev", path.stem, read_set(path)))
    if not sets:
        print(f"(development sets not found in {bench_dir()}: set PARCOURS_BENCH_DIR)")
    for path in sorted(FRESH.glob("*.jsonl")):
        sets.append(("fresh", path.stem, read_set(path)))
    sets.append(("check", "esco_fr_rome", esco_rome_set()))
    if options.sets:
        sets = [entry for entry in sets if entry[1] in options.sets]
    return sets


def row(kind, name, method, queries, matches, elapsed=None):
    first, fifth, mrr = score(queries, [[match.uri for match in found] for found in matches])
    speed = f"{len(queries) / elapsed:>7.0f}" if elapsed else f"{'':>7}"
    print(
        f"{kind:<6} {name:<20} {method:<12} {len(queries):>5} {first:>6.3f} {fifth:>6.3f} "
        f"{mrr:>7.3f} {speed}",
        flush=True,
    )
    return first, mrr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--sets", nargs="*", default=None, help="set names (default: all)")
    parser.add_argument("--latency-queries", type=int, default=100)
    parser.add_argument(
        "--quick", action="store_true", help="the product protocol only, no latency"
    )
    parser.add_argument("--show-errors", metavar="SET", help="list the misses of one set")
    options = parser.parse_args()
    ensure_taxonomy()

    from taxonomy import search
    from taxonomy.encoder import get_encoder

    print(f"CPU cores: {os.cpu_count()}, load average: {os.getloadavg()}")
    started = time.perf_counter()
    search.search_occupations("warm up", "en")
    print(f"Index ready in {time.perf_counter() - started:.1f} s (load or build, encoder warm-up).")
    print(f"Encoder: {get_encoder().name}\n")

    protocols = Protocols()
    header = (
        f"{'kind':<6} {'set':<20} {'protocol':<12} {'n':>5} {'s@1':>6} {'s@5':>6} "
        f"{'MRR@10':>7} {'q/s':>7}"
    )
    print(header)
    print("-" * len(header))
    sets = named_sets(options)
    summary = {}
    for kind, name, queries in sets:
        lang = queries[0].get("lang", "en") if queries else "en"
        started = time.perf_counter()
        matches = protocols.product(queries, options.limit)
        elapsed = time.perf_counter() - started
        summary[name] = row(kind, name, "product", queries, matches, elapsed)
        if options.show_errors == name:
            show_errors(queries, matches)
        if options.quick:
            continue
        other = "en" if lang == "fr" else "fr"
        row(kind, name, f"UI in {other}", queries, protocols.product(queries, 10, other))
        if kind != "check":
            row(kind, name, "published", queries, protocols.published(queries, 10, lang))
        for method, published_first, published_mrr in PUBLISHED.get(name, []):
            print(
                f"{'':<6} {'':<20} {method[:12]:<12} {'':>5} {published_first:>6.3f} {'':>6} "
                f"{published_mrr:>7.3f}"
            )
    dev = [summary[name] for name in DEVELOPMENT if name in summary]
    if len(dev) == len(DEVELOPMENT):
        print(
            f"\nDevelopment sets together: mean s@1 {statistics.mean(s for s, _m in dev):.3f}, "
            f"mean MRR {statistics.mean(m for _s, m in dev):.3f}"
        )
    if not options.quick:
        latency(search, sets, options)
    # Speed depends on a free core: report the load the figures were measured under.
    print(f"Load average at the end: {os.getloadavg()} (2 cores).")
    print("(published figures: MRR of the ranking, the README's MRR column)")


def latency(search, sets, options):
    single = []
    per_set = max(1, options.latency_queries // max(1, len(sets)))
    for _kind, _name, queries in sets:
        for query in queries[:per_set]:
            started = time.perf_counter()
            search.search_occupations(query["query"], query.get("lang", "en"), options.limit)
            single.append(time.perf_counter() - started)
    if single:
        single.sort()
        print(
            f"\nSingle query, warm ({len(single)} queries, first time each): median "
            f"{statistics.median(single) * 1000:.1f} ms, p90 "
            f"{single[int(len(single) * 0.9) - 1] * 1000:.1f} ms"
        )


def show_errors(queries, matches):
    from taxonomy.models import Occupation

    labels = dict(Occupation.objects.values_list("uri", "label_en"))
    for query, found in zip(queries, matches, strict=True):
        relevant = set(query["relevant"])
        if not found or found[0].uri not in relevant:
            expected = "; ".join(labels.get(uri, uri) for uri in query["relevant"][:2])
            got = found[0].label if found else "-"
            print(f"  MISS {query['query']!r}: got {got!r}, expected {expected!r}")


if __name__ == "__main__":
    main()
