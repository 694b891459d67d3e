"""Cell parsers of the import template (FORMATS.md §1).

Each parser takes one raw cell as python-calamine gives it ('' for empty, float for numbers,
bool, date/datetime, str) and returns the typed value, or raises :class:`CellError` with the
Chinese message. :func:`make_parser` builds the per-column function once, with the column's
default and a cache for columns whose values repeat, so the per-cell path stays short.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from ..domain.columns import Column
from ..domain.idnumber import IdNumberError, ParsedId, parse_id_number

# whitespace left after NFKC, plus zero-width characters pasted from web pages
_STRIP = " \t\r\n\x0b\x0c\x85\xa0\u2028\u2029\u3000\u200b\u200c\u200d\u2060\ufeff"
_normalize = unicodedata.normalize

DATE_FORMS = "2026-11-10、2026/11/10、2026.11.10或2026年11月10日"
YES_NO_FORMS = "请填“是”或“否”（也可填Y/N、1/0、√）"

# limits of the residents table (store/models.py); longer text would not fit
MAX_LENGTH = {"name": 64, "street": 64, "community": 64, "bank_name": 64}


class CellError(ValueError):
    """A cell that cannot be accepted; ``str(err)`` is the Chinese message."""


# -- text ---------------------------------------------------------------------------------

def excel_display(value: Any) -> str:
    """The cell as a user sees it in Excel (General format), for messages."""
    if value is None or value == "":
        return ""
    if type(value) is float:
        if value.is_integer():
            if abs(value) >= 1e11:                 # Excel's General switches to 2.10402E+17
                return f"{value:.6G}"
            return str(int(value))
        return repr(value)
    if type(value) is bool:
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def clean_text(value: Any) -> str:
    """Any cell as trimmed, NFKC-normalised text ('' for an empty cell)."""
    if type(value) is str:
        return _normalize("NFKC", value).strip(_STRIP)
    if type(value) is float and value.is_integer():
        return str(int(value))
    return _normalize("NFKC", excel_display(value)).strip(_STRIP)


# -- yes/no -------------------------------------------------------------------------------

_YES = ("是", "y", "yes", "1", "√", "✓", "✔")
_NO = ("否", "n", "no", "0", "×", "✗")
_BOOL_WORDS: dict[str, bool] = {w: True for w in _YES} | {w: False for w in _NO}


def parse_bool(value: Any) -> bool | None:
    """是/否, Y/N (any case), 1/0 (also 1.0), √ → True/False; empty → None (the default)."""
    if type(value) is bool:
        return value
    if type(value) in (float, int):
        if value == 1:
            return True
        if value == 0:
            return False
        raise CellError(f"“{excel_display(value)}”无法识别为是或否，{YES_NO_FORMS}")
    text = clean_text(value)
    if not text:
        return None
    result = _BOOL_WORDS.get(text.lower())
    if result is None:
        raise CellError(f"“{text}”无法识别为是或否，{YES_NO_FORMS}")
    return result


# -- dates --------------------------------------------------------------------------------

def parse_date(value: Any) -> dt.date | None:
    """An Excel date cell, or text 2026-11-10, 2026/11/10, 2026.11.10, 2026年11月10日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean_text(value)
    if not text:
        return None
    if type(value) is not str:
        raise CellError(f"“{text}”不是日期，请填写日期，如{DATE_FORMS}")
    parts = _date_parts(text)
    if parts is not None:
        try:
            return dt.date(*parts)
        except ValueError:
            raise CellError(f"“{text}”不是真实存在的日期") from None
    raise CellError(f"“{text}”不是有效日期，请按{DATE_FORMS}的格式填写")


def _date_parts(text: str) -> tuple[int, int, int] | None:
    if text.endswith("日") and "年" in text and "月" in text:
        year, _, rest = text[:-1].partition("年")
        month, _, day = rest.partition("月")
        parts = [year, month, day]
    else:
        for sep in ("-", "/", "."):
            if sep in text:
                parts = text.split(sep)
                break
        else:
            return None
    if len(parts) != 3:
        return None
    year, month, day = (p.strip() for p in parts)
    if not (len(year) == 4 and 1 <= len(month) <= 2 and 1 <= len(day) <= 2):
        return None
    if not (year.isdecimal() and month.isdecimal() and day.isdecimal()):
        return None
    return int(year), int(month), int(day)


# -- closed lists -------------------------------------------------------------------------

def parse_enum(enum: type[StrEnum], value: Any, header: str = "") -> StrEnum | None:
    """The exact Chinese word (after NFKC and trimming) → the enum member; empty → None."""
    text = clean_text(value)
    if not text:
        return None
    try:
        return enum(text)
    except ValueError:
        allowed = " / ".join(m.value for m in enum)
        what = f"{header}" if header else "值"
        raise CellError(f"“{text}”不是有效的{what}，只能填：{allowed}") from None


# -- numbers kept as text -----------------------------------------------------------------

def _number_lost_digits(header: str, value: float) -> CellError:
    return CellError(
        f"{header}被Excel存成了数字（显示为{excel_display(value)}），后几位已丢失，无法还原；"
        f"请把该列设为文本格式后重新填写"
    )


def parse_id(value: Any) -> ParsedId:
    """The ID number as text, 18 characters; a 15-digit one comes back upgraded."""
    if type(value) in (float, int):
        if abs(value) >= 1e15:
            raise _number_lost_digits("身份证号", value)
        raise CellError(
            f"身份证号被Excel存成了数字（显示为{excel_display(value)}），无法确认是否完整；"
            f"请把该列设为文本格式后重新填写"
        )
    text = clean_text(value)
    if not text:
        raise CellError("身份证号不能为空")
    try:
        return parse_id_number(text)
    except IdNumberError as err:
        raise CellError(str(err)) from None


def parse_phone(value: Any) -> str:
    """7–12 digits, dashes allowed; a phone stored as a number is fine (13812345678.0)."""
    if type(value) is float and value.is_integer() and value >= 0:
        text = str(int(value))
    else:
        text = clean_text(value)
    if not text:
        return ""
    digits = text.replace("-", "")
    if not (digits.isdecimal() and digits.isascii() and 7 <= len(digits) <= 12):
        raise CellError(f"联系电话“{text}”应为7至12位数字（可含“-”）")
    return text


def parse_account(value: Any) -> str:
    """10–25 digits, kept as text; one stored as a number with more than 15 digits is lost."""
    if type(value) in (float, int):
        if abs(value) >= 1e15 or not float(value).is_integer():
            raise _number_lost_digits("银行账号", value)
        text = str(int(value))
    else:
        text = clean_text(value).replace(" ", "")
    if not text:
        return ""
    if not (text.isdecimal() and text.isascii() and 10 <= len(text) <= 25):
        raise CellError(f"银行账号“{text}”应为10至25位数字")
    return text


# -- one function per column --------------------------------------------------------------

Parser = Callable[[Any], Any]


def _cached(parse: Parser) -> Parser:
    """Memoise a parser over repeated cell values (successes only)."""
    cache: dict[Any, Any] = {}

    def parse_cached(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            result = cache[value] = parse(value)   # a CellError leaves the cache untouched
            return result
        except TypeError:                            # unhashable: never from calamine
            return parse(value)

    return parse_cached


def make_parser(column: Column) -> Parser:
    """The function that turns one raw cell of ``column`` into its Resident value."""
    kind, header = column.kind, column.header
    if kind == "id":
        return parse_id
    if kind == "phone":
        return parse_phone
    if kind == "account":
        return parse_account
    if kind == "bool":
        default = bool(column.default)

        def parse_yes_no(value: Any) -> bool:
            result = parse_bool(value)
            return default if result is None else result

        return _cached(parse_yes_no)
    if kind == "date":
        return _cached(parse_date)
    if kind == "enum":
        enum, default, required = column.enum, column.default, column.required
        assert enum is not None

        def parse_choice(value: Any) -> Any:
            result = parse_enum(enum, value, header)
            if result is None:
                if required:
                    allowed = " / ".join(m.value for m in enum)
                    raise CellError(f"{header}不能为空，只能填：{allowed}")
                return default
            return result

        return _cached(parse_choice)
    # free text
    required, limit = column.required, MAX_LENGTH.get(column.field)

    def parse_free_text(value: Any) -> str:
        text = clean_text(value)
        if not text and required:
            raise CellError(f"{header}不能为空")
        if limit is not None and len(text) > limit:
            raise CellError(f"{header}不能超过{limit}个字，这里有{len(text)}个字")
        return text

    if column.field in ("street", "community", "bank_name"):
        return _cached(parse_free_text)
    return parse_free_text
