"""Tasks deliver results and errors on the GUI thread; an unexpected error shows the dialog."""

import threading

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from eldercare_desktop.ui.error_dialog import ErrorDialog, report_error
from eldercare_desktop.ui.tasks import SyncExecutor, TaskRunner


def test_a_task_runs_off_the_gui_thread_and_reports_progress(qtbot):
    runner = TaskRunner()
    seen = {}
    progress = []

    def work(state):
        seen["thread"] = threading.current_thread()
        state.progress(5, 10)
        state.progress(10, 10)
        return 42

    results = []
    task = runner.run("t", work, on_success=results.append, on_progress=lambda d, t: progress.append(d))
    qtbot.waitUntil(lambda: task.done)
    assert results == [42]
    assert seen["thread"] is not threading.main_thread()
    assert progress[-1] == 10
    runner.wait()


def test_a_cancelled_task_sees_the_flag():
    runner = TaskRunner(SyncExecutor())
    errors = []

    def work(state):
        state.cancel()
        if state.cancelled():
            raise RuntimeError("stopped")
        return 1

    runner.run("t", work, on_failure=errors.append)
    assert [str(e) for e in errors] == ["stopped"]


def test_an_exception_in_a_task_shows_the_error_dialog(qtbot, window, monkeypatch, tmp_path):
    import eldercare_desktop.services.exports as exports

    def broken(ctx, out):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(exports, "export_residents", broken)
    window.export_register(str(tmp_path / "out.xlsx"))
    qtbot.waitUntil(lambda: window.findChild(ErrorDialog) is not None, timeout=10000)
    dialog = window.findChild(ErrorDialog)
    assert dialog.isVisible()
    assert "导出台账" in dialog.message_label.text()
    assert "ZeroDivisionError" in dialog.details
    dialog.copy_button.click()
    assert "boom" in QGuiApplication.clipboard().text()
    dialog.accept()
    assert window.isVisible()                  # the program goes on
    window.register_page.search.setText("zsf")
    assert window.register_page.model.rowCount() == 1


def test_a_known_error_is_a_short_message_not_a_crash_dialog(qtbot):
    box = report_error(None, PermissionError(13, "denied", "台账.xlsx"), action="导出台账")
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox)
    assert "台账.xlsx" in box.text() and "Traceback" not in box.text()
