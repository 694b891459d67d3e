"""Resident identity card numbers (GB 11643-1999): validation, 15→18 upgrade, derived facts.

ID numbers are text everywhere. They are validated once, at the edge, with
:func:`parse_id_number`; everything else (birth date, sex, age) is derived here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .enums import Sex


class IdNumberError(ValueError):
    """An ID number that cannot be accepted; ``str(err)`` is the Chinese message."""


@dataclass(frozen=True, slots=True)
class ParsedId:
    number: str          # always 18 characters, upper-case X
    upgraded_from_15: bool


_calc_check_digit: Callable[[str], str] | None = None


def check_digit(number: str) -> str:
    """The GB 11643 check digit of the first 17 digits (python-stdnum, imported on first use:
    it loads ssl and pydoc, 27 ms the window's start does without)."""
    global _calc_check_digit
    if _calc_check_digit is None:
        from stdnum.cn import ric

        _calc_check_digit = ric.calc_check_digit
    return _calc_check_digit(number)


def _birth_date(number18: str) -> dt.date:
    try:
        return dt.date(int(number18[6:10]), int(number18[10:12]), int(number18[12:14]))
    except ValueError:
        raise IdNumberError(
            f"身份证号中的出生日期{number18[6:10]}年{number18[10:12]}月{number18[12:14]}日不是真实日期"
        ) from None


def upgrade_15(number15: str) -> str:
    """First-generation 15-digit number → 18 digits (19 inserted before the year)."""
    body = number15[:6] + "19" + number15[6:]
    return body + check_digit(body + "0")


def parse_id_number(text: str) -> ParsedId:
    """Validate an ID number typed or imported as text; return it in 18-character form."""
    number = text.strip().replace(" ", "").upper()
    if not number:
        raise IdNumberError("身份证号不能为空")
    if len(number) == 15:
        if not number.isdigit():
            raise IdNumberError("15位身份证号只能由数字组成")
        number = upgrade_15(number)
        _birth_date(number)
        return ParsedId(number, True)
    if len(number) != 18:
        raise IdNumberError(f"身份证号应为18位，这里是{len(number)}位")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError("身份证号前17位必须是数字，最后一位是数字或X")
    _birth_date(number)
    expected = check_digit(number)
    if number[17] != expected:
        raise IdNumberError(f"身份证号校验位不符（最后一位应为{expected}），请核对是否抄错")
    return ParsedId(number, False)


def is_valid_id(text: str) -> bool:
    try:
        parse_id_number(text)
    except IdNumberError:
        return False
    return True


def birth_date_of(number18: str) -> dt.date:
    return _birth_date(number18)


def sex_of(number18: str) -> Sex:
    """The 17th digit: odd for men, even for women."""
    return Sex.MALE if int(number18[16]) % 2 else Sex.FEMALE


def mask_id(number: str) -> str:
    """210403********1234: the first six and the last four are shown."""
    if len(number) <= 10:
        return number
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_account(account: str) -> str:
    """************1234: only the last four digits are shown."""
    if not account:
        return ""
    if len(account) <= 4:
        return account
    return "*" * (len(account) - 4) + account[-4:]
