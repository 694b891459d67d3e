"""The TOML reader's (tomllib's) error messages in Chinese: a policy file is typed by hand,
and its author must learn what is wrong without reading English."""

from __future__ import annotations

import re

# tomllib's messages (CPython 3.11+ Lib/tomllib/_parser.py), most specific first
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"Cannot declare (.+) twice", "{0} 重复定义了"),
    (r"Cannot mutate immutable namespace (.+)", "{0} 前面已经定义过，不能再改"),
    (r"Cannot overwrite a value", "同一个键写了两次"),
    (r"Cannot redefine namespace (.+)", "表 {0} 重复定义了"),
    (r"Duplicate inline table key (.+)", "花括号里的键 {0} 写了两次"),
    (r"Escaped character is not a Unicode scalar value", "字符串中的转义字符无效"),
    (r"Expected '=' after a key in a key/value pair", "键的后面缺少等号（=）"),
    (r"Expected '\]' at the end of a table declaration", "表名缺少右方括号（]）"),
    (r"Expected '\]\]' at the end of an array declaration", "[[…]] 的右边缺少两个方括号（]]）"),
    (r"Expected (.+)", "这里应为 {0}"),
    (r"Found invalid character (.+)", "出现了不该有的字符 {0}"),
    (r"Illegal character '\\n'", "字符串缺少结尾的英文双引号（字符串要在同一行内结束）"),
    (r"Illegal character (.+)", "字符串中有不允许的字符 {0}"),
    (r"Invalid date or datetime", "日期无效（应为真实日期，如 2024-08-28）"),
    (r"Invalid hex value", "十六进制数值无效"),
    (r"Invalid initial character for a key part",
     "键名的写法不对（键名用英文字母、数字和下划线，其他文字要加英文双引号）"),
    (r"Invalid statement", "这一行既不是“键 = 值”，也不是“[表名]”"),
    (r"Invalid value", "值的写法不对（文字加英文双引号，金额写数字，日期写成 2024-08-28，"
                       "是/否写 true/false）"),
    (r"Unclosed array", "方括号 [ ] 没有闭合"),
    (r"Unclosed inline table", "花括号 { } 没有闭合"),
    (r"Unescaped '\\\\' in a string", "字符串中的反斜杠（\\）要写成两个（\\\\）"),
    (r"Unterminated string", "字符串缺少结尾的英文双引号"),
)
_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def toml_error_line(message: str) -> int | None:
    """The line a tomllib message points at, if any."""
    m = _WHERE.search(message)
    return int(m.group(1)) if m and m.group(1) else None


def chinese_toml_error(message: str) -> str:
    """A tomllib message in Chinese, with the column it points at; never the English."""
    where = _WHERE.search(message)
    text = message[:where.start()] if where else message
    column = f"（第{where.group(2)}列）" if where and where.group(2) else (
        "（文件末尾）" if where else "")
    for pattern, chinese in _MESSAGES:
        m = re.fullmatch(pattern, text.strip())
        if m:
            return chinese.format(*m.groups()) + column
    return "写法不对，请对照参数文件的格式检查这一行" + column
