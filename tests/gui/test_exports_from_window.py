"""导出测算表 on the month page and 打印说明 in the resident form write real workbooks."""

import openpyxl

from eldercare_desktop.domain.months import Month
from eldercare_desktop.paths import resources_dir
from eldercare_desktop.services.policy import load_policy
from eldercare_desktop.ui import widgets
from eldercare_desktop.ui.month_page import MonthPage
from eldercare_desktop.ui.resident_form import ResidentForm
from eldercare_desktop.ui.tasks import TaskRunner

from .conftest import PEOPLE


def test_month_page_exports_the_workbook(qtbot, filled_ctx, tmp_path, monkeypatch):
    load_policy(filled_ctx, resources_dir() / "policy-demo.toml")
    monkeypatch.setattr(widgets, "open_folder_of", lambda path: None)
    runner = TaskRunner()
    page = MonthPage(filled_ctx, runner)
    qtbot.addWidget(page)
    page.month.set_month(Month(2026, 6))
    out = tmp_path / "测算表.xlsx"
    page.export(str(out))
    qtbot.waitUntil(lambda: "测算表已保存" in page.info.text(), timeout=20000)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["待遇明细", "汇总"]
    assert "2026年6月" in wb["待遇明细"]["A1"].value
    names = {row[4] for row in wb["待遇明细"].iter_rows(min_row=3, values_only=True)}
    assert PEOPLE[0].name in names
    runner.wait()


def test_resident_form_prints_the_explanation_sheet(qtbot, filled_ctx, tmp_path, monkeypatch):
    load_policy(filled_ctx, resources_dir() / "policy-demo.toml")
    opened = []
    monkeypatch.setattr(widgets, "open_file", opened.append)
    form = ResidentForm(filled_ctx, PEOPLE[0].id_number)
    qtbot.addWidget(form)
    form.panel.month.set_month(Month(2026, 6))
    out = tmp_path / "说明.xlsx"
    form.print_explanation(str(out))
    assert opened == [str(out)]
    ws = openpyxl.load_workbook(out)["待遇说明"]
    assert PEOPLE[0].name in ws["A1"].value and "2026年6月" in ws["A1"].value
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert rows[-1][0] == "每月现金合计"
    assert {r[0] for r in rows[:-1]} >= {"1", "4", "7.1", "22"}
