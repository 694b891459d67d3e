"""Import wizard: choose a file → check it on a worker (progress, 取消) → either every problem
(sortable; double-click shows the whole row; 保存标注文件) or a summary with 确认导入."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..bulk import release_gradually, release_in_background
from ..importing import ReadResult, write_errors_workbook
from ..importing.child_reader import check_import_file_in_child
from ..services.context import ServiceContext
from ..services.residents_import import ImportSummary, import_residents
from . import widgets
from .error_dialog import report_error
from .problems_model import SimpleRowsModel
from .tasks import Task, TaskRunner, TaskState

CHOOSE, WORKING, PROBLEMS, SUMMARY, DONE = range(5)
MAX_ROWS_KEPT = 5000          # whole rows kept for double-click on a problem


@dataclass(frozen=True, slots=True)
class Checked:
    result: ReadResult
    summary: ImportSummary | None                 # None when the file has problems
    row_cells: dict[int, list[tuple[str, str]]]   # excel row → (header, value) of problem rows


def check_file(ctx: ServiceContext, path: Path, state: TaskState) -> Checked:
    """The worker side of 检查: read and validate (in a child process, so that the window never
    freezes), then compare with the database (dry run)."""
    result, row_cells = check_import_file_in_child(path, progress=state.progress,
                                                   cancelled=state.cancelled,
                                                   problem_rows=MAX_ROWS_KEPT)
    if result.problems:
        return Checked(result, None, row_cells)
    residents = [r.resident for r in result.rows]
    summary = import_residents(ctx, residents, dry_run=True, cancelled=state.cancelled)
    return Checked(result, summary, {})


def import_checked(ctx: ServiceContext, rows: list[Any], state: TaskState) -> ImportSummary:
    """The worker side of 确认导入. Once imported, the checked rows are released here a slice
    at a time (all at once, freeing 200,000 residents would hold the GIL and so freeze the
    window for a quarter of a second); after a failure or a cancel they stay for a retry."""
    residents = [r.resident for r in rows]
    summary = import_residents(ctx, residents, cancelled=state.cancelled)
    release_gradually(rows)
    release_gradually(residents)
    return summary


class ImportWizard(QDialog):
    imported = Signal(object)        # the ImportSummary

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle("导入Excel台账")
        self.ctx, self.runner = ctx, runner
        self.path: Path | None = None
        self.checked: Checked | None = None
        self.task: Task | None = None
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._choose_page()
        self._working_page()
        self._problems_page()
        self._summary_page()
        self._done_page()
        self.resize(860, 520)

    # -- pages -----------------------------------------------------------------------------
    def _page(self) -> QVBoxLayout:
        page = QWidget()
        self.stack.addWidget(page)
        return QVBoxLayout(page)

    def _choose_page(self) -> None:
        lay = self._page()
        lay.addWidget(QLabel("请选择按《居民信息导入模板》填写的Excel文件（.xlsx、.xls）。"
                             "先检查整个文件，没有问题才会导入，有任何问题都不会写入一条记录。"))
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("Excel文件路径")
        self.path_edit.textChanged.connect(lambda t: self.check_button.setEnabled(bool(t.strip())))
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        lay.addLayout(row)
        self.choose_message = QLabel()
        self.choose_message.setWordWrap(True)
        self.choose_message.setObjectName("warningText")
        lay.addWidget(self.choose_message)
        lay.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.check_button = QPushButton("检查文件")
        self.check_button.setObjectName("primaryButton")
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(lambda: self.start_check())
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        buttons.addWidget(self.check_button)
        buttons.addWidget(close)
        lay.addLayout(buttons)

    def _working_page(self) -> None:
        lay = self._page()
        lay.addStretch(1)
        self.working_label = QLabel()
        lay.addWidget(self.working_label)
        self.progress = QProgressBar()
        lay.addWidget(self.progress)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        lay.addStretch(1)

    def _problems_page(self) -> None:
        lay = self._page()
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setObjectName("warningText")
        lay.addWidget(self.problems_label)
        self.problems = SimpleRowsModel(("行号", "列", "值", "问题"), parent=self)
        self.problems_view = QTableView()
        self.problems_view.setObjectName("problemsTable")
        self.problems_view.setModel(self.problems)
        self.problems_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.problems_view.setSortingEnabled(True)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems_view.verticalHeader().setVisible(False)
        self.problems_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((60, 110, 160)):
            self.problems_view.setColumnWidth(col, width)
        self.problems_view.doubleClicked.connect(self.show_row)
        lay.addWidget(self.problems_view, 1)
        row = QHBoxLayout()
        again = QPushButton("重新选择文件")
        again.clicked.connect(lambda: self.stack.setCurrentIndex(CHOOSE))
        row.addWidget(again)
        row.addStretch(1)
        self.save_marked_button = QPushButton("保存标注文件…")
        self.save_marked_button.clicked.connect(lambda: self.save_marked())
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        row.addWidget(self.save_marked_button)
        row.addWidget(close)
        lay.addLayout(row)

    def _summary_page(self) -> None:
        lay = self._page()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryText")
        lay.addWidget(self.summary_label)
        self.warnings = SimpleRowsModel(("行号", "列", "值", "提示"), parent=self)
        self.warnings_view = QTableView()
        self.warnings_view.setModel(self.warnings)
        self.warnings_view.verticalHeader().setVisible(False)
        self.warnings_view.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.warnings_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.confirm_button = QPushButton("确认导入")
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.clicked.connect(self.confirm)
        cancel = QPushButton("取消")
        cancel.clicked.connect(self.reject)
        row.addWidget(self.confirm_button)
        row.addWidget(cancel)
        lay.addLayout(row)

    def _done_page(self) -> None:
        lay = self._page()
        lay.addStretch(1)
        self.done_label = QLabel()
        self.done_label.setObjectName("summaryText")
        lay.addWidget(self.done_label)
        lay.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton("完成")
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)

    # -- actions ---------------------------------------------------------------------------
    def _browse(self) -> None:
        path = widgets.ask_open_path(self, "选择Excel台账", "Excel 文件 (*.xlsx *.xls *.xlsm *.ods)")
        if path:
            self.path_edit.setText(path)

    def start_check(self, path: str | None = None) -> None:
        if path is not None:
            self.path_edit.setText(path)
        self.path = Path(self.path_edit.text().strip())
        self._working("正在检查文件……", determinate=True)
        file = self.path
        self.task = self.runner.run("检查导入文件", lambda s: check_file(self.ctx, file, s),
                                    on_success=self._checked, on_failure=self._check_failed,
                                    on_progress=self._progress)

    def _working(self, text: str, *, determinate: bool) -> None:
        self.working_label.setText(text)
        self.progress.setRange(0, 100 if determinate else 0)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.stack.setCurrentIndex(WORKING)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def cancel(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.working_label.setText("正在取消……")

    def _checked(self, checked: Checked) -> None:
        self.checked = checked
        result = checked.result
        if checked.summary is None:
            self.problems.set_rows([(p.row, p.column, p.value, p.message) for p in result.problems])
            self.problems_label.setText(
                f"文件中发现 {len(result.problems)} 处问题，没有导入任何记录。请按下表修改后重新导入；"
                f"“保存标注文件”会另存一份把问题标红并加批注的文件。双击一行可查看该行全部内容。")
            self.stack.setCurrentIndex(PROBLEMS)
            return
        s = checked.summary
        self.summary_label.setText(
            f"文件检查通过（工作表“{result.sheet_name}”，共 {len(result.rows)} 行）。\n"
            f"确认导入后将：新增 {s.inserted} 人，更新 {s.updated} 人，无变化 {s.unchanged} 人。")
        self.warnings.set_rows([(p.row, p.column, p.value, p.message) for p in result.warnings])
        self.warnings_view.setVisible(bool(result.warnings))
        self.stack.setCurrentIndex(SUMMARY)

    def _check_failed(self, exc: BaseException) -> None:
        self.stack.setCurrentIndex(CHOOSE)
        from ..errors import known_error

        code, message = known_error(exc)
        if type(exc).__name__ in ("ImportCancelled", "Cancelled"):
            self.choose_message.setText("已取消检查，未写入任何记录。")
        elif code is not None:
            self.choose_message.setText(message)
        else:
            self.choose_message.setText("")
            report_error(self, exc, action="检查导入文件")

    def show_row(self, index: QModelIndex) -> QDialog | None:
        if not index.isValid() or self.checked is None:
            return None
        excel_row = self.problems.row_values(index.row())[0]
        cells = self.checked.row_cells.get(excel_row, [])
        messages = [p for p in self.checked.result.problems if p.row == excel_row]
        dialog = QDialog(self)
        dialog.setObjectName("rowDialog")
        dialog.setWindowTitle(f"第 {excel_row} 行")
        lay = QVBoxLayout(dialog)
        marked = {p.column for p in messages}
        model = SimpleRowsModel(("列", "值", "问题"), [
            (h, v, "；".join(p.message for p in messages if p.column == h)) for h, v in cells
        ] + [(p.column or "（整行）", p.value, p.message) for p in messages
             if p.column not in {h for h, _ in cells}], dialog)
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(0, 150)
        view.setColumnWidth(1, 200)
        lay.addWidget(QLabel(f"第 {excel_row} 行共有 {len(messages)} 处问题（{'、'.join(sorted(marked))}）"))
        lay.addWidget(view)
        dialog.resize(640, 480)
        dialog.open()
        return dialog

    def save_marked(self, out: str | None = None) -> None:
        if self.checked is None or self.path is None:
            return
        suggested = str(self.path.with_name(f"{self.path.stem}_问题标注.xlsx"))
        out = out or widgets.ask_save_path(self, "保存标注文件", suggested, "Excel 工作簿 (*.xlsx)")
        if not out:
            return
        source, result, target = self.path, self.checked.result, Path(out)
        task = self.runner.run("保存标注文件",
                               lambda _s: write_errors_workbook(source, result, target),
                               on_success=lambda _r: self.problems_label.setText(
                                   f"已保存标注文件：{target}"),
                               on_failure=lambda e: report_error(self, e, action="保存标注文件"))
        widgets.ProgressDialog(task, "正在保存标注文件……", self, cancellable=False)

    def confirm(self) -> None:
        if self.checked is None:
            return
        rows = self.checked.result.rows
        self._working(f"正在导入 {len(rows)} 位居民……", determinate=False)
        self.task = self.runner.run("导入台账", lambda s: import_checked(self.ctx, rows, s),
                                    on_success=self._imported, on_failure=self._import_failed)

    def _imported(self, summary: ImportSummary) -> None:
        self.checked = None          # import_checked has released its rows
        self.done_label.setText(f"导入完成：{summary.text}。")
        self.stack.setCurrentIndex(DONE)
        self.imported.emit(summary)

    def _import_failed(self, exc: BaseException) -> None:
        if type(exc).__name__ == "Cancelled":
            self.stack.setCurrentIndex(SUMMARY)
            self.summary_label.setText("已取消导入，台账没有任何改动。\n" + self.summary_label.text())
            return
        self.stack.setCurrentIndex(SUMMARY)
        report_error(self, exc, action="导入台账")

    def done(self, result: int) -> None:
        """Closing: what was checked is released off the GUI thread (see import_checked)."""
        if self.checked is not None and (self.task is None or self.task.done):
            release_in_background(self.checked.result.rows)
            self.checked = None
        super().done(result)

    def reject(self) -> None:
        if self.task is not None and not self.task.done:
            box = QMessageBox(QMessageBox.Icon.Question, "正在进行", "正在检查或导入，要取消吗？",
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.button(QMessageBox.StandardButton.Yes).setText("取消操作")
            box.button(QMessageBox.StandardButton.No).setText("继续")
            yes = box.button(QMessageBox.StandardButton.Yes)
            box.buttonClicked.connect(lambda b: self.cancel() if b is yes else None)
            box.open()
            return
        super().reject()


__all__ = ["Checked", "ImportWizard", "check_file"]
