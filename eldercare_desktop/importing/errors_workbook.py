"""The errors copy: the import file with every bad cell filled red and its message as a comment.

An .xlsx source is loaded with openpyxl and marked in place (its formats kept); an .xls or
.ods source (or an .xlsx too large to load whole) is rebuilt from the values read, at the same
row and column positions. The copy is always an .xlsx file.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from .cells import clean_text
from .header import header_text
from .model import ImportFileError, ReadResult
from .opening import read_first_sheet, sniff

RED = "FFFF0000"
AUTHOR = "社区养老服务台账"
LOAD_IN_PLACE_MAX_BYTES = 5 * 1024 * 1024  # larger .xlsx files are rebuilt in streaming mode


def _fill():
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=RED, end_color=RED)


def _comment(messages: list[str]):
    from openpyxl.comments import Comment

    text = "\n".join(dict.fromkeys(messages))      # unique, in order
    comment = Comment(text, AUTHOR)
    comment.width = 320
    comment.height = max(80, 22 * (text.count("\n") + 1) + 40 * (len(text) // 30))
    return comment


def _marks(result: ReadResult, header_cells: list[Any]) -> dict[tuple[int, int], list[str]]:
    """(Excel row, 1-based column) → messages, for every problem of ``result``."""
    index: dict[str, int] = {}
    for j, raw in enumerate(header_cells):
        name = header_text(raw)
        if name and name not in index:
            index[name] = j + 1
    fallback = index.get("身份证号") or index.get("姓名") or 1
    marks: dict[tuple[int, int], list[str]] = defaultdict(list)
    for p in result.problems:
        col = index.get(p.column)
        text = p.message
        if col is None:                        # missing column, or a whole-row problem
            col = index.get("姓名", fallback) if p.row == result.header_row else fallback
            if p.column and p.column not in text:
                text = f"{p.column}：{text}"
        marks[(p.row, col)].append(text)
    return marks


def write_errors_workbook(source: Path, result: ReadResult, out: Path) -> None:
    """Write the marked copy of ``source`` to ``out`` (.xlsx)."""
    source, out = Path(source), Path(out)
    kind = sniff(source)
    in_place = kind == "xlsx" and source.stat().st_size <= LOAD_IN_PLACE_MAX_BYTES
    try:
        if in_place:
            try:
                workbook = _marked_in_place(source, result)
            except ImportFileError:
                raise
            except Exception:                  # openpyxl cannot load it: rebuild from values
                workbook = _rebuilt(source, result)
        else:
            workbook = _rebuilt(source, result)
        workbook.save(out)
    except ImportFileError:
        raise
    except OSError as err:
        raise ImportFileError(
            f"无法写入错误标注文件“{out.name}”（{err.strerror or err}），请确认该文件没有在Excel中打开"
        ) from None


def _marked_in_place(source: Path, result: ReadResult):
    import openpyxl

    workbook = openpyxl.load_workbook(source)
    sheet = workbook.worksheets[0]
    header_cells = [c.value for c in sheet[result.header_row]] if sheet.max_row >= result.header_row else []
    fill = _fill()
    for (row, col), messages in _marks(result, header_cells).items():
        cell = sheet.cell(row=row, column=col)
        cell.fill = fill
        cell.comment = _comment(messages)
    workbook.active = 0
    return workbook


def _rebuilt(source: Path, result: ReadResult):
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cells = read_first_sheet(source)
    rows = cells.rows
    header_cells = rows[result.header_row - 1] if len(rows) >= result.header_row else []
    marks = _marks(result, header_cells)
    marked_rows: dict[int, dict[int, list[str]]] = defaultdict(dict)
    for (row, col), messages in marks.items():
        marked_rows[row][col] = messages
    width = max((len(r) for r in rows), default=0)
    width = max([width, *(col for cols in marked_rows.values() for col in cols)])

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(cells.sheet_name))
    fill = _fill()
    last_row = max(len(rows), max(marked_rows, default=0))
    for i in range(last_row):
        values = list(rows[i]) if i < len(rows) else []
        values += [""] * (width - len(values))
        values = [ILLEGAL_CHARACTERS_RE.sub("", v) if type(v) is str else v for v in values]
        values = [None if v == "" else v for v in values]
        row_marks = marked_rows.get(i + 1)
        if row_marks:
            out: list[Any] = []
            for j, v in enumerate(values):
                messages = row_marks.get(j + 1)
                if messages is None:
                    out.append(v)
                else:
                    cell = WriteOnlyCell(sheet, value=v)
                    cell.fill = fill
                    cell.comment = _comment(messages)
                    out.append(cell)
            sheet.append(out)
        else:
            sheet.append(values)
    return workbook


def _sheet_title(name: str) -> str:
    title = "".join(ch for ch in clean_text(name) if ch not in "[]:*?/\\")[:31]
    return title or "Sheet1"
