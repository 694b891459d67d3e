"""Composition root of the desktop program: builds the database, the services and the window.
Nothing else knows all of them.

Start-up is the register on screen and searchable as soon as possible: the database is opened
and the register's rows are read on a thread started first, while Qt and the window's modules
load and the window is built on the main thread.
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


class Preload:
    """Opens the database and reads the register's rows on a thread of its own."""

    def __init__(self, target: str, actor: str | None = None) -> None:
        self.context: Future[Any] = Future()
        self.rows: Future[list[tuple[Any, ...]]] = Future()
        self._thread = threading.Thread(target=self._run, args=(target, actor),
                                        name="preload", daemon=True)
        self._thread.start()

    def _run(self, target: str, actor: str | None) -> None:
        try:
            from .services.context import ServiceContext, current_user
            from .store.database import open_database

            ctx = ServiceContext(open_database(target), actor or current_user())
        except BaseException as exc:  # noqa: BLE001 - shown by the main thread
            self.context.set_exception(exc)
            self.rows.cancel()
            return
        self.context.set_result(ctx)
        try:
            from .services.register import register_rows

            collecting = gc.isenabled()
            gc.disable()
            try:
                rows = register_rows(ctx)
                # the rows live as long as the window: keep them (and the modules loaded so
                # far) out of every later collection instead of walking them again and again
                gc.freeze()
            finally:
                if collecting:
                    gc.enable()
        except BaseException as exc:  # noqa: BLE001 - reported by the window's load task
            self.rows.set_exception(exc)
        else:
            self.rows.set_result(rows)


def start_window(target: str, settings: Any = None, actor: str | None = None) -> tuple[Any, Any] | None:
    """Open the database and show the main window; None (after telling the user) if the
    database cannot be opened. Returns (QApplication, MainWindow)."""
    preload = Preload(target, actor)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    from .ui.main_window import MainWindow, window_settings

    try:
        ctx = preload.context.result()
    except Exception as exc:
        from .errors import known_error
        from .logging_setup import log_file

        code, message = known_error(exc)
        if code is None:
            import logging

            logging.getLogger(__name__).error("could not open the database", exc_info=exc)
            message = f"程序内部错误（已记录到日志：{log_file()}）"
        QMessageBox.critical(None, "无法打开数据库", message)
        return None
    window = MainWindow(ctx, settings=settings if settings is not None else window_settings(),
                        first_rows=preload.rows)
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
