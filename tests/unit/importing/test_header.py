"""Finding the header row and the template's columns (FORMATS.md §1)."""

from __future__ import annotations

from eldercare_desktop.importing.header import find_header_row, header_text, map_header


def test_header_text_normalises_spacing_and_required_marks():
    assert header_text("姓  名") == "姓名" and header_text("*身份证号") == "身份证号"
    assert header_text("ＩＤ") == "ID"


def test_header_is_the_first_row_with_both_key_columns():
    rows = [["台账"], ["姓名", ""], ["姓名", "身份证号"], ["姓名", "身份证号"]]
    assert find_header_row(rows) == 2


def test_header_is_searched_in_the_first_ten_rows_only():
    rows = [["说明"]] * 10 + [["姓名", "身份证号"]]
    assert find_header_row(rows) is None


def test_map_header_reports_unknown_repeated_and_missing_columns():
    rows = [["标题"], ["序号", "姓名", "身份证号", "姓名", "户籍"]]
    header = map_header(rows, 1)
    assert [(w.row, w.column) for w in header.warnings] == [(2, "序号")]
    problems = [(p.row, p.column) for p in header.problems]
    assert problems[0] == (2, "姓名") and "两次" in header.problems[0].message
    assert (2, "县区") in problems and (2, "户籍") not in problems
    assert header.index_of("户籍") == 4
