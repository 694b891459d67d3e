"""The resident form: live ID facts, field errors, 保存 only when valid, live entitlements."""

import pytest
from PySide6.QtWidgets import QMessageBox

from eldercare_desktop.services.register import find_resident
from eldercare_desktop.ui.resident_form import ResidentForm, StatusDateDialog

from .conftest import PEOPLE, make_id


def new_form(qtbot, ctx):
    form = ResidentForm(ctx, None)
    qtbot.addWidget(form)
    form.show()
    return form


def fill_valid(form, id_number):
    f = form.fields
    f["name"].set_value("赵六")
    f["id_number"].set_value(id_number)
    f["hukou"].set_value("抚顺")
    f["hukou_type"].set_value("城镇")
    f["county"].set_value("新抚区")
    f["street"].set_value("永安台街道")
    f["community"].set_value("站前社区")


def test_typing_an_id_fills_birth_date_sex_and_age(qtbot, ctx):
    form = new_form(qtbot, ctx)
    qtbot.keyClicks(form.fields["id_number"].editor, make_id("19450203", "131"))
    text = form.birth_label.text()
    assert "1945年2月3日" in text and "男" in text and "周岁" in text


def test_an_invalid_id_disables_save_and_says_why_next_to_the_field(qtbot, ctx):
    form = new_form(qtbot, ctx)
    good = make_id("19450203", "131")
    fill_valid(form, good)
    assert form.save_button.isEnabled()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    form.fields["id_number"].set_value(bad)
    assert not form.save_button.isEnabled()
    error = form.fields["id_number"].error_label
    assert error.isVisible() and "校验位" in error.text()
    form.fields["id_number"].set_value(good)
    assert form.save_button.isEnabled() and not error.isVisible()


def test_tekun_needs_its_mode(qtbot, ctx):
    form = new_form(qtbot, ctx)
    fill_valid(form, make_id("19450203", "131"))
    form.fields["economic"].set_value("特困")
    assert not form.save_button.isEnabled()
    assert "特困供养方式" in form.fields["tekun_mode"].error_label.text()
    form.fields["tekun_mode"].set_value("分散")
    assert form.save_button.isEnabled()


def test_saving_a_new_resident_writes_it(qtbot, ctx):
    form = new_form(qtbot, ctx)
    number = make_id("19450203", "131")
    fill_valid(form, number)
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert find_resident(ctx, number).name == "赵六"
    assert not form.save_button.isEnabled()          # nothing unsaved any more


def test_editing_a_field_updates_the_live_entitlements(qtbot, filled_ctx):
    from eldercare_desktop.paths import resources_dir
    from eldercare_desktop.services.policy import load_policy

    load_policy(filled_ctx, resources_dir() / "policy-demo.toml")
    form = ResidentForm(filled_ctx, PEOPLE[0].id_number)     # 张三丰, 86, ordinary
    qtbot.addWidget(form)
    form.show()
    form.panel.month.set_month(__import__("eldercare_desktop.domain.months",
                                          fromlist=["Month"]).Month(2026, 6))
    qtbot.waitUntil(lambda: form.panel.applies.rowCount() > 0)
    before = {o.code for o in form.panel.applies.outcomes()}
    total_before = form.panel.total_text()
    assert "4" in before and "5" not in before                  # 高龄津贴, no 服务补贴
    assert "100.00" in total_before
    form.fields["economic"].set_value("低保")
    qtbot.waitUntil(lambda: "5" in {o.code for o in form.panel.applies.outcomes()})
    assert "150.00" in form.panel.total_text()
    refused = {o.code for o in form.panel.refused.outcomes()}
    assert refused and not refused & {o.code for o in form.panel.applies.outcomes()}
    assert find_resident(filled_ctx, PEOPLE[0].id_number).economic.value == "一般"  # not saved


def test_marking_deceased_asks_for_the_date(qtbot, filled_ctx):
    form = ResidentForm(filled_ctx, PEOPLE[0].id_number)
    qtbot.addWidget(form)
    form.show()
    form.fields["status"].set_value("死亡")
    dialog = form.findChild(StatusDateDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.accept()
    assert form.fields["status_date"].raw()
    assert form.save_button.isEnabled()


def test_closing_with_unsaved_changes_asks(qtbot, filled_ctx):
    form = ResidentForm(filled_ctx, PEOPLE[0].id_number)
    qtbot.addWidget(form)
    form.show()
    form.fields["phone"].set_value("13900001111")
    assert not form.close()
    box = form.findChild(QMessageBox, "unsavedBox")
    assert box is not None and box.isVisible()
    discard = next(b for b in box.buttons() if b.text() == "不保存")
    discard.click()
    assert not form.isVisible()
    assert find_resident(filled_ctx, PEOPLE[0].id_number).phone == "13812345678"


def test_entitlement_models_pass_qtmodeltester(qtmodeltester, filled_ctx):
    from eldercare_desktop.domain.months import Month
    from eldercare_desktop.services.entitlements import evaluate_resident
    from eldercare_desktop.ui.entitlement_panel import OutcomeModel

    outcomes = evaluate_resident(filled_ctx, PEOPLE[0], Month(2026, 6))
    for applies in (True, False):
        model = OutcomeModel(applies)
        model.set_outcomes(outcomes)
        qtmodeltester.check(model)


def test_a_death_date_before_birth_or_in_the_future_is_refused(qtbot, filled_ctx):
    import datetime as dt

    form = ResidentForm(filled_ctx, PEOPLE[0].id_number)      # born 1940-03-15
    qtbot.addWidget(form)
    form.show()
    form.fields["status"].set_value("死亡")
    form.findChild(StatusDateDialog).accept()
    form.fields["status_date"].set_value(dt.date(1939, 1, 1))
    assert not form.save_button.isEnabled()
    assert "早于出生日期（1940年3月15日）" in form.fields["status_date"].error_label.text()
    form.fields["status_date"].set_value(dt.date.today() + dt.timedelta(days=1))
    assert not form.save_button.isEnabled()
    assert "不能晚于今天" in form.fields["status_date"].error_label.text()
    form.fields["status_date"].set_value(dt.date(2026, 1, 5))
    assert form.save_button.isEnabled()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")  # offscreen
def test_double_clicking_a_resident_opens_one_form(qtbot, window):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    table = window.register_page.table
    rect = table.visualRect(window.register_page.model.index(0, 0))
    where = QPoint(rect.center())
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: len(window.forms) >= 1, timeout=5000)
    qtbot.wait(50)
    assert len([f for f in window.forms if f.isVisible()]) == 1
    for form in window.forms:
        form._confirmed_close = True
        form.close()


def test_a_new_form_does_not_mark_empty_fields_before_they_are_touched(qtbot, ctx):
    form = new_form(qtbot, ctx)
    assert not any(f.error_label.text() for f in form.fields.values())
    assert "必填项" in form.message.text()
    assert not form.save_button.isEnabled()
    form.fields["name"].set_value("赵")
    form.fields["name"].set_value("")            # touched, then emptied: now it is marked
    assert form.fields["name"].error_label.text()
    assert not form.fields["county"].error_label.text()
