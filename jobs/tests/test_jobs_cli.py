"""`parcours jobs check-answer`: the CLI contract (JSON shape, --lang, file errors, exit 2)."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from jobs.tests.alignment_cases_en import POSTINGS
from jobs.tests.alignment_cases_fr import POSTINGS as POSTINGS_FR
from parcours.cli import main

# The check reads the taxonomy (empty in tests: the degraded mode).
pytestmark = pytest.mark.django_db

CONTRADICTING = "My goal is a role that doesn't involve working with customers as much."


@pytest.fixture
def files(tmp_path):
    def write(posting, answer):
        posting_file, answer_file = tmp_path / "posting.txt", tmp_path / "answer.txt"
        posting_file.write_text(posting, encoding="utf-8")
        answer_file.write_text(answer, encoding="utf-8")
        return str(posting_file), str(answer_file)

    return write


def run(*args):
    out = StringIO()
    call_command("jobs", *args, stdout=out)
    return out.getvalue()


def test_it_prints_exactly_the_json_contract(files):
    posting, answer = files(POSTINGS["sales_manager"], CONTRADICTING)
    data = json.loads(run("check-answer", "--posting", posting, "--answer", answer, "--json"))
    assert set(data) == {"aligned", "issues", "suggestions"}
    assert data["aligned"] is False
    assert data["issues"][0]["code"] == "contradicts_role"
    assert set(data["issues"][0]) == {"code", "message"}
    assert data["suggestions"][-1].startswith("For example")


def test_it_passes_an_aligned_answer(files):
    posting, answer = files(
        POSTINGS["nurse"],
        "In the next three years, I want to specialise in critical care nursing. I will give "
        "your patients safe, attentive care, and this position will help me build the clinical "
        "experience I need.",
    )
    data = json.loads(run("check-answer", "--posting", posting, "--answer", answer, "--json"))
    assert data == {"aligned": True, "issues": [], "suggestions": []}


def test_it_answers_in_french(files):
    posting, answer = files(POSTINGS_FR["prepose"], "Je veux réussir.")
    data = json.loads(
        run("check-answer", "--posting", posting, "--answer", answer, "--lang", "fr", "--json")
    )
    assert data["issues"][0]["message"].startswith("La réponse")


def test_it_prints_a_readable_report_without_json(files):
    posting, answer = files(POSTINGS["sales_manager"], CONTRADICTING)
    text = run("check-answer", "--posting", posting, "--answer", answer)
    assert text.startswith("Not aligned.")
    assert "[contradicts_role]" in text


@pytest.mark.parametrize("which", ["posting", "answer"])
def test_it_refuses_a_missing_file_with_exit_code_2(files, tmp_path, which):
    posting, answer = files(POSTINGS["nurse"], CONTRADICTING)
    missing = str(tmp_path / "nope.txt")
    args = {"posting": posting, "answer": answer, which: missing}
    with pytest.raises(CommandError) as error:
        run("check-answer", "--posting", args["posting"], "--answer", args["answer"])
    assert error.value.returncode == 2
    assert f"--{which}: no such file" in str(error.value)


def test_it_refuses_unreadable_empty_or_folder_inputs(files, tmp_path):
    posting, answer = files(POSTINGS["nurse"], "")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    for args, message in (
        (("--posting", posting, "--answer", answer), "is empty"),
        (("--posting", str(binary), "--answer", posting), "not UTF-8"),
        (("--posting", str(tmp_path), "--answer", posting), "is a folder"),
    ):
        with pytest.raises(CommandError) as error:
            run("check-answer", *args)
        assert error.value.returncode == 2
        assert message in str(error.value)


def test_the_console_script_exits_2_on_a_missing_file(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["parcours", "jobs", "check-answer", "--posting", str(tmp_path / "x"),
              "--answer", str(tmp_path / "y"), "--json"])  # fmt: skip
    assert exit_.value.code == 2
    assert "no such file" in capsys.readouterr().err
