"""Composition root of the desktop program: builds the database, the services and the window.
Nothing else knows all of them.

Start-up is the register on screen and searchable as soon as possible: the register's rows are
read (and the database opened) on a thread started first, while Qt and the window's modules
load and the window is built on the main thread. See Preload for the order.
"""

from __future__ import annotations

import argparse
import gc
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="eldercare-desktop", description="社区养老服务台账")
    parser.add_argument("--db", default=None, metavar="PATH_OR_URL",
                        help="数据库文件路径或SQLAlchemy地址（默认：ELDERCARE_DB或用户数据目录）")
    return parser.parse_args(argv)


START_GRACE_SECONDS = 5.0
OPEN_AFTER_SHOWN_MS = 300


class _OnDemand(Future):  # type: ignore[type-arg]
    """A future whose result, once someone asks for it, is wanted now: asking sets ``wanted``
    (the opener waits for it, or for the register to be shown, before it starts)."""

    def __init__(self, wanted: threading.Event) -> None:
        super().__init__()
        self._wanted = wanted

    def result(self, timeout: float | None = None) -> Any:
        self._wanted.set()
        return super().result(timeout)

    def exception(self, timeout: float | None = None) -> BaseException | None:
        self._wanted.set()
        return super().exception(timeout)


class Preload:
    """Reads the register's rows and opens the database on a thread of its own.

    When the database is an up-to-date SQLite file, the rows are read first, straight from
    the file, and the database (SQLAlchemy, the engine, the schema check) is opened once the
    window has shown them — or as soon as anything asks for the ServiceContext. Otherwise the
    database is opened first and the rows are read through it. ``decided`` is set as soon as
    the window can be built: the rows are being read early, or the database is open (or
    refused)."""

    def __init__(self, target: str, actor: str | None = None) -> None:
        self.wanted = threading.Event()
        self.decided = threading.Event()
        self.context: Future[Any] = _OnDemand(self.wanted)
        self.rows: Future[list[tuple[Any, ...]]] = Future()
        self._thread = threading.Thread(target=self._run, args=(target, actor),
                                        name="preload", daemon=True)
        self._thread.start()

    def _run(self, target: str, actor: str | None) -> None:
        early = self._early_rows(target)
        if early is not None:
            self.rows.set_result(early)
            self.wanted.wait(START_GRACE_SECONDS)
        try:
            from .services.context import ServiceContext, current_user
            from .store.database import open_database

            ctx = ServiceContext(open_database(target), actor or current_user())
        except BaseException as exc:  # noqa: BLE001 - shown by the main thread
            self.context.set_exception(exc)
            if early is None:
                self.rows.cancel()
            self.decided.set()
            return
        self.context.set_result(ctx)
        self.decided.set()
        if early is not None:
            return
        try:
            from .services.register import register_rows

            rows = _kept(lambda: register_rows(ctx))
        except BaseException as exc:  # noqa: BLE001 - reported by the window's load task
            self.rows.set_exception(exc)
        else:
            self.rows.set_result(rows)

    def _early_rows(self, target: str) -> list[tuple[Any, ...]] | None:
        """The rows straight from the file; the window is built meanwhile (``decided``). If
        this fails after all, the ordinary path below still opens the database and reads
        them, and the window reports any problem."""
        try:
            from .services.register import register_rows_at_start

            return _kept(lambda: register_rows_at_start(target, reading=self.decided.set))
        except Exception:  # the ordinary path opens it and reports any problem
            import logging

            logging.getLogger(__name__).warning("early register read failed", exc_info=True)
            return None


def _kept(read: Any) -> Any:
    """``read()`` with the collector paused; what is alive afterwards (the rows live as long
    as the window, and the modules loaded so far) is frozen out of every later collection
    instead of being walked again and again."""
    from .bulk import gc_paused

    with gc_paused():
        result = read()
        gc.freeze()
    return result


def start_window(target: str, settings: Any = None, actor: str | None = None) -> tuple[Any, Any] | None:
    """Open the database and show the main window; None (after telling the user) if the
    database cannot be opened. Returns (QApplication, MainWindow)."""
    preload = Preload(target, actor)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    from .ui.error_dialog import database_failure_message
    from .ui.main_window import MainWindow, window_settings

    preload.decided.wait()
    failure = preload.context.exception() if preload.context.done() else None
    if failure is not None:
        QMessageBox.critical(None, "无法打开数据库", database_failure_message(failure))
        return None
    window = MainWindow(preload.context,
                        settings=settings if settings is not None else window_settings(),
                        first_rows=preload.rows)
    # the database layer loads once the register has been painted and the first keystrokes
    # are answered (anything that needs it sooner wakes it at once: Preload.context)
    wanted = preload.wanted     # not preload itself: it holds the first rows, for good
    window.register_loaded.connect(lambda: QTimer.singleShot(OPEN_AFTER_SHOWN_MS, wanted.set))
    window.show()
    return app, window


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    # the import reader runs in a child process ("spawn"); in a PyInstaller build the child
    # starts this same executable, which must then run the child's work instead of the window
    multiprocessing.freeze_support()
    from .cli.common import db_target
    from .logging_setup import setup_logging

    args = parse_args(argv)
    setup_logging()
    started = start_window(db_target(args.db))
    if started is None:
        return 2
    app, window = started
    from .ui.error_dialog import install_excepthook

    install_excepthook(lambda: window)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
