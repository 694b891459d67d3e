"""GUI test fixtures: a real SQLite database, a window with its own settings file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from stdnum.cn import ric

from eldercare_desktop.domain.enums import County, Hukou, HukouType, Living
from eldercare_desktop.domain.resident import Resident
from eldercare_desktop.services.context import ServiceContext
from eldercare_desktop.services.residents_import import import_residents
from eldercare_desktop.store.database import open_database


def make_id(birth: str, seq: str = "123", area: str = "210402") -> str:
    body = area + birth + seq
    return body + ric.calc_check_digit(body + "0")


def resident(name: str, birth: str, seq: str = "123", **changes) -> Resident:
    values = dict(name=name, id_number=make_id(birth, seq), hukou=Hukou.FUSHUN,
                  hukou_type=HukouType.URBAN, county=County.XINFU, street="永安台街道",
                  community="站前社区")
    values.update(changes)
    return Resident(**values)


PEOPLE = [
    resident("张三丰", "19400315", "131", phone="13812345678"),
    resident("李四", "19550101", "242", living=Living.ALONE),
    resident("王五", "19600620", "352", county=County.DONGZHOU, street="新屯街道",
             community="新屯社区"),
    resident("单雄信", "19451111", "462"),
]


def pytest_collection_modifyitems(items):
    # The offscreen platform plugin cannot resize native windows and says so whenever a shown
    # top-level window's minimum size changes: a limit of the test platform, not of our code.
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))


@pytest.fixture
def ctx(db_path):
    db = open_database(str(db_path))
    yield ServiceContext(db, "tester")
    db.engine.dispose()


@pytest.fixture
def filled_ctx(ctx):
    import_residents(ctx, PEOPLE)
    return ctx


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, ctx, settings, **kwargs):
    from eldercare_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx, settings=settings, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.runner.running, timeout=10000)
    return window


@pytest.fixture
def window(qtbot, filled_ctx, settings):
    w = open_window(qtbot, filled_ctx, settings)
    yield w
    w.runner.cancel_all()
    w.runner.wait()
