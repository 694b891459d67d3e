"""The register export (``eldercare export residents``): the residents in the import template's
own columns, so that the file re-imports with nothing changed.

ID numbers and bank accounts are written in full: a masked number could not be re-imported.
Whoever calls this decides whether the user may have a full export (FORMATS.md §3, DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from operator import attrgetter
from pathlib import Path

from ..domain.columns import COLUMNS
from ..domain.resident import Resident
from .register_layout import add_choice_lists, header_formats, register_spec
from .workbook import FIRST_DATA_ROW, ReportWorkbook

PROGRESS_EVERY = 2000

_ROW_OF = attrgetter(*(c.field for c in COLUMNS))
_BOOL_COLS = tuple(i for i, c in enumerate(COLUMNS) if c.kind == "bool")


def register_title(count: int, day: dt.date, scope: str = "") -> str:
    """居民信息台账（导出于2026年12月4日，共N人）, optionally naming the county/street."""
    return f"{scope}居民信息台账（导出于{day.year}年{day.month}月{day.day}日，共{count}人）"


def resident_row(resident: Resident) -> list:
    """One resident as the cells of the template's columns: text as text, enums as their
    Chinese words, booleans as 是/否, dates as dates, empty optional values as None."""
    row = list(_ROW_OF(resident))
    for i in _BOOL_COLS:
        row[i] = "是" if row[i] else "否"
    return row


def write_residents_workbook(residents: Iterable[Resident], out: Path, *, title: str,
                             progress: Callable[[int], object] | None = None) -> int:
    """Write the register to ``out`` (.xlsx) and return the number of residents written.

    ``progress(n)`` is called every few thousand rows and once at the end with the number of
    rows written so far.
    """
    book = ReportWorkbook(out, constant_memory=True)
    try:
        spec = register_spec(title)
        sheet = book.add_sheet(spec, header_formats=header_formats(book.styles))
        ws = sheet.ws
        write_row = ws.write_row
        row_of, bool_cols = _ROW_OF, _BOOL_COLS
        r = FIRST_DATA_ROW
        for resident in residents:
            values = list(row_of(resident))
            for i in bool_cols:
                values[i] = "是" if values[i] else "否"
            write_row(r, 0, values)
            r += 1
            if progress is not None and (r - FIRST_DATA_ROW) % PROGRESS_EVERY == 0:
                progress(r - FIRST_DATA_ROW)
        count = r - FIRST_DATA_ROW
        add_choice_lists(ws, FIRST_DATA_ROW, r - 1)
        ws.autofilter(FIRST_DATA_ROW - 1, 0, max(r - 1, FIRST_DATA_ROW - 1), len(COLUMNS) - 1)
    except BaseException:
        book.close()
        Path(out).unlink(missing_ok=True)      # no half-written register left behind
        raise
    book.close()
    if progress is not None:
        progress(count)
    return count
