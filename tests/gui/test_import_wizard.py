"""The import wizard: a bad file shows every problem and writes nothing; a good file imports;
a cancel leaves the database unchanged."""

from pathlib import Path

import openpyxl
import pytest

from eldercare_desktop.domain.columns import HEADERS
from eldercare_desktop.services.register import register_rows, resident_count
from eldercare_desktop.ui.import_wizard import CHOOSE, DONE, PROBLEMS, SUMMARY, ImportWizard
from eldercare_desktop.ui.tasks import TaskRunner

from .conftest import make_id


class DeferredExecutor:
    """Holds submitted work until the test runs it (a FakeThreadPool with a pause)."""

    def __init__(self):
        self.pending = []

    def submit(self, fn):
        self.pending.append(fn)

    def run_all(self):
        while self.pending:
            self.pending.pop(0)()


def write_book(path: Path, rows: list[dict[str, str]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "居民信息"
    ws.append(list(HEADERS))
    for row in rows:
        ws.append([row.get(h, "") for h in HEADERS])
    book.save(path)
    return path


def person(name, birth, seq, **extra):
    row = {"姓名": name, "身份证号": make_id(birth, seq), "户籍": "抚顺", "户籍类型": "城镇",
           "县区": "望花区", "街道": "光明街道", "社区": "光明社区"}
    row.update(extra)
    return row


@pytest.fixture
def good_file(tmp_path):
    return write_book(tmp_path / "good.xlsx", [person("钱七", "19480101", "111"),
                                               person("孙八", "19500505", "222")])


@pytest.fixture
def bad_file(tmp_path):
    bad_id = make_id("19480101", "111")[:-1] + "Z"
    return write_book(tmp_path / "bad.xlsx", [person("钱七", "19480101", "111", 县区="抚顺区"),
                                              person("孙八", "19500505", "222"),
                                              {**person("周九", "19520202", "333"), "身份证号": bad_id}])


def wizard_for(qtbot, ctx, runner):
    wizard = ImportWizard(ctx, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_a_bad_file_shows_every_problem_and_writes_nothing(qtbot, filled_ctx, bad_file, tmp_path):
    before = register_rows(filled_ctx)
    runner = TaskRunner()
    wizard = wizard_for(qtbot, filled_ctx, runner)
    wizard.start_check(str(bad_file))
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == PROBLEMS, timeout=20000)
    rows = [wizard.problems.row_values(r) for r in range(wizard.problems.rowCount())]
    assert {(r[0], r[1]) for r in rows} == {(2, "县区"), (4, "身份证号")}
    assert register_rows(filled_ctx) == before
    # double-click shows the whole row
    dialog = wizard.show_row(wizard.problems.index(0, 0))
    assert dialog is not None and dialog.isVisible()
    assert any(dialog.findChildren(type(wizard.problems_view)))
    # the annotated copy
    out = tmp_path / "marked.xlsx"
    wizard.save_marked(str(out))
    qtbot.waitUntil(lambda: out.exists() and "已保存" in wizard.problems_label.text(), timeout=20000)
    runner.wait()


def test_problems_are_sortable(qtbot, filled_ctx, bad_file, qtmodeltester):
    from PySide6.QtCore import Qt

    runner = TaskRunner()
    wizard = wizard_for(qtbot, filled_ctx, runner)
    wizard.start_check(str(bad_file))
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == PROBLEMS, timeout=20000)
    wizard.problems_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert wizard.problems.row_values(0)[0] == 4
    qtmodeltester.check(wizard.problems)
    runner.wait()


def test_a_good_file_imports(qtbot, filled_ctx, good_file):
    runner = TaskRunner()
    wizard = wizard_for(qtbot, filled_ctx, runner)
    wizard.start_check(str(good_file))
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == SUMMARY, timeout=20000)
    assert "新增 2 人" in wizard.summary_label.text()
    assert resident_count(filled_ctx) == 4                   # nothing written by the check
    with qtbot.waitSignal(wizard.imported, timeout=20000):
        wizard.confirm_button.click()
    assert wizard.stack.currentIndex() == DONE
    assert resident_count(filled_ctx) == 6
    runner.wait()


def test_cancel_during_import_leaves_the_database_unchanged(qtbot, filled_ctx, good_file):
    executor = DeferredExecutor()
    wizard = wizard_for(qtbot, filled_ctx, TaskRunner(executor))
    before = register_rows(filled_ctx)
    wizard.start_check(str(good_file))
    executor.run_all()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == SUMMARY)
    wizard.confirm_button.click()
    assert wizard.cancel_button.isVisible()
    wizard.cancel_button.click()
    executor.run_all()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == SUMMARY)
    assert "已取消导入" in wizard.summary_label.text()
    assert register_rows(filled_ctx) == before


def test_cancel_during_check_returns_to_the_file_choice(qtbot, filled_ctx, good_file):
    executor = DeferredExecutor()
    wizard = wizard_for(qtbot, filled_ctx, TaskRunner(executor))
    wizard.start_check(str(good_file))
    wizard.cancel_button.click()
    executor.run_all()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == CHOOSE)
    assert "已取消" in wizard.choose_message.text()


def test_an_unreadable_file_says_why(qtbot, filled_ctx, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    runner = TaskRunner()
    wizard = wizard_for(qtbot, filled_ctx, runner)
    wizard.start_check(str(junk))
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == CHOOSE and
                    wizard.choose_message.text() != "", timeout=20000)
    runner.wait()


def test_importing_from_the_window_shows_the_new_residents_in_the_register(
        qtbot, window, filled_ctx, good_file, monkeypatch):
    from eldercare_desktop.ui import main_window

    failures = []
    monkeypatch.setattr(main_window, "report_error", lambda *a, **k: failures.append(a))
    wizard = window.open_import_wizard()
    qtbot.addWidget(wizard)
    wizard.start_check(str(good_file))
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == SUMMARY, timeout=20000)
    wizard.confirm_button.click()
    qtbot.waitUntil(lambda: window.register_page.model.total == 6, timeout=20000)
    window.runner.wait()
    assert failures == []
    window.register_page.search.setText("qianqi")
    assert window.register_page.model.rowCount() == 1
