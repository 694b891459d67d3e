"""居民台账: finding residents as you type, filters, the welcome panel, settings."""

from eldercare_desktop.ui.register_model import RegisterFilter, RegisterModel

from .conftest import PEOPLE, open_window


def shown_names(page):
    model = page.model
    return sorted(model.row_tuple(r)[1] for r in range(model.rowCount()))


def test_search_by_pinyin_initials_finds_the_resident(qtbot, window):
    page = window.register_page
    assert page.stack.currentWidget() is page.body
    qtbot.keyClicks(page.search, "zsf")
    assert shown_names(page) == ["张三丰"]
    assert "显示 1 人" in page.count_label.text()


def test_search_by_name_full_pinyin_id_fragment_and_phone(qtbot, window):
    page = window.register_page
    for query, expected in (("李", ["李四"]), ("wangwu", ["王五"]),
                            (PEOPLE[2].id_number[-6:], ["王五"]), ("1381234", ["张三丰"]),
                            ("sxx", ["单雄信"]), ("dxx", ["单雄信"])):
        page.search.setText(query)
        assert shown_names(page) == expected, query
    page.search.clear()
    assert len(shown_names(page)) == len(PEOPLE)


def test_id_numbers_are_masked_in_the_table(window):
    model = window.register_page.model
    shown = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert all("********" in s for s in shown)
    assert not shown & {p.id_number for p in PEOPLE}


def test_filters_narrow_the_table(qtbot, window):
    page = window.register_page
    page.area.county.setCurrentText("东洲区")
    assert shown_names(page) == ["王五"]
    page.area.county.setCurrentText("全部")
    page.elderly.setChecked(True)       # 80 or older this month: born 1940 and 1945
    assert shown_names(page) == ["单雄信", "张三丰"]
    page.elderly.setChecked(False)
    page.special.setChecked(True)       # 独居
    assert shown_names(page) == ["李四"]


def test_status_bar_shows_database_and_count(window, filled_ctx):
    assert str(filled_ctx.db.file) in window.db_label.text()
    assert "4" in window.count_label.text()


def test_empty_database_shows_the_welcome_panel_and_demo_fills_it(qtbot, ctx, settings):
    window = open_window(qtbot, ctx, settings)
    page = window.register_page
    assert page.stack.currentWidget() is page.welcome
    assert page.welcome.import_button.text() == "导入Excel台账"
    page.welcome.demo_button.click()
    qtbot.waitUntil(lambda: page.model.total > 0, timeout=60000)
    assert page.stack.currentWidget() is page.body
    window.runner.wait()


def test_window_size_and_last_page_are_remembered(qtbot, filled_ctx, settings):
    first = open_window(qtbot, filled_ctx, settings)
    first.resize(1180, 660)
    first.show_page(2)
    first.close()
    second = open_window(qtbot, filled_ctx, settings)
    assert second.nav.currentRow() == 2
    assert (second.width(), second.height()) == (1180, 660)
    second.close()


def test_sorting_by_name_follows_pinyin_and_keeps_the_search(qtbot, window):
    from PySide6.QtCore import Qt

    page = window.register_page
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [page.model.row_tuple(r)[1] for r in range(page.model.rowCount())]
    assert names == ["单雄信", "李四", "王五", "张三丰"]
    page.search.setText("an")     # danxiongxin, wangwu, zhangsanfeng
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [page.model.row_tuple(r)[1] for r in range(page.model.rowCount())]
    assert names == ["张三丰", "王五", "单雄信"]


def test_register_model_passes_qtmodeltester(qtmodeltester, filled_ctx):
    from eldercare_desktop.services.register import register_rows

    model = RegisterModel()
    model.set_rows(register_rows(filled_ctx))
    model.set_query("z")
    model.set_filter(RegisterFilter(county="新抚区"))
    qtmodeltester.check(model)
