"""Loading the register: the service's rows carry what the search and every filter need, the
特殊困难 filter covers all its grounds, and the program's start-up shows the register."""

from sqlalchemy import text

from eldercare_desktop.domain.enums import Disability, Economic, Living, Status
from eldercare_desktop.services.register import (
    COMMUNITY,
    COUNTY,
    ECONOMIC,
    LIVING,
    NAME,
    STATUS,
    STREET,
    area_labels,
    label,
    register_rows,
)
from eldercare_desktop.services.residents_import import import_residents
from eldercare_desktop.ui.register_model import (
    RegisterFilter,
    RegisterModel,
    prepare_rows,
    search_key,
)

from .conftest import PEOPLE, open_window, resident

SPECIAL_ONLY_BY = [
    resident("赵失智", "19500101", "571", dementia=True),
    resident("钱残疾", "19500202", "681", disability=Disability.GRADE_1),
    resident("孙计生", "19500303", "791", family_planning_special=True),
    resident("周三级", "19500404", "811", disability=Disability.GRADE_3),   # not 特殊困难
]


def areas(rows):
    return [area_labels((r[COUNTY], r[STREET], r[COMMUNITY])) for r in rows]


def test_rows_come_in_area_order_with_the_search_text(filled_ctx):
    rows = register_rows(filled_ctx)
    assert areas(rows) == sorted(areas(rows))
    assert areas(rows)[0] == ("东洲区", "新屯街道", "新屯社区")
    assert {r[NAME] for r in rows} == {p.name for p in PEOPLE}
    prepared = prepare_rows(rows, grouped=True)
    assert prepared.keys == [search_key(r) for r in rows]
    assert "lisi" in prepared.keys[[r[NAME] for r in rows].index("李四")]
    assert prepared.areas == set(areas(rows))


def test_coded_columns_read_back_as_their_text(filled_ctx):
    rows = {r[NAME]: r for r in register_rows(filled_ctx)}
    li = rows["李四"]
    assert (label(LIVING, li[LIVING]), label(ECONOMIC, li[ECONOMIC]),
            label(STATUS, li[STATUS])) == (Living.ALONE, Economic.ORDINARY, Status.REGISTERED)
    assert label(COUNTY, rows["王五"][COUNTY]) == "东洲区"
    # a value outside its list (none can be written through the program) is kept as text
    with filled_ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE residents SET economic = '其他' WHERE name = '李四'"))
    li = {r[NAME]: r for r in register_rows(filled_ctx)}["李四"]
    assert li[ECONOMIC] == "其他" and label(ECONOMIC, li[ECONOMIC]) == "其他"


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
    # the register came straight from the file; the database opens once it is on screen
    qtbot.waitUntil(lambda: str(filled_ctx.db.file) in window.db_label.text(), timeout=10000)
    assert window.ctx.actor == "tester"
    assert window.ctx.db.file == filled_ctx.db.file


def test_start_window_on_a_new_file_opens_it_first_and_welcomes(qtbot, tmp_path, settings):
    from eldercare_desktop.app import start_window

    new = tmp_path / "新台账.sqlite3"
    _app, window = start_window(str(new), settings, "tester")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.runner.running, timeout=10000)
    assert new.exists()
    assert str(new) in window.db_label.text()
    assert window.register_page.stack.currentWidget() is window.register_page.welcome


def test_start_window_refuses_a_file_that_is_not_a_database(qtbot, tmp_path, settings,
                                                             monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from eldercare_desktop.app import start_window

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append((title, text)))
    other = tmp_path / "台账.xlsx"
    other.write_bytes(b"PK\x03\x04 a workbook")
    assert start_window(str(other), settings, "tester") is None
    assert shown and "不是本程序的数据库文件" in shown[0][1]
    assert other.read_bytes() == b"PK\x03\x04 a workbook"


def test_a_database_failing_after_the_register_is_shown_is_reported_and_closes(
        qtbot, filled_ctx, settings, monkeypatch):
    """The register can be on screen before the database is open (start-up); if opening
    then fails, the user is told in Chinese and the program ends instead of working on."""
    from concurrent.futures import Future

    from PySide6.QtWidgets import QApplication, QMessageBox

    from eldercare_desktop.store.database import DatabaseError
    from eldercare_desktop.ui.main_window import MainWindow

    shown, exits = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(text))
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    rows: Future = Future()
    rows.set_result(register_rows(filled_ctx))
    opening: Future = Future()
    window = MainWindow(opening, settings=settings, first_rows=rows)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.register_page.model.total == len(PEOPLE), timeout=10000)
    assert "正在打开" in window.db_label.text()
    opening.set_exception(DatabaseError("无法打开数据库：测试"))
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["无法打开数据库：测试"] and exits == [2]
    assert not window.isVisible()


def test_replacing_the_rows_leaves_the_callers_rows_alone(qtbot, filled_ctx):
    """The model frees the rows it replaces in the background; rows someone else still
    holds stay whole."""
    first = register_rows(filled_ctx)
    kept = list(first)
    model = RegisterModel()
    model.set_rows(prepare_rows(first, grouped=True))
    model.set_rows(prepare_rows(register_rows(filled_ctx)[:2], grouped=True))
    qtbot.wait(50)
    assert first == kept and len(first) == len(PEOPLE)
    assert model.total == 2


def test_search_finds_the_same_rows_before_and_after_the_idle_time_preparation(filled_ctx):
    rows = register_rows(filled_ctx)
    eager = RegisterModel()
    eager.set_rows(prepare_rows(rows, grouped=True))
    lazy = RegisterModel()
    lazy.set_rows(prepare_rows(rows, details=False, grouped=True))
    queries = ["zsf", "lisi", "张", "an", "13812345678", "0101", "x"]

    def found(model, query):
        model.set_query(query)
        return [model.row_tuple(r)[NAME] for r in range(model.rowCount())]

    for q in queries:
        assert found(lazy, q) == found(eager, q), q
    assert not lazy.details_ready
    while not lazy.details_step(chunk=2):
        pass
    for q in queries:
        assert found(lazy, q) == found(eager, q), q
    assert found(lazy, "zsf") == ["张三丰"]


def test_a_remembered_page_waits_for_the_database_without_blocking_the_window(
        qtbot, filled_ctx, settings):
    """Start-up can show the window before the database is open; the page remembered from
    last time (here 政策参数, which needs the database) says it is opening, then appears."""
    from concurrent.futures import Future

    from eldercare_desktop.ui.main_window import MainWindow
    from eldercare_desktop.ui.policy_page import PolicyPage

    settings.setValue("window/page", 2)
    rows: Future = Future()
    rows.set_result(register_rows(filled_ctx))
    opening: Future = Future()
    window = MainWindow(opening, settings=settings, first_rows=rows)   # must not wait
    qtbot.addWidget(window)
    window.show()
    assert window.nav.currentRow() == 2
    assert window.stack.currentWidget().text() == "正在打开数据库……"
    opening.set_result(filled_ctx)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), PolicyPage), timeout=10000)
    assert window.nav.currentRow() == 2
    window.runner.wait()


def test_a_user_on_the_register_stays_there_when_the_database_opens(qtbot, filled_ctx, settings):
    from concurrent.futures import Future

    from eldercare_desktop.ui.main_window import MainWindow

    settings.setValue("window/page", 2)
    rows: Future = Future()
    rows.set_result(register_rows(filled_ctx))
    opening: Future = Future()
    window = MainWindow(opening, settings=settings, first_rows=rows)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(0)                  # the clerk goes to the register at once
    window.register_page.search.setText("zsf")
    opening.set_result(filled_ctx)
    qtbot.waitUntil(lambda: str(filled_ctx.db.file) in window.db_label.text(), timeout=10000)
    qtbot.wait(50)
    assert window.stack.currentWidget() is window.register_page
    assert window.register_page.search.text() == "zsf"
    window.runner.wait()


def test_the_register_says_it_is_loading_never_that_it_is_empty_before_its_rows_arrive(
        qtbot, filled_ctx, settings):
    from concurrent.futures import Future

    from eldercare_desktop.ui.main_window import MainWindow

    rows: Future = Future()
    window = MainWindow(filled_ctx, settings=settings, first_rows=rows)
    qtbot.addWidget(window)
    window.show()
    page = window.register_page
    assert page.stack.currentWidget() is page.loading
    assert page.loading.text() == "正在载入台账……"
    rows.set_result(register_rows(filled_ctx))
    qtbot.waitUntil(lambda: page.model.total == len(PEOPLE), timeout=10000)
    assert page.stack.currentWidget() is page.body
    window.runner.wait()
