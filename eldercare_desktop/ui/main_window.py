"""The main window: the register table with the count in the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QTableView

from ..services import register
from ..services.context import ServiceContext
from .register_model import RegisterModel


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.setWindowTitle("社区养老服务台账")
        self.resize(1200, 720)
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((90, 170, 110, 110, 120, 120, 80, 100, 90, 60)):
            self.table.setColumnWidth(col, width)
        self.setCentralWidget(self.table)
        self.db_label = QLabel(f"数据库：{ctx.db.label}")
        self.count_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self.reload()

    def reload(self) -> None:
        rows = register.register_rows(self._ctx)
        self.model.set_rows(rows)
        self.count_label.setText(f"共 {len(rows)} 人")
