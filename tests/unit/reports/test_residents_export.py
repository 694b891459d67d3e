"""The register export: the template's own columns, re-importable with nothing changed."""

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
import pytest
from python_calamine import CalamineWorkbook

from eldercare_desktop.demo.generator import generate_residents
from eldercare_desktop.domain.columns import COLUMNS, HEADERS
from eldercare_desktop.domain.enums import County, Economic, Hukou, HukouType, Status, TekunMode
from eldercare_desktop.domain.resident import Resident
from eldercare_desktop.reports.residents_export import register_title, write_residents_workbook

TODAY = dt.date(2026, 12, 4)


def back_to_resident(cells: dict[str, object]) -> Resident:
    """What an importer reading the exported cells strictly would build (no defaults used)."""
    values = {}
    for column in COLUMNS:
        value = cells[column.header]
        if column.kind == "bool":
            assert value in ("是", "否"), (column.header, value)
            value = value == "是"
        elif column.kind == "enum":
            value = column.enum(value) if value not in (None, "") else None
        elif column.kind == "date":
            value = value.date() if isinstance(value, dt.datetime) else value
            value = value if value not in ("",) else None
        else:
            assert value is None or isinstance(value, str), (column.header, value)
            value = value or ""
        values[column.field] = value
    return Resident(**values)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    residents = list(generate_residents(3000, seed=11, today=TODAY))
    residents.append(Resident(
        name="=王大爷", id_number="21042319300101001X", hukou=Hukou.FUSHUN,
        hukou_type=HukouType.RURAL, county=County.QINGYUAN, street="清原镇",
        community="http://例子村", note="1e5", phone="0245-1234567", bank_account="000123456789",
        bank_name="抚顺银行", economic=Economic.TEKUN, tekun_mode=TekunMode.DISPERSED,
        status=Status.DECEASED, status_date=dt.date(2026, 2, 28), has_supporter=False))
    out = tmp_path_factory.mktemp("export") / "台账.xlsx"
    calls = []
    count = write_residents_workbook(residents, out, title=register_title(len(residents), TODAY),
                                     progress=calls.append)
    return residents, out, count, calls


def test_returns_the_count_and_reports_progress(exported):
    residents, _, count, calls = exported
    assert count == len(residents)
    assert calls[-1] == len(residents)
    assert calls == sorted(calls) and len(calls) >= 2


def test_title_then_template_headers_then_data(exported):
    residents, out, _, _ = exported
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws.title == "居民信息"
    assert ws["A1"].value == f"居民信息台账（导出于2026年12月4日，共{len(residents)}人）"
    assert f"A1:{get_column_letter(len(COLUMNS))}1" in [str(m) for m in ws.merged_cells]
    assert tuple(c.value for c in ws[2]) == HEADERS
    assert ws.freeze_panes == "A3"
    assert ws.max_row == len(residents) + 2


def test_cells_read_back_as_the_same_residents(exported):
    residents, out, _, _ = exported
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert tuple(rows[1]) == HEADERS
    back = []
    for row in rows[2:]:
        cells = {h: (None if v == "" else v) for h, v in zip(HEADERS, row)}
        back.append(back_to_resident(cells))
    assert back == residents


def test_ids_accounts_and_phones_are_text_and_dates_are_dates(exported):
    residents, out, _, _ = exported
    ws = openpyxl.load_workbook(out).worksheets[0]
    col = {h: i + 1 for i, h in enumerate(HEADERS)}
    for r in range(3, 60):
        id_cell = ws.cell(r, col["身份证号"])
        assert id_cell.data_type == "s" and id_cell.number_format == "@"
        assert len(id_cell.value) == 18
        account = ws.cell(r, col["银行账号"])
        assert account.value is None or (account.data_type == "s" and account.value.isdigit())
    last = len(residents) + 2
    assert ws.cell(last, col["银行账号"]).value == "000123456789"
    assert ws.cell(last, col["联系电话"]).value == "0245-1234567"
    assert ws.cell(last, col["姓名"]).value == "=王大爷"
    assert ws.cell(last, col["姓名"]).data_type == "s"       # text, never a formula
    assert ws.cell(last, col["社区"]).hyperlink is None
    assert ws.cell(last, col["备注"]).value == "1e5"
    status_date = ws.cell(last, col["状态日期"])
    assert status_date.is_date and status_date.value.date() == dt.date(2026, 2, 28)
    assert status_date.number_format == "yyyy-mm-dd"
    assert ws.cell(last, col["特困供养方式"]).value == "分散"
    assert ws.cell(last, col["有赡养能力的法定赡养人"]).value == "否"


def test_empty_optional_cells_stay_empty(exported):
    residents, out, _, _ = exported
    ws = openpyxl.load_workbook(out).worksheets[0]
    col = {h: i + 1 for i, h in enumerate(HEADERS)}
    for i, resident in enumerate(residents[:200]):
        row = i + 3
        if not resident.note:
            assert ws.cell(row, col["备注"]).value is None
        if resident.tekun_mode is None:
            assert ws.cell(row, col["特困供养方式"]).value is None
        if resident.status_date is None:
            assert ws.cell(row, col["状态日期"]).value is None


def test_print_setup_and_choice_lists(exported):
    _, out, _, _ = exported
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$2:$2"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["C3"] == '"抚顺,非抚顺"'


def test_an_empty_register_is_a_valid_workbook(tmp_path):
    out = tmp_path / "空.xlsx"
    assert write_residents_workbook([], out, title=register_title(0, TODAY)) == 0
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert tuple(c.value for c in ws[2]) == HEADERS


def test_a_failure_leaves_no_half_written_file(tmp_path):
    def broken():
        yield from generate_residents(5, today=TODAY)
        raise RuntimeError("数据库断开")

    out = tmp_path / "坏.xlsx"
    with pytest.raises(RuntimeError):
        write_residents_workbook(broken(), out, title="x")
    assert not Path(out).exists()
