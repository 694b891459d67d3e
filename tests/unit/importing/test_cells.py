"""Each cell rule of the import template (FORMATS.md §1), one parser at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from eldercare_desktop.domain.columns import COLUMN_BY_HEADER
from eldercare_desktop.domain.enums import County, Living
from eldercare_desktop.importing import (
    CellError,
    clean_text,
    excel_display,
    make_parser,
    parse_account,
    parse_bool,
    parse_date,
    parse_enum,
    parse_id,
    parse_phone,
)


def test_text_is_trimmed_and_nfkc_normalised():
    assert clean_text("\u3000ＡＢＣ１２３ \ufeff") == "ABC123"
    assert clean_text(123.0) == "123" and clean_text("") == ""


@pytest.mark.parametrize("value", ["是", "Y", "y", "yes", "1", 1.0, 1, True, "√", " 是 "])
def test_yes_forms(value):
    assert parse_bool(value) is True


@pytest.mark.parametrize("value", ["否", "N", "n", "0", 0.0, False])
def test_no_forms(value):
    assert parse_bool(value) is False


def test_empty_yes_no_is_the_default():
    assert parse_bool("") is None
    assert make_parser(COLUMN_BY_HEADER["有赡养能力的法定赡养人"])("") is True
    assert make_parser(COLUMN_BY_HEADER["失智"])("") is False


@pytest.mark.parametrize("value", ["也许", 2.0, "是的"])
def test_other_yes_no_values_are_refused(value):
    with pytest.raises(CellError, match="无法识别为是或否"):
        parse_bool(value)


@pytest.mark.parametrize("value", [
    dt.date(2026, 11, 10), dt.datetime(2026, 11, 10, 8, 30), "2026-11-10", "2026/11/10",
    "2026.11.10", "2026年11月10日", "２０２６年１１月１０日", " 2026-11-10 ",
])
def test_date_forms(value):
    assert parse_date(value) == dt.date(2026, 11, 10)


def test_single_digit_month_and_day():
    assert parse_date("2026-3-5") == parse_date("2026年3月5日") == dt.date(2026, 3, 5)


@pytest.mark.parametrize(("value", "fragment"), [
    ("2026-02-30", "不是真实存在的日期"), ("20261110", "不是有效日期"),
    ("26-11-10", "不是有效日期"), ("明年", "不是有效日期"), (46336.0, "不是日期"),
])
def test_bad_dates(value, fragment):
    with pytest.raises(CellError, match=fragment):
        parse_date(value)


def test_enum_takes_the_exact_word_after_normalisation():
    assert parse_enum(County, " 新抚区 ") is County.XINFU
    assert parse_enum(County, "") is None
    with pytest.raises(CellError, match="新抚区 / 东洲区"):
        parse_enum(County, "新抚", "县区")


def test_enum_column_default_and_required():
    assert make_parser(COLUMN_BY_HEADER["居住状况"])("") is Living.WITH_FAMILY
    with pytest.raises(CellError, match="县区不能为空"):
        make_parser(COLUMN_BY_HEADER["县区"])("")


def test_id_stored_as_number_is_refused_with_the_reason():
    with pytest.raises(CellError) as info:
        parse_id(2.104021950010112e17)
    assert str(info.value) == ("身份证号被Excel存成了数字（显示为2.10402E+17），后几位已丢失，无法还原；"
                               "请把该列设为文本格式后重新填写")
    with pytest.raises(CellError, match="存成了数字"):
        parse_id(210402500101001.0)


def test_id_text_lower_x_and_fifteen_digits():
    parsed = parse_id("11010519491231002x")
    assert parsed.number == "11010519491231002X" and not parsed.upgraded_from_15
    assert parse_id("210402500101001").upgraded_from_15
    with pytest.raises(CellError, match="不能为空"):
        parse_id("")


def test_phone():
    assert parse_phone(13812345678.0) == "13812345678"
    assert parse_phone("024-5712345") == "024-5712345"
    assert parse_phone("") == ""
    for bad in ("123456", "1234567890123", "138 1234 5678x"):
        with pytest.raises(CellError, match="7至12位数字"):
            parse_phone(bad)


def test_account():
    assert parse_account("6228 4800 1234 5678 901") == "6228480012345678901"
    assert parse_account(1234567890.0) == "1234567890"
    with pytest.raises(CellError, match="后几位已丢失"):
        parse_account(6.228480012345679e18)
    with pytest.raises(CellError, match="10至25位数字"):
        parse_account("62284800AB")


def test_required_text_and_length_limit():
    name = make_parser(COLUMN_BY_HEADER["姓名"])
    assert name(" 李 四 ") == "李 四"
    with pytest.raises(CellError, match="姓名不能为空"):
        name("  ")
    with pytest.raises(CellError, match="不能超过64个字"):
        name("李" * 65)


def test_excel_display_of_numbers_like_excel_general():
    assert excel_display(2.104021950010112e17) == "2.10402E+17"
    assert excel_display(13812345678.0) == "13812345678"
    assert excel_display(dt.datetime(2026, 1, 2)) == "2026-01-02"
