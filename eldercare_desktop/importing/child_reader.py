"""read_import_file in a child process, so that a window's GUI thread is never blocked by it.

python-calamine builds millions of Python objects while holding the GIL (about a second for
200,000 rows), and the garbage collector then walks them: in a thread of the window's process
that freezes the window. Here the file is read and validated in a child process ("spawn":
the same on Windows, Linux and in a PyInstaller build, whose ``main`` must call
``multiprocessing.freeze_support()``), and the result comes back over a pipe in chunks of
``CHUNK`` rows, so that each unpickling in the parent is short.

Same contract as :func:`read_import_file`: ``progress(done, total)`` is called in the calling
thread, ``cancelled()`` is polled there (a cancel ends the child at once and raises
:class:`ImportCancelled`), and :class:`ImportFileError` crosses the process boundary with its
Chinese message. The console tool keeps the in-process reader.
"""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from collections.abc import Callable, Iterator
from enum import Enum, EnumMeta
from pathlib import Path
from typing import Any, get_args, get_type_hints

from ..domain.resident import RESIDENT_FIELDS, Resident
from .model import ImportCancelled, ImportFileError, ParsedRow, ReadResult

CHUNK = 2000
POLL_SECONDS = 0.05

RowCells = dict[int, list[tuple[str, str]]]   # excel row → (header, value as shown)


class ChildReaderError(RuntimeError):
    """The child process failed in a way that is not a problem of the file (a bug, a crash)."""


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _enum_tables() -> tuple[dict[Any, Any] | None, ...]:
    """Per Resident field: None (a plain value) or the table from an enum's value to its member."""
    hints = get_type_hints(Resident)
    tables: list[dict[Any, Any] | None] = []
    for name in RESIDENT_FIELDS:
        kinds = [k for k in get_args(hints[name]) or (hints[name],) if isinstance(k, EnumMeta)]
        tables.append({**{m.value: m for m in kinds[0]}, None: None} if kinds else None)
    return tuple(tables)


def _encode_rows(rows: list[ParsedRow]) -> list[tuple[int, tuple[Any, ...]]]:
    """Rows as plain values (enum members as their words): pickled and unpickled in C, where
    a Resident's pickle calls back into Python for every enum and field."""
    out = []
    for row in rows:
        r = row.resident
        out.append((row.excel_row, tuple(v.value if isinstance(v, Enum) else v
                                         for v in [getattr(r, f) for f in RESIDENT_FIELDS])))
    return out


def _decode_rows(encoded: list[tuple[int, tuple[Any, ...]]],
                 tables: tuple[dict[Any, Any] | None, ...]) -> list[ParsedRow]:
    return [ParsedRow(n, Resident(*[v if t is None else t[v] for v, t in zip(values, tables)]))
            for n, values in encoded]


def problem_row_cells(path: Path, result: ReadResult, limit: int) -> RowCells:
    """The whole rows (header → value as Excel shows it) of the first ``limit`` problem rows."""
    from .cells import excel_display
    from .opening import read_first_sheet

    wanted = sorted({p.row for p in result.problems if p.row > result.header_row})[:limit]
    if not wanted:
        return {}
    rows = read_first_sheet(path).rows
    header = [excel_display(v) for v in rows[result.header_row - 1]]
    out: RowCells = {}
    for n in wanted:
        if n - 1 < len(rows):
            out[n] = [(header[j] if j < len(header) else f"第{j + 1}列", excel_display(v))
                      for j, v in enumerate(rows[n - 1])]
    return out


def _child_main(conn: Any, path: str, problem_rows: int) -> None:
    """The child side: read, validate, and send everything back in small messages."""
    from .reader import read_import_file

    try:
        result = read_import_file(Path(path), progress=lambda d, t: conn.send(("progress", d, t)))
        cells = problem_row_cells(Path(path), result, problem_rows) if result.problems and \
            problem_rows else {}
        for kind, items in (("rows", result.rows), ("problems", result.problems),
                            ("warnings", result.warnings), ("cells", list(cells.items()))):
            for chunk in _chunks(items):
                conn.send((kind, _encode_rows(chunk) if kind == "rows" else chunk))
        conn.send(("done", result.header_row, result.sheet_name))
    except ImportFileError as exc:
        conn.send(("file_error", str(exc)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, never lost
        conn.send(("bug", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    finally:
        conn.close()


def check_import_file_in_child(
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    problem_rows: int = 0,
) -> tuple[ReadResult, RowCells]:
    """read_import_file in a child process, plus the whole rows of up to ``problem_rows``
    rows that have problems (for showing them to the user)."""
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child_main, args=(sender, str(path), problem_rows),
                        name="eldercare-import-reader", daemon=True)
    child.start()
    sender.close()       # the child holds the only writer: EOF when it ends
    parts: dict[str, list[Any]] = {"rows": [], "problems": [], "warnings": [], "cells": []}
    tables = _enum_tables()
    try:
        while True:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if not receiver.poll(POLL_SECONDS):
                continue
            try:
                message = receiver.recv()
            except EOFError:
                child.join(5)
                raise ChildReaderError(
                    f"import reader process ended unexpectedly (exit code {child.exitcode})"
                ) from None
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "rows":
                parts[kind].extend(_decode_rows(message[1], tables))
                # what has arrived stays until the import ends: keep it out of the full
                # collections, which would otherwise walk all of it again and again
                gc.freeze()
            elif kind in parts:
                parts[kind].extend(message[1])
            elif kind == "done":
                result = ReadResult(parts["rows"], parts["problems"], parts["warnings"],
                                    message[1], message[2])
                return result, dict(parts["cells"])
            elif kind == "file_error":
                raise ImportFileError(message[1])
            else:
                raise ChildReaderError(f"import reader process failed: {message[1]}")
    finally:
        receiver.close()
        if child.is_alive():
            child.terminate()
        child.join(5)


def read_import_file_in_child(
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReadResult:
    """Same result and exceptions as :func:`read_import_file`, computed in a child process."""
    return check_import_file_in_child(path, progress=progress, cancelled=cancelled)[0]


__all__ = ["ChildReaderError", "check_import_file_in_child", "problem_row_cells",
           "read_import_file_in_child"]
