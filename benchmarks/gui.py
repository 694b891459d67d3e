"""Benchmark of the desktop window with 200,000 demo residents, offscreen.

    .venv/bin/python benchmarks/gui.py [--residents 200000] [--skip-import]
                                       [--start-only | --import-only] [--stalls]

Prints: process start → register shown and usable (best and median of 5 fresh processes);
one search keystroke → table updated (median and worst over 20 queries: names, pinyin
initials, ID fragments); opening a resident form with its live entitlements; the GUI thread's
worst lateness (a 10 ms timer that records its own lateness) during an import of the same
residents through the window's wizard, up to the register reloaded — once into an empty
database, once again into a database holding them. Targets: 1.5 s, 50/100 ms, 150 ms, 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = r"""
import sys, time
t0 = float(sys.argv[2])
from eldercare_desktop.app import start_window
from PySide6.QtCore import QSettings, QTimer
app, w = start_window(sys.argv[1], QSettings(sys.argv[3], QSettings.Format.IniFormat), "bench")
def check():
    if w.register_page.model.total:
        w.register_page.table.viewport().repaint()
        print(time.time() - t0)
        app.quit()
timer = QTimer()
timer.timeout.connect(check)
timer.start(5)
app.exec()
"""


def wait_until(condition, step_ms: int = 5) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until ``condition()``. Not QTest.qWait: PySide6 keeps the GIL during
    qWait, which starves every worker thread (a 1-second load then takes minutes) — unlike
    the program's own event loop."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(step_ms)
    loop.exec()
    timer.stop()


def build_database(path: Path, n: int) -> None:
    from eldercare_desktop.services.context import ServiceContext
    from eldercare_desktop.services.demo import load_demo
    from eldercare_desktop.store.database import open_database

    if path.exists():
        return
    print(f"building a demo database of {n:,} residents at {path} …", flush=True)
    t = time.perf_counter()
    load_demo(ServiceContext(open_database(str(path)), "bench"), n, seed=1)
    print(f"  built in {time.perf_counter() - t:.1f} s", flush=True)


def start_times(db: Path, tmp: Path, runs_wanted: int = 5) -> list[float]:
    """Seconds from process start to the register usable, in fresh processes."""
    runs = []
    for _ in range(runs_wanted):
        t0 = time.time()
        out = subprocess.run([sys.executable, "-c", CHILD, str(db), repr(t0), str(tmp / "s.ini")],
                             capture_output=True, text=True, cwd=ROOT, check=True)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return runs


def import_stall(book: Path, db: Path, label: str, args: argparse.Namespace, tmp: Path) -> None:
    """Import ``book`` into ``db`` through the window's wizard while a 10 ms timer records its
    own lateness: how long the GUI thread was kept from running."""
    from PySide6.QtCore import QSettings, QTimer

    from eldercare_desktop.services.context import ServiceContext
    from eldercare_desktop.store.database import open_database
    from eldercare_desktop.ui.import_wizard import DONE, SUMMARY
    from eldercare_desktop.ui.main_window import MainWindow

    target = MainWindow(ServiceContext(open_database(str(db)), "bench"),
                        settings=QSettings(str(tmp / "f.ini"), QSettings.Format.IniFormat))
    target.show()
    wait_until(lambda: not target.runner.running and target.register_page.model.details_ready)
    wizard = target.open_import_wizard()
    lateness = [0.0]
    worst_at = [0.0]
    last = [time.perf_counter()]
    stalls: list[tuple[float, str]] = []
    watching = [True]

    def tick() -> None:
        now = time.perf_counter()
        if now - last[0] - 0.010 > lateness[0]:
            lateness[0], worst_at[0] = now - last[0] - 0.010, last[0] - t
        last[0] = now

    def watch(gui: int) -> None:
        """--stalls: where every thread is when the GUI thread has not ticked for 60 ms."""
        import threading
        import traceback

        seen = 0.0
        while watching[0]:
            time.sleep(0.005)
            late = time.perf_counter() - last[0]
            if late > 0.060 and last[0] != seen:
                seen = last[0]
                thread_names = {th.ident: th.name for th in threading.enumerate()}
                where = "".join(f"[{name}]\n" + "".join(traceback.format_stack(frame, limit=4))
                                for ident, frame in sys._current_frames().items()
                                if ident != threading.get_ident()
                                for name in [thread_names.get(ident, str(ident))])
                stalls.append((last[0] - t, where))

    collections: list[tuple[float, int, float]] = []
    started_gc = [0.0]

    def on_gc(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            started_gc[0] = time.perf_counter()
        elif time.perf_counter() - started_gc[0] > 0.020:
            collections.append((started_gc[0] - t, info["generation"],
                                time.perf_counter() - started_gc[0]))

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    t = time.perf_counter()
    last[0] = time.perf_counter()
    timer.start()
    if args.stalls:
        import gc
        import threading

        threading.Thread(target=watch, args=(threading.get_ident(),), daemon=True).start()
        gc.callbacks.append(on_gc)
    wizard.start_check(str(book))
    wait_until(lambda: wizard.stack.currentIndex() == SUMMARY)
    checked = time.perf_counter() - t
    wizard.confirm()
    wait_until(lambda: wizard.stack.currentIndex() == DONE)
    imported = time.perf_counter() - t
    if args.stalls:
        print(f"checked at {checked:.2f} s, imported at {imported:.2f} s", flush=True)
    wait_until(lambda: target.register_page.model.total == args.residents
               and not target.runner.running)
    wait_until(lambda: target.register_page.model.details_ready)  # filters' details too
    timer.stop()
    watching[0] = False
    print(f"import of {args.residents:,} residents {label} through the wizard: check {checked:.1f} s, "
          f"imported {imported:.1f} s, register reloaded {time.perf_counter() - t:.1f} s; "
          f"GUI thread worst lateness {lateness[0] * 1000:.0f} ms"
          + (f" (from {worst_at[0]:.2f} s)" if args.stalls else ""), flush=True)
    for at, where in stalls:
        print(f"--- GUI thread stalled at {at:.2f} s; every thread was in:\n{where}", flush=True)
    for at, generation, took in collections:
        print(f"--- garbage collection of generation {generation} at {at:.2f} s took "
              f"{took * 1000:.0f} ms", flush=True)
    target.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=200_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "eldercare-bench.sqlite3")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--start-only", action="store_true", help="measure the start only")
    parser.add_argument("--import-only", action="store_true", help="measure the import only")
    parser.add_argument("--stalls", action="store_true",
                        help="print where the GUI thread was whenever it stalled for 60 ms")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="eldercare-bench-"))
    os.environ["ELDERCARE_DATA_DIR"] = str(tmp)
    sys.path.insert(0, str(ROOT))
    build_database(args.db, args.residents)

    if not args.import_only:
        runs = start_times(args.db, tmp)
        print(f"start → register usable: best {min(runs) * 1000:.0f} ms, median "
              f"{statistics.median(runs) * 1000:.0f} ms of {len(runs)} starts", flush=True)
    if args.start_only:
        return 0

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from eldercare_desktop.services.context import ServiceContext
    from eldercare_desktop.services.register import (
        ID,
        NAME,
        SEARCH,
        SEARCH_INITIALS,
        SEARCH_SEPARATOR,
        register_rows,
    )
    from eldercare_desktop.store.database import open_database
    from eldercare_desktop.ui.main_window import MainWindow
    from eldercare_desktop.ui.resident_form import ResidentForm

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = ServiceContext(open_database(str(args.db)), "bench")
    window = MainWindow(ctx, settings=QSettings(str(tmp / "w.ini"), QSettings.Format.IniFormat))
    window.show()
    wait_until(lambda: window.register_page.model.total > 0)
    page = window.register_page
    rows = register_rows(ctx)
    if args.import_only:
        queries, picks = [], rows[:5]
    else:
        step = len(rows) // 7
        picks = [rows[i * step + 3] for i in range(7)]
        queries = ([p[NAME] for p in picks]
                   + [p[SEARCH].split(SEARCH_SEPARATOR)[SEARCH_INITIALS].split("|")[0]
                      for p in picks[:7]]
                   + [p[ID][-6:] for p in picks[:6]])[:20]
        last_key, all_keys = [], []
        for q in queries:
            page.search.clear()
            QTest.qWait(1)
            for n in range(1, len(q) + 1):
                t = time.perf_counter()
                page.search.setText(q[:n])
                page.table.viewport().repaint()
                took = time.perf_counter() - t
                all_keys.append(took)
            last_key.append(took)
            assert page.model.rowCount() >= 1, q
        page.search.clear()
        ms = [x * 1000 for x in all_keys]
        print(f"search keystroke → table updated over {len(queries)} queries ({len(ms)} keystrokes): "
              f"median {statistics.median(ms):.1f} ms, worst {max(ms):.1f} ms", flush=True)

    if not args.import_only:
        forms = []
        for p in picks[:5]:
            t = time.perf_counter()
            form = ResidentForm(ctx, p[ID], parent=window)
            form.show()
            form.repaint()
            forms.append((time.perf_counter() - t) * 1000)
            assert form.panel.applies.rowCount() + form.panel.refused.rowCount() > 0
            form._confirmed_close = True
            form.close()
        print(f"open a resident form with live entitlements: median {statistics.median(forms):.0f} ms, "
              f"worst {max(forms):.0f} ms", flush=True)

    if not args.skip_import:
        from eldercare_desktop.services.exports import export_residents

        book = args.db.with_suffix(".xlsx")      # kept beside the database, rewritten with it
        if not book.exists() or book.stat().st_mtime < args.db.stat().st_mtime:
            print("writing the register to xlsx for the import test …", flush=True)
            export_residents(ctx, book)
        from eldercare_desktop.store.backup import backup_sqlite

        # a window of its own on an empty database: the first import, ending with the
        # register's reload; then the same file again into a copy of the benchmark's database,
        # whose 200,000 residents the window already holds (every row unchanged)
        import_stall(book, tmp / "fresh.sqlite3", "into an empty database", args, tmp)
        copy = tmp / "copy.sqlite3"
        backup_sqlite(args.db, copy)
        import_stall(book, copy, "again, into a database holding them", args, tmp)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
