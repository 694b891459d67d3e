"""Schema changes through Alembic only; applied on start, after a backup of an existing file.

Alembic itself (0.4 s to import) is loaded only when the stored revision is not the newest:
a database that is up to date opens with one plain query.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import text

from ..paths import migrations_dir
from .backup import BackupError, backup_sqlite
from .database import Database, DatabaseError, has_tables, stamp
from .revision import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)



def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _is_up_to_date(db: Database) -> bool:
    """One plain query: is the stored revision the newest? False when unsure."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:  # no table yet, not a database…: let Alembic and its errors decide
        return False
    return [r[0] for r in rows] == [HEAD_REVISION]


def upgrade_to_head(db: Database) -> None:
    """Bring the schema to the newest migration. An existing SQLite file with tables is
    first copied to ``<name>.<stamp>.before-migration.bak`` beside it."""
    if _is_up_to_date(db):
        return
    from alembic import command
    from alembic.util import CommandError
    from sqlalchemy.exc import DatabaseError as SADatabaseError
    from sqlalchemy.exc import OperationalError

    try:
        current = current_revision(db)
        head = head_revision()
        if current == head:
            return
        if db.file is not None and (current is not None or has_tables(db.engine)):
            target = db.file.with_name(f"{db.file.name}.{stamp()}.before-migration.bak")
            try:
                backup_sqlite(db.file, target)
            except BackupError as exc:
                raise DatabaseError(f"升级数据库前的备份失败，未做升级：{exc}") from None
            log.info("backed up %s to %s before migrating %s → %s", db.file, target, current, head)
        with db.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except CommandError as exc:
        log.error("migration failed: %s", exc)
        raise DatabaseError(
            f"数据库的版本无法识别（可能由更新版本的程序创建），未做任何改动：{db.label}") from None
    except (SADatabaseError, OperationalError) as exc:
        where = db.file if db.file is not None else db.label
        raise DatabaseError(f"无法打开数据库：{where}（{exc.orig}）") from None
