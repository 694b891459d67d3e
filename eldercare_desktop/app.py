"""Composition root of the desktop program: builds the database, the services and the window.
Nothing else knows all of them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="eldercare-desktop", description="社区养老服务台账")
    parser.add_argument("--db", default=None, metavar="PATH_OR_URL",
                        help="数据库文件路径或SQLAlchemy地址（默认：ELDERCARE_DB或用户数据目录）")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from .cli.common import db_target
    from .errors import known_error
    from .logging_setup import log_file, setup_logging

    args = parse_args(argv)
    setup_logging()
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .services.context import ServiceContext, current_user
    from .store.database import open_database
    from .ui.main_window import MainWindow
    from .ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    try:
        ctx = ServiceContext(open_database(db_target(args.db)), current_user())
    except Exception as exc:
        code, message = known_error(exc)
        if code is None:
            import logging

            logging.getLogger(__name__).exception("could not open the database")
            message = f"程序内部错误（已记录到日志：{log_file()}）"
        QMessageBox.critical(None, "无法打开数据库", message)
        return 2
    from .ui.error_dialog import install_excepthook
    from .ui.main_window import window_settings

    window = MainWindow(ctx, settings=window_settings())
    install_excepthook(lambda: window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
