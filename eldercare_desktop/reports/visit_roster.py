"""走访花名册 (``eldercare visits roster --out F.xlsx``, FORMATS.md §4): one sheet per community.

Every due resident is a row; where the month's visit is recorded its date, way, findings and
visitor are filled in, otherwise those cells are left blank (bordered, tall rows) for writing by
hand. The rows come from the services as plain values; the PDF renderer takes the same rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.months import Month
from .workbook import FIRST_DATA_ROW, ColumnSpec, ReportWorkbook, SheetSpec

HEADERS = ("序号", "姓名", "性别", "年龄", "住址", "联系电话", "困难类型", "上次走访",
           "走访日期", "走访方式", "情况记录", "走访人签字")
COLUMNS = (
    ColumnSpec("序号", "int", 6), ColumnSpec("姓名", "text", 10), ColumnSpec("性别", "text", 6),
    ColumnSpec("年龄", "int", 6), ColumnSpec("住址", "text", 30), ColumnSpec("联系电话", "id", 14),
    ColumnSpec("困难类型", "text", 22), ColumnSpec("上次走访", "date", 12),
    ColumnSpec("走访日期", "date", 12), ColumnSpec("走访方式", "text", 10),
    ColumnSpec("情况记录", "text", 44), ColumnSpec("走访人签字", "text", 12),
)
assert tuple(c.header for c in COLUMNS) == HEADERS
# relative widths of the printed (PDF) columns, in HEADERS order
PRINT_WEIGHTS = (5.5, 7, 5.5, 5.5, 20, 11, 14, 10.5, 10.5, 9, 28, 10)
BLANK_ROW_HEIGHT = 36     # points: room to write by hand
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One line of the roster; the visit columns empty when not yet visited."""

    seq: int
    name: str
    sex: str
    age: int
    address: str
    phone: str
    difficulty: str          # 困难类型: why item 14 applies (独居、失能（重度失能）…)
    last_visit: dt.date | None   # latest visit before the month
    visit_date: dt.date | None   # the month's latest visit
    method: str
    record: str
    visitor: str
    id_number: str = ""      # not printed; carried for the window (masked unless asked)

    @property
    def visited(self) -> bool:
        return self.visit_date is not None

    def cells(self) -> tuple:
        """Values in HEADERS order."""
        return (self.seq, self.name, self.sex, self.age, self.address, self.phone,
                self.difficulty, self.last_visit, self.visit_date, self.method, self.record,
                self.visitor)


@dataclass(frozen=True, slots=True)
class RosterSection:
    county: str
    street: str
    community: str
    month: Month
    rows: tuple[RosterRow, ...]

    @property
    def place(self) -> str:
        return f"{self.county}{self.street}{self.community}"

    @property
    def visited(self) -> int:
        return sum(r.visited for r in self.rows)

    @property
    def title(self) -> str:
        return (f"{self.place} {self.month.label}走访花名册"
                f"（应访{len(self.rows)}人，已访{self.visited}人）")


def mask_phone(phone: str) -> str:
    """138****5678: first three and last four digits of a mobile; others keep the last four."""
    digits = sum(ch.isdigit() for ch in phone)
    if digits <= 4:
        return phone
    keep_head = 3 if digits >= 11 else 0
    out, seen = [], 0
    for ch in phone:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= keep_head or seen > digits - 4 else "*")
        else:
            out.append(ch)
    return "".join(out)


def sheet_name(community: str, used: set[str]) -> str:
    """A valid, unique sheet tab for a community (≤ 31 characters, no []:*?/\\)."""
    base = _SHEET_BAD.sub("_", community).strip("'") or "社区"
    name, n = base[:31], 1
    while name in used:
        n += 1
        suffix = f"({n})"
        name = base[:31 - len(suffix)] + suffix
    used.add(name)
    return name


def write_roster_workbook(sections: Sequence[RosterSection], out: Path, month: Month) -> int:
    """Write one sheet per community and return the number of residents written."""
    book = ReportWorkbook(out, constant_memory=True, doc_title=f"{month.label}走访花名册")
    try:
        b = book.book
        font = {"font_name": "宋体", "font_size": 11, "border": 1, "valign": "vcenter"}
        fmt = {
            "int": b.add_format({**font, "num_format": "0", "align": "center"}),
            "text": b.add_format({**font, "text_wrap": True}),
            "id": b.add_format({**font, "num_format": "@"}),
            "date": b.add_format({**font, "num_format": "yyyy-mm-dd"}),
        }
        formats = [fmt[c.kind] for c in COLUMNS]
        used: set[str] = set()
        total = 0
        if not sections:
            book.add_sheet(SheetSpec("走访花名册", f"{month.label}走访花名册（本月无应探访对象）",
                                     COLUMNS))
        for section in sections:
            sheet = book.add_sheet(SheetSpec(sheet_name(section.community, used), section.title,
                                             COLUMNS))
            ws = sheet.ws
            ws.set_header(f"&L{section.place}&R{month.label}")
            r = FIRST_DATA_ROW
            for row in section.rows:
                if not row.visited:
                    ws.set_row(r, BLANK_ROW_HEIGHT)
                for col, value in enumerate(row.cells()):
                    if value is None or value == "":
                        ws.write_blank(r, col, None, formats[col])
                    elif isinstance(value, dt.date):
                        ws.write_datetime(r, col, dt.datetime(value.year, value.month,
                                                              value.day), formats[col])
                    elif isinstance(value, int):
                        ws.write_number(r, col, value, formats[col])
                    else:
                        ws.write_string(r, col, value, formats[col])
                r += 1
            total += len(section.rows)
    except BaseException:
        book.close()
        Path(out).unlink(missing_ok=True)
        raise
    book.close()
    return total
