"""The resident form: every field, grouped; live checking in Chinese next to each field; 保存
enabled only for a valid, changed record; live entitlements beside it; asks before losing work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import Status
from ..domain.idnumber import IdNumberError, birth_date_of, parse_id_number, sex_of
from ..domain.months import age_in_month
from ..domain.resident import Resident
from ..errors import known_error
from ..services import register
from ..services.context import ServiceContext
from . import widgets
from .entitlement_panel import EntitlementPanel
from .error_dialog import report_error
from .resident_fields import GROUPS, Field, build_fields, validate


class StatusDateDialog(QDialog):
    """Marking a resident 死亡 or 迁出 asks for the date."""

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusDateDialog")
        self.setWindowTitle(f"标记为{status}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"请填写{status}日期："))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setMaximumDate(QDate.currentDate())     # not in the future
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        layout.addWidget(self.date)
        buttons = QDialogButtonBox()
        buttons.addButton("确定", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def day(self) -> dt.date:
        return self.date.date().toPython()  # type: ignore[no-any-return]


class ResidentForm(QDialog):
    saved = Signal(str)

    def __init__(self, ctx: ServiceContext, id_number: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("residentForm")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.version: int | None = None
        self.original: Resident | None = None
        if id_number is not None:
            found = register.resident_for_edit(ctx, id_number)
            if found is None:
                raise LookupError(f"台账中没有身份证号为{id_number}的居民，可能已被他人修改")
            self.original, self.version = found
        self.resident: Resident | None = None
        self.errors: dict[str, str] = {}
        self._confirmed_close = False
        self._previous_status = Status.REGISTERED.value
        self.setWindowTitle(f"居民信息 — {self.original.name}" if self.original else "新增居民")

        self.fields = build_fields()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.birth_label = QLabel()
        self.birth_label.setObjectName("derivedFacts")
        for title, names in GROUPS:
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            for name in names:
                field = self.fields[name]
                star = "*" if field.column.required else ""
                form.addRow(f"{field.column.header}{star}", field)
                if name == "id_number":
                    form.addRow("出生日期/性别/年龄", self.birth_label)
            left_layout.addWidget(box)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setMinimumWidth(430)

        self.panel = EntitlementPanel()
        self.panel.month_changed.connect(lambda _m: self.schedule_update())
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        self.print_button = QPushButton("打印说明")
        self.print_button.clicked.connect(lambda: self.print_explanation())
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        self.save_button = QPushButton("保存")
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton("关闭")
        self.close_button.clicked.connect(self.close)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self.resize(1180, 760)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.update_entitlements)
        if self.original is not None:
            for name, field in self.fields.items():
                field.set_value(getattr(self.original, name))
            self.fields["id_number"].editor.setEnabled(False)
            self._previous_status = self.original.status.value
        # fields of a new record the clerk has touched (see revalidate)
        self._touched: set[str] | None = set() if self.original is None else None
        for name, field in self.fields.items():
            field.edited.connect(lambda n=name: self._edited(n))
        self.fields["status"].edited.connect(self._status_edited)
        self.revalidate()
        self.update_entitlements()

    # -- checking --------------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._touched is not None:
            self._touched.add(name)
        self.revalidate()
        self.schedule_update()

    def revalidate(self) -> None:
        resident, errors = validate(self.fields)
        if resident is not None and self.original is None:
            other = register.find_resident(self.ctx, resident.id_number)
            if other is not None:
                errors = {"id_number": f"该身份证号已在台账中（{other.name}），请在台账中打开修改"}
                resident = None
        self.resident, self.errors = resident, errors
        touched, fields = self._touched, self.fields
        # a required field of a new record, still empty and not yet touched, is not marked
        shown = {n: e for n, e in errors.items()
                 if touched is None or n in touched or not fields[n].column.required
                 or fields[n].raw().strip()}
        for name, field in self.fields.items():
            field.set_error(shown.get(name, ""))
        self._derived_facts()
        self.save_button.setEnabled(resident is not None and self.dirty)
        if shown:
            self.message.setText(f"有 {len(shown)} 处需要更正（已在字段旁标出），更正后才能保存")
        elif errors:
            self.message.setText("请填写带 * 的必填项，填好后才能保存")
        else:
            self.message.setText("")

    def _derived_facts(self) -> None:
        text = self.fields["id_number"].raw().strip()
        try:
            number = parse_id_number(text).number
        except IdNumberError:
            self.birth_label.setText("（输入身份证号后自动填写）")
            return
        birth = birth_date_of(number)
        age = age_in_month(birth, self.panel.month.month())
        self.birth_label.setText(f"{birth.year}年{birth.month}月{birth.day}日　"
                                 f"{sex_of(number).value}　{age}周岁")

    @property
    def dirty(self) -> bool:
        if self.original is None:
            return any(f.raw() != _initial(f) for f in self.fields.values())
        return self.resident is None or self.resident != self.original

    def _status_edited(self) -> None:
        status = self.fields["status"].raw()
        if status == self._previous_status:
            return
        previous, self._previous_status = self._previous_status, status
        if status == Status.REGISTERED.value:
            self.fields["status_date"].set_value("")
            return
        dialog = StatusDateDialog(status, self)
        dialog.accepted.connect(lambda: self.fields["status_date"].set_value(dialog.day()))

        def undo() -> None:
            self._previous_status = previous
            self.fields["status"].set_value(previous)

        dialog.rejected.connect(undo)
        dialog.open()

    # -- entitlements ----------------------------------------------------------------------
    def schedule_update(self) -> None:
        self._timer.start()

    def update_entitlements(self) -> None:
        self._derived_facts()
        if self.resident is None:
            self.panel.show_outcomes([], "信息完整且无误后，这里显示该居民本月可享受的待遇")
            return
        from ..services.entitlements import evaluate_resident

        month = self.panel.month.month()
        try:
            outcomes = evaluate_resident(self.ctx, self.resident, month)
        except Exception as exc:  # noqa: BLE001 - shown, the form goes on
            report_error(self, exc, action="测算待遇")
            return
        notice = "" if self.resident.counts_in(month) else f"{month.label}该居民已不在册"
        self.panel.show_outcomes(outcomes, notice)

    # -- saving and closing ----------------------------------------------------------------
    def save(self) -> bool:
        self.revalidate()
        if self.resident is None:
            return False
        try:
            self.version = register.save_resident(self.ctx, self.resident, self.version)
        except Exception as exc:  # noqa: BLE001
            code, message = known_error(exc)
            if code is None:
                report_error(self, exc, action="保存居民信息")
            else:
                self.message.setText(message)
            return False
        self.original = self.resident
        self.fields["id_number"].editor.setEnabled(False)
        self.setWindowTitle(f"居民信息 — {self.resident.name}")
        self.revalidate()
        self.message.setText("已保存")
        self.saved.emit(self.resident.id_number)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._confirmed_close or not self.dirty:
            event.accept()
            return
        event.ignore()
        box = QMessageBox(QMessageBox.Icon.Question, "尚未保存", "居民信息有未保存的修改，要保存吗？",
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("unsavedBox")
        save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        save.setEnabled(self.resident is not None)

        def answered(button: Any) -> None:
            if button is discard or (button is save and self.save()):
                self._confirmed_close = True
                self.close()

        box.buttonClicked.connect(answered)
        box.open()

    def reject(self) -> None:  # Esc
        self.close()

    def print_explanation(self, path: str | None = None) -> None:
        if self.resident is None:
            self.message.setText("请先更正标红的字段")
            return
        from ..services.entitlements import write_explanation

        month = self.panel.month.month()
        path = path or widgets.ask_save_path(
            self, "打印说明", f"待遇说明_{self.resident.name}_{month}.xlsx", "Excel 工作簿 (*.xlsx)")
        if not path:
            return
        try:
            out = write_explanation(self.ctx, self.resident, month, Path(path))
        except Exception as exc:  # noqa: BLE001
            report_error(self, exc, action="打印说明")
            return
        self.message.setText(f"说明表已保存到 {out}（已设好打印格式，可直接打印）")
        widgets.open_file(str(out))


def _initial(field: Field) -> Any:
    default = field.column.default
    if field.column.kind == "bool":
        return bool(default)
    if field.column.kind == "enum":
        return "" if default is None else str(default)
    return ""
