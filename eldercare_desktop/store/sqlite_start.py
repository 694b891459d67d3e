"""The register read at start-up straight from a SQLite file, before SQLAlchemy is loaded.

Importing SQLAlchemy and opening an engine takes a quarter of a second, and the window's
register does not need either: when the database is an existing SQLite file whose schema is
already the newest, its rows are read here with the standard library's driver while the
window is built, and the engine is opened afterwards. Anything else — a server URL, a missing
or damaged file, a schema that must first be migrated (with its backup) — gives None, and the
caller takes the ordinary path through ``database.open_database``, which reports the problem.
Like ``database.py`` this module knows the database is SQLite; nothing else does.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .register_rows import read_register
from .revision import HEAD_REVISION

log = logging.getLogger(__name__)


def sqlite_file(path_or_url: str) -> Path | None:
    """The file of a plain path or a ``sqlite:///`` URL without options; None otherwise."""
    if "://" not in path_or_url:
        return Path(path_or_url).expanduser().resolve()
    prefix = "sqlite:///"
    rest = path_or_url[len(prefix):]
    if path_or_url.startswith(prefix) and rest and "?" not in rest and rest != ":memory:":
        return Path(rest).resolve()
    return None


def read_register_file(path_or_url: str,
                       reading: Callable[[], None] | None = None) -> list[tuple[Any, ...]] | None:
    """The register's rows (store.register_rows.read_register) of an up-to-date SQLite file,
    or None when the ordinary path must open it. ``reading`` is called once the file is known
    to be up to date, just before its rows are read. Never creates or changes the file."""
    file = sqlite_file(path_or_url)
    if file is None or not file.is_file():
        return None
    try:
        # mode=ro: never create the file (the ordinary path decides about a missing one), and
        # never write it — a read-write connection, the last to close, would also fold a
        # write-ahead log left by a crash into the file (before a migration's backup, even)
        conn = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error:
        return None
    try:
        revisions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        if revisions != [HEAD_REVISION]:
            return None
        if reading is not None:
            reading()
        return read_register(conn)
    except sqlite3.Error as exc:     # not a database, locked, damaged…: the ordinary path says
        log.info("start-up read of %s skipped: %s", file, exc)
        return None
    finally:
        conn.close()
