"""Property tests of the batch query reader of `parcours occupations|skills match --input`.

Whatever the file holds (any bytes, JSON lines of any shape, text that is not JSON), the reader
yields (id, query, lang) triples it can answer and write back, or stops with a CommandError
naming the line: never another exception.
"""

import json
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taxonomy.management.search_command import read_queries

# No database involved: run once, on the SQLite pass.
pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["en", "fr", "EN", "", " ", "\x00", "\u2028", "préposé"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "query", "lang", "x"]) | st.text(max_size=5), inner
        )
    ),
    max_leaves=12,
)
query_objects = st.fixed_dictionaries(
    {},
    optional={
        "id": scalars,
        "query": st.text(max_size=40) | scalars,
        "lang": st.sampled_from(["en", "fr"]) | scalars,
    },
)
# Lines a JSON parser or a later writer trips on, whatever the generated values.
nasty_lines = st.sampled_from(
    [
        "[" * 50_000,  # deeper than the parser's recursion limit
        '{"id": ' + "9" * 5_000 + ', "query": "x"}',  # an integer longer than Python converts
        '{"id": 1, "query": "\\ud800"}',  # a lone surrogate: valid JSON, not UTF-8 writable
        '{"id": "\\udfff", "query": "analyste"}',
        '{"id": 1, "query": "nurse", "lang": NaN}',
        '{"id": 1, "query": "nurse"} {"id": 2}',
        "id,query,lang",
        "1,analyste,fr",
        "\ufeff" + '{"id": 1, "query": "analyste"}',
    ]
)
lines = (
    query_objects.map(lambda item: json.dumps(item, ensure_ascii=False, allow_nan=True))
    | json_values.map(json.dumps)
    | st.text(max_size=60)
    | nasty_lines
)


@st.composite
def files(draw):
    """The bytes of a batch file: generated lines, maybe a BOM, maybe a byte that is not UTF-8."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.binary(max_size=300))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    raw = ending.join(draw(st.lists(lines, max_size=6))).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    if raw and draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + raw[at:]
    return raw


def read(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "queries.jsonl")
        path.write_bytes(raw)
        return list(read_queries(str(path)))


@FUZZ
@given(files())
def test_it_reads_any_file_into_queries_or_a_command_error(raw):
    try:
        queries = read(raw)
    except CommandError as error:
        assert "queries.jsonl" in str(error)  # the message says which file (and line)
        return
    for id_, query, lang in queries:
        assert isinstance(query, str) and query.strip()
        assert lang in ("en", "fr")
        # The answer line the command writes for it is UTF-8 JSON.
        json.dumps({"id": id_, "results": []}, ensure_ascii=False).encode("utf-8")
        query.encode("utf-8")


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.integers() | st.text(max_size=10),
            st.text(min_size=1, max_size=40).filter(str.strip),
            st.sampled_from(["en", "fr"]),
        ),
        max_size=8,
    ),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_it_reads_every_well_formed_line_in_order(queries, ending, bom):
    text = ending.join(
        json.dumps({"id": i, "query": q, "lang": lang}, ensure_ascii=False)
        for i, q, lang in queries
    )
    raw = (b"\xef\xbb\xbf" if bom else b"") + (text + ending).encode("utf-8")
    assert read(raw) == queries


def test_it_names_the_line_that_is_not_utf8():
    raw = b'{"id": 1, "query": "nurse"}\n{"id": 2, "query": "infirmi\xe8re", "lang": "fr"}\n'
    with pytest.raises(CommandError, match="line 2: not UTF-8 text"):
        read(raw)


def test_it_refuses_a_line_nested_too_deeply():
    with pytest.raises(CommandError, match="line 1: not valid JSON"):
        read(b"[" * 50_000 + b"\n")


def test_it_refuses_a_lone_surrogate_it_could_not_write_back():
    with pytest.raises(CommandError, match="line 1"):
        read(b'{"id": 1, "query": "\\ud800 analyste"}\n')
