"""`parcours goals check`: the CLI contract (JSON shape, --lang, --today, errors, exit codes)."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from parcours.cli import main


def run(*args):
    out = StringIO()
    call_command("goals", *args, stdout=out)
    return out.getvalue()


def test_it_prints_exactly_the_json_contract():
    data = json.loads(run("check", "Get my PMP certification by June 30, 2027", "--today",
                          "2026-11-22", "--json"))  # fmt: skip
    assert set(data) == {"lang", "criteria", "horizon", "suggestions"}
    assert data["lang"] == "en"
    assert data["criteria"]["time_bound"] == {
        "met": True,
        "reason": "Deadline: 2027-06-30 (from “June 30, 2027”).",
        "deadline": "2027-06-30",
    }
    assert data["criteria"]["achievable"]["met"] is None
    assert data["horizon"] == "short"
    assert data["suggestions"] == []


def test_it_answers_in_french():
    data = json.loads(run("check", "M'améliorer", "--lang", "fr", "--today", "2026-11-22",
                          "--json"))  # fmt: skip
    assert data["lang"] == "fr"
    assert data["criteria"]["specific"]["met"] is False
    assert "« M'améliorer »" in data["criteria"]["specific"]["reason"].replace("\xa0", " ")
    assert data["suggestions"][-1].startswith("Par exemple")


def test_it_resolves_relative_deadlines_from_today():
    data = json.loads(run("check", "Obtenir mon DEC dans un mois", "--lang", "fr", "--today",
                          "2028-01-31", "--json"))  # fmt: skip
    assert data["criteria"]["time_bound"]["deadline"] == "2028-02-29"


def test_it_guesses_the_language_with_auto():
    data = json.loads(run("check", "Décrocher un poste de comptable d'ici 2028", "--lang", "auto",
                          "--json"))  # fmt: skip
    assert data["lang"] == "fr"


def test_it_prints_a_readable_report_without_json():
    text = run("check", "Become a nurse someday", "--today", "2026-11-22")
    assert "[x] Specific" in text
    assert "[ ] Time-bound: “someday” is not a deadline" in text
    assert "[?] Achievable" in text
    assert "-> For example: “Become a nurse by 2027-11-30”" in text


@pytest.mark.parametrize("today", ["2026-13-01", "tomorrow", "22/11/2026", "2026-02-30"])
def test_it_refuses_a_bad_today_with_exit_code_2(today):
    with pytest.raises(CommandError) as error:
        run("check", "Become a nurse by 2028", "--today", today)
    assert error.value.returncode == 2
    assert "YYYY-MM-DD" in str(error.value)


def test_it_refuses_an_empty_goal():
    with pytest.raises(CommandError) as error:
        run("check", "   ")
    assert error.value.returncode == 2


def test_the_console_script_prints_json_and_exits_2_on_a_bad_date(capsys):
    main(["parcours", "goals", "check", "Be successful", "--today", "2026-11-22", "--json"])
    assert json.loads(capsys.readouterr().out)["criteria"]["specific"]["met"] is False
    with pytest.raises(SystemExit) as exit_:
        main(["parcours", "goals", "check", "Be successful", "--today", "soon"])
    assert exit_.value.code == 2
    assert "--today must be a date" in capsys.readouterr().err
