"""探访关爱 page: plan a month, record a visit through the form and see the rate change, a refused
visit says why in Chinese and records nothing, the roster prints and exports."""

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from eldercare_desktop.domain.months import Month
from eldercare_desktop.services import visits
from eldercare_desktop.services.demo import load_demo
from eldercare_desktop.ui.error_dialog import ErrorDialog
from eldercare_desktop.ui.tasks import TaskRunner
from eldercare_desktop.ui.visit_form import VisitForm
from eldercare_desktop.ui.visit_models import AGAIN, NOT_VISITED, VISITED
from eldercare_desktop.ui.visits_page import VisitsPage

from .conftest import open_window

MONTH = Month(2026, 6)
TODAY = dt.date(2026, 6, 20)


@pytest.fixture
def demo_ctx(ctx):
    load_demo(ctx, 200, seed=7, today=dt.date(2026, 6, 15))   # and the demo policy values
    return ctx


@pytest.fixture
def page(qtbot, demo_ctx):
    runner = TaskRunner()
    p = VisitsPage(demo_ctx, runner, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    qtbot.waitUntil(lambda: p.view is not None, timeout=20000)
    yield p
    runner.cancel_all()
    runner.wait()


def planned(qtbot, page):
    page.view = None
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None, timeout=20000)
    return page.view


def reloaded(qtbot, page, before):
    qtbot.waitUntil(lambda: page.view is not before and not page.runner.running, timeout=20000)
    return page.view


def column(model, header):
    return next(c for c in range(model.columnCount()) if model.headerData(
        c, Qt.Orientation.Horizontal) == header)


def open_form(qtbot, page, row=0) -> VisitForm:
    page.plan_view.selectRow(row)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    form = page.findChild(VisitForm)
    assert form is not None and form.isVisible()
    return form


def test_planning_the_month_from_the_page_lists_every_due_resident(qtbot, page, demo_ctx,
                                                                  qtmodeltester):
    assert page.month.month() == MONTH
    assert page.view.plan == []
    assert "还没有走访计划" in page.info.text()

    view = planned(qtbot, page)
    due = visits.visit_rates(demo_ctx, MONTH)[-1].due
    assert due > 0
    assert page.plan_model.rowCount() == due
    assert {r.status for r in view.plan} == {NOT_VISITED}
    assert f"应访 {due} 人，已访 0 人" in page.info.text()
    assert "走访计划已生成" in page.notice.text()
    shown = [page.plan_model.index(r, column(page.plan_model, "身份证号")).data() for r in range(page.plan_model.rowCount())]
    assert all("*" in s for s in shown)                   # ID numbers masked on screen
    assert page.plan_model.index(0, column(page.plan_model, "距今")).data() == "从未走访"
    communities = [r for r in view.rates if r.level == "社区"]
    assert len(page.chart.rows) == len(communities) > 0
    assert page.rate_model.total().due == due
    assert not page.chart.grab().isNull()
    qtmodeltester.check(page.plan_model)
    qtmodeltester.check(page.rate_model)

    again = planned(qtbot, page)                         # planning twice adds nobody
    assert len(again.plan) == due
    assert "本次新增计划0人" in page.notice.text()


def test_recording_a_visit_changes_the_communitys_rate(qtbot, page, demo_ctx):
    planned(qtbot, page)
    resident = page.plan_model.row(0)
    before = page.rate_model.community(resident.county, resident.street, resident.community)
    assert before.visited == 0

    form = open_form(qtbot, page)
    assert form.resident == resident
    form.visit_date.setDate(form.visit_date.date().addDays(-10))   # 2026-06-10
    form.visitor.setText("王社工")
    form.method.setCurrentText("电话")
    form.findings["health"].setText("血压偏高，按时服药")
    form.findings["needs"].setText("希望有人帮忙买菜")
    form.problems.setPlainText("独自居住，行动不便")
    form.action.setPlainText("转介社区助餐")
    form.has_next.setChecked(True)
    view = page.view
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    view = reloaded(qtbot, page, view)

    after = page.rate_model.community(resident.county, resident.street, resident.community)
    assert after.visited == before.visited + 1
    assert after.rate_text != before.rate_text
    chart = next(r for r in page.chart.rows if r == after)
    assert chart.visited == after.visited
    assert page.rate_model.total().visited == 1
    assert "已访 1 人" in page.info.text()
    assert "已登记：" + resident.name in page.notice.text()
    row = next(r for r in view.plan if r.id_number == resident.id_number)
    assert (row.status, row.method, row.visitor) == (VISITED, "电话", "王社工")
    assert view.plan[-1] == row                          # visited ones after the unvisited
    assert page.selected_row() == row                    # the same resident stays selected
    stored = visits.visits_of(demo_ctx, resident.id_number, MONTH)
    assert len(stored) == 1
    v = stored[0]
    assert (v.visit_date, v.health, v.needs, v.action) == (dt.date(2026, 6, 10), "血压偏高，按时服药",
                                                          "希望有人帮忙买菜", "转介社区助餐")
    assert v.next_visit_date == dt.date(2026, 7, 10)


def test_a_high_risk_visit_marks_the_resident_for_a_second_visit(qtbot, page):
    planned(qtbot, page)
    resident = page.plan_model.row(0)
    form = open_form(qtbot, page)
    form.risk.setCurrentText("高")
    assert form.risk_hint.isVisibleTo(form)
    view = page.view
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    view = reloaded(qtbot, page, view)
    row = next(r for r in view.plan if r.id_number == resident.id_number)
    assert row.status == AGAIN
    assert "需再访 1 人" in page.info.text()
    page.status.setCurrentText(AGAIN)
    assert page.plan_model.rowCount() == 1
    assert page.plan_model.index(0, 0).data() == AGAIN


@pytest.mark.parametrize("day, words", [
    (dt.date(2026, 6, 25), "晚于今天"),
    (dt.date(2026, 7, 2), "不在2026年6月内"),
])
def test_a_refused_visit_shows_the_reason_in_the_form_and_records_nothing(qtbot, page, demo_ctx,
                                                                         day, words):
    planned(qtbot, page)
    resident = page.plan_model.row(0)
    form = open_form(qtbot, page)
    form.visit_date.setDate(day)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()                              # the clerk can correct and retry
    assert words in form.message.text()
    assert form.message.text().startswith("未保存：")
    assert visits.visits_of(demo_ctx, resident.id_number) == []
    assert page.rate_model.community(resident.county, resident.street, resident.community).visited == 0
    assert page.findChild(ErrorDialog) is None and page.findChild(QMessageBox) is None

    form.visit_date.setDate(dt.date(2026, 6, 19))       # corrected: saved
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert len(visits.visits_of(demo_ctx, resident.id_number)) == 1


def test_record_without_a_selection_says_what_to_do(qtbot, page):
    planned(qtbot, page)
    page.plan_view.clearSelection()
    page.plan_view.setCurrentIndex(page.plan_model.index(-1, -1))
    assert page.record_visit() is None
    assert "请先在走访计划中选中一位居民" in page.notice.text()


def test_plan_filters_and_sorts_in_the_model(qtbot, page, qtmodeltester):
    view = planned(qtbot, page)
    name = view.plan[3].name
    page.search.setText(name)
    assert page.plan_model.rowCount() >= 1
    assert all(page.plan_model.row(r).name == name for r in range(page.plan_model.rowCount()))
    page.search.clear()
    page.plan_view.sortByColumn(column(page.plan_model, "年龄"), Qt.SortOrder.DescendingOrder)
    ages = [page.plan_model.row(r).age for r in range(page.plan_model.rowCount())]
    assert ages == sorted(ages, reverse=True)
    page.rate_view.sortByColumn(column(page.rate_model, "应访"), Qt.SortOrder.DescendingOrder)
    levels = [page.rate_model.row(r).level for r in range(page.rate_model.rowCount())]
    assert levels[-1] == "合计"                           # summary rows stay at the bottom
    dues = [page.rate_model.row(r).due for r in range(levels.index("街道"))]
    assert dues == sorted(dues, reverse=True)
    qtmodeltester.check(page.plan_model)
    qtmodeltester.check(page.rate_model)


def test_changing_the_month_reloads_the_plan(qtbot, page):
    planned(qtbot, page)
    view = page.view
    page.month.set_month(MONTH.previous())
    view = reloaded(qtbot, page, view)
    assert view.month == MONTH.previous()
    assert view.plan == []
    assert page.chart.rows == []


def test_print_preview_paints_the_roster(qtbot, page):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    planned(qtbot, page)
    page.print_roster()
    qtbot.waitUntil(lambda: page.findChild(QPrintPreviewDialog) is not None, timeout=20000)
    dialog = page.findChild(QPrintPreviewDialog)
    qtbot.waitUntil(lambda: getattr(page, "printed_pages", 0) >= 1, timeout=20000)
    assert "走访花名册" in dialog.windowTitle()
    dialog.close()


def test_export_writes_the_roster_workbook_masked(qtbot, page, tmp_path):
    view = planned(qtbot, page)
    out = tmp_path / "花名册.xlsx"
    page.export_roster(str(out))
    qtbot.waitUntil(lambda: page.findChild(object, "exportedBox") is not None, timeout=20000)
    book = openpyxl.load_workbook(out, read_only=True)
    communities = {r.place for r in view.plan}
    assert len(book.sheetnames) == len(communities)
    phones = [row[5] for ws in book.worksheets for row in ws.iter_rows(min_row=3, values_only=True)
              if row[5]]
    assert phones and all("*" in p for p in phones)
    book.close()
    assert str(out) in page.notice.text()


def test_export_with_no_plan_writes_nothing(qtbot, page, tmp_path):
    out = tmp_path / "空.xlsx"
    page.export_roster(str(out))
    qtbot.waitUntil(lambda: not page.runner.running, timeout=20000)
    qtbot.waitUntil(lambda: "未生成花名册" in page.notice.text(), timeout=5000)
    assert not out.exists()


def test_the_window_has_the_page_in_its_navigation(qtbot, filled_ctx, settings):
    window = open_window(qtbot, filled_ctx, settings)
    index = [window.nav.item(i).text() for i in range(window.nav.count())].index("探访关爱")
    page = window.page(index)
    assert isinstance(page, VisitsPage)
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.view is not None, timeout=20000)
    counties = [page.area.county.itemText(i) for i in range(page.area.county.count())]
    assert "东洲区" in counties
    window.close()
