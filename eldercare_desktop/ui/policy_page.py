"""政策参数: the values in force for a month, each with the period it came from; loading a
parameter file with every error shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..services import policy
from ..services.context import ServiceContext
from . import widgets
from .error_dialog import report_error
from .tasks import TaskRunner
from .widgets import MonthPicker

Index = QModelIndex | QPersistentModelIndex


class ParamModel(QAbstractTableModel):
    HEADERS = ("范围", "参数", "数值", "来源时段")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.key
        source = f"自{r.source.isoformat()}起生效的时段" if r.source else "未设置"
        return (r.scope, r.label, r.value or "—", source)[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None


class ProblemListDialog(QDialog):
    """Every problem of a rejected parameter file: line and message."""

    def __init__(self, problems: list[tuple[int | None, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyProblems")
        self.setWindowTitle("参数文件有问题，未保存任何参数")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"共发现 {len(problems)} 处问题，请修改参数文件后重新导入："))
        self.table = QTableView()
        from .problems_model import SimpleRowsModel

        self.model = SimpleRowsModel(("行号", "问题"),
                                     [("" if line is None else line, msg) for line, msg in problems],
                                     self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)


class PolicyPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel("生效月份"))
        self.month = MonthPicker()
        self.month.changed.connect(lambda _m: self.refresh())
        top.addWidget(self.month)
        top.addStretch(1)
        self.load_button = QPushButton("导入参数文件")
        self.load_button.clicked.connect(lambda: self.load_file())
        top.addWidget(self.load_button)
        layout.addLayout(top)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.model = ParamModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((140, 300, 220)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        month = self.month.month()
        try:
            rows = policy.param_rows(policy.params_for_month(self.ctx, month))
        except Exception as exc:  # noqa: BLE001
            report_error(self, exc, action="读取政策参数")
            return
        self.model.set_rows(rows)
        unset = sum(1 for r in rows if r.source is None)
        self.info.setText(f"{month.label}（按当月1日）生效的参数。" +
                          (f"有 {unset} 项尚未设置，涉及的待遇将无法测算金额。" if unset else ""))

    def load_file(self, path: str | None = None) -> None:
        from pathlib import Path

        path = path or widgets.ask_open_path(self, "导入参数文件", "参数文件 (*.toml);;所有文件 (*)")
        if not path:
            return
        file = Path(path)
        self.runner.run("导入参数文件", lambda _s: policy.load_policy(self.ctx, file),
                        on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, summary: Any) -> None:
        self.refresh()
        self.info.setText(summary.text + "。 " + self.info.text())

    def _failed(self, exc: BaseException) -> None:
        problems = getattr(exc, "problems", None)
        if problems:
            ProblemListDialog(list(problems), self).open()
            return
        report_error(self, exc, action="导入参数文件")
