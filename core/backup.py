"""Back up and restore the whole database, online.

SQLite uses its online backup API (a consistent copy while the app keeps running, WAL included);
PostgreSQL uses pg_dump's custom format and pg_restore. A backup file says what it is by its
first bytes, so a restore refuses a file of the other kind instead of half-applying it.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore could not be done; the message says why, for a person."""


def backup(output: str | Path) -> int:
    """Write a backup of the default database to `output`; return its size in bytes."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        _sqlite_backup(output)
    elif connection.vendor == "postgresql":
        _pg_run("pg_dump", "--format=custom", "--no-owner", f"--file={output}")
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    return output.stat().st_size


def restore(source: str | Path) -> None:
    """Replace the default database's content with the backup in `source`."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file.")
    with source.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if connection.vendor == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError(f"{source} is not a SQLite backup (this database is SQLite).")
        _sqlite_restore(source)
    elif connection.vendor == "postgresql":
        if not head.startswith(PG_DUMP_MAGIC):
            raise BackupError(f"{source} is not a pg_dump backup (this database is PostgreSQL).")
        connection.close()
        _pg_run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            str(source),
        )
    else:
        raise BackupError(f"Restoring {connection.vendor} databases is not supported.")


def _sqlite_backup(output):
    connection.ensure_connection()
    target = sqlite3.connect(output)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def _sqlite_restore(source):
    backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        if backup_db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"{source} is damaged (SQLite integrity check failed).")
        tables = {row[0] for row in backup_db.execute("SELECT name FROM sqlite_master")}
        if "django_migrations" not in tables:
            raise BackupError(f"{source} is a SQLite file but not a Parcours backup.")
        connection.ensure_connection()
        backup_db.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} could not be read: {error}.") from error
    finally:
        backup_db.close()


def _pg_tool(name):
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if candidates:
        return str(candidates[-1])
    raise BackupError(f"{name} not found: install PostgreSQL's client tools.")


def _pg_run(tool, *arguments):
    params = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": params.get("PASSWORD") or ""}
    command = [
        _pg_tool(tool),
        f"--host={params.get('HOST') or 'localhost'}",
        f"--port={params.get('PORT') or 5432}",
        f"--username={params.get('USER') or ''}",
        f"--dbname={params['NAME']}",
        *arguments,
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")
