"""A policy file with broken TOML is refused with a Chinese message naming the line: its
author must not have to read tomllib's English."""

import re

import pytest

from eldercare_desktop.rules.params import PolicyFileError, parse_policy_toml

BROKEN = [
    ("[[period]\n", 1, "]]"),
    ("[[period]]\neffective_from = 2026-01-01\nx = \n", 3, "值的写法不对"),
    ("[[period]]\neffective_from = 2026-01-01\nx = 1\nx = 2\n", 4, "写了两次"),
    ("[[period]]\nfoo\n", 2, "缺少等号"),
    ('[[period]]\nnote = "abc\n', 2, "双引号"),
    ("[[period]]\nx = [1, 2\n", None, "没有闭合"),
    ("[[period]]\n中文 = 1\n", 2, "这一行"),
    ("[[period]]\neffective_from = 2026-02-30\n", 2, "effective_from 日期无效"),
]


@pytest.mark.parametrize(("text", "line", "words"), BROKEN)
def test_broken_toml_is_explained_in_chinese(text, line, words):
    with pytest.raises(PolicyFileError) as caught:
        parse_policy_toml(text)
    [(at, message)] = caught.value.problems
    assert at == line
    assert message.startswith("TOML格式错误：") and words in message
    explained = message.removeprefix("TOML格式错误：")
    english = explained.replace("effective_from", "").replace("true/false", "")
    assert not re.search(r"[A-Za-z]{4,}", english)
