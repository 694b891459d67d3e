"""Online backups of the SQLite database through SQLite's backup API, verified before success."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class BackupError(Exception):
    """``str(err)`` is the Chinese message."""


def integrity_ok(file: Path) -> tuple[bool, str]:
    """Open ``file`` read-only and run PRAGMA integrity_check."""
    try:
        con = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return False, str(exc)
    result = "; ".join(str(r[0]) for r in rows)
    return result == "ok", result


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy a live database file to ``target`` (consistent even while others write), then
    open the copy and check its integrity. The target is written beside, then renamed."""
    target = target.resolve()
    if target == source.resolve():
        raise BackupError("备份文件不能与数据库文件相同")
    if not target.parent.exists():
        raise BackupError(f"备份所在的文件夹不存在：{target.parent}")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # a backup is one self-contained file: no -wal beside it
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"备份失败：{exc}") from None
    ok, detail = integrity_ok(partial)
    if not ok:
        partial.unlink(missing_ok=True)
        raise BackupError(f"备份文件完整性检查未通过：{detail}")
    partial.replace(target)
