"""The docs cite code that exists: every `module.function` (or `app.Model`), every file path and
every template a page of docs/ or the README names in a code span.

A reference is checked when it starts with one of the project's packages (`goals.plan.chart`,
`core/access.py`, `goals/templates/...`); other code spans (settings, shell commands, values) are
not references to code and are left alone, and so is a line that tells history (what is
"former", "gone", "removed", "no longer" read, "moved" or "came from" somewhere).
"""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from core.discovery import project_apps

ROOT = Path(settings.BASE_DIR)
PAGES = sorted([*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"])
SPAN = re.compile(r"`([^`\n]+)`")
DOTTED = re.compile(r"^([a-z_][a-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*)+(\(\))?$")
PATH = re.compile(r"^[a-z_][a-z0-9_]*(/[A-Za-z0-9_.\-]+)+/?$")
CHECK_ID = re.compile(r"\.[EW]\d{3}$")  # a system check's id, e.g. core.E001
HISTORY = re.compile(
    r"\b(former|formerly|gone|removed|moved|no longer|came from|used to)\b", re.IGNORECASE
)


def packages():
    return {config.name for config in project_apps()} | {"parcours", "tests", "bench"}


def references():
    """(page, line number, reference) of every code span that names the project's code."""
    tops = packages()
    for page in PAGES:
        previous = ""
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            told, previous = HISTORY.search(previous[-40:] + " " + line), line
            if told:
                continue
            for span in SPAN.findall(line):
                span = span.strip()
                first = re.split(r"[./]", span)[0]
                if first not in tops | {"docs", "scripts", "data"}:
                    continue
                dotted = DOTTED.match(span) and not span.endswith(".py")
                if (dotted and not CHECK_ID.search(span)) or PATH.match(span):
                    yield page, number, span


def exists(reference):
    if "/" in reference:
        if (ROOT / reference).exists():
            return True
        try:  # a template's name, e.g. goals/_smart_feedback.html
            get_template(reference)
        except TemplateDoesNotExist:
            return False
        return True
    parts = reference.removesuffix("()").split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        rest = parts[cut:]
        if cut == 1 and rest and rest[0][:1].isupper():  # a model's label, e.g. goals.Goal
            try:
                found = apps.get_model(parts[0], rest.pop(0))
            except LookupError:
                return False
        for name in rest:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


def test_it_reads_references_of_each_kind():
    assert exists("goals.plan.chart")
    assert exists("core.access.owned()")
    assert exists("goals.Goal.clean")
    assert exists("core/access.py")
    assert exists("goals/_chart.html")
    assert not exists("goals.plan.no_such_function")
    assert not exists("goals.NoSuchModel")
    assert not exists("core/no_such_module.py")
    found = {reference for _page, _line, reference in references()}
    assert {"core/access.py", "goals.plan.chart"} <= found


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_reference_exists(page):
    missing = [
        f"{found.relative_to(ROOT)}:{line}: {reference}"
        for found, line, reference in references()
        if found == page and not exists(reference)
    ]
    assert not missing, "The docs cite code that does not exist:\n" + "\n".join(missing)
