"""Small shared widgets: a progress dialog bound to a task, a month picker, area filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import County
from ..domain.months import Month
from .tasks import Task

ALL = "全部"


class ProgressDialog(QDialog):
    """Window-modal, opened (never exec()'d): a bar that follows the task and a 取消 button."""

    def __init__(self, task: Task, text: str, parent: QWidget | None = None, *,
                 cancellable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(task.title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.task = task
        layout = QVBoxLayout(self)
        self.label = QLabel(text)
        layout.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMinimumWidth(360)
        layout.addWidget(self.bar)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.setEnabled(cancellable)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        task.progressed.connect(self.on_progress)
        task.finished.connect(self.close)
        if task.done:
            return
        self.open()

    def on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def cancel(self) -> None:
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText("正在取消……")

    def reject(self) -> None:  # Esc or the title-bar close button cancel too
        if not self.task.done:
            self.cancel()
            return
        super().reject()


class MonthPicker(QWidget):
    """Year and month spin boxes; emits ``changed(Month)``."""

    changed = Signal(object)

    def __init__(self, month: Month | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        month = month or Month.of(dt.date.today())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setSuffix(" 年")
        self.year.setValue(month.year)
        self.month_box = QSpinBox()
        self.month_box.setRange(1, 12)
        self.month_box.setSuffix(" 月")
        self.month_box.setWrapping(True)
        self.month_box.setValue(month.month)
        layout.addWidget(self.year)
        layout.addWidget(self.month_box)
        self.year.valueChanged.connect(self._emit)
        self.month_box.valueChanged.connect(self._emit)

    def month(self) -> Month:
        return Month(self.year.value(), self.month_box.value())

    def set_month(self, month: Month) -> None:
        self.year.setValue(month.year)
        self.month_box.setValue(month.month)

    def _emit(self) -> None:
        self.changed.emit(self.month())


class AreaFilter(QWidget):
    """县区 → 街道 → 社区 combo boxes fed by the (county, street, community) triples present."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 source: Callable[[], set[tuple[str, str, str]]] | None = None) -> None:
        """``source``: where the areas come from (the register's); asked again whenever the
        filter is shown, so that a page built earlier offers the areas added since."""
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._source = source
        self._areas: dict[str, dict[str, list[str]]] = {}
        self.county = QComboBox()
        self.street = QComboBox()
        self.community = QComboBox()
        for label, box in (("县区", self.county), ("街道", self.street), ("社区", self.community)):
            box.setMinimumContentsLength(6)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            layout.addWidget(QLabel(label))
            layout.addWidget(box)
        self.set_areas(source() if source is not None else set())
        self.county.currentIndexChanged.connect(self._county_changed)
        self.street.currentIndexChanged.connect(self._street_changed)
        self.community.currentIndexChanged.connect(self.changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._source is not None:
            self.set_areas(self._source())
        super().showEvent(event)

    def set_areas(self, triples: set[tuple[str, str, str]]) -> None:
        areas: dict[str, dict[str, list[str]]] = {c.value: {} for c in County}
        for county, street, community in triples:
            areas.setdefault(county, {}).setdefault(street, [])
            if community not in areas[county][street]:
                areas[county][street].append(community)
        self._areas = areas
        county, street, community = self.selected()      # kept where they still exist
        self.county.blockSignals(True)
        self.county.clear()
        self.county.addItems([ALL, *areas])
        if county:
            self.county.setCurrentText(county)
        self.county.blockSignals(False)
        self._fill_streets()
        for box, text, refill in ((self.street, street, self._fill_communities),
                                  (self.community, community, None)):
            if text:
                box.blockSignals(True)
                box.setCurrentText(text)
                box.blockSignals(False)
                if refill is not None:
                    refill()

    def _fill_streets(self) -> None:
        county = self.selected()[0]
        self.street.blockSignals(True)
        self.street.clear()
        self.street.addItems([ALL, *sorted(self._areas.get(county or "", {}))])
        self.street.blockSignals(False)
        self._fill_communities()

    def _fill_communities(self) -> None:
        county, street, _ = self.selected()
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItems([ALL, *sorted(self._areas.get(county or "", {}).get(street or "", []))])
        self.community.blockSignals(False)

    def _county_changed(self) -> None:
        self._fill_streets()
        self.changed.emit()

    def _street_changed(self) -> None:
        self._fill_communities()
        self.changed.emit()

    def selected(self) -> tuple[str | None, str | None, str | None]:
        def value(box: QComboBox) -> str | None:
            text = box.currentText()
            return None if not text or text == ALL else text

        return value(self.county), value(self.street), value(self.community)


# -- file dialogs: one place, so that tests can answer them -------------------------------

def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getOpenFileName(parent, title, "", filters)[0]


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]


def open_folder_of(path: str) -> None:
    from pathlib import Path

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def open_file(path: str) -> None:
    """Open a written file with the program the system has for it (Excel prints it)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def data_table(model: QAbstractItemModel, widths: Sequence[int] = (), *,
               single_selection: bool = False) -> QTableView:
    """A read-only, sortable table over a model, with the house look: whole rows selected,
    alternating colours, no wrapping, the last column stretched."""
    view = QTableView()
    view.setModel(model)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate(widths):
        view.setColumnWidth(col, width)
    return view
