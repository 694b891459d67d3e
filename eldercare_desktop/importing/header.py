"""Finding the header row and the template's columns in it (FORMATS.md §1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain.columns import COLUMN_BY_HEADER, COLUMNS, Column
from .cells import clean_text
from .model import Problem

HEADER_SEARCH_ROWS = 10
KEY_HEADERS = ("姓名", "身份证号")


def header_text(value: Any) -> str:
    """A header cell as a column name: NFKC, no spaces inside ("姓  名"), no required-mark *."""
    text = clean_text(value)
    return "".join(text.split()).strip("*")


@dataclass(slots=True)
class HeaderMap:
    row_index: int                                  # 0-based list index of the header row
    columns: list[tuple[int, Column]] = field(default_factory=list)   # (0-based index, column)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def excel_row(self) -> int:
        return self.row_index + 1

    def index_of(self, header: str) -> int | None:
        for index, column in self.columns:
            if column.header == header:
                return index
        return None


def find_header_row(rows: list[list[Any]]) -> int | None:
    """0-based index of the first of the first ten rows holding both 姓名 and 身份证号."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {header_text(v) for v in row if v != ""}
        if all(k in names for k in KEY_HEADERS):
            return i
    return None


def map_header(rows: list[list[Any]], row_index: int) -> HeaderMap:
    """The template columns found in the header row; unknown, repeated and missing ones."""
    result = HeaderMap(row_index)
    excel_row = row_index + 1
    seen: dict[str, int] = {}
    for j, raw in enumerate(rows[row_index]):
        name = header_text(raw)
        if not name:
            continue
        column = COLUMN_BY_HEADER.get(name)
        if column is None:
            result.warnings.append(Problem(
                excel_row, name, clean_text(raw), f"无法识别的列“{name}”，该列已忽略"))
            continue
        if name in seen:
            result.problems.append(Problem(
                excel_row, name, clean_text(raw),
                f"列“{name}”出现了两次（第{_letter(seen[name])}列和第{_letter(j)}列），请删去一列"))
            continue
        seen[name] = j
        result.columns.append((j, column))
    for column in COLUMNS:
        if column.required and column.header not in seen:
            result.problems.append(Problem(
                excel_row, column.header, "", f"缺少必填列“{column.header}”，请在表头行加上这一列"))
    return result


def _letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
