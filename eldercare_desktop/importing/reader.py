"""read_import_file: the import template (FORMATS.md §1) → residents, or every problem in it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.enums import Economic, Status
from ..domain.resident import RESIDENT_FIELDS, Resident
from .cells import _STRIP, CellError, excel_display, make_parser
from .header import KEY_HEADERS, find_header_row, map_header
from .model import ImportCancelled, ImportFileError, ParsedRow, Problem, ReadResult
from .opening import read_first_sheet

PROGRESS_EVERY = 2000

_POS = {name: i for i, name in enumerate(RESIDENT_FIELDS)}
_ID, _ECONOMIC, _TEKUN = _POS["id_number"], _POS["economic"], _POS["tekun_mode"]
_STATUS, _STATUS_DATE = _POS["status"], _POS["status_date"]
_DEFAULTS: list[Any] = [
    Resident.__dataclass_fields__[name].default for name in RESIDENT_FIELDS  # type: ignore[attr-defined]
]


def _is_blank(row: list[Any], indexes: list[int]) -> bool:
    """No content in any template column (a pre-numbered 序号 column alone is still blank)."""
    for j in indexes:
        v = row[j]
        if type(v) is str:
            if v.strip(_STRIP):
                return False
        elif v is not None:
            return False
    return True


def read_import_file(
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReadResult:
    """Read and validate the first sheet; raise ImportFileError if it cannot be read at all."""
    path = Path(path)
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    sheet = read_first_sheet(path)
    rows = sheet.rows
    header_index = find_header_row(rows)
    if header_index is None:
        if all(_is_blank(r, range(len(r))) for r in rows):
            raise ImportFileError(f"文件“{path.name}”的第一个工作表“{sheet.sheet_name}”是空的，没有任何数据")
        raise ImportFileError(
            f"文件“{path.name}”的前10行中找不到同时含有“姓名”和“身份证号”的表头行；"
            f"请使用导入模板，并保留表头")
    header = map_header(rows, header_index)
    problems, warnings = list(header.problems), list(header.warnings)
    specs = [(j, column.header, _POS[column.field], make_parser(column))
             for j, column in header.columns]
    known = [j for j, _ in header.columns]
    name_j = header.index_of(KEY_HEADERS[0])
    id_j = header.index_of(KEY_HEADERS[1])
    assert name_j is not None and id_j is not None
    col_of = {column.field: (j, column.header) for j, column in header.columns}

    parsed: list[ParsedRow] = []
    first_row_of: dict[str, int] = {}
    total = len(rows) - header_index - 1
    data_rows = 0
    tekun = Economic.TEKUN
    registered = Status.REGISTERED
    append_problem = problems.append

    for i in range(header_index + 1, len(rows)):
        done = i - header_index - 1
        if done % PROGRESS_EVERY == 0 and done:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(done, total)
        row = rows[i]
        if not row[name_j] and not row[id_j] and _is_blank(row, known):
            continue
        data_rows += 1
        excel_row = i + 1
        values = _DEFAULTS.copy()
        bad: list[Problem] | None = None
        for j, col_header, pos, parse in specs:
            try:
                values[pos] = parse(row[j])
            except CellError as err:
                if bad is None:
                    bad = []
                bad.append(Problem(excel_row, col_header, excel_display(row[j]), str(err)))
                values[pos] = err
        # the ID: 18 characters, once in the file
        parsed_id = values[_ID]
        if not isinstance(parsed_id, CellError):
            number = values[_ID] = parsed_id.number
            if parsed_id.upgraded_from_15:
                warnings.append(Problem(excel_row, "身份证号", excel_display(row[id_j]),
                                        f"15位身份证号已自动升为18位：{number}"))
            earlier = first_row_of.get(number)
            if earlier is None:
                first_row_of[number] = excel_row
            else:
                bad = bad or []
                bad.append(Problem(excel_row, "身份证号", number,
                                   f"与第{earlier}行身份证号重复，同一人只能出现一次"))
        # 特困供养方式 only with 特困; 状态日期 with 死亡/迁出 only
        economic, mode = values[_ECONOMIC], values[_TEKUN]
        if not isinstance(economic, CellError) and not isinstance(mode, CellError):
            if economic is tekun and mode is None:
                bad = bad or []
                bad.append(_cross(row, col_of, "tekun_mode", excel_row,
                                  "经济状况为特困时必须填写特困供养方式（集中 / 分散）"))
            elif economic is not tekun and mode is not None:
                bad = bad or []
                bad.append(_cross(row, col_of, "tekun_mode", excel_row,
                                  f"经济状况为{economic}时特困供养方式必须为空（只有特困人员才填）"))
        status, status_date = values[_STATUS], values[_STATUS_DATE]
        if not isinstance(status, CellError) and not isinstance(status_date, CellError):
            if status is not registered and status_date is None:
                bad = bad or []
                bad.append(_cross(row, col_of, "status_date", excel_row,
                                  f"状态为{status}时必须填写状态日期"))
            elif status is registered and status_date is not None:
                bad = bad or []
                bad.append(_cross(row, col_of, "status_date", excel_row,
                                  "状态为在册时不应填写状态日期"))
        if bad is None:
            parsed.append(ParsedRow(excel_row, Resident(*values)))
        elif _is_blank(row, known):          # whitespace only: a blank row after all
            data_rows -= 1
        else:
            for p in bad:
                append_problem(p)

    if progress is not None:
        progress(total, total)
    if data_rows == 0:
        raise ImportFileError(
            f"文件“{path.name}”在表头（第{header.excel_row}行）下面没有任何数据行")
    if problems:
        parsed = []
    return ReadResult(parsed, problems, warnings, header.excel_row, sheet.sheet_name)


def _cross(row: list[Any], col_of: dict[str, tuple[int, str]], field: str, excel_row: int,
           message: str) -> Problem:
    """A problem between two cells, reported on ``field``'s column (even if absent)."""
    from ..domain.columns import COLUMN_BY_FIELD

    located = col_of.get(field)
    if located is None:
        return Problem(excel_row, COLUMN_BY_FIELD[field].header, "", message)
    j, header = located
    return Problem(excel_row, header, excel_display(row[j]), message)
