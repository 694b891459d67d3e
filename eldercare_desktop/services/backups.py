"""Backing up the database."""

from __future__ import annotations

from pathlib import Path

from ..store.backup import BackupError, backup_sqlite
from .context import ServiceContext


def backup_database(ctx: ServiceContext, out: Path) -> Path:
    """A verified online copy of the embedded database. Raises BackupError (Chinese message)."""
    if ctx.db.file is None:
        raise BackupError("当前数据库不是本地文件（服务器数据库请由管理员在服务器上备份）")
    if not ctx.db.file.exists():
        raise BackupError(f"数据库文件不存在：{ctx.db.file}")
    backup_sqlite(ctx.db.file, out)
    return out
