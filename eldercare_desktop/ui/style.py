"""Looks: a CJK font present on Windows (Microsoft YaHei) and Linux (Noto Sans CJK SC), one
spacing scale, and a light style sheet. Sizes are in points, so 150% scaling stays readable."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

PREFERRED_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC",
                      "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun")
POINT_SIZE = 10

STYLE_SHEET = """
QListWidget#navigation { border: none; background: #f2f5f8; padding-top: 8px; font-size: 11pt; }
QListWidget#navigation::item { padding: 10px 14px; }
QListWidget#navigation::item:selected { background: #dbe8f6; color: #0b4f8a; }
QLabel#welcomeTitle { font-size: 18pt; font-weight: bold; color: #0b4f8a; }
QLabel#sectionTitle { font-size: 12pt; font-weight: bold; }
QLabel#fieldError { color: #c62828; }
QLabel#warningText { color: #a15c00; }
QLabel#totalLabel, QLabel#summaryText { font-size: 11pt; font-weight: bold; }
QLabel#formMessage { color: #c62828; }
QLineEdit[invalid="true"], QComboBox[invalid="true"] { border: 1px solid #c62828; }
QPushButton { padding: 5px 14px; }
QPushButton#primaryButton { background: #1565c0; color: white; border: 1px solid #0d47a1;
                            border-radius: 3px; }
QPushButton#primaryButton:disabled { background: #9bb7d8; border-color: #9bb7d8; }
QGroupBox { font-weight: bold; margin-top: 12px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QTableView { gridline-color: #e3e6ea; }
QHeaderView::section { padding: 4px 6px; }
"""


def pick_family(families: set[str]) -> str | None:
    for family in PREFERRED_FAMILIES:
        if family in families:
            return family
    return None


def apply_style(app: QApplication) -> None:
    family = pick_family(set(QFontDatabase.families()))
    if family is not None:
        app.setFont(QFont(family, POINT_SIZE))
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
    install_chinese_translation(app)


def install_chinese_translation(app: QApplication) -> bool:
    """Qt's own words (确定/取消 on message boxes, the file dialog, the print preview) in
    Simplified Chinese, from the translations PySide6 ships. False if none was found."""
    if getattr(app, "_eldercare_translator", None) is not None:
        return True
    translator = QTranslator(app)
    if not translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(translator)
    app._eldercare_translator = translator  # type: ignore[attr-defined]  # keep it alive
    return True
