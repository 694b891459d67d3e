"""The errors copy: bad cells filled red with the message as a comment, at the exact cell."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl

from eldercare_desktop.domain.columns import HEADERS
from eldercare_desktop.importing import read_import_file, write_errors_workbook

_spec = importlib.util.spec_from_file_location(
    "importing_helpers", Path(__file__).with_name("importing_helpers.py"))
h = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(h)

RED = "FFFF0000"


def col(header: str, headers=HEADERS) -> int:
    return list(headers).index(header) + 1


def marked_cells(path: Path) -> dict[tuple[int, int], str]:
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return {
        (c.row, c.column): c.comment.text
        for r in sheet.iter_rows() for c in r
        if c.comment is not None and c.fill.fgColor.rgb == RED
    }


def test_xlsx_copy_marks_each_bad_cell_below_a_title_row(tmp_path):
    rows = [h.good_row(1), h.good_row(2, 户籍="外地", 失智="也许"), h.good_row(3, 身份证号=h.make_id(1))]
    source = h.write_xlsx(tmp_path / "in.xlsx", rows, title="居民台账")
    result = read_import_file(source)
    out = tmp_path / "errors.xlsx"
    write_errors_workbook(source, result, out)
    marks = marked_cells(out)
    assert set(marks) == {(4, col("户籍")), (4, col("失智")), (5, col("身份证号"))}
    assert "只能填：抚顺 / 非抚顺" in marks[(4, col("户籍"))]
    assert "与第3行身份证号重复" in marks[(5, col("身份证号"))]
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet["A1"].value == "居民台账" and sheet.cell(4, col("户籍")).value == "外地"


def test_missing_column_marks_the_header_row(tmp_path):
    headers = [x for x in HEADERS if x != "县区"]
    source = h.write_xlsx(tmp_path / "in.xlsx", [h.good_row(1)], headers=headers)
    out = tmp_path / "errors.xlsx"
    write_errors_workbook(source, read_import_file(source), out)
    marks = marked_cells(out)
    assert list(marks) == [(1, col("姓名", headers))]
    assert "缺少必填列“县区”" in marks[(1, col("姓名", headers))]


def test_ods_copy_is_rebuilt_as_xlsx_at_the_same_positions(tmp_path):
    grid = [["台账"], list(HEADERS),
            [str(v) for v in h.good_row(1).values()],
            [str(v) for v in h.good_row(2, 联系电话="12ab").values()]]
    source = h.write_ods(tmp_path / "in.ods", grid)
    out = tmp_path / "errors.xlsx"
    write_errors_workbook(source, read_import_file(source), out)
    marks = marked_cells(out)
    assert list(marks) == [(4, col("联系电话"))]
    assert "7至12位数字" in marks[(4, col("联系电话"))]
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet["A1"].value == "台账" and sheet.cell(3, col("姓名")).value == "张桂兰1"
