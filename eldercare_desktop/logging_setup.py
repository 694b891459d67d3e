"""English to the log file in the data folder; Chinese to the user."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

_configured: Path | None = None


def setup_logging() -> Path | None:
    """Log to <data folder>/eldercare.log (rotating). Never fails the program."""
    global _configured
    if _configured is not None:
        return _configured
    from .paths import log_path

    try:
        path = log_path()
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path


def log_file() -> str:
    return str(_configured) if _configured else "（日志文件不可用）"
