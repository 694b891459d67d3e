"""read_import_file_in_child: the same result as the in-process reader, a cancel that ends the
child, and file errors that cross the process boundary with their Chinese message."""

from __future__ import annotations

import importlib.util
import multiprocessing
from pathlib import Path

import pytest

from eldercare_desktop.importing import ImportCancelled, ImportFileError, read_import_file
from eldercare_desktop.importing.child_reader import (
    check_import_file_in_child,
    read_import_file_in_child,
)

_spec = importlib.util.spec_from_file_location(
    "importing_helpers", Path(__file__).with_name("importing_helpers.py"))
h = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(h)


def test_same_result_as_the_in_process_reader(tmp_path):
    rows = [h.good_row(i) for i in range(1, 60)]
    good_id = h.make_id(8)
    rows[7] = h.good_row(8, 身份证号=good_id[:-1] + ("1" if good_id[-1] == "0" else "0"))
    rows[9] = h.good_row(10, 经济状况="特困")
    path = h.write_xlsx(tmp_path / "in.xlsx", rows, title="抚顺市居民信息台账")
    result = read_import_file_in_child(path)
    assert result == read_import_file(path)
    assert [p.row for p in result.problems] == [10, 12] and result.header_row == 2


def test_valid_file_gives_every_resident_in_order_with_progress(tmp_path):
    path = h.write_xlsx(tmp_path / "in.xlsx", [h.good_row(i) for i in range(1, 901)])
    seen: list[tuple[int, int]] = []
    result = read_import_file_in_child(path, progress=lambda d, t: seen.append((d, t)))
    expected = read_import_file(path)
    assert result.ok and len(result.rows) == 900
    assert result == expected
    assert seen[-1] == (900, 900)


def test_problem_rows_come_back_whole(tmp_path):
    path = h.write_xlsx(tmp_path / "in.xlsx", [h.good_row(1), h.good_row(2, 户籍="北京")])
    result, cells = check_import_file_in_child(path, problem_rows=10)
    assert [(p.row, p.column) for p in result.problems] == [(3, "户籍")]
    assert dict(cells[3])["户籍"] == "北京" and dict(cells[3])["姓名"] == "张桂兰2"


def test_cancel_ends_the_child(tmp_path):
    path = h.write_xlsx(tmp_path / "in.xlsx", [h.good_row(i) for i in range(1, 4001)])
    seen: list[int] = []
    with pytest.raises(ImportCancelled):
        read_import_file_in_child(path, progress=lambda d, _t: seen.append(d),
                                  cancelled=lambda: bool(seen))
    assert seen and seen[-1] < 4000
    assert not [p for p in multiprocessing.active_children() if p.name == "eldercare-import-reader"]


def test_cancel_before_start_starts_nothing(tmp_path):
    with pytest.raises(ImportCancelled):
        read_import_file_in_child(tmp_path / "missing.xlsx", cancelled=lambda: True)


@pytest.mark.parametrize("content, fragment", [
    (None, "不存在"),
    (b"name,id\n", "不是Excel表格"),
])
def test_file_error_crosses_with_its_chinese_message(tmp_path, content, fragment):
    path = tmp_path / "台账.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFileError) as in_child:
        read_import_file_in_child(path)
    with pytest.raises(ImportFileError) as in_process:
        read_import_file(path)
    assert str(in_child.value) == str(in_process.value)
    assert "台账.xlsx" in str(in_child.value) and fragment in str(in_child.value)
