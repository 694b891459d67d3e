"""居民台账: one search box, the filters, the table, and the welcome panel of an empty register."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import Economic, Status
from .register_model import RegisterFilter, RegisterModel
from .widgets import ALL, AreaFilter

SPECIAL_TIP = "独居、空巢、留守，重度或完全失能，失智，残疾一级或二级，计划生育特殊家庭"


class WelcomePanel(QWidget):
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel("欢迎使用社区养老服务台账")
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel("台账里还没有居民。可以导入按模板填写的Excel台账，或先载入演示数据熟悉程序。")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.import_button = QPushButton("导入Excel台账")
        self.import_button.setObjectName("primaryButton")
        self.demo_button = QPushButton("载入演示数据")
        for b in (self.import_button, self.demo_button):
            b.setMinimumSize(160, 44)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)


class RegisterPage(QWidget):
    open_requested = Signal(str)      # an ID number
    new_requested = Signal()
    import_requested = Signal()
    export_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RegisterModel(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 8)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        # until the first rows arrive (never the welcome panel: it says the register is empty)
        self.loading = QLabel("正在载入台账……")
        self.loading.setObjectName("registerLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.welcome = WelcomePanel()
        self.welcome.import_requested.connect(self.import_requested)
        self.welcome.demo_requested.connect(self.demo_requested)
        self.stack.addWidget(self.welcome)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("查找：姓名、拼音首字母（如zsf）、全拼、身份证号片段或电话")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton("新增居民")
        self.new_button.clicked.connect(self.new_requested)
        self.import_button = QPushButton("导入Excel台账")
        self.import_button.clicked.connect(self.import_requested)
        self.export_button = QPushButton("导出台账")
        self.export_button.clicked.connect(self.export_requested)
        for b in (self.new_button, self.import_button, self.export_button):
            top.addWidget(b)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.area = AreaFilter()
        self.area.changed.connect(self._filters_changed)
        filters.addWidget(self.area)
        self.economic = QComboBox()
        self.economic.addItems([ALL, *(e.value for e in Economic)])
        self.status = QComboBox()
        self.status.addItems([ALL, *(s.value for s in Status)])
        for label, box in (("经济状况", self.economic), ("状态", self.status)):
            filters.addWidget(QLabel(label))
            filters.addWidget(box)
            box.currentIndexChanged.connect(self._filters_changed)
        self.special = QCheckBox("特殊困难")
        self.special.setToolTip(SPECIAL_TIP)
        self.elderly = QCheckBox("高龄（80周岁以上）")
        for box in (self.special, self.elderly):
            box.toggled.connect(self._filters_changed)
            filters.addWidget(box)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.table = QTableView()
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        # no indicator first: enabling sorting sorts by the indicator's column at once
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((90, 170, 120, 110, 120, 120, 80, 100, 90, 60)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.activated.connect(self._double_clicked)
        layout.addWidget(self.table, 1)
        self.stack.addWidget(body)
        self.body = body
        self._update_count()

    # -- data ------------------------------------------------------------------------------
    def set_rows(self, rows: Any) -> None:
        """Rows from the service, or a PreparedRows built on a worker thread."""
        self.model.set_rows(rows)
        rows = self.model.rows
        self.area.set_areas(self.model.areas())
        self.show_welcome(not rows)
        self._update_count()

    def show_welcome(self, welcome: bool) -> None:
        self.stack.setCurrentWidget(self.welcome if welcome else self.body)

    def current_filter(self) -> RegisterFilter:
        county, street, community = self.area.selected()

        def value(box: QComboBox) -> str | None:
            return None if box.currentText() == ALL else box.currentText()

        return RegisterFilter(county, street, community, value(self.economic), value(self.status),
                              self.special.isChecked(), self.elderly.isChecked())

    def _search_changed(self, text: str) -> None:
        self.model.set_query(text)
        self._update_count()

    def _filters_changed(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(f"显示 {shown:,} 人 / 共 {total:,} 人" if shown != total
                                 else f"共 {total:,} 人")

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.id_number_at(index.row()))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
