"""登记走访: one visit of one planned resident. A refused visit (date outside the month, in the
future, before birth, after death…) shows the service's Chinese reason inside the form, in red
beside the buttons; nothing is recorded and the clerk corrects the field and saves again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.idnumber import mask_id
from ..domain.months import Month
from ..domain.visit import FINDINGS, METHODS, RISKS, VisitInput, VisitRefused, VisitRow
from ..services import visits
from ..services.context import ServiceContext
from .error_dialog import report_error
from .visit_models import PlanRow

HIGH_RISK_HINT = "风险等级为“高”：保存后该居民本月需再次走访。"


def default_day(month: Month, today: dt.date) -> dt.date:
    """Today when it falls in the month; else the month's last day (past) or first (future)."""
    if month.first_day <= today <= month.last_day:
        return today
    return month.last_day if month.last_day < today else month.first_day


def same_day_next_month(day: dt.date) -> dt.date:
    nxt = Month.of(day).next()
    return min(nxt.first_day + dt.timedelta(days=day.day - 1), nxt.last_day)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _text_box(lines: int = 2) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class VisitForm(QDialog):
    """Window-modal, opened (never exec()'d). ``saved`` carries the recorded VisitRow."""

    saved = Signal(object)

    def __init__(self, ctx: ServiceContext, month: Month, resident: PlanRow, *,
                 today: dt.date | None = None, visitor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitForm")
        self.ctx, self.month, self.resident = ctx, month, resident
        self.today = today
        self.result_row: VisitRow | None = None
        self.setWindowTitle(f"登记走访 — {resident.name}")
        layout = QVBoxLayout(self)

        head = QLabel(f"{resident.name}（{resident.sex} {resident.age or ''}岁）　"
                      f"{mask_id(resident.id_number)}<br>{resident.place}　"
                      f"困难类型：{resident.difficulty or '—'}")
        head.setObjectName("sectionTitle")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.earlier = QLabel(self._earlier_text())
        self.earlier.setWordWrap(True)
        layout.addWidget(self.earlier)

        visit_box = QGroupBox(f"{month.label}走访")
        form = QFormLayout(visit_box)
        day = default_day(month, today or dt.date.today())
        self.visit_date = QDateEdit(_qdate(day))
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        form.addRow("走访日期", self.visit_date)
        self.visitor = QLineEdit(visitor or ctx.actor)
        self.visitor.setPlaceholderText("走访人姓名")
        form.addRow("走访人", self.visitor)
        self.method = QComboBox()
        self.method.addItems(METHODS)
        form.addRow("走访方式", self.method)
        self.risk = QComboBox()
        self.risk.addItems(RISKS)
        form.addRow("风险等级", self.risk)
        self.risk_hint = QLabel(HIGH_RISK_HINT)
        self.risk_hint.setObjectName("warningText")
        self.risk_hint.setVisible(False)
        form.addRow("", self.risk_hint)
        self.risk.currentTextChanged.connect(lambda t: self.risk_hint.setVisible(t == "高"))

        found_box = QGroupBox("了解到的情况")
        found = QFormLayout(found_box)
        self.findings: dict[str, QLineEdit] = {}
        for key, label in FINDINGS:
            edit = QLineEdit()
            self.findings[key] = edit
            found.addRow(label, edit)

        act_box = QGroupBox("问题与处置")
        act = QFormLayout(act_box)
        self.problems = _text_box(3)
        act.addRow("发现问题", self.problems)
        self.action = _text_box(3)
        act.addRow("处置或转介", self.action)
        next_row = QHBoxLayout()
        self.has_next = QCheckBox("约定下次走访")
        self.next_date = QDateEdit(_qdate(same_day_next_month(day)))
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.next_date.setEnabled(False)
        self.has_next.toggled.connect(self.next_date.setEnabled)
        self._next_chosen = False           # the clerk picked it: stop following 走访日期
        self.next_date.userDateChanged.connect(lambda _d: setattr(self, "_next_chosen", True))
        self.visit_date.dateChanged.connect(self._follow_visit_date)
        next_row.addWidget(self.has_next)
        next_row.addWidget(self.next_date)
        next_row.addStretch(1)
        act.addRow("下次走访日期", next_row)
        self.note = QLineEdit()
        act.addRow("备注", self.note)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(visit_box)
        left.addWidget(found_box)
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(act_box)
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)

        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        bottom.addWidget(self.message, 1)
        self.save_button = QPushButton("保存")
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton("取消")
        cancel.clicked.connect(self.reject)
        bottom.addWidget(self.save_button)
        bottom.addWidget(cancel)
        layout.addLayout(bottom)
        for edit in (self.visitor, self.note, *self.findings.values()):
            edit.textEdited.connect(lambda _t: self.message.clear())
        self.visit_date.dateChanged.connect(lambda _d: self.message.clear())
        self.resize(860, 480)

    def _follow_visit_date(self, q: QDate) -> None:
        if not self._next_chosen:
            self.next_date.blockSignals(True)
            self.next_date.setDate(_qdate(same_day_next_month(_pydate(q))))
            self.next_date.blockSignals(False)

    def _earlier_text(self) -> str:
        try:
            mine = visits.visits_of(self.ctx, self.resident.id_number, self.month)
        except Exception:  # noqa: BLE001 - the list is a courtesy; saving reports real errors
            return ""
        if not mine:
            return f"{self.month.label}尚未走访。"
        last = mine[-1]
        return (f"{self.month.label}已走访{len(mine)}次，最近一次：{last.visit_date.isoformat()} "
                f"{last.method}，走访人{last.visitor}，风险{last.risk}。")

    def visit_input(self) -> VisitInput:
        return VisitInput(
            self.month, _pydate(self.visit_date.date()), self.visitor.text(),
            self.method.currentText(), self.risk.currentText(),
            **{key: edit.text() for key, edit in self.findings.items()},
            problems=self.problems.toPlainText(), action=self.action.toPlainText(),
            next_visit_date=_pydate(self.next_date.date()) if self.has_next.isChecked() else None,
            note=self.note.text())

    def save(self) -> bool:
        """Record the visit; a refusal is shown in the form and nothing is recorded."""
        self.message.clear()
        try:
            row = visits.record_visit(self.ctx, self.resident.id_number, self.visit_input(),
                                      today=self.today)
        except VisitRefused as exc:
            self.show_message(f"未保存：{exc}")
            return False
        except Exception as exc:  # noqa: BLE001 - a bug or a locked database: say so, go on
            report_error(self, exc, action="登记走访")
            return False
        self.result_row = row
        self.saved.emit(row)
        self.accept()
        return True

    def show_message(self, text: str) -> None:
        self.message.setText(text)
