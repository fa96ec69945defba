"""The layers of docs/ARCHITECTURE.md, held by reading every import of the project.

core is the floor and names no app; the apps sit on it; reports is the top and no app imports
it. No two apps import each other and no two modules do. An import is any `import` or `from`
statement (at module level or inside a function), a module named to `importlib.import_module`,
and a model named by its label ("goals.Goal", as `apps.get_model` and lazy foreign keys take it,
which counts as importing that app's models). Docstrings and migrations (generated snapshots)
are not read.
"""

import ast
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from core.discovery import project_apps

ROOT = Path(settings.BASE_DIR)
SKIPPED_DIRECTORIES = {"var", "node_modules", "test-artifacts", "migrations", "__pycache__"}
MODEL_LABEL = re.compile(r"^([a-z_]+)\.([A-Z][A-Za-z0-9_]*)$")
DOTTED_MODULE = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$")
TOP = "reports"
# The layers of docs/ARCHITECTURE.md, bottom first: an app imports only apps of lower layers.
LAYERS = [
    ["core"],
    ["accounts"],
    ["taxonomy", "agenda"],
    ["goals", "jobs"],
    ["growth", "mentoring"],
    ["organisations"],
    ["reports"],
]

# Pairs of modules allowed to import each other, by name, each until its owners break it (the
# test below fails once they do, so an allowance cannot outlive it). None today: goals.smart <->
# jobs.alignment went with the language toolkit (core/language/), jobs.alignment <->
# jobs.example_answer when the check passed its judge to the example writer.
ALLOWED_CYCLES: set[frozenset[str]] = set()


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module
    line: int

    def __str__(self):
        return f"{self.source}:{self.line} -> {self.target}"


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_files():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).parts
        if any(part.startswith(".") or part.endswith(".egg-info") for part in relative):
            continue
        if SKIPPED_DIRECTORIES & set(relative[:-1]):
            continue
        yield path


def docstrings(tree):
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def named_modules(node, package, apps):
    """The modules `node` names (to be resolved against the project's modules)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            base = ".".join([*parts, *([node.module] if node.module else [])])
        return [base] + [f"{base}.{alias.name}" for alias in node.names]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        label = MODEL_LABEL.match(node.value)
        if label and label.group(1) in apps:
            return [f"{label.group(1)}.models"]
        if DOTTED_MODULE.match(node.value) and node.value.split(".")[0] in apps:
            return [node.value]
    if isinstance(node, ast.Call) and len(node.args) == 2:  # apps.get_model("goals", "Goal")
        function = node.func
        if isinstance(function, ast.Attribute) and function.attr == "get_model":
            app, model = node.args
            if isinstance(app, ast.Constant) and app.value in apps:
                return [f"{app.value}.models"]
    return []


def read_imports():
    files = {module_name(path): path for path in project_files()}
    apps = {config.name for config in project_apps()}

    def resolve(name):
        parts = name.split(".")
        while parts:
            if ".".join(parts) in files:
                return ".".join(parts)
            parts.pop()
        return None

    found = []
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets = set()
            for name in named_modules(node, package, apps):
                target = resolve(name)
                if target and target != module:
                    targets.add(target)
            # `from goals import models` names goals (the package) and goals.models: keep the
            # most precise, so that a package's __init__ is not counted for its submodules.
            for target in targets:
                if not any(other.startswith(target + ".") for other in targets):
                    found.append(Import(module, target, node.lineno))
    return found, apps


@pytest.fixture(scope="module")
def graph():
    return read_imports()


def app_of(module, apps):
    top = module.split(".")[0]
    return top if top in apps else None


def test_it_reads_imports_of_every_kind():
    # The reader itself: a module-level import, one inside a function, a relative one, a model
    # label, importlib's string; a docstring naming a model is not an import.
    tree = ast.parse(
        '"""Uses goals.Goal."""\n'
        "import goals.plan\n"
        "def f():\n"
        "    from mentoring.models import Mentorship\n"
        "    from .portability import Collection\n"
        '    apps.get_model("jobs.Application")\n'
        '    apps.get_model("growth", "Feed")\n'
        '    importlib.import_module("taxonomy.search")\n'
    )
    skip = docstrings(tree)
    apps = {"core", "goals", "mentoring", "jobs", "growth", "taxonomy"}
    named = {
        name
        for node in ast.walk(tree)
        if id(node) not in skip
        for name in named_modules(node, "core", apps)
    }
    assert {
        "goals.plan",
        "mentoring.models",
        "core.portability",
        "jobs.models",
        "growth.models",
        "taxonomy.search",
    } <= named
    assert "goals.models" not in named


def test_it_reads_the_whole_project(graph):
    imports, apps = graph
    sources = {edge.source for edge in imports}
    assert {"core", "accounts", "goals", "mentoring", TOP} <= apps
    assert {"core.portability", "goals.api.goals", "tests.test_architecture"} <= sources
    # Lazy references count: mentoring's models point at goals' by label.
    assert any(
        edge.source == "mentoring.models" and edge.target == "goals.models" for edge in imports
    )


def test_core_names_no_app(graph):
    imports, apps = graph
    wrong = [
        str(edge)
        for edge in imports
        if app_of(edge.source, apps) == "core" and app_of(edge.target, apps) not in (None, "core")
    ]
    assert not wrong, "core is the floor and names no app:\n" + "\n".join(wrong)


def test_no_app_imports_the_report(graph):
    imports, apps = graph
    wrong = [
        str(edge)
        for edge in imports
        if app_of(edge.target, apps) == TOP and app_of(edge.source, apps) not in (None, TOP)
    ]
    assert not wrong, f"{TOP} is the top layer; no app imports it:\n" + "\n".join(wrong)


def test_every_app_imports_only_the_layers_below_it(graph):
    imports, apps = graph
    rank = {app: level for level, row in enumerate(LAYERS) for app in row}
    assert set(rank) == apps, f"Place every app in LAYERS (and docs/ARCHITECTURE.md): {apps}"
    wrong = [
        f"{edge} ({app_of(edge.source, apps)} may not use {app_of(edge.target, apps)})"
        for edge in imports
        if app_of(edge.source, apps)
        and app_of(edge.target, apps) not in (None, app_of(edge.source, apps))
        and rank[app_of(edge.target, apps)] >= rank[app_of(edge.source, apps)]
    ]
    assert not wrong, "An app imports its own layer or one above it:\n" + "\n".join(wrong)


def test_no_two_apps_import_each_other(graph):
    imports, apps = graph
    between = defaultdict(list)
    for edge in imports:
        if frozenset({edge.source, edge.target}) in ALLOWED_CYCLES:
            continue
        source, target = app_of(edge.source, apps), app_of(edge.target, apps)
        if source and target and source != target:
            between[(source, target)].append(edge)
    wrong = [
        f"{source} <-> {target}: " + "; ".join(map(str, (edges + between[(target, source)])[:6]))
        for (source, target), edges in sorted(between.items())
        if source < target and (target, source) in between
    ]
    assert not wrong, "Apps that import each other:\n" + "\n".join(wrong)


def test_no_two_modules_import_each_other(graph):
    imports, _apps = graph
    targets = defaultdict(set)
    for edge in imports:
        targets[edge.source].add(edge.target)
    wrong = sorted(
        f"{source} <-> {target}"
        for source, found in targets.items()
        for target in found
        if source < target
        and source in targets.get(target, ())
        and frozenset({source, target}) not in ALLOWED_CYCLES
    )
    assert not wrong, "Modules that import each other:\n" + "\n".join(wrong)


def test_an_allowance_only_stands_for_a_cycle_that_exists(graph):
    # An allowance outliving its cycle would silently allow the next one.
    imports, _apps = graph
    edges = {frozenset({edge.source, edge.target}) for edge in imports}
    for pair in ALLOWED_CYCLES:
        assert pair in edges, f"{sorted(pair)} no longer import each other: remove the allowance"


# Domain modules: an app's plain modules, not its doors (views, api, urls, forms), its models
# or its plumbing. Their public functions say what they take and give.
NOT_DOMAIN = {"urls", "forms", "models", "apps", "admin", "conftest", "middleware"}
NOT_DOMAIN_PARTS = {"views", "api", "tests", "migrations", "management", "templatetags"}
# Being hardened in parallel (feed fetching, vCard import, login throttling): their hints come
# with that work, to keep the two changes apart.
BEING_HARDENED = {
    "growth.feeds",
    "growth.vcard",
    "growth.tasks",
    "accounts.throttle",
    "accounts.api_auth",
}


def domain_modules():
    apps = {config.name for config in project_apps()}
    for path in project_files():
        module = module_name(path)
        parts = module.split(".")
        if parts[0] not in apps or len(parts) < 2 or path.name == "__init__.py":
            continue
        if parts[-1] in NOT_DOMAIN or NOT_DOMAIN_PARTS & set(parts[1:]):
            continue
        if module in BEING_HARDENED:
            continue
        yield module, path


def test_public_functions_of_domain_modules_carry_type_hints():
    missing = []
    for module, path in domain_modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if node.name.startswith("_"):
                continue
            arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            arguments += [a for a in (node.args.vararg, node.args.kwarg) if a is not None]
            bare = [a.arg for a in arguments if a.annotation is None]
            if bare or node.returns is None:
                missing.append(f"{module}.{node.name}: " + (", ".join(bare) or "return"))
    assert not missing, "Public functions without type hints:\n" + "\n".join(missing)
