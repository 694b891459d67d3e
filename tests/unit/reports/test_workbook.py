"""The shared sheet layout of every export (FORMATS.md §4)."""

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from eldercare_desktop.reports.workbook import (
    ColumnSpec,
    ReportWorkbook,
    SheetSpec,
    display_width,
    fit_width,
)

SPEC = SheetSpec("发放名册", "新抚区 2027年1月 高龄津贴发放名册", (
    ColumnSpec("序号", "int"),
    ColumnSpec("街道", "text"),
    ColumnSpec("姓名", "text"),
    ColumnSpec("身份证号", "id", 21),
    ColumnSpec("月标准(元)", "money"),
    ColumnSpec("补发(元)", "money"),
    ColumnSpec("上次走访", "date"),
))


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    out = tmp_path_factory.mktemp("wb") / "名册.xlsx"
    with ReportWorkbook(out) as book:
        writer = book.add_sheet(SPEC)
        writer.write_row((1, "站前街道", "张秀兰", "210402195203151228", Decimal("100.00"),
                          None, dt.date(2026, 11, 3)))
        writer.write_row((2, "站前街道", "王建国", "210402193001010017", Decimal("200.50"),
                          Decimal("100"), None))
        writer.write_subtotal("站前街道小计", label_col=1, count_col=0)
        writer.write_row((3, "福民街道", "李桂珍", "210402192801011227", Decimal("1234.56"),
                          None, None))
        writer.write_subtotal("福民街道小计", label_col=1)
        writer.write_total("合计", count_col=2)
        assert writer.totals == {"月标准(元)": Decimal("1535.06"), "补发(元)": Decimal("100")}
    return openpyxl.load_workbook(out)["发放名册"]


def test_title_header_and_frozen_panes(sheet):
    assert sheet["A1"].value == SPEC.title
    assert "A1:G1" in [str(m) for m in sheet.merged_cells]
    assert tuple(c.value for c in sheet[2]) == SPEC.headers
    assert sheet.freeze_panes == "A3"


def test_money_is_numbers_with_two_decimals_and_dates_are_dates(sheet):
    assert sheet["E3"].value == 100 and sheet["E3"].number_format == "#,##0.00"
    assert sheet["E4"].value == pytest.approx(200.5)
    assert sheet["G3"].is_date and sheet["G3"].value.date() == dt.date(2026, 11, 3)
    assert sheet["D3"].data_type == "s" and sheet["D3"].number_format == "@"
    assert sheet["F3"].value is None


def test_subtotals_and_grand_total(sheet):
    assert sheet["B5"].value == "站前街道小计"
    assert sheet["A5"].value == 2
    assert sheet["E5"].value == pytest.approx(300.5) and sheet["F5"].value == 100
    assert sheet["E5"].number_format == "#,##0.00"
    assert sheet["B7"].value == "福民街道小计"
    assert sheet["E7"].value == pytest.approx(1234.56) and sheet["F7"].value == 0
    assert sheet["A8"].value == "合计" and sheet["C8"].value == 3
    assert sheet["E8"].value == pytest.approx(1535.06) and sheet["F8"].value == 100


def test_print_setup(sheet):
    assert sheet.page_setup.paperSize == 9
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1)      # 1 is the OOXML default
    assert sheet.page_setup.fitToHeight == 0


def test_widths_fit_chinese_headers(sheet):
    assert sheet.column_dimensions["E"].width >= display_width("月标准(元)")
    assert sheet.column_dimensions["D"].width >= 21


def test_display_width_counts_chinese_double():
    assert display_width("姓名") == 4
    assert display_width("ab") == pytest.approx(2.2)
    assert fit_width("有赡养能力的法定赡养人") > 22
    assert fit_width("序号", 30) == 30


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        ColumnSpec("金额", "currency")


def test_text_that_looks_like_a_formula_or_link_stays_text(tmp_path):
    out = tmp_path / "t.xlsx"
    spec = SheetSpec("表", "标题", (ColumnSpec("备注"),))
    with ReportWorkbook(out) as book:
        book.add_sheet(spec).write_row(("=SUM(A1:A2)",))
        book.add_sheet(SheetSpec("表2", "标题", (ColumnSpec("备注"),))).write_row(
            ("https://example.com",))
    wb = openpyxl.load_workbook(out)
    assert wb["表"]["A3"].data_type == "s" and wb["表"]["A3"].value == "=SUM(A1:A2)"
    assert wb["表2"]["A3"].hyperlink is None
