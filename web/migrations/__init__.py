"""Schema migrations for the local history database, applied in order at start.

Each file NNN_name.sql in this folder is one step; `schema_version` records the
highest step applied. Steps run inside one write transaction that is taken
before the version is read, so two workers starting together cannot apply a
step twice. A failing step is rolled back and named in the error.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


class MigrationError(RuntimeError):
    """A migration file is misnamed, duplicated or fails to apply."""


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path


def migrations(folder: Path = FOLDER) -> list[Migration]:
    """The migration files in version order; gaps and duplicates are errors."""
    found: dict[int, Path] = {}
    for path in folder.glob("*.sql"):
        m = _NAME.match(path.name)
        if not m:
            raise MigrationError(f"{path}: migration files are named NNN_name.sql (lower case)")
        version = int(m.group(1))
        if version in found:
            raise MigrationError(f"{path}: version {version} is also used by {found[version].name}")
        found[version] = path
    ordered = [Migration(v, found[v]) for v in sorted(found)]
    for expected, migration in enumerate(ordered, 1):
        if migration.version != expected:
            raise MigrationError(f"{migration.path}: expected version {expected:03d} next (no gaps)")
    return ordered


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (sqlite3.complete_statement knows about triggers)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buffer.splitlines()):
        raise MigrationError("an SQL statement is not terminated with ';'")
    return statements


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), waiting on locks."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(path: str | Path, folder: Path = FOLDER) -> int:
    """Create the database if needed and apply every pending step; returns the version reached."""
    steps = migrations(folder)
    conn = None
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path)
        conn.execute("PRAGMA journal_mode = WAL")  # readers do not block the one writer
    except (OSError, sqlite3.Error) as exc:
        if conn is not None:
            conn.close()
        raise MigrationError(f"cannot open the history database at {path}: {exc}") from exc
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                         "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
            version = current_version(conn)
            for step in steps:
                if step.version <= version:
                    continue
                try:
                    for statement in _statements(step.path.read_text(encoding="utf-8")):
                        conn.execute(statement)
                except (sqlite3.Error, MigrationError) as exc:
                    raise MigrationError(f"{step.path.name}: {exc}") from exc
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (step.version,))
                version = step.version
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return version
    finally:
        conn.close()
