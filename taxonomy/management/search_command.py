"""The shared body of `parcours occupations` and `parcours skills` (search and match)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from taxonomy import linking, search


class SearchCommand(BaseCommand):
    kind = "occupations"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        find = actions.add_parser("search", help=f"Search {self.kind} for one query.")
        find.add_argument("query", help="What to look for, e.g. a job title.")
        find.add_argument("--lang", choices=["en", "fr"], default="en")
        find.add_argument("--limit", type=int, default=10, help="1 to 50 results (default 10).")
        find.add_argument("--json", action="store_true", help="Print a JSON list.")
        batch = actions.add_parser(
            "match",
            help="Answer a JSONL batch of queries: one {id, query, lang} object per line.",
        )
        batch.add_argument("--input", required=True, help="JSONL file of queries ('-': stdin).")
        batch.add_argument("--output", required=True, help="JSONL file to write ('-': stdout).")
        batch.add_argument("--limit", type=int, default=10, help="1 to 50 results (default 10).")

    def handle(self, *args, action, **options):
        limit = options["limit"]
        if not 1 <= limit <= search.MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {search.MAX_LIMIT}.")
        if action == "search":
            self.search(options["query"], options["lang"], limit, options["json"])
        else:
            self.match(options["input"], options["output"], limit)

    def find(self, query, lang, limit):
        if self.kind == "occupations":
            return search.search_occupations(query, lang, limit)
        return search.search_skills(query, lang, limit)

    def search(self, query, lang, limit, as_json):
        if not query.strip():
            raise CommandError("The query is empty.")
        matches = self.find(query, lang, limit)
        if as_json:
            rows = [{"uri": m.uri, "label": m.label, "score": m.score} for m in matches]
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        if not matches:
            self.stdout.write("No match.")
            return
        width = max(len(m.label) for m in matches)
        for rank, m in enumerate(matches, start=1):
            via = f"  (matched: {m.matched_label})" if m.matched_label != m.label else ""
            self.stdout.write(f"{rank:>2}. {m.score:.3f}  {m.label:<{width}}  {m.uri}{via}")

    def match(self, input_path, output_path, limit):
        queries = list(read_queries(input_path))
        pairs = [(query, lang) for _id, query, lang in queries]
        batch = linking.link_sentences if self.kind == "skills" else search.match_occupations
        found = batch(pairs, limit)
        lines = [
            json.dumps({"id": id_, "results": [m.uri for m in matches]}, ensure_ascii=False)
            for (id_, _query, _lang), matches in zip(queries, found, strict=True)
        ]
        text = "".join(line + "\n" for line in lines)
        if output_path == "-":
            self.stdout.write(text, ending="")
        else:
            try:
                with open(output_path, "w", encoding="utf-8") as output:
                    output.write(text)
            except OSError as error:
                raise CommandError(f"Cannot write {output_path}: {error.strerror}.") from error
        if output_path != "-":
            self.stderr.write(f"{len(lines)} queries answered into {output_path}.")


def read_queries(path):
    """Yield (id, query, lang) from a JSONL file (UTF-8, a BOM allowed); a bad line raises a
    CommandError naming it."""
    try:
        stream = (
            sys.stdin
            if path == "-"
            # surrogateescape: a byte that is not UTF-8 is reported with its line, below.
            else open(path, encoding="utf-8-sig", errors="surrogateescape")  # noqa: SIM115
        )
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
    number = 0
    with stream:
        try:
            for number, line in enumerate(stream, start=1):
                item = _query(line, f"{path}, line {number}")
                if item:
                    yield item
        except UnicodeDecodeError:  # stdin decodes strictly, a chunk at a time
            raise CommandError(f"{path}: not UTF-8 text (after line {number}).") from None


def _utf8(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _query(line, where):
    if not _utf8(line):
        raise CommandError(f"{where}: not UTF-8 text.")
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise CommandError(f"{where}: not valid JSON ({error.msg}).") from error
    except (ValueError, RecursionError) as error:  # an integer too long, arrays too deep
        detail = "nested too deeply" if isinstance(error, RecursionError) else error
        raise CommandError(f"{where}: not valid JSON ({detail}).") from None
    if not isinstance(item, dict):
        raise CommandError(f"{where}: expected an object {{id, query, lang}}.")
    query, lang = item.get("query"), item.get("lang", "en")
    if "id" not in item:
        raise CommandError(f'{where}: missing "id".')
    if not isinstance(query, str) or not query.strip():
        raise CommandError(f'{where}: "query" must be a non-empty string.')
    if lang not in ("en", "fr"):
        raise CommandError(f'{where}: "lang" must be "en" or "fr".')
    if not _utf8(json.dumps([item["id"], query], ensure_ascii=False)):
        raise CommandError(f'{where}: "id" or "query" holds an escaped lone surrogate (\\ud800).')
    return item["id"], query, lang
