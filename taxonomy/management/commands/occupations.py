"""`parcours occupations search|match`: find ESCO occupations from job titles."""

from taxonomy.management.search_command import SearchCommand


class Command(SearchCommand):
    help = "Search ESCO occupations by job title, one query or a JSONL batch."
    kind = "occupations"
