"""Opening a database: URL resolution, SQLite pragmas, migrations on start after a backup.

Nothing outside this module (and ``backup.py``, ``sqlite_start.py``) knows the database is SQLite.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """A database that cannot be opened; ``str(err)`` is the Chinese message."""


@dataclass(frozen=True, slots=True)
class Database:
    engine: Engine
    url: str
    file: Path | None  # the SQLite file, None for a server

    @property
    def label(self) -> str:
        """What the status bar shows."""
        if self.file is not None:
            return str(self.file)
        return make_url(self.url).render_as_string(hide_password=True)


def resolve_url(path_or_url: str) -> tuple[str, Path | None]:
    """A SQLite file path or a SQLAlchemy URL → (url, sqlite file or None)."""
    if "://" in path_or_url:
        try:
            url = make_url(path_or_url)
        except ArgumentError:
            raise DatabaseError(f"数据库地址无法识别：{path_or_url}") from None
        if url.get_backend_name() == "sqlite":
            db = url.database
            if not db or db == ":memory:":
                return path_or_url, None
            return path_or_url, Path(db).resolve()
        return path_or_url, None
    file = Path(path_or_url).expanduser().resolve()
    return f"sqlite:///{file}", file


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout = 10000")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def check_sqlite_file(file: Path) -> None:
    """Refuse, without touching it, a file that exists and is not a SQLite database."""
    if file.is_dir():
        raise DatabaseError(f"数据库路径是一个文件夹，不是数据库文件：{file}")
    if not file.exists():
        if not file.parent.exists():
            raise DatabaseError(f"数据库所在的文件夹不存在：{file.parent}")
        return
    try:
        with file.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"无法读取数据库文件：{file}（{exc.strerror}）") from None
    if head and head != SQLITE_MAGIC:
        raise DatabaseError(f"该文件不是本程序的数据库文件，未做任何改动：{file}")


def make_engine(url: str) -> Engine:
    kwargs: dict[str, object] = {}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"timeout": 10}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_database(path_or_url: str, *, migrate: bool = True) -> Database:
    """Open (and by default migrate) the database. Raises DatabaseError with a Chinese message."""
    from .migrations import upgrade_to_head  # Alembic is only needed here

    url, file = resolve_url(path_or_url)
    if file is not None:
        check_sqlite_file(file)
    try:
        engine = make_engine(url)
    except Exception as exc:  # bad driver name, missing driver…
        raise DatabaseError(f"无法连接数据库：{exc}") from None
    db = Database(engine, url, file)
    if migrate:
        upgrade_to_head(db)
    return db


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")
