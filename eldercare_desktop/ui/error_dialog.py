"""Errors: a known problem is a short Chinese message; a bug is a dialog with a short Chinese
message, a 复制详情 button and the log file's path, and the program goes on (after Anki's
errors.py and qutebrowser's crash dialog). Dialogs are opened, never exec()'d."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import known_error
from ..logging_setup import log_file

log = logging.getLogger(__name__)


def details_of(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class ErrorDialog(QDialog):
    """An unexpected error: what happened in Chinese, the details to copy, where the log is."""

    def __init__(self, parent: QWidget | None, message: str, details: str) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle("程序出错")
        self.details = details
        layout = QVBoxLayout(self)
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        hint = QLabel(f"您的数据没有丢失，可以继续工作。详细情况已写入日志文件：\n{log_file()}")
        hint.setWordWrap(True)
        hint.setObjectName("errorLogPath")
        layout.addWidget(hint)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        self.details_view.setMinimumHeight(180)
        layout.addWidget(self.details_view)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton("复制详情")
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button = QPushButton("显示详情")
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self.details_view.setVisible)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(520, 200)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.message_label.text()}\n\n{self.details}")


def database_failure_message(exc: BaseException) -> str:
    """The Chinese message for a database that cannot be opened (a bug goes to the log)."""
    code, message = known_error(exc)
    if code is None:
        log.error("could not open the database", exc_info=(type(exc), exc, exc.__traceback__))
        message = f"程序内部错误（已记录到日志：{log_file()}）"
    return message


def report_error(parent: QWidget | None, exc: BaseException, *, action: str = "") -> QDialog:
    """Show ``exc`` to the user: a known error as a warning, a bug as an ErrorDialog."""
    code, message = known_error(exc)
    if code is not None:
        box = QMessageBox(QMessageBox.Icon.Warning, action or "未能完成", message,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("knownErrorBox")
        box.open()
        return box
    log.error("unexpected error%s", f" during {action!r}" if action else "",
              exc_info=(type(exc), exc, exc.__traceback__))
    what = f"“{action}”时" if action else ""
    dialog = ErrorDialog(parent, f"{what}程序遇到意外错误（{type(exc).__name__}），操作未完成。",
                         details_of(exc))
    dialog.open()
    return dialog


def install_excepthook(parent_getter) -> None:  # type: ignore[no-untyped-def]
    """Last resort: an exception escaping a slot shows the ErrorDialog instead of a silent
    death (qutebrowser's crashsignal)."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        exc.__traceback__ = tb
        try:
            report_error(parent_getter(), exc)
        except Exception:  # noqa: BLE001 - never raise from the hook
            previous(kind, exc, tb)

    sys.excepthook = hook
