"""Qt's own buttons speak Chinese too: a clerk sees 确定/取消, not OK/Cancel."""

from PySide6.QtWidgets import QDialogButtonBox

from eldercare_desktop.ui.style import install_chinese_translation


def test_standard_buttons_are_in_chinese(qapp):
    assert install_chinese_translation(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    texts = {box.button(b).text().replace("&", "")
             for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel)}
    assert texts == {"确定", "取消"}
