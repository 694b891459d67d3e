"""Shared layout of every exported sheet (FORMATS.md §4), on top of XlsxWriter.

Row 1 is a merged title, row 2 the column names, data starts on row 3; panes are frozen below
row 2; amounts are numbers formatted ``#,##0.00``; dates are real Excel dates; widths fit
Chinese text; the sheet prints on A4 landscape, fitted to the page width, with row 2 repeated on
every page and "第 &P 页，共 &N 页" in the footer.

Typical use::

    spec = SheetSpec("待遇明细", "新抚区 2027年1月 待遇测算表", (
        ColumnSpec("序号", "int"), ColumnSpec("姓名", "text"), ColumnSpec("月标准(元)", "money"),
    ))
    with ReportWorkbook(path) as book:
        sheet = book.add_sheet(spec)
        for row in rows:
            sheet.write_row(row)            # values in column order; None leaves a cell empty
        sheet.write_total("合计")           # sums every money column

Rows stream out with ``constant_memory=True``: write a sheet's rows in order, and finish one
sheet before starting the next.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
FOOTER = "&C第 &P 页，共 &N 页"
TITLE_ROW = 0            # zero-based: Excel row 1
HEADER_ROW = 1           # Excel row 2
FIRST_DATA_ROW = 2       # Excel row 3
A4 = 9

# Column kinds: what a cell holds and how it is formatted.
#   text    free text, written as a string, never turned into a formula, URL or number
#   id      digits kept as text (ID numbers, bank accounts, phones): text format "@"
#   int     whole numbers (序号, 年龄, 人数)
#   number  other numbers, shown as Excel's General format
#   money   Decimal amounts, "#,##0.00", summed by the totals rows
#   percent a fraction shown as 0.0%
#   date    datetime.date, shown as yyyy-mm-dd
#   code    a short code or word read down the column (项目编号, 性别): text, centred
KINDS = ("text", "id", "int", "number", "money", "percent", "date", "code")

_NUM_FORMATS = {
    "id": TEXT_FORMAT,
    "int": "0",
    "money": MONEY_FORMAT,
    "percent": "0.0%",
    "date": DATE_FORMAT,
}

WORKBOOK_OPTIONS = {
    # Register text is data: "=1+1" in a note stays text, "http://…" stays text.
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": DATE_FORMAT,
}


def display_width(text: str) -> float:
    """Width of ``text`` in Excel character units: Chinese (wide) characters count two."""
    width = 0.0
    for ch in text:
        width += 2.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.1
    return width


def fit_width(header: str, width: float | None = None, sample: str = "") -> float:
    """A column width that shows the header and a typical value without cutting them."""
    need = max(display_width(header), display_width(sample)) + 2.0
    return max(width or 0.0, need)


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    header: str
    kind: str = "text"
    width: float | None = None      # None: fit the header

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class SheetSpec:
    name: str                        # the sheet tab (≤ 31 characters, no []:*?/\)
    title: str                       # row 1, merged over every column
    columns: tuple[ColumnSpec, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


class Styles:
    """The formats of one workbook, created once (XlsxWriter formats belong to a workbook)."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        font = {"font_name": "宋体", "font_size": 11}
        self.title = book.add_format({**font, "bold": True, "font_size": 16,
                                      "align": "center", "valign": "vcenter"})
        self.header = book.add_format({**font, "bold": True, "align": "center",
                                       "valign": "vcenter", "text_wrap": True, "border": 1,
                                       "bg_color": "#DDEBF7"})
        self.required_header = book.add_format({**font, "bold": True, "align": "center",
                                                "valign": "vcenter", "text_wrap": True,
                                                "border": 1, "bg_color": "#DDEBF7",
                                                "font_color": "#C00000"})
        # Column formats; text and plain numbers keep the default style, so their cells carry
        # no style attribute at all (a large register writes measurably faster).
        self.columns: dict[str, Format | None] = {
            kind: book.add_format({"num_format": fmt}) for kind, fmt in _NUM_FORMATS.items()}
        self.columns["text"] = None
        self.columns["number"] = None
        self.columns["code"] = book.add_format({"align": "center"})
        self.total_label = book.add_format({**font, "bold": True, "top": 1})
        self.total_blank = book.add_format({**font, "top": 1})
        self.total_money = book.add_format({**font, "bold": True, "top": 1,
                                            "num_format": MONEY_FORMAT})
        self.total_int = book.add_format({**font, "bold": True, "top": 1, "num_format": "0"})
        self.wrap = book.add_format({**font, "text_wrap": True, "valign": "top"})
        self.bold = book.add_format({**font, "bold": True})


def setup_sheet(ws: Worksheet, spec: SheetSpec, styles: Styles, *,
                header_formats: Sequence[Format] | None = None) -> None:
    """Title, header, widths, column formats, frozen panes and print setup of one sheet."""
    ncols = len(spec.columns)
    for col, column in enumerate(spec.columns):
        ws.set_column(col, col, fit_width(column.header, column.width),
                      styles.columns[column.kind])
    ws.set_row(TITLE_ROW, 30)
    if ncols > 1:
        ws.merge_range(TITLE_ROW, 0, TITLE_ROW, ncols - 1, spec.title, styles.title)
    else:
        ws.write_string(TITLE_ROW, 0, spec.title, styles.title)
    ws.set_row(HEADER_ROW, 30)
    for col, column in enumerate(spec.columns):
        fmt = header_formats[col] if header_formats else styles.header
        ws.write_string(HEADER_ROW, col, column.header, fmt)
    ws.freeze_panes(FIRST_DATA_ROW, 0)
    print_setup(ws)


def print_setup(ws: Worksheet) -> None:
    """A4 landscape, fit to the page width, row 2 on every page, page numbers in the footer."""
    ws.set_paper(A4)
    ws.set_landscape()
    ws.repeat_rows(HEADER_ROW)
    ws.set_footer(FOOTER)
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
    ws.hide_gridlines(0)             # print the grid: a register is read on paper


def to_cell(value: Any) -> Any:
    """A Python value as XlsxWriter should receive it (Decimal → float, bool → 是/否)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return float(value)
    return value


class SheetWriter:
    """Streams the rows of one sheet, keeping the sums of its money columns for totals rows."""

    def __init__(self, ws: Worksheet, spec: SheetSpec, styles: Styles) -> None:
        self.ws = ws
        self.spec = spec
        self.styles = styles
        self.row = FIRST_DATA_ROW
        self._money_cols = tuple(i for i, c in enumerate(spec.columns) if c.kind == "money")
        self._total: dict[int, Decimal] = {i: Decimal(0) for i in self._money_cols}
        self._section: dict[int, Decimal] = {i: Decimal(0) for i in self._money_cols}
        self.data_rows = 0
        self._section_rows = 0

    def write_row(self, values: Sequence[Any]) -> int:
        """Write one data row (values in column order) and return its zero-based row index.

        Money is a Decimal (or None), dates are ``datetime.date``, booleans become 是/否,
        None and "" leave the cell empty. Column formats come from the column kinds.
        """
        for col in self._money_cols:
            amount = values[col]
            if amount is not None:
                self._total[col] += amount
                self._section[col] += amount
        self.ws.write_row(self.row, 0, [to_cell(v) for v in values])
        self.data_rows += 1
        self._section_rows += 1
        self.row += 1
        return self.row - 1

    def write_rows(self, rows: Iterable[Sequence[Any]]) -> int:
        count = 0
        for values in rows:
            self.write_row(values)
            count += 1
        return count

    def _write_sums(self, label: str, label_col: int, sums: dict[int, Decimal],
                    count: int | None, count_col: int | None) -> int:
        ws, st = self.ws, self.styles
        for col in range(len(self.spec.columns)):
            ws.write_blank(self.row, col, None, st.total_blank)
        ws.write_string(self.row, label_col, label, st.total_label)
        if count is not None and count_col is not None:
            ws.write_number(self.row, count_col, count, st.total_int)
        for col, amount in sums.items():
            ws.write_number(self.row, col, float(amount), st.total_money)
        self.row += 1
        return self.row - 1

    def write_subtotal(self, label: str = "小计", *, label_col: int = 0,
                       count_col: int | None = None) -> int:
        """Sums of the money columns since the previous subtotal (e.g. per street)."""
        row = self._write_sums(label, label_col, dict(self._section), self._section_rows,
                               count_col)
        self._section = {i: Decimal(0) for i in self._money_cols}
        self._section_rows = 0
        return row

    def write_total(self, label: str = "合计", *, label_col: int = 0,
                    count_col: int | None = None) -> int:
        """Sums of the money columns over every data row of the sheet."""
        return self._write_sums(label, label_col, dict(self._total), self.data_rows, count_col)

    @property
    def totals(self) -> dict[str, Decimal]:
        return {self.spec.columns[i].header: s for i, s in self._total.items()}


class ReportWorkbook:
    """An XlsxWriter workbook with the house options, styles and sheet layout."""

    def __init__(self, out: Path | str, *, constant_memory: bool = True,
                 created: dt.datetime | None = None, doc_title: str | None = None) -> None:
        self.path = Path(out)
        self.book = xlsxwriter.Workbook(
            str(self.path), {**WORKBOOK_OPTIONS, "constant_memory": constant_memory})
        self.book.set_properties({"created": created or dt.datetime.now(),
                                  "author": "社区养老服务台账", "title": doc_title or self.path.stem})
        self.styles = Styles(self.book)
        self._sheets: list[tuple[Worksheet, int]] = []

    def add_sheet(self, spec: SheetSpec, *,
                  header_formats: Sequence[Format] | None = None) -> SheetWriter:
        ws = self.book.add_worksheet(spec.name)
        setup_sheet(ws, spec, self.styles, header_formats=header_formats)
        self._sheets.append((ws, len(spec.columns)))
        return SheetWriter(ws, spec, self.styles)

    def close(self) -> None:
        """Write the file. A file that cannot be created raises the OSError behind it (a
        missing folder, a file open in Excel), which the callers report in Chinese."""
        for ws, ncols in self._sheets:
            # print exactly the table: without a print area, a printed grid fills the page
            ws.print_area(0, 0, max(ws.dim_rowmax or 0, HEADER_ROW), ncols - 1)
        try:
            self.book.close()
        except FileCreateError as exc:
            cause = exc.__cause__ or exc.__context__
            if isinstance(cause, OSError):
                if cause.filename is None:
                    cause.filename = str(self.path)
                raise cause from None
            raise OSError(f"无法写入 {self.path}") from None

    def __enter__(self) -> "ReportWorkbook":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
