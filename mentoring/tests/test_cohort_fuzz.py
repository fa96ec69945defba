"""Property tests of the cohort file reader of `parcours mentoring match-cohort`.

Whatever the file holds (any bytes, CSV, JSON of any shape, a valid cohort damaged anywhere),
`read_cohort` returns a cohort the solver assigns within capacities, or raises a CohortError
that says what is wrong: never another exception.
"""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.tests.mutations import fuzz_settings, json_values, mutated
from mentoring.cohort import CohortError, check_capacities, read_cohort, solve
from mentoring.tests.test_cohort import cohorts

# No database involved: run once, on the SQLite pass.
pytestmark = pytest.mark.slow

SCORED = {
    "threshold": 40,
    "mentees": [{"id": "ana"}, {"id": 7}],
    "mentors": [{"id": "maria", "capacity": 1}, {"id": "li", "capacity": 2}],
    "scores": [
        {"mentee": "ana", "mentor": "maria", "score": 80},
        {"mentee": "7", "mentor": "li", "score": 55.5},
        {"mentee": "ana", "mentor": "li", "score": 0},
    ],
}

csv_text = st.lists(
    st.lists(st.text("abcé ,;\"'0123456789", max_size=8), min_size=1, max_size=4).map(",".join),
    max_size=5,
).map("\n".join)


@st.composite
def files(draw):
    """The bytes of a cohort file: damaged cohorts mostly, then CSV, JSON, text and any bytes."""
    kind = draw(
        st.sampled_from(["features"] * 4 + ["scores"] * 2 + ["json", "csv", "text", "bytes"])
    )
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind in ("features", "scores"):
        valid = draw(cohorts(max_mentees=3, max_mentors=2)) if kind == "features" else SCORED
        text = json.dumps(draw(mutated(valid)))
    elif kind == "json":
        text = json.dumps(draw(json_values))
    else:
        text = draw(csv_text if kind == "csv" else st.text(max_size=100))
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xef\xbb\xbf", b"[" * 50_000])) + raw[at:]
    return raw


@fuzz_settings(300)
@given(files(), st.none() | st.floats())
def test_it_reads_any_file_into_a_cohort_or_a_cohort_error(raw, threshold):
    try:
        cohort = read_cohort(raw, threshold=threshold)
    except CohortError as error:
        assert str(error).strip()
        return
    assignment = solve(cohort)
    assert check_capacities(cohort, assignment)
    assert len(assignment.pairs) + len(assignment.unmatched) == len(cohort.mentee_ids)
    json.dumps(assignment.as_json(), ensure_ascii=False).encode("utf-8")  # what the CLI writes


@fuzz_settings(50)
@given(cohorts(max_mentees=4, max_mentors=3), st.booleans())
def test_it_reads_a_valid_cohort_file_whatever_its_byte_order_mark(data, bom):
    raw = (b"\xef\xbb\xbf" if bom else b"") + json.dumps(data, ensure_ascii=False).encode()
    cohort = read_cohort(raw)
    assert cohort.mentee_ids == [m["id"] for m in data["mentees"]]
    assert list(cohort.capacities) == [m["capacity"] for m in data["mentors"]]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"mentees": [{"id": "\xe9"}]}', "not UTF-8 text"),
        (b"[" * 50_000, "not valid JSON"),
        (b"id,needs,languages\nana,SQL,fr\n", "not valid JSON"),
        (b'{"mentees": [{"id": 1}], "mentors": [{"id": 2, "capacity": 1e400}]}', "capacity"),
        (
            b'{"mentees": [{"id": 1, "languages": ["fr"]}], '
            b'"mentors": [{"id": 2, "languages": ["fr"], "capacity": 99999999999999999999}]}',
            "mentors[0].capacity",
        ),
        (b'{"mentees": [{"id": "\\ud800"}], "mentors": []}', "lone surrogate"),
    ],
)
def test_it_names_what_is_wrong_with_a_bad_file(raw, message):
    with pytest.raises(CohortError) as error:
        read_cohort(raw)
    assert message in str(error.value)
