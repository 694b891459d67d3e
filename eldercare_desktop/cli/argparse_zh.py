"""Chinese messages for argparse's own words (usage errors reach clerks too)."""

from __future__ import annotations

import argparse

_ZH = {
    "usage: ": "用法：",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "unrecognized arguments: %s\n": "无法识别的参数：%s\n",
    "expected one argument": "需要一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "show this help message and exit": "显示帮助并退出",
    "positional arguments": "位置参数",
    "options": "选项",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
    "ambiguous option: %(option)s could match %(matches)s": "参数 %(option)s 有歧义，可能是 %(matches)s",
}


def install() -> None:
    original = getattr(argparse, "_")

    def translate(message: str) -> str:
        return _ZH.get(message, original(message))

    argparse._ = translate  # type: ignore[attr-defined]
