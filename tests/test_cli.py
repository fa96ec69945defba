"""The `parcours` console script."""

import subprocess
import sys
from pathlib import Path

PARCOURS = Path(sys.executable).with_name("parcours")


def run(*args, **kwargs):
    return subprocess.run(
        [str(PARCOURS), *args], capture_output=True, text=True, timeout=120, **kwargs
    )


def test_it_lists_parcours_commands_first_with_their_summary():
    result = run("--help")
    assert result.returncode == 0
    own, _, django = result.stdout.partition("Django commands")
    assert "Parcours commands:" in own
    for command in ("serve", "demo", "worker"):
        assert f"  {command} " in own
    assert "migrate" in django
    assert "Serve Parcours with gunicorn" in own or "serve Parcours with gunicorn" in own


def test_it_reaches_django_management_commands():
    result = run("check", "--deploy", "--fail-level", "CRITICAL")
    assert result.returncode == 0, result.stderr


def test_it_reports_an_unknown_command():
    result = run("no-such-command")
    assert result.returncode != 0
    assert "Unknown command" in result.stderr
