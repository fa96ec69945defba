"""Hypothesis strategies that damage a valid JSON document the way real files get damaged.

`mutated(document)` drops, duplicates, renames, retypes, swaps and truncates values anywhere in
a copy of `document`, or puts there a value parsers commonly trip on (NUL, lone surrogates,
integers beyond 64 bits, NaN, dates at the edge of the calendar). Used by the fuzzing tests of
the import, cohort and batch-file parsers (docs/apps/fuzzing.md).
"""

import copy
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def fuzz_settings(examples):
    """Bounded, reproducible runs; PARCOURS_FUZZ_EXAMPLES digs deeper locally."""
    return settings(
        max_examples=int(os.environ.get("PARCOURS_FUZZ_EXAMPLES", examples)),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",  # a lone surrogate: valid in JSON ("\ud800"), not encodable as UTF-8
    "x" * 5000,
    "é" * 300,
    2**63,
    -(2**63) - 1,
    10**30,
    -1,
    0,
    1.5,
    1e308,
    float("nan"),
    float("inf"),
    True,
    False,
    None,
    [],
    {},
    [None],
    {"id": 1},
    "2024-02-30",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "2026-13-01",
    "NaN",
    "1e999",
]

# The same, by the type of the value they replace: what a parser of that field must survive.
NASTY_LIKE = {
    int: [2**63, -(2**63) - 1, 10**30, -1, 0, 1.5, "1", True],
    float: [float("nan"), float("inf"), -float("inf"), 1e308, -0.0, 2**63, "1.5"],
    str: [
        "",
        " ",
        "\x00",
        "a\x00b",
        "\ud800",
        "x" * 5000,
        "2024-02-30",
        "9999-12-31T23:59:59-14:00",
    ],
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(NASTY),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)

ACTIONS = ["nasty", "drop", "retype", "swap", "nasty", "duplicate", "truncate", "rename", "nasty"]


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _leaves(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _leaves(value)
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value)
    else:
        yield node


def _mutate(draw, document, path):
    parent, key = _at(document, path[:-1]), path[-1]
    value = parent[key]
    action = draw(st.sampled_from(ACTIONS))
    if action == "drop":
        del parent[key]
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(value))
    elif action == "duplicate":
        parent[draw(st.sampled_from(sorted(parent)))] = copy.deepcopy(value)
    elif action == "rename" and isinstance(parent, dict):
        name = draw(st.text(max_size=8) | st.sampled_from(sorted(parent)))
        parent[name] = parent.pop(key)
    elif action == "swap":
        # Another value of the same type from elsewhere: a reference to the wrong record, a URI
        # of another concept, a date from another field.
        same = [v for v in _leaves(document) if type(v) is type(value)] or [value]
        parent[key] = draw(st.sampled_from(same))
    elif action == "truncate" and isinstance(value, str | list):
        parent[key] = value[: draw(st.integers(0, max(0, len(value) - 1)))]
    elif action == "nasty":
        parent[key] = draw(st.sampled_from(NASTY_LIKE.get(type(value), NASTY)))
    else:
        parent[key] = draw(json_values)
    return document


@st.composite
def mutated(draw, document, max_mutations=3):
    """A damaged copy of `document` (a JSON value), one to `max_mutations` changes deep."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, max_mutations))):
        inside = list(_paths(document))[1:]  # the whole document is json_values' job
        if not inside:
            return draw(json_values)
        # Leaves (values) first: that is where most parsing happens.
        leaves = [p for p in inside if not isinstance(_at(document, p), dict | list)]
        paths = leaves if leaves and draw(st.integers(0, 2)) else inside
        # A uniform pick: sampled_from favours the first elements, so the end of a long
        # document (its last collections) would hardly ever be damaged.
        document = _mutate(draw, document, draw(st.randoms(use_true_random=False)).choice(paths))
    return document


def _at(document, path):
    for step in path:
        document = document[step]
    return document
