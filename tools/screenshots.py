"""Screenshots of every page for the README, from a fresh demo database.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py [--scale 1.5]

Writes docs/screenshots/*.png. Runs on Xvfb (or offscreen when there is no display).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR, e.g. 1.5")
    parser.add_argument("--residents", type=int, default=3000)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    tmp = Path(tempfile.mkdtemp(prefix="eldercare-shots-"))
    os.environ["ELDERCARE_DATA_DIR"] = str(tmp)
    sys.path.insert(0, str(ROOT))

    import datetime as dt

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from eldercare_desktop.domain.months import Month
    from eldercare_desktop.paths import resources_dir
    from eldercare_desktop.services.context import ServiceContext
    from eldercare_desktop.services.demo import load_demo
    from eldercare_desktop.services.policy import load_policy
    from eldercare_desktop.services.register import (
        ID,
        SEARCH,
        SEARCH_INITIALS,
        SEARCH_SEPARATOR,
        STATUS,
        label,
        register_rows,
    )
    from eldercare_desktop.store.database import open_database
    from eldercare_desktop.ui.main_window import MainWindow
    from eldercare_desktop.ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1.0 else f"@{args.scale:g}x"

    def settle(window: MainWindow | None = None, ms: int = 300) -> None:
        deadline = time.monotonic() + 120
        while window is not None and window.runner.running and time.monotonic() < deadline:
            QTest.qWait(50)
        QTest.qWait(ms)

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        settle(None, 200)
        path = OUT / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print("wrote", path)

    def settings() -> QSettings:
        return QSettings(str(tmp / f"w{time.monotonic_ns()}.ini"), QSettings.Format.IniFormat)

    size = (1280, 800)
    # 1. first start: the welcome panel
    empty = ServiceContext(open_database(str(tmp / "empty.sqlite3")), "演示")
    window = MainWindow(empty, settings=settings())
    window.resize(*size)
    window.show()
    settle(window)
    shot(window, "01-welcome")
    window.close()

    # 2. the register with demo residents
    ctx = ServiceContext(open_database(str(tmp / "demo.sqlite3")), "演示")
    load_demo(ctx, args.residents, seed=7, today=dt.date(2026, 6, 15))
    load_policy(ctx, resources_dir() / "policy-demo.toml")
    window = MainWindow(ctx, settings=settings())
    window.resize(*size)
    window.show()
    settle(window)
    shot(window, "02-register")
    rows = register_rows(ctx)
    someone = rows[len(rows) // 3]
    initials = someone[SEARCH].split(SEARCH_SEPARATOR)[SEARCH_INITIALS].split("|")[0]
    window.register_page.search.setText(initials)
    window.register_page.elderly.setChecked(False)
    shot(window, "03-register-search")
    window.register_page.search.clear()

    # 3. a resident form with live entitlements (someone old enough to have several items)
    older = next(r for r in rows if r[ID][6:10] < "1944" and label(STATUS, r[STATUS]) == "在册")
    form = window.open_resident(older[ID])
    assert form is not None
    form.resize(1240, 820)
    form.panel.month.set_month(Month(2026, 6))
    form.panel.fold.setChecked(True)
    settle(window, 500)
    shot(form, "04-resident-form")
    form.fields["id_number"].editor.setEnabled(True)
    form.fields["phone"].set_value("123")
    settle(window, 200)
    shot(form, "05-resident-form-invalid")
    form._confirmed_close = True
    form.close()

    # 4. the import wizard on a file with problems
    import openpyxl

    from eldercare_desktop.domain.columns import HEADERS

    bad = tmp / "台账_有问题.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(list(HEADERS))
    ws.append(["张桂兰", "210402194503151228", "抚顺", "城镇", "抚顺区", "永安台街道", "站前社区"])
    ws.append(["刘振山", "21040219480101123X", "抚顺", "城市", "新抚区", "永安台街道", "站前社区"])
    ws.append(["王淑珍", "210402195005050000", "抚顺", "城镇", "新抚区", "", "站前社区", "", "1381234"])
    book.save(bad)
    wizard = window.open_import_wizard()
    wizard.resize(900, 520)
    wizard.start_check(str(bad))
    settle(window, 500)
    shot(wizard, "06-import-problems")
    wizard.close()

    # 5. the month view and the policy page
    window.show_page(1)
    page = window.stack.widget(1)
    page.month.set_month(Month(2026, 6))
    page.compute()
    settle(window, 800)
    for dialog in window.findChildren(type(page.progress)):
        dialog.close()
    shot(window, "07-month-view")
    window.show_page(2)
    window.stack.widget(2).month.set_month(Month(2026, 6))
    shot(window, "08-policy")

    # 6. 探访关爱: May and June planned, some visits recorded
    import random

    from eldercare_desktop.domain.visit import VisitInput
    from eldercare_desktop.services import visits

    rnd = random.Random(3)
    for month, share in ((Month(2026, 5), 0.8), (Month(2026, 6), 0.5)):
        visits.plan_month(ctx, month)
        due = [r for s in visits.roster(ctx, month, full_id=True) for r in s.rows]
        visits.record_visits(ctx, [(r.id_number, VisitInput(
            month, month.first_day + dt.timedelta(days=rnd.randrange(19)),
            rnd.choice(("王丽", "李建国", "张晓梅")), rnd.choice(("入户走访", "入户走访", "电话")),
            rnd.choice("低低低低低低中高"))) for r in due if rnd.random() < share],
            today=dt.date(2026, 6, 20))
    window.show_page(3)
    window.stack.widget(3).month.set_month(Month(2026, 6))
    window.stack.widget(3).reload()
    settle(window, 500)
    shot(window, "09-visits")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
