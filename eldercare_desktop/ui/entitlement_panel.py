"""Live entitlements beside the resident form: the items that apply (amount, standard, reason),
the monthly cash total, and, folded below, the items that do not apply with the failed
condition. Every figure comes from services.entitlements; nothing is decided here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .widgets import MonthPicker

Index = QModelIndex | QPersistentModelIndex


def money(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:,.2f}"


class OutcomeModel(QAbstractTableModel):
    """Outcomes (code, item, amount, standard, reason) as read-only rows."""

    APPLY_HEADERS = ("编号", "项目", "金额（元）", "标准", "依据")
    REFUSE_HEADERS = ("编号", "项目", "未满足的条件")

    def __init__(self, applies: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.applies = applies
        self.headers = self.APPLY_HEADERS if applies else self.REFUSE_HEADERS
        self._rows: list[Any] = []

    def set_outcomes(self, outcomes: list[Any]) -> None:
        self.beginResetModel()
        self._rows = [o for o in outcomes if bool(o.applies) == self.applies]
        self.endResetModel()

    def outcomes(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        o = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and self.applies and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = o.reason
            if o.warnings:
                text += "\n" + "\n".join(o.warnings)
            return text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if self.applies:
            return (o.code, o.item, money(o.amount), o.standard, o.reason)[col]
        return (o.code, o.item, o.reason)[col]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headers[section] if 0 <= section < len(self.headers) else None


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    # rows as tall as their wrapped reason (at most 23 rows: cheap), never cut off with "…"
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class EntitlementPanel(QWidget):
    month_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitlementPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        title = QLabel("待遇测算")
        title.setObjectName("sectionTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.month = MonthPicker()
        self.month.changed.connect(self.month_changed)
        top.addWidget(self.month)
        layout.addLayout(top)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        layout.addWidget(self.notice)
        self.applies = OutcomeModel(True, self)
        self.applies_view = _table(self.applies)
        layout.addWidget(self.applies_view, 3)
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        layout.addWidget(self.total_label)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setObjectName("warningText")
        layout.addWidget(self.warnings_label)
        self.fold = QToolButton()
        self.fold.setCheckable(True)
        self.fold.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.fold.setArrowType(Qt.ArrowType.RightArrow)
        self.fold.toggled.connect(self._toggle)
        layout.addWidget(self.fold)
        self.refused = OutcomeModel(False, self)
        self.refused_view = _table(self.refused)
        self.refused_view.setVisible(False)
        layout.addWidget(self.refused_view, 2)
        self.show_outcomes([])

    def _toggle(self, open_: bool) -> None:
        self.refused_view.setVisible(open_)
        self.fold.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def show_outcomes(self, outcomes: list[Any], notice: str = "") -> None:
        self.applies.set_outcomes(outcomes)
        self.refused.set_outcomes(outcomes)
        total = sum((o.amount for o in outcomes if o.applies and o.amount is not None),
                    Decimal("0.00"))
        self.total_label.setText(f"每月现金合计：{money(total)} 元" if outcomes else "")
        warnings = sorted({w for o in outcomes for w in o.warnings})
        self.warnings_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings_label.setVisible(bool(warnings))
        self.fold.setText(f"不适用的项目（{self.refused.rowCount()}项）")
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    def total_text(self) -> str:
        return self.total_label.text()
