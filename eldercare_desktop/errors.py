"""Errors the user understands vs bugs (after qutebrowser's KnownError/BugError split).

``known_error`` maps an exception to (exit code, one-line Chinese message) when it is a
known, user-facing condition; (None, "") means a bug that belongs in the log.
"""

from __future__ import annotations

import errno

EXIT_REFUSED = 1
EXIT_FILE = 2


def _os_message(exc: OSError) -> str:
    where = f"：{exc.filename}" if exc.filename else ""
    if isinstance(exc, FileNotFoundError):
        return f"文件或文件夹不存在{where}"
    if isinstance(exc, PermissionError):
        return f"没有权限读写该文件（文件可能正在Excel中打开）{where}"
    if isinstance(exc, IsADirectoryError):
        return f"这是一个文件夹，不是文件{where}"
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足，操作未完成"
    return f"文件读写失败{where}（{exc.strerror or exc}）"


def known_error(exc: BaseException) -> tuple[int | None, str]:
    from sqlalchemy.exc import OperationalError

    from .importing import ImportCancelled, ImportFileError
    from .rules.params import PolicyFileError
    from .services.entitlements import Cancelled as MonthCancelled
    from .services.residents_import import Cancelled as ImportWriteCancelled
    from .store.backup import BackupError
    from .store.database import DatabaseError
    from .store.residents import ConcurrentEditError

    if isinstance(exc, (DatabaseError, BackupError, ImportFileError)):
        return EXIT_FILE, str(exc)
    if isinstance(exc, ConcurrentEditError):
        return EXIT_REFUSED, str(exc)
    if isinstance(exc, (ImportCancelled, ImportWriteCancelled)):
        return EXIT_REFUSED, "已取消，未写入任何记录"
    if isinstance(exc, MonthCancelled):
        return EXIT_REFUSED, "已取消"
    if isinstance(exc, PolicyFileError):
        return EXIT_REFUSED, "参数文件有问题，未保存任何参数：\n" + str(exc)
    if isinstance(exc, OSError):
        return EXIT_FILE, _os_message(exc)
    if isinstance(exc, OperationalError):
        text = str(exc.orig) if exc.orig is not None else str(exc)
        if "locked" in text:
            return EXIT_FILE, "数据库正被其他程序占用，请稍后再试"
        return EXIT_FILE, f"数据库操作失败：{text}"
    return None, ""
