"""read_import_file on real workbooks: every problem located at the sheet's own (row, column)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from eldercare_desktop.domain.columns import HEADERS
from eldercare_desktop.domain.enums import Economic, Living, Status, TekunMode
from eldercare_desktop.importing import ImportCancelled, read_import_file

_spec = importlib.util.spec_from_file_location(
    "importing_helpers", Path(__file__).with_name("importing_helpers.py"))
h = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(h)

TITLE = "抚顺市新抚区居民信息台账（2026年）"
BAD_CHECK_DIGIT = h.make_id(2)[:-1] + ("1" if h.make_id(2)[-1] == "0" else "0")


def read(tmp_path, rows, **kw):
    return read_import_file(h.write_xlsx(tmp_path / "in.xlsx", rows, **kw))


def located(result):
    return [(p.row, p.column) for p in result.problems]


def test_valid_file_below_a_title_row(tmp_path):
    result = read(tmp_path, [h.good_row(1), h.good_row(2, 经济状况="特困", 特困供养方式="分散")],
                  title=TITLE)
    assert result.problems == [] and result.header_row == 2 and result.sheet_name == "居民台账"
    assert [r.excel_row for r in result.rows] == [3, 4]
    first, second = (r.resident for r in result.rows)
    assert first.id_number == h.make_id(1) and first.name == "张桂兰1"
    assert first.living is Living.ALONE and first.has_supporter is True
    assert second.economic is Economic.TEKUN and second.tekun_mode is TekunMode.DISPERSED


def test_columns_by_name_in_any_order_with_defaults_and_unknown_column(tmp_path):
    headers = ["序号", "身份证号", "社区", "姓名", "县区", "街道", "户籍类型", "户籍"]
    row = h.good_row(1, 序号=1, 姓名="  王　淑芬 ", 身份证号=h.make_id(1).replace("2", "２"))
    result = read(tmp_path, [row], headers=headers)
    assert result.problems == []
    resident = result.rows[0].resident
    assert resident.name == "王 淑芬" and resident.id_number == h.make_id(1)
    assert resident.living is Living.WITH_FAMILY and resident.status is Status.REGISTERED
    assert resident.dementia is False and resident.has_supporter is True
    assert [(w.row, w.column) for w in result.warnings] == [(1, "序号")]


@pytest.mark.parametrize(("header", "value", "fragment"), [
    ("姓名", "", "姓名不能为空"),
    ("身份证号", BAD_CHECK_DIGIT, "校验位"),
    ("身份证号", 210402195001011234, "被Excel存成了数字（显示为2.10402E+17），后几位已丢失"),
    ("身份证号", "210402195002301238", "不是真实日期"),
    ("户籍", "外地", "只能填：抚顺 / 非抚顺"),
    ("户籍类型", "", "户籍类型不能为空"),
    ("县区", "沈河区", "不是有效的县区"),
    ("街道", "", "街道不能为空"),
    ("失智", "也许", "无法识别为是或否"),
    ("能力等级", "半失能", "只能填：能力完好"),
    ("联系电话", "138-12ab", "7至12位数字"),
    ("银行账号", "12345", "10至25位数字"),
    ("银行账号", 6228480012345678901, "银行账号被Excel存成了数字"),
    ("特困供养方式", "集中", "特困供养方式必须为空"),
    ("状态日期", "2026-11-10", "状态为在册时不应填写状态日期"),
])
def test_each_bad_cell_is_located_below_a_title_row(tmp_path, header, value, fragment):
    result = read(tmp_path, [h.good_row(1), h.good_row(2, **{header: value})], title=TITLE)
    assert located(result) == [(4, header)]
    assert fragment in result.problems[0].message
    assert result.rows == []


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    rows = [h.good_row(1, 户籍="外地", 失智="?"), None, h.good_row(2), h.good_row(3, 县区="")]
    result = read(tmp_path, rows, title=TITLE)
    assert located(result) == [(3, "户籍"), (3, "失智"), (6, "县区")]
    assert result.problems[0].value == "外地"


def test_duplicate_id_names_the_earlier_row(tmp_path):
    result = read(tmp_path, [h.good_row(1), h.good_row(2), h.good_row(3, 身份证号=h.make_id(1))],
                  title=TITLE)
    assert located(result) == [(5, "身份证号")]
    assert "与第3行身份证号重复" in result.problems[0].message


def test_tekun_needs_its_mode_and_departures_need_a_date(tmp_path):
    rows = [h.good_row(1, 经济状况="特困"), h.good_row(2, 状态="死亡"),
            h.good_row(3, 状态="迁出", 状态日期="2026年3月5日")]
    result = read(tmp_path, rows)
    assert located(result) == [(2, "特困供养方式"), (3, "状态日期")]
    assert "集中 / 分散" in result.problems[0].message


def test_status_date_as_date_cell_and_every_text_form(tmp_path):
    forms = [dt.date(2026, 11, 10), dt.datetime(2026, 11, 10, 0, 0), "2026-11-10", "2026/11/10",
             "2026.11.10", "2026年11月10日"]
    rows = [h.good_row(i, 状态="死亡", 状态日期=v) for i, v in enumerate(forms)]
    result = read(tmp_path, rows)
    assert result.problems == []
    assert {r.resident.status_date for r in result.rows} == {dt.date(2026, 11, 10)}


def test_fifteen_digit_id_is_upgraded_with_a_warning(tmp_path):
    result = read(tmp_path, [h.good_row(1, 身份证号="210402500101001")])
    assert result.problems == []
    assert result.rows[0].resident.id_number == "210402195001010013"
    assert [(w.row, w.column) for w in result.warnings] == [(2, "身份证号")]
    assert "210402195001010013" in result.warnings[0].message


def test_phone_stored_as_number_is_fine(tmp_path):
    result = read(tmp_path, [h.good_row(1, 联系电话=13812345678)])
    assert result.problems == [] and result.rows[0].resident.phone == "13812345678"


def test_missing_required_column_is_a_problem_on_the_header_row(tmp_path):
    headers = [x for x in HEADERS if x != "户籍"]
    result = read(tmp_path, [h.good_row(1)], headers=headers, title=TITLE)
    assert located(result) == [(2, "户籍")]
    assert "缺少必填列" in result.problems[0].message


def test_blank_rows_and_a_prenumbered_serial_column_are_skipped(tmp_path):
    headers = ["序号", *HEADERS]
    rows = [h.good_row(1, 序号=1), None, {"序号": 2}, {"姓名": "   "}, h.good_row(2, 序号=3)]
    result = read(tmp_path, rows, headers=headers)
    assert result.problems == [] and [r.excel_row for r in result.rows] == [2, 6]


def test_ods_is_read_too(tmp_path):
    grid = [[TITLE], list(HEADERS), [str(v) for v in h.good_row(1, 户籍="外地").values()]]
    result = read_import_file(h.write_ods(tmp_path / "in.ods", grid))
    assert located(result) == [(3, "户籍")]


def test_progress_and_cancel(tmp_path):
    path = h.write_xlsx(tmp_path / "in.xlsx", [h.good_row(i) for i in range(4500)][:1000] * 5)
    seen = []
    read_import_file(path, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (2000, 5000) and seen[-1] == (5000, 5000)
    with pytest.raises(ImportCancelled):
        read_import_file(path, cancelled=lambda: True)
