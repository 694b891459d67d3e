"""待遇测算: a month and an area → every resident's entitlements, totals per item and per
county, and 导出测算表 — all computed on a worker, with progress and 取消."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.idnumber import mask_id
from ..domain.months import Month
from ..rules.outcome import CODES
from ..services.context import ServiceContext
from . import widgets
from .error_dialog import report_error
from .problems_model import SimpleRowsModel
from .tasks import TaskRunner, TaskState
from .widgets import AreaFilter, MonthPicker

DETAIL_HEADERS = ("姓名", "身份证号", "性别", "年龄", "县区", "街道", "社区", "编号", "项目", "类型",
                  "金额（元）", "标准", "依据")
ITEM_HEADERS = ("编号", "项目", "类型", "人数", "金额合计（元）")
COUNTY_HEADERS = ("县区", "待遇人次", "享受人数", "金额合计（元）")


class MoneyRowsModel(SimpleRowsModel):
    def display(self, value: Any) -> str:
        if isinstance(value, Decimal):
            return f"{value:,.2f}"
        return super().display(value)


class DetailModel(MoneyRowsModel):
    """ID numbers are masked on screen."""

    def display(self, value: Any) -> str:
        text = super().display(value)
        if len(text) == 18 and text[:17].isdigit():
            return mask_id(text)
        return text


@dataclass(frozen=True, slots=True)
class MonthView:
    month: Month
    details: list[tuple[Any, ...]]
    by_item: list[tuple[Any, ...]]
    by_county: list[tuple[Any, ...]]
    residents: int
    warnings: list[str]
    total: Decimal


def compute_view(ctx: ServiceContext, month: Month, area: tuple[str | None, ...],
                 state: TaskState) -> MonthView:
    """The worker side: the service's rows, shaped for the three tables."""
    from ..services.entitlements import compute_month

    county, street, community = area
    result = compute_month(ctx, month, county=county, street=street, community=community,
                           progress=state.progress, cancelled=state.cancelled)
    details = [(r.name, r.id_number, r.sex, r.age, r.county, r.street, r.community, r.code, r.item,
                r.type, r.amount, r.standard, r.reason) for r in result.rows]
    items: dict[str, list[Any]] = {}
    counties: dict[str, list[Any]] = defaultdict(lambda: [0, set(), Decimal("0.00")])
    for r in result.rows:
        entry = items.setdefault(r.code, [r.code, r.item, r.type, 0, None])
        entry[3] += 1
        c = counties[r.county]
        c[0] += 1
        c[1].add(r.id_number)
        if r.amount is not None:
            entry[4] = (entry[4] or Decimal("0.00")) + r.amount
            c[2] += r.amount
    order = {code: n for n, code in enumerate(CODES)}
    by_item = [tuple(v) for v in sorted(items.values(), key=lambda v: order.get(v[0], 99))]
    by_county = [(k, v[0], len(v[1]), v[2]) for k, v in sorted(counties.items())]
    total = sum((v[4] for v in items.values() if v[4] is not None), Decimal("0.00"))
    return MonthView(month, details, by_item, by_county, result.residents, result.warnings, total)


class MonthPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget | None = None, *,
                 areas: Callable[[], set[tuple[str, str, str]]] | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.view: MonthView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel("测算月份"))
        self.month = MonthPicker()
        top.addWidget(self.month)
        self.area = AreaFilter(source=areas)
        top.addWidget(self.area)
        top.addStretch(1)
        self.compute_button = QPushButton("测算")
        self.compute_button.setObjectName("primaryButton")
        self.compute_button.clicked.connect(lambda: self.compute())
        self.export_button = QPushButton("导出测算表")
        self.export_button.clicked.connect(lambda: self.export())
        top.addWidget(self.compute_button)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.info = QLabel("选择月份和范围后点“测算”。")
        self.info.setObjectName("summaryText")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.warnings = QLabel()
        self.warnings.setObjectName("warningText")
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(False)
        layout.addWidget(self.warnings)
        self.tabs = QTabWidget()
        self.details = DetailModel(DETAIL_HEADERS, parent=self, right_aligned=(3, 10))
        self.by_item = MoneyRowsModel(ITEM_HEADERS, parent=self, right_aligned=(3, 4))
        self.by_county = MoneyRowsModel(COUNTY_HEADERS, parent=self, right_aligned=(1, 2, 3))
        self.tabs.addTab(widgets.data_table(self.by_item, (60, 220, 90, 90)), "按项目合计")
        self.tabs.addTab(widgets.data_table(self.by_county, (160, 100, 100)), "按县区合计")
        self.tabs.addTab(widgets.data_table(self.details, (80, 160, 50, 50, 110, 100, 100, 50, 170, 80, 90, 160)),
                         "明细")
        layout.addWidget(self.tabs, 1)
        self.month.changed.connect(lambda _m: self._choice_changed())
        self.area.changed.connect(self._choice_changed)

    def _choice_changed(self) -> None:
        """Another month or area: the figures on screen are no longer the ones chosen, so
        they go (never a month's figures under another month's name)."""
        if self.view is None:
            return
        self.view = None
        for model in (self.details, self.by_item, self.by_county):
            model.set_rows([])
        self.warnings.setVisible(False)
        self.info.setText(f"已改为{self.month.month().label}，请点“测算”。")

    def compute(self) -> None:
        month, area = self.month.month(), self.area.selected()
        task = self.runner.run("待遇测算", lambda s: compute_view(self.ctx, month, area, s),
                               on_success=self._computed,
                               on_failure=lambda e: self._failed(e, "待遇测算"))
        self.progress = widgets.ProgressDialog(task, f"正在测算{month.label}的待遇……", self)

    def _computed(self, view: MonthView) -> None:
        self.view = view
        self.details.set_rows(view.details)
        self.by_item.set_rows(view.by_item)
        self.by_county.set_rows(view.by_county)
        self.info.setText(f"{view.month.label}：在册居民 {view.residents:,} 人，待遇 {len(view.details):,} 项，"
                          f"现金合计 {view.total:,.2f} 元。")
        self.warnings.setText("\n".join(f"⚠ {w}" for w in view.warnings))
        self.warnings.setVisible(bool(view.warnings))

    def _failed(self, exc: BaseException, action: str) -> None:
        if type(exc).__name__ in ("Cancelled", "ImportCancelled"):
            self.info.setText("已取消。")
            return
        report_error(self, exc, action=action)

    def export(self, path: str | None = None) -> None:
        from ..services.entitlements import write_month_workbook as writer

        month, (county, street, community) = self.month.month(), self.area.selected()
        scope = county or "全市"
        path = path or widgets.ask_save_path(self, "导出测算表", f"待遇测算表_{month}_{scope}.xlsx",
                                             "Excel 工作簿 (*.xlsx)")
        if not path:
            return
        out = Path(path)
        task = self.runner.run(
            "导出测算表",
            lambda s: writer(self.ctx, month, out, county=county, street=street,
                             community=community, progress=s.progress, cancelled=s.cancelled),
            on_success=lambda _r: self._exported(out),
            on_failure=lambda e: self._failed(e, "导出测算表"))
        self.progress = widgets.ProgressDialog(task, f"正在导出{month.label}测算表……", self)

    def _exported(self, out: Path) -> QMessageBox:
        self.info.setText(f"测算表已保存：{out}")
        box = QMessageBox(QMessageBox.Icon.Information, "导出完成", f"测算表已保存到：\n{out}",
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("exportedBox")
        open_button = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda b: widgets.open_folder_of(str(out)) if b is open_button
                                  else None)
        box.open()
        return box
