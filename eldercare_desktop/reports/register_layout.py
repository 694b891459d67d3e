"""The register sheet's layout, shared by the import template and the register export so that
both follow the template's columns (domain/columns.py) exactly: same headers, same order."""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..domain.columns import COLUMNS, Column
from .workbook import ColumnSpec, SheetSpec, Styles

SHEET_NAME = "居民信息"
YES_NO = ("是", "否")

# Template column kind → sheet column kind. Phones and accounts are digits kept as text.
_KIND = {"text": "text", "id": "id", "phone": "id", "account": "id", "enum": "text",
         "bool": "text", "date": "date"}


def sheet_kind(column: Column) -> str:
    return _KIND[column.kind]


def choices_of(column: Column) -> tuple[str, ...]:
    """The closed list of a column (enum words, or 是/否), empty for free columns."""
    if column.kind == "bool":
        return YES_NO
    if column.kind == "enum":
        return column.choices
    return ()


def register_spec(title: str) -> SheetSpec:
    return SheetSpec(SHEET_NAME, title,
                     tuple(ColumnSpec(c.header, sheet_kind(c), c.width) for c in COLUMNS))


def header_formats(styles: Styles) -> Sequence[Format]:
    """Required columns' names in red, the others in the ordinary header style."""
    return [styles.required_header if c.required else styles.header for c in COLUMNS]


def add_choice_lists(ws: Worksheet, first_row: int, last_row: int) -> None:
    """A drop-down list on every closed-list column for rows first_row..last_row (0-based)."""
    if last_row < first_row:
        return
    for col, column in enumerate(COLUMNS):
        choices = choices_of(column)
        if not choices:
            continue
        ws.data_validation(first_row, col, last_row, col, {
            "validate": "list",
            "source": list(choices),
            "ignore_blank": True,
            "error_type": "stop",
            "error_title": f"{column.header}填写有误",
            "error_message": "请从下拉列表中选择：" + "、".join(choices),
        })
