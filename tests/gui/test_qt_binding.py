"""The Qt binding itself: PySide6 6.12.0 under CPython 3.11 lost a reference to None on every
call of a void method and aborted the program after a few thousand calls (pinned out in
pyproject.toml). A clerk's window makes millions of such calls in a day."""

import sys

from PySide6.QtGui import QFont


def test_void_methods_do_not_leak_references_to_none(qapp):
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(2000):
        font.setBold(True)
    assert abs(sys.getrefcount(None) - before) < 50
