"""探访关爱: a month and an area → the visit plan with each resident's status (未走访 first, the
longest overdue at the top), 登记走访, the rate per community as numbers and bars, 打印花名册
(print preview) and 导出花名册 (xlsx). Planning and loading run on a worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..domain.months import Month
from ..domain.visit import RateRow, VisitRow
from ..reports.visit_roster import RosterSection
from ..services import visits
from ..services.context import ServiceContext
from . import widgets
from .error_dialog import report_error
from .rate_chart import RateChart
from .tasks import TaskRunner, TaskState
from .visit_form import VisitForm
from .visit_models import (
    AGAIN,
    NOT_VISITED,
    STATUSES,
    PlanModel,
    PlanRow,
    RateModel,
    compose_plan,
)
from .widgets import AreaFilter, MonthPicker

ALL = "全部"
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
Scope = tuple[str | None, str | None, str | None]


@dataclass(frozen=True, slots=True)
class VisitsView:
    month: Month
    scope: Scope
    plan: list[PlanRow]
    rates: list[RateRow]
    planned: str = ""        # the plan summary when this load planned the month first


def _scope(scope: Scope) -> dict[str, str | None]:
    return dict(zip(("county", "street", "community"), scope))


def load_view(ctx: ServiceContext, month: Month, scope: Scope, state: TaskState, *,
              plan_first: bool = False) -> VisitsView:
    """The worker side: (plan the month,) then the plan with statuses and the rates."""
    from ..services.residents_import import Cancelled

    planned = ""
    if plan_first:
        planned = visits.plan_month(ctx, month, progress=lambda n: state.progress(n, 0)).text
    area = _scope(scope)
    rates = visits.visit_rates(ctx, month, **area)
    if state.cancelled():
        raise Cancelled()
    sections = visits.roster(ctx, month, full_id=True, **area)
    if state.cancelled():
        raise Cancelled()
    plan = compose_plan(sections, visits.overdue(ctx, month, **area),
                        visits.pending_second_visits(ctx, month, **area))
    return VisitsView(month, scope, plan, rates, planned)


def write_roster(ctx: ServiceContext, month: Month, scope: Scope, out: Path) -> int:
    """The worker side of 导出花名册: masked phones and ID numbers; 0 when nobody is due."""
    from ..reports.visit_roster import write_roster_workbook

    sections = visits.roster(ctx, month, **_scope(scope))
    if not sections:
        return 0
    return write_roster_workbook(sections, out, month)


class VisitsPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget | None = None, *,
                 areas: Callable[[], set[tuple[str, str, str]]] | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.today = today                 # None: the real today (tests pin it)
        self.view: VisitsView | None = None
        self.forms: list[VisitForm] = []
        self._generation = 0
        self._keep: str | None = None      # the resident to reselect after a reload
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)

        top = QHBoxLayout()
        top.addWidget(QLabel("走访月份"))
        self.month = MonthPicker(Month.of(today or dt.date.today()))
        top.addWidget(self.month)
        self.area = AreaFilter(source=areas)
        top.addWidget(self.area)
        top.addStretch(1)
        self.plan_button = QPushButton("生成走访计划")
        self.plan_button.setToolTip("按本月在册居民生成走访计划；可重复点击，已在计划中的不会重复添加")
        self.plan_button.clicked.connect(lambda: self.plan())
        self.print_button = QPushButton("打印花名册…")
        self.print_button.clicked.connect(lambda: self.print_roster())
        self.export_button = QPushButton("导出花名册…")
        self.export_button.clicked.connect(lambda: self.export_roster())
        for button in (self.plan_button, self.print_button, self.export_button):
            top.addWidget(button)
        layout.addLayout(top)

        self.info = QLabel("正在载入……")
        self.info.setObjectName("summaryText")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        layout.addWidget(self.notice)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 6, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("状态"))
        self.status = QComboBox()
        self.status.addItems([ALL, *STATUSES])
        self.status.currentIndexChanged.connect(self._filter)
        bar.addWidget(self.status)
        self.search = QLineEdit()
        self.search.setPlaceholderText("查找：姓名、身份证号或社区")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        bar.addWidget(self.search, 1)
        self.record_button = QPushButton("登记走访…")
        self.record_button.setObjectName("primaryButton")
        self.record_button.clicked.connect(lambda: self.record_visit())
        bar.addWidget(self.record_button)
        left_box.addLayout(bar)
        self.plan_model = PlanModel(self)
        self.plan_view = widgets.data_table(
            self.plan_model, [c.width for c in self.plan_model.columns], single_selection=True)
        self.plan_view.doubleClicked.connect(lambda index: self.record_visit(index.row()))
        left_box.addWidget(self.plan_view, 1)
        self.counts = QLabel()
        left_box.addWidget(self.counts)
        split.addWidget(left)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(6, 0, 0, 0)
        title = QLabel("各社区探访率")
        title.setObjectName("sectionTitle")
        right_box.addWidget(title)
        self.chart = RateChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setMinimumHeight(160)
        right_box.addWidget(scroll, 3)
        self.rate_model = RateModel(self)
        self.rate_view = widgets.data_table(
            self.rate_model, [c.width for c in self.rate_model.columns], single_selection=True)
        right_box.addWidget(self.rate_view, 2)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([720, 420])
        layout.addWidget(split, 1)

        self.plan_view.setFocus()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.reload)
        self.month.changed.connect(lambda _m: self._timer.start())
        self.area.changed.connect(self._timer.start)
        self.reload()

    # -- loading --------------------------------------------------------------------------
    def reload(self, *, plan_first: bool = False) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        month, scope = self.month.month(), self.area.selected()
        title = "生成走访计划" if plan_first else "载入走访计划"
        task = self.runner.run(
            title, lambda s: load_view(self.ctx, month, scope, s, plan_first=plan_first),
            on_success=lambda view: self._loaded(view, generation),
            on_failure=lambda e: self._failed(e, title))
        if plan_first:
            self.progress = widgets.ProgressDialog(task, f"正在生成{month.label}走访计划……", self,
                                                   cancellable=False)
        elif not task.done:
            self.info.setText(f"正在载入{month.label}走访计划……")

    def plan(self) -> None:
        self.reload(plan_first=True)

    def _loaded(self, view: VisitsView, generation: int) -> None:
        if generation != self._generation:
            return                        # a newer month or area was asked for meanwhile
        self.view = view
        self.plan_model.set_rows(view.plan)
        self.rate_model.set_rows(view.rates)
        self.chart.set_rows(view.rates)
        self._show_summary(view)
        if self._keep is not None:
            self.select(self._keep)
            self._keep = None

    def _show_summary(self, view: VisitsView) -> None:
        label = view.month.label
        total = next((r for r in view.rates if r.level == "合计"), None)
        if total is None or not total.due:
            self.info.setText(f"{label}还没有走访计划（或所选范围内无应探访居民）。"
                              f"点“生成走访计划”，按本月在册、符合探访关爱条件的老年人生成名单。")
        else:
            counts = self.plan_model.counts()
            never = sum(1 for r in view.plan if r.status == NOT_VISITED and r.last_visit is None)
            self.info.setText(
                f"{label}：应访 {total.due:,} 人，已访 {total.visited:,} 人，探访率 {total.rate_text}；"
                f"未走访 {counts[NOT_VISITED]:,} 人（其中从未走访 {never:,} 人），"
                f"高风险需再访 {counts[AGAIN]:,} 人。")
        if view.planned:
            self.show_notice(f"走访计划已生成：{view.planned}")
        self._update_counts()

    def _failed(self, exc: BaseException, action: str) -> None:
        if type(exc).__name__ in ("Cancelled", "ImportCancelled"):
            self.info.setText("已取消。")
            return
        self.info.setText(f"“{action}”未完成。")
        report_error(self, exc, action=action)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _filter(self) -> None:
        status = self.status.currentText()
        self.plan_model.set_filter(None if status == ALL else status, self.search.text())
        self._update_counts()

    def _update_counts(self) -> None:
        shown, total = self.plan_model.rowCount(), len(self.view.plan) if self.view else 0
        self.counts.setText(f"显示 {shown:,} 人，共 {total:,} 人。双击一行或点“登记走访”记录走访。")

    def select(self, id_number: str) -> bool:
        row = self.plan_model.find(id_number)
        if row < 0:
            return False
        self.plan_view.selectRow(row)
        self.plan_view.scrollTo(self.plan_model.index(row, 0))
        return True

    # -- visits ---------------------------------------------------------------------------
    def selected_row(self) -> PlanRow | None:
        rows = self.plan_view.selectionModel().selectedRows()
        if not rows:
            current: QModelIndex = self.plan_view.currentIndex()
            if not current.isValid():
                return None
            return self.plan_model.row(current.row())
        return self.plan_model.row(rows[0].row())

    def record_visit(self, row: int | None = None) -> VisitForm | None:
        resident = self.plan_model.row(row) if row is not None else self.selected_row()
        if resident is None or self.view is None:
            self.show_notice("请先在走访计划中选中一位居民，再点“登记走访”。")
            return None
        form = VisitForm(self.ctx, self.view.month, resident, today=self.today, parent=self)
        form.setWindowModality(Qt.WindowModality.WindowModal)
        form.saved.connect(self._visit_saved)
        form.finished.connect(lambda _r, f=form: self.forms.remove(f) if f in self.forms else None)
        self.forms.append(form)
        form.open()
        return form

    def _visit_saved(self, row: VisitRow) -> None:
        tail = "（高风险：本月需再次走访）" if row.risk == "高" else ""
        self.show_notice(f"已登记：{row.name} {row.visit_date.isoformat()} {row.method}，"
                         f"走访人{row.visitor}{tail}")
        self._keep = row.id_number
        self.reload()

    # -- roster ---------------------------------------------------------------------------
    def print_roster(self) -> None:
        month, scope = self.month.month(), self.area.selected()
        task = self.runner.run("打印花名册",
                               lambda _s: visits.roster(self.ctx, month, **_scope(scope)),
                               on_success=lambda sections: self.preview(sections, month),
                               on_failure=lambda e: self._failed(e, "打印花名册"))
        self.progress = widgets.ProgressDialog(task, f"正在准备{month.label}走访花名册……", self,
                                               cancellable=False)

    def preview(self, sections: list[RosterSection], month: Month) -> QWidget | None:
        """A print preview of the roster (the same painter code as the PDF)."""
        if not sections:
            self.show_notice(f"{month.label}所选范围内没有应探访的居民，请先生成走访计划。")
            return None
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from ..reports.visit_roster_pdf_qt import page_layout

        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer.setPageLayout(page_layout())
        self._printer.setDocName(f"{month.label}走访花名册")
        dialog = QPrintPreviewDialog(self._printer, self)
        dialog.setObjectName("rosterPreview")
        dialog.setWindowTitle(f"打印预览 — {month.label}走访花名册")
        dialog.paintRequested.connect(lambda printer: self._paint(printer, sections, month,
                                                                  dialog))
        dialog.resize(1100, 760)
        dialog.open()
        return dialog

    def _paint(self, printer, sections: list[RosterSection], month: Month,  # type: ignore[no-untyped-def]
               dialog: QWidget) -> None:
        from ..reports.visit_roster_pdf_qt import NoChineseFont, paint_roster

        try:
            self.printed_pages = paint_roster(printer, sections, month)
        except NoChineseFont as exc:
            QTimer.singleShot(0, dialog.close)
            self.show_notice(str(exc))
        except Exception as exc:  # noqa: BLE001 - never out of a paint slot
            QTimer.singleShot(0, dialog.close)
            report_error(self, exc, action="打印花名册")

    def export_roster(self, path: str | None = None) -> None:
        month, scope = self.month.month(), self.area.selected()
        where = next((x for x in reversed(scope) if x), "全市")
        path = path or widgets.ask_save_path(self, "导出走访花名册",
                                             f"走访花名册_{month}_{where}.xlsx", XLSX_FILTER)
        if not path:
            return
        out = Path(path)
        task = self.runner.run("导出花名册", lambda _s: write_roster(self.ctx, month, scope, out),
                               on_success=lambda n: self._exported(n, out, month),
                               on_failure=lambda e: self._failed(e, "导出花名册"))
        self.progress = widgets.ProgressDialog(task, f"正在导出{month.label}走访花名册……", self,
                                               cancellable=False)

    def _exported(self, people: int, out: Path, month: Month) -> QMessageBox | None:
        if not people:
            self.show_notice(f"{month.label}所选范围内没有应探访的居民，未生成花名册。")
            return None
        self.show_notice(f"走访花名册已保存（{people} 人）：{out}")
        box = QMessageBox(QMessageBox.Icon.Information, "导出完成",
                          f"{month.label}走访花名册已保存（{people} 人）：\n{out}",
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("exportedBox")
        open_file = box.addButton("打开文件", QMessageBox.ButtonRole.ActionRole)
        open_folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)

        def clicked(button: object) -> None:
            if button is open_file:
                widgets.open_file(str(out))
            elif button is open_folder:
                widgets.open_folder_of(str(out))

        box.buttonClicked.connect(clicked)
        box.open()
        return box
