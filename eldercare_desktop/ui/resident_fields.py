"""The resident form's fields, built from domain/columns.py, and their validation.

Each field is checked by the same cell parser the importer uses (importing.make_parser), so
that the form and an import can never disagree on what a valid value is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.columns import COLUMN_BY_FIELD, Column
from ..domain.enums import Economic, Status
from ..domain.idnumber import birth_date_of
from ..domain.resident import Resident
from ..importing import CellError, make_parser

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("基本信息", ("name", "id_number", "hukou", "hukou_type", "county", "street", "community",
              "address", "phone")),
    ("居住与健康", ("living", "ability", "dementia", "disability", "long_term_care",
               "chronic_illness")),
    ("经济与保障", ("economic", "tekun_mode", "pension", "has_supporter",
               "family_planning_special")),
    ("优抚与其他", ("veteran", "periodic_pension", "vagrant", "voluntary_institution",
               "barrier_free_done", "note")),
    ("银行账户", ("bank_name", "bank_account")),
    ("状态", ("status", "status_date")),
)


class Field(QWidget):
    """One input with its error label underneath; ``raw()`` is what the parser reads."""

    edited = Signal()

    def __init__(self, column: Column, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column
        self.setObjectName(f"field_{column.field}")
        self._parse = make_parser(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.editor: QWidget
        if column.kind == "bool":
            box = QCheckBox("是")
            box.toggled.connect(self.edited)
            self.editor = box
        elif column.kind == "enum":
            combo = QComboBox()
            if column.default is None:
                combo.addItem("")       # no choice yet (required), or empty (特困供养方式)
            combo.addItems(list(column.choices))
            combo.currentTextChanged.connect(self.edited)
            self.editor = combo
        else:
            line = QLineEdit()
            if column.kind == "date":
                line.setPlaceholderText("如 2026-11-10")
            line.textChanged.connect(self.edited)
            self.editor = line
        self.editor.setToolTip(column.help)
        layout.addWidget(self.editor)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        if column.default is not None:
            self.set_value(column.default)

    # -- values ----------------------------------------------------------------------------
    def raw(self) -> Any:
        e = self.editor
        if isinstance(e, QCheckBox):
            return e.isChecked()
        if isinstance(e, QComboBox):
            return e.currentText()
        assert isinstance(e, QLineEdit)
        return e.text()

    def set_value(self, value: Any) -> None:
        e = self.editor
        if isinstance(e, QCheckBox):
            e.setChecked(bool(value))
        elif isinstance(e, QComboBox):
            e.setCurrentText("" if value is None else str(value))
        else:
            assert isinstance(e, QLineEdit)
            if isinstance(value, dt.date):
                value = value.isoformat()
            e.setText("" if value is None else str(value))

    def parse(self) -> Any:
        """The typed value; raises CellError with the Chinese message."""
        value = self._parse(self.raw())
        if self.column.kind == "id":
            return value.number
        return value

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)


def build_fields(parent: QWidget | None = None) -> dict[str, Field]:
    return {name: Field(COLUMN_BY_FIELD[name], parent) for _, names in GROUPS for name in names}


def validate(fields: dict[str, Field]) -> tuple[Resident | None, dict[str, str]]:
    """The Resident the fields describe, or None and each field's Chinese error."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, field in fields.items():
        try:
            values[name] = field.parse()
        except CellError as err:
            errors[name] = str(err)
    economic, mode = values.get("economic"), values.get("tekun_mode", CellError)
    if "economic" not in errors and "tekun_mode" not in errors:
        if economic is Economic.TEKUN and mode is None:
            errors["tekun_mode"] = "经济状况为特困时必须选择特困供养方式（集中 / 分散）"
        elif economic is not Economic.TEKUN and mode is not None:
            errors["tekun_mode"] = f"经济状况为{economic}时特困供养方式必须为空"
    status, day = values.get("status"), values.get("status_date")
    if "status" not in errors and "status_date" not in errors:
        if status is not Status.REGISTERED and day is None:
            errors["status_date"] = f"状态为{status}时必须填写状态日期"
        elif status is Status.REGISTERED and day is not None:
            errors["status_date"] = "状态为在册时不应填写状态日期"
        elif day is not None and day > dt.date.today():
            errors["status_date"] = f"{status}日期不能晚于今天"
        elif day is not None and "id_number" not in errors:
            born = birth_date_of(values["id_number"])
            if day < born:
                errors["status_date"] = (f"{status}日期早于出生日期"
                                         f"（{born.year}年{born.month}月{born.day}日），请核对")
    if errors:
        return None, errors
    return Resident(**values), {}
