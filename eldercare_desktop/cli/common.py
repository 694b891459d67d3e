"""What every command shares: opening the database, exit codes, printing to the console."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..paths import default_db_path
from ..services.context import ServiceContext, current_user
from ..store.database import open_database

EXIT_OK = 0
EXIT_REFUSED = 1   # the input was refused (messages on stderr)
EXIT_USAGE = 2     # usage or file error


class UsageError(Exception):
    """A usage or file error: exit 2 with this Chinese message."""


class Refused(Exception):
    """The input was refused: exit 1 with this Chinese message."""


@dataclass
class Console:
    def out(self, text: str = "") -> None:
        print(text, file=sys.stdout, flush=True)

    def err(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)


def db_target(arg: str | None) -> str:
    return arg or os.environ.get("ELDERCARE_DB") or str(default_db_path())


def open_context(arg: str | None) -> ServiceContext:
    """Open (and migrate) the database named by --db, ELDERCARE_DB or the default."""
    return ServiceContext(open_database(db_target(arg)), current_user())


def output_path(text: str, *suffixes: str) -> Path:
    """An output file named on the command line: the right ending, and a folder that exists
    (checked before any slow work)."""
    out = Path(text)
    if suffixes and out.suffix.lower() not in suffixes:
        raise UsageError(f"输出文件名应以 {' 或 '.join(suffixes)} 结尾：{out}")
    folder = out.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"输出文件所在的文件夹不存在：{folder}")
    return out
