"""`parcours skills search|match`: find ESCO skills from a text."""

from taxonomy.management.search_command import SearchCommand


class Command(SearchCommand):
    help = "Search ESCO skills by name, one query or a JSONL batch."
    kind = "skills"
