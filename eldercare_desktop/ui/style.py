"""Looks: a CJK font present on Windows (Microsoft YaHei) and Linux (Noto Sans CJK SC)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

PREFERRED_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC",
                      "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun")


def apply_style(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in families:
            font = QFont(family, 10)
            app.setFont(font)
            break
