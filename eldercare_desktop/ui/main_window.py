"""The main window: navigation on the left, pages on the right, menus, the status bar.

It holds no policy and no SQL: every action is a service call, slow ones through the
TaskRunner. Window size and the last page are remembered in QSettings.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ..bulk import gc_paused
from ..paths import resources_dir
from ..services import register
from . import widgets
from .error_dialog import database_failure_message, report_error
from .register_model import PreparedRows, prepare_rows
from .register_page import RegisterPage
from .tasks import TaskRunner, TaskState

if TYPE_CHECKING:
    from ..services.context import ServiceContext

PAGES = ("居民台账", "待遇测算", "政策参数", "探访关爱")
TEMPLATE_NAME = "居民信息导入模板.xlsx"
DEMO_RESIDENTS = 1000
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


def is_cancel(exc: BaseException) -> bool:
    return type(exc).__name__ in ("Cancelled", "ImportCancelled")


class MainWindow(QMainWindow):
    register_loaded = Signal()        # the register's rows are on screen
    _database_settled = Signal()      # the ServiceContext future is done (from its thread)

    def __init__(self, ctx: ServiceContext | Future[ServiceContext], *,
                 runner: TaskRunner | None = None, settings: QSettings | None = None,
                 first_rows: Future[list[tuple[Any, ...]]] | None = None) -> None:
        """``ctx`` may still be opening (a Future: app start-up shows the register first);
        ``first_rows``: the register's rows already being read elsewhere (app start-up)."""
        super().__init__()
        if not isinstance(ctx, Future):
            ready: Future[ServiceContext] = Future()
            ready.set_result(ctx)
            ctx = ready
        self._ctx = ctx
        self.runner = runner or TaskRunner(parent=self)
        self.settings = settings or QSettings()
        self.register_page = RegisterPage()
        self.count_label = QLabel()
        self._details_timer = QTimer(self)
        self._details_timer.setInterval(0)
        self._details_timer.timeout.connect(self._details_step)
        self.reload_register(first_rows)   # first: the rows load while the window is built
        self.setWindowTitle("社区养老服务台账")
        self.resize(1280, 780)
        self._pages: dict[int, QWidget] = {}
        self.forms: list[Any] = []        # the open ResidentForms

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.addItems(PAGES)
        self.nav.setFixedWidth(132)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.register_page)
        for _ in PAGES[1:]:
            self.stack.addWidget(_placeholder())    # built on first visit (show_page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.show_page)

        self.db_label = QLabel("数据库：正在打开……")
        self._database_settled.connect(self._show_database)
        self._ctx.add_done_callback(self._settled)
        self.count_label.setObjectName("residentCount")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

        page = self.register_page
        page.open_requested.connect(self.open_resident)
        page.new_requested.connect(lambda: self.open_resident(None))
        page.import_requested.connect(self.open_import_wizard)
        page.export_requested.connect(lambda: self.export_register())
        page.demo_requested.connect(self.load_demo)
        self._build_menus()
        self._restore()

    # -- the database ----------------------------------------------------------------------
    @property
    def ctx(self) -> ServiceContext:
        """The services' context; waits for the database to be open (a fraction of a second
        after start-up at most)."""
        return self._ctx.result()

    def _settled(self, _future: Future[ServiceContext]) -> None:
        try:
            self._database_settled.emit()     # queued to the GUI thread
        except RuntimeError:                  # the window is already gone
            pass

    def _database_failed(self) -> bool:
        """The database could not be opened: _show_database says so and ends the program;
        nothing else should act (or report it again)."""
        return self._ctx.done() and self._ctx.exception() is not None

    def _show_database(self) -> None:
        failure = self._ctx.exception()
        if failure is None:
            self.db_label.setText(f"数据库：{self.ctx.db.label}")
            self.show_page(self.stack.currentIndex())    # a page waiting for it (show_page)
            return
        QMessageBox.critical(self, "无法打开数据库", database_failure_message(failure))
        self.close()
        QApplication.exit(2)

    # -- pages -----------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        if index < 0:
            return
        if index not in self._pages and index > 0 and self._ctx.done():
            # (until the database is open — start-up — its placeholder says so; it is
            # replaced by the page once it is: _show_database)
            if self._database_failed():
                return
            page = self._build_page(index)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._pages[index] = page
        self.stack.setCurrentIndex(index)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    def _build_page(self, index: int) -> QWidget:
        if index == 1:
            from .month_page import MonthPage

            return MonthPage(self.ctx, self.runner, areas=self.register_page.model.areas)
        if index == 3:
            from .visits_page import VisitsPage

            return VisitsPage(self.ctx, self.runner, areas=self.register_page.model.areas)
        from .policy_page import PolicyPage

        return PolicyPage(self.ctx, self.runner)

    def page(self, index: int) -> QWidget:
        self.show_page(index)
        return self.stack.widget(index)

    # -- menus -----------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self._action(file_menu, "导入Excel台账…", self.open_import_wizard, "Ctrl+I")
        self._action(file_menu, "导出台账…", self.export_register, "Ctrl+E")
        self._action(file_menu, "下载导入模板…", self.save_template, "Ctrl+T")
        file_menu.addSeparator()
        self._action(file_menu, "载入演示数据", self.load_demo)
        file_menu.addSeparator()
        self._action(file_menu, "退出", self.close, QKeySequence.StandardKey.Quit)
        people = bar.addMenu("居民(&R)")
        self._action(people, "新增居民…", lambda: self.open_resident(None), "Ctrl+N")
        self._action(people, "查找", self._find, "Ctrl+F")
        self._action(people, "刷新台账", self.reload_register, "F5")
        view = bar.addMenu("查看(&V)")
        for i, name in enumerate(PAGES):
            self._action(view, name, lambda i=i: self.show_page(i), f"Ctrl+{i + 1}")
        help_menu = bar.addMenu("帮助(&H)")
        self._action(help_menu, "关于", self._about)

    def _find(self) -> None:
        self.show_page(0)
        self.register_page.focus_search()

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "关于",
                          "社区养老服务台账\n抚顺市基本养老服务清单：居民台账与待遇测算",
                          QMessageBox.StandardButton.Ok, self)
        box.open()

    # -- register --------------------------------------------------------------------------
    def reload_register(self, rows: Future[list[tuple[Any, ...]]] | None = None) -> None:
        self.runner.run("载入台账", lambda _state: load_register(lambda: self.ctx, rows),
                        on_success=self._rows_loaded,
                        on_failure=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, CancelledError) or self._database_failed():
            return     # the database could not be opened: _show_database says so and ends
        report_error(self, exc, action="载入台账")

    def _rows_loaded(self, rows: PreparedRows) -> None:
        self.register_page.set_rows(rows)
        self.count_label.setText(f"共 {len(rows.rows):,} 位居民")
        if rows.births is None:
            # the filters' details in idle-time slices (see RegisterModel.details_step)
            self._details_timer.start()
        self.register_loaded.emit()

    def _details_step(self) -> None:
        if self.register_page.model.details_step():
            self._details_timer.stop()

    def open_resident(self, id_number: str | None) -> QWidget | None:
        from .resident_form import ResidentForm

        if self._database_failed():
            return None
        for open_form in self.forms:       # one form per resident: a second would lose edits
            if id_number is not None and open_form.isVisible() and open_form.original is not None \
                    and open_form.original.id_number == id_number:
                open_form.raise_()
                open_form.activateWindow()
                return open_form
        try:
            form = ResidentForm(self.ctx, id_number, parent=self)
        except LookupError as exc:
            QMessageBox(QMessageBox.Icon.Warning, "找不到居民", str(exc),
                        QMessageBox.StandardButton.Ok, self).open()
            return None
        form.saved.connect(lambda _id: self.reload_register())
        form.destroyed.connect(lambda _=None, f=form: self.forms.remove(f) if f in self.forms else None)
        self.forms.append(form)
        form.show()
        return form

    def open_import_wizard(self) -> QWidget:
        from .import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self.runner, parent=self)
        wizard.imported.connect(lambda _summary: self.reload_register())
        wizard.open()
        return wizard

    def export_register(self, path: str | None = None) -> None:
        from ..services.exports import export_residents

        path = path or widgets.ask_save_path(self, "导出台账", "居民信息台账.xlsx", XLSX_FILTER)
        if not path:
            return
        out = Path(path)
        task = self.runner.run("导出台账", lambda _s: export_residents(self.ctx, out),
                               on_success=lambda n: self._done(f"已导出 {n} 位居民到 {out}"),
                               on_failure=lambda e: self._failed(e, "导出台账"))
        widgets.ProgressDialog(task, "正在导出台账……", self, cancellable=False)

    def save_template(self, path: str | None = None) -> None:
        path = path or widgets.ask_save_path(self, "下载导入模板", TEMPLATE_NAME, XLSX_FILTER)
        if not path:
            return
        try:
            shutil.copyfile(resources_dir() / TEMPLATE_NAME, path)
        except OSError as exc:
            report_error(self, exc, action="保存导入模板")
            return
        self._done(f"导入模板已保存到 {path}")

    def load_demo(self) -> None:
        def work(_state: TaskState) -> str:
            from ..services.demo import load_demo
            from ..services.policy import load_policy, stored_periods

            text = load_demo(self.ctx, DEMO_RESIDENTS)
            if not stored_periods(self.ctx):
                load_policy(self.ctx, resources_dir() / "policy-demo.toml")
            return text

        task = self.runner.run("载入演示数据", work,
                               on_success=lambda text: (self._done(text), self.reload_register()),
                               on_failure=lambda e: self._failed(e, "载入演示数据"))
        widgets.ProgressDialog(task, "正在生成演示居民……", self, cancellable=False)

    def _done(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def _failed(self, exc: BaseException, action: str) -> None:
        if is_cancel(exc):
            self.statusBar().showMessage("已取消，未写入任何记录", 10000)
            return
        report_error(self, exc, action=action)

    # -- settings --------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)       # position and maximised state
        size = self.settings.value("window/size")
        if isinstance(size, QSize) and size.isValid() and not self.isMaximized():
            self.resize(size)                    # restoreGeometry clamps to the screen it finds
        try:
            page = int(self.settings.value("window/page", 0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            page = 0
        self.nav.setCurrentRow(page if 0 <= page < len(PAGES) else 0)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/size", self.size())
        self.settings.setValue("window/page", self.nav.currentRow())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for form in list(self.forms):
            if not form.close():
                event.ignore()
                return
        self.save_settings()
        self.runner.cancel_all()
        self.runner.wait()
        event.accept()


def _placeholder() -> QWidget:
    """A page not built yet: what it shows while the database is still opening."""
    label = QLabel("正在打开数据库……")
    label.setObjectName("pagePlaceholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def load_register(ctx: Callable[[], ServiceContext],
                  rows: Future[list[tuple[Any, ...]]] | None = None) -> PreparedRows:
    """The worker side of loading the register (``rows``: already being read elsewhere;
    ``ctx`` gives the services' context, needed only to read them here). The
    collector is paused meanwhile (it would walk the growing list of 200k tuples again and
    again), and what is alive afterwards — the rows live as long as the window — is frozen
    out of every later collection."""
    with gc_paused():
        prepared = prepare_rows(rows.result() if rows is not None else register.register_rows(ctx()),
                                details=False, grouped=True)   # the service gives area order
        gc.freeze()
    return prepared


def window_settings() -> QSettings:
    """The program's settings file, in the data folder next to the database."""
    from ..paths import data_dir

    return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)


__all__ = ["MainWindow", "load_register", "window_settings"]
