"""Schema changes through Alembic only; applied on start, after a backup of an existing file."""

from __future__ import annotations

import logging

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from ..paths import migrations_dir
from .backup import BackupError, backup_sqlite
from .database import Database, DatabaseError, has_tables, stamp

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade_to_head(db: Database) -> None:
    """Bring the schema to the newest migration. An existing SQLite file with tables is
    first copied to ``<name>.<stamp>.before-migration.bak`` beside it."""
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
