import datetime as dt

import pytest

from eldercare_desktop.domain.enums import Sex
from eldercare_desktop.domain.idnumber import (
    IdNumberError,
    birth_date_of,
    mask_account,
    mask_id,
    parse_id_number,
    sex_of,
    upgrade_15,
)

VALID = "11010519491231002X"  # the GB 11643 example: born 1949-12-31, a woman


def test_valid_number_with_x_check_digit():
    assert parse_id_number(VALID).number == VALID
    assert parse_id_number(VALID.lower()).number == VALID
    assert parse_id_number(" " + VALID + " ").number == VALID


def test_bad_check_digit_is_refused_and_says_which_digit_is_expected():
    with pytest.raises(IdNumberError, match="校验位.*应为X"):
        parse_id_number("110105194912310021")


def test_thirty_first_of_february_is_not_a_birth_date():
    body = "21040219460231001"
    from stdnum.cn.ric import calc_check_digit

    number = body + calc_check_digit(body + "0")
    with pytest.raises(IdNumberError, match="不是真实日期"):
        parse_id_number(number)


def test_fifteen_digit_number_is_upgraded_to_eighteen():
    parsed = parse_id_number("110105491231002")
    assert parsed.upgraded_from_15
    assert parsed.number == VALID  # 19 inserted before the year, check digit computed
    assert upgrade_15("110105491231002") == VALID


@pytest.mark.parametrize("text,message", [
    ("", "不能为空"),
    ("1101051949123100", "应为18位"),
    ("11010519491231A02X", "前17位必须是数字"),
    ("11010549123100A", "只能由数字"),
])
def test_malformed_numbers_get_a_chinese_reason(text, message):
    with pytest.raises(IdNumberError, match=message):
        parse_id_number(text)


def test_birth_date_and_sex_are_derived_from_the_number():
    assert birth_date_of(VALID) == dt.date(1949, 12, 31)
    assert sex_of(VALID) is Sex.FEMALE  # 17th digit 2 is even
    man = "21040219461215001"
    from stdnum.cn.ric import calc_check_digit

    assert sex_of(man + calc_check_digit(man + "0")) is Sex.MALE


def test_masks_show_only_the_ends():
    assert mask_id("210403194612151234") == "210403********1234"
    assert mask_account("6228480012345678") == "************5678"
    assert mask_account("") == ""
