"""The French catalogues are complete and up to date with the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Every Parcours package that may hold translatable strings: the project and each app.
APPS = sorted(
    path.name
    for path in ROOT.iterdir()
    if (path / "__init__.py").exists()
    and ((path / "apps.py").exists() or (path / "locale").exists())
)

pytestmark = pytest.mark.slow  # runs once per `make test`, on the SQLite pass


def read_po(path):
    """Return {(msgctxt, msgid): [msgstr, ...]} and the set of fuzzy keys of a PO file."""
    entries, fuzzy = {}, set()
    current, field, flags = {}, None, ""

    def flush():
        if "msgid" in current and current["msgid"]:
            key = (current.get("msgctxt"), current["msgid"])
            entries[key] = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]
            if "fuzzy" in flags:
                fuzzy.add(key)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,"):
            flush()
            current, field, flags = {}, None, line
        elif line.startswith("#") or not line:
            continue
        elif line.startswith('"'):
            current[field] += line[1:-1]
        else:
            keyword, _, value = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and "msgstr" in "".join(current):
                flush()
                current, flags = {}, flags if keyword == "msgctxt" else ""
            field = keyword
            current[field] = value[1:-1]
    flush()
    return entries, fuzzy


def catalogue(app):
    return ROOT / app / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_it_reads_po_files(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        '#: a.py:1\nmsgid "Goals"\nmsgstr "Objectifs"\n\n'
        '#, fuzzy\nmsgid "Review"\nmsgstr "Revue"\n\n'
        'msgid "one goal"\nmsgid_plural "%(n)s goals"\nmsgstr[0] "un"\nmsgstr[1] ""\n\n'
        'msgctxt "verb"\nmsgid "Open"\nmsgstr ""\n"Ouvrir"\n',
        encoding="utf-8",
    )
    entries, fuzzy = read_po(po)
    assert entries[(None, "Goals")] == ["Objectifs"]
    assert fuzzy == {(None, "Review")}
    assert entries[(None, "one goal")] == ["un", ""]
    assert entries[("verb", "Open")] == ["Ouvrir"]


@pytest.mark.parametrize("app", APPS)
def test_it_translates_every_message_to_french(app):
    path = catalogue(app)
    if not path.exists():
        pytest.skip(f"{app} has no catalogue (checked by the up-to-date test)")
    entries, fuzzy = read_po(path)
    untranslated = [msgid for (_ctx, msgid), strs in entries.items() if not all(strs)]
    assert not untranslated, f"{path}: untranslated: {untranslated[:10]}"
    assert not fuzzy, f"{path}: fuzzy entries to review: {sorted(fuzzy)[:10]}"


@pytest.mark.parametrize("app", APPS)
def test_it_has_a_catalogue_up_to_date_with_the_code(app, tmp_path):
    """Extract the app's strings afresh and check that the committed catalogue has them all."""
    copy = tmp_path / app
    shutil.copytree(ROOT / app, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (copy / "locale").mkdir()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "parcours.settings", "PYTHONPATH": str(ROOT)}
    django_admin = Path(sys.executable).with_name("django-admin")
    subprocess.run(
        [str(django_admin), "makemessages", "-l", "fr", "--no-location", "-v", "0"],
        cwd=copy,
        env=env,
        check=True,
    )
    fresh = copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    if not fresh.exists():
        return  # nothing to translate in this app
    wanted, _ = read_po(fresh)
    assert catalogue(app).exists(), f"{app} has translatable strings but no French catalogue"
    committed, _ = read_po(catalogue(app))
    missing = sorted(msgid for key in wanted if key not in committed for _ctx, msgid in [key])
    assert not missing, f"{app}: run makemessages and translate: {missing[:10]}"
