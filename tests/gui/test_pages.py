"""待遇测算 and 政策参数 pages."""

from eldercare_desktop.domain.months import Month
from eldercare_desktop.paths import resources_dir
from eldercare_desktop.services.policy import load_policy
from eldercare_desktop.ui.month_page import MonthPage
from eldercare_desktop.ui.policy_page import PolicyPage, ProblemListDialog
from eldercare_desktop.ui.tasks import TaskRunner


def test_month_view_shows_rows_and_totals(qtbot, filled_ctx, qtmodeltester):
    load_policy(filled_ctx, resources_dir() / "policy-demo.toml")
    runner = TaskRunner()
    page = MonthPage(filled_ctx, runner)
    qtbot.addWidget(page)
    page.show()
    page.month.set_month(Month(2026, 6))
    page.compute()
    qtbot.waitUntil(lambda: page.view is not None, timeout=20000)
    assert page.details.rowCount() > 0
    items = {page.by_item.row_values(r)[1]: page.by_item.row_values(r)
             for r in range(page.by_item.rowCount())}
    assert items["高龄津贴"][3] == 2                     # 张三丰 and 单雄信 are over 80
    assert str(items["高龄津贴"][4]) == "200.00"
    assert items["老年能力综合评估"][4] is None           # a service, no amount
    from eldercare_desktop.rules.outcome import CODES

    codes = [page.by_item.row_values(r)[0] for r in range(page.by_item.rowCount())]
    assert codes == sorted(codes, key=CODES.index)           # in the list's own order
    counties = [page.by_county.row_values(r)[0] for r in range(page.by_county.rowCount())]
    assert counties == ["东洲区", "新抚区"]
    assert "200.00" in page.info.text()
    shown = {page.details.index(r, 1).data() for r in range(page.details.rowCount())}
    assert all("*" in s for s in shown)                  # masked on screen
    for model in (page.details, page.by_item, page.by_county):
        qtmodeltester.check(model)
    runner.wait()


def test_month_view_area_filter(qtbot, filled_ctx):
    load_policy(filled_ctx, resources_dir() / "policy-demo.toml")
    runner = TaskRunner()
    page = MonthPage(filled_ctx, runner, areas=lambda: {("东洲区", "新屯街道", "新屯社区")})
    qtbot.addWidget(page)
    page.area.county.setCurrentText("东洲区")
    page.compute()
    qtbot.waitUntil(lambda: page.view is not None, timeout=20000)
    assert {page.details.row_values(r)[0] for r in range(page.details.rowCount())} == {"王五"}
    runner.wait()


def test_policy_page_shows_values_with_their_period(qtbot, filled_ctx, qtmodeltester):
    runner = TaskRunner()
    page = PolicyPage(filled_ctx, runner)
    qtbot.addWidget(page)
    assert page.model.rowCount() > 0
    assert page.model.index(0, 3).data() == "未设置"
    page.load_file(str(resources_dir() / "policy-demo.toml"))
    qtbot.waitUntil(lambda: page.model.index(0, 3).data() != "未设置", timeout=10000)
    page.month.set_month(Month(2026, 6))
    assert page.model.index(0, 3).data().startswith("自2024-08-28起")
    qtmodeltester.check(page.model)
    runner.wait()


def test_a_bad_policy_file_shows_every_error(qtbot, filled_ctx, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[period]]\neffective_from = 2026-01-01\n[period.city]\nelder_age = "六十"\n'
                   'service_subsidy = -5\n', encoding="utf-8")
    runner = TaskRunner()
    page = PolicyPage(filled_ctx, runner)
    qtbot.addWidget(page)
    page.show()
    page.load_file(str(bad))
    qtbot.waitUntil(lambda: page.findChild(ProblemListDialog) is not None, timeout=10000)
    dialog = page.findChild(ProblemListDialog)
    assert dialog.model.rowCount() >= 2
    assert page.model.index(0, 3).data() == "未设置"          # nothing stored
    runner.wait()


def test_area_choices_follow_the_register_on_pages_built_before(qtbot, ctx, settings):
    """待遇测算 (and 探访关爱) built on an empty register offer the streets added since."""
    from eldercare_desktop.services.residents_import import import_residents

    from .conftest import PEOPLE, open_window

    window = open_window(qtbot, ctx, settings)
    month = window.page(1)
    window.show_page(0)
    import_residents(ctx, PEOPLE)
    window.reload_register()
    qtbot.waitUntil(lambda: window.register_page.model.total == len(PEOPLE), timeout=10000)
    window.show_page(1)
    month.area.county.setCurrentText("东洲区")
    streets = [month.area.street.itemText(i) for i in range(month.area.street.count())]
    assert "新屯街道" in streets
    month.area.street.setCurrentText("新屯街道")
    window.show_page(0)
    window.show_page(1)                          # shown again: the choice is kept
    assert month.area.selected() == ("东洲区", "新屯街道", None)
    window.runner.wait()


def test_changing_the_month_clears_the_previous_months_figures(qtbot, filled_ctx):
    load_policy(filled_ctx, resources_dir() / "policy-demo.toml")
    runner = TaskRunner()
    page = MonthPage(filled_ctx, runner)
    qtbot.addWidget(page)
    page.show()
    page.month.set_month(Month(2026, 12))
    page.compute()
    qtbot.waitUntil(lambda: page.view is not None, timeout=20000)
    assert "2026年12月" in page.info.text() and page.details.rowCount() > 0
    page.month.set_month(Month(2026, 6))
    assert page.details.rowCount() == page.by_item.rowCount() == page.by_county.rowCount() == 0
    assert "2026年12月" not in page.info.text()
    assert "2026年6月" in page.info.text() and "测算" in page.info.text()
    page.compute()
    qtbot.waitUntil(lambda: page.view is not None, timeout=20000)
    assert page.view.month == Month(2026, 6) and "2026年6月" in page.info.text()
    runner.wait()
