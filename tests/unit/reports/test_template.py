"""The import template: the committed file is what the code generates, and it guides the user."""

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from eldercare_desktop.domain.columns import COLUMNS, HEADERS
from eldercare_desktop.domain.idnumber import parse_id_number
from eldercare_desktop.reports.register_layout import choices_of
from eldercare_desktop.reports.template import (
    EXAMPLE,
    TEMPLATE_NAME,
    template_path,
    write_import_template,
)


def cells(ws):
    return [tuple((c.value, c.number_format, c.font.b, c.comment and c.comment.text)
                  for c in row) for row in ws.iter_rows()]


def validations(ws):
    return sorted((str(dv.sqref), dv.type, dv.formula1) for dv in ws.data_validations.dataValidation)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("tpl") / TEMPLATE_NAME
    write_import_template(out)
    return openpyxl.load_workbook(out)


def test_committed_template_is_what_the_code_generates(fresh):
    committed = openpyxl.load_workbook(template_path())
    assert committed.sheetnames == fresh.sheetnames == ["居民信息", "填写说明"]
    for name in fresh.sheetnames:
        assert cells(committed[name]) == cells(fresh[name]), name
        assert validations(committed[name]) == validations(fresh[name]), name
        assert committed[name].freeze_panes == fresh[name].freeze_panes


def test_regenerating_gives_the_same_bytes(tmp_path):
    a = write_import_template(tmp_path / "a.xlsx").read_bytes()
    b = write_import_template(tmp_path / "b.xlsx").read_bytes()
    assert a == b


def test_first_sheet_has_title_then_headers_and_no_data(fresh):
    ws = fresh.worksheets[0]
    assert "导入模板" in ws["A1"].value
    assert tuple(c.value for c in ws[2]) == HEADERS
    assert all(v is None for row in ws.iter_rows(min_row=3, values_only=True) for v in row)
    assert ws.freeze_panes == "A3"


def test_every_closed_list_column_has_its_drop_down(fresh):
    ws = fresh.worksheets[0]
    by_range = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    closed = [(i, c) for i, c in enumerate(COLUMNS) if c.kind in ("enum", "bool")]
    assert len(closed) == len(by_range) == 20
    for i, column in closed:
        letter = get_column_letter(i + 1)
        dv = by_range[f"{letter}3:{letter}2000"]
        assert dv.type == "list"
        assert dv.formula1 == '"' + ",".join(choices_of(column)) + '"'
    assert by_range["N3:N2000"].formula1 == '"是,否"'          # 失智


def test_id_phone_and_account_columns_are_text_for_rows_3_to_2000(fresh):
    ws = fresh.worksheets[0]
    for header in ("身份证号", "联系电话", "银行账号"):
        letter = get_column_letter(HEADERS.index(header) + 1)
        for row in (3, 1000, 2000):
            assert ws[f"{letter}{row}"].number_format == "@", (header, row)
    assert ws["A3"].number_format != "@"


def test_headers_carry_their_help_as_comments(fresh):
    ws = fresh.worksheets[0]
    for i, column in enumerate(COLUMNS, start=1):
        assert column.help in ws.cell(2, i).comment.text


def test_instructions_explain_every_column_with_an_example(fresh):
    ws = fresh["填写说明"]
    rows = list(ws.iter_rows(min_row=3, max_row=2 + len(COLUMNS), values_only=True))
    assert [r[1] for r in rows] == list(HEADERS)
    for row, column in zip(rows, COLUMNS):
        assert row[2] == ("必填" if column.required else "选填")
        assert row[5] == column.help
        for choice in choices_of(column):
            assert choice in row[3]
    by_header = {r[1]: r for r in rows}
    assert by_header["失智"][4] == "视为否"
    assert by_header["有赡养能力的法定赡养人"][4] == "视为是"
    assert by_header["居住状况"][4] == "视为与家人同住"
    text = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    for rule in ("标题行", "空行", "全部或全不", "15位"):
        assert rule in text


def test_the_example_is_a_valid_resident():
    assert parse_id_number(EXAMPLE["身份证号"]).number == EXAMPLE["身份证号"]
    assert list(EXAMPLE) == list(HEADERS)
    for column in COLUMNS:
        value = EXAMPLE[column.header]
        if column.required:
            assert value
        if choices_of(column) and value:
            assert value in choices_of(column)
