"""Loading the register: the service's rows carry what the search and every filter need, the
特殊困难 filter covers all its grounds, and the program's start-up shows the register."""

from eldercare_desktop.domain.enums import Disability
from eldercare_desktop.services.register import register_rows
from eldercare_desktop.services.residents_import import import_residents
from eldercare_desktop.ui.register_model import RegisterFilter, RegisterModel, prepare_rows, search_key

from .conftest import PEOPLE, open_window, resident

SPECIAL_ONLY_BY = [
    resident("赵失智", "19500101", "571", dementia=True),
    resident("钱残疾", "19500202", "681", disability=Disability.GRADE_1),
    resident("孙计生", "19500303", "791", family_planning_special=True),
    resident("周三级", "19500404", "811", disability=Disability.GRADE_3),   # not 特殊困难
]


def test_rows_come_in_area_order_with_the_search_text(filled_ctx):
    rows = register_rows(filled_ctx)
    assert [(r[3], r[4], r[5]) for r in rows] == sorted((r[3], r[4], r[5]) for r in rows)
    assert {r[1] for r in rows} == {p.name for p in PEOPLE}
    prepared = prepare_rows(rows, grouped=True)
    assert prepared.keys == [search_key(r) for r in rows]
    assert prepared.areas == {(r[3], r[4], r[5]) for r in rows}


def test_special_filter_covers_dementia_disability_and_family_planning(qtbot, ctx, settings):
    import_residents(ctx, PEOPLE + SPECIAL_ONLY_BY)
    window = open_window(qtbot, ctx, settings)
    page = window.register_page
    page.special.setChecked(True)
    shown = sorted(page.model.row_tuple(r)[1] for r in range(page.model.rowCount()))
    assert shown == sorted(["李四", "赵失智", "钱残疾", "孙计生"])
    assert "失智" in page.special.toolTip() and "计划生育" in page.special.toolTip()
    window.runner.wait()


def test_filter_details_prepared_in_slices_match_the_whole(filled_ctx):
    rows = register_rows(filled_ctx) * 3
    whole = RegisterModel()
    whole.set_rows(rows)
    sliced = RegisterModel()
    sliced.set_rows(prepare_rows(rows, details=False))
    steps = 0
    while not sliced.details_step(chunk=5):
        steps += 1
    assert steps >= 2
    for flt in (RegisterFilter(special=True), RegisterFilter(elderly=True)):
        whole.set_filter(flt)
        sliced.set_filter(flt)
        assert whole.rowCount() == sliced.rowCount() > 0


def test_start_window_opens_the_database_and_shows_the_register(qtbot, filled_ctx, settings):
    from eldercare_desktop.app import start_window

    _app, window = start_window(str(filled_ctx.db.file), settings, "tester")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.register_page.model.total == len(PEOPLE), timeout=10000)
    window.runner.wait()
