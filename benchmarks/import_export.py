"""Import/export benchmark (issue 2): 200,000 demo residents.

    .venv/bin/python benchmarks/import_export.py [--residents 200000] [--workdir DIR]

Each step runs in a fresh process; seconds and peak memory (max RSS) are printed, with the floors
of PERFORMANCE.md measured in the same run: reading the file with python-calamine alone plus
inserting the same rows with SQLAlchemy Core alone (import floor), and writing the same cells
with XlsxWriter alone (export floor).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import Timer, child_report, run_step  # noqa: E402

TODAY = dt.date(2026, 12, 4)


def step_make_file(n: int, out: Path) -> None:
    from eldercare_desktop.demo.generator import generate_residents
    from eldercare_desktop.reports.residents_export import write_residents_workbook

    with Timer() as t:
        write_residents_workbook(generate_residents(n, seed=7, today=TODAY), out, title="基准测试")
    child_report(t.seconds)


def _ctx(db: Path):  # type: ignore[no-untyped-def]
    from eldercare_desktop.services.context import ServiceContext
    from eldercare_desktop.store.database import open_database

    return ServiceContext(open_database(str(db)), "benchmark")


def step_import(file: Path, db: Path) -> None:
    from eldercare_desktop.importing import read_import_file
    from eldercare_desktop.services.residents_import import import_residents

    ctx = _ctx(db)
    with Timer() as t:
        result = read_import_file(file)
        assert not result.problems, result.problems[:3]
        summary = import_residents(ctx, [r.resident for r in result.rows])
    child_report(t.seconds, inserted=summary.inserted, updated=summary.updated,
                 unchanged=summary.unchanged)


def step_export(db: Path, out: Path) -> None:
    from eldercare_desktop.services.exports import export_residents

    ctx = _ctx(db)
    with Timer() as t:
        n = export_residents(ctx, out)
    child_report(t.seconds, rows=n)


def step_import_floor(file: Path, db: Path) -> None:
    """calamine to Python values + SQLAlchemy Core insert of the same rows, nothing else."""
    import python_calamine
    from sqlalchemy import Column, MetaData, String, Table, create_engine, event

    with Timer() as t:
        rows = python_calamine.CalamineWorkbook.from_path(str(file)).get_sheet_by_index(0).to_python()
        header = [str(h) for h in rows[1]]
        engine = create_engine(f"sqlite:///{db}")

        @event.listens_for(engine, "connect")
        def _pragmas(con, _rec):  # type: ignore[no-untyped-def]
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=FULL")

        md = MetaData()
        cols = [f"c{i}" for i in range(len(header))]
        table = Table("floor", md, *(Column(c, String) for c in cols))
        md.create_all(engine)
        with engine.begin() as conn:
            conn.execute(table.insert(), [
                {c: (str(v) if v != "" else None) for c, v in zip(cols, row)} for row in rows[2:]
            ])
    child_report(t.seconds)


def step_export_floor(db: Path, out: Path) -> None:
    """The same cells written with XlsxWriter alone (values read beforehand, not timed)."""
    import xlsxwriter

    from eldercare_desktop.reports.residents_export import resident_row
    from eldercare_desktop.services.register import iter_residents

    rows = [resident_row(r) for r in iter_residents(_ctx(db))]
    with Timer() as t:
        wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
        ws = wb.add_worksheet()
        for i, row in enumerate(rows):
            ws.write_row(i, 0, row)
        wb.close()
    child_report(t.seconds)


STEPS = {
    "make_file": lambda a: step_make_file(a.residents, Path(a.file)),
    "import": lambda a: step_import(Path(a.file), Path(a.db)),
    "export": lambda a: step_export(Path(a.db), Path(a.out)),
    "import_floor": lambda a: step_import_floor(Path(a.file), Path(a.db)),
    "export_floor": lambda a: step_export_floor(Path(a.db), Path(a.out)),
}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--residents", type=int, default=200_000)
    p.add_argument("--workdir", default=None)
    p.add_argument("--step", choices=STEPS)
    p.add_argument("--file")
    p.add_argument("--db")
    p.add_argument("--out")
    a = p.parse_args()
    if a.step:
        STEPS[a.step](a)
        return
    work = Path(a.workdir or tempfile.mkdtemp(prefix="eldercare-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ELDERCARE_DATA_DIR", str(work / "data"))
    me = Path(__file__).resolve()
    file, db = work / "residents.xlsx", work / "bench.sqlite3"
    for f in (db, work / "floor.sqlite3"):
        f.unlink(missing_ok=True)
    print(f"{a.residents} residents, work folder {work}")
    made = run_step(me, "make_file", "--residents", str(a.residents), "--file", str(file))
    print(f"  (generating the import file: {made['seconds']} s)")
    results = {
        "import": run_step(me, "import", "--file", str(file), "--db", str(db)),
        "re-import": run_step(me, "import", "--file", str(file), "--db", str(db)),
        "export": run_step(me, "export", "--db", str(db), "--out", str(work / "export.xlsx")),
        "import floor": run_step(me, "import_floor", "--file", str(file),
                                 "--db", str(work / "floor.sqlite3")),
        "export floor": run_step(me, "export_floor", "--db", str(db),
                                 "--out", str(work / "floor.xlsx")),
    }
    for name, r in results.items():
        extra = {k: v for k, v in r.items() if k not in ("seconds", "peak_mib")}
        print(f"  {name:<13} {r['seconds']:7.2f} s  peak {r['peak_mib']:5d} MiB  {extra or ''}")
    imp_floor, exp_floor = results["import floor"]["seconds"], results["export floor"]["seconds"]
    print("targets: import and re-import ≤ 2× import floor, export ≤ 1.3× export floor, "
          "peak < 1536 MiB")
    for name, floor, factor in (("import", imp_floor, 2), ("re-import", imp_floor, 2),
                                ("export", exp_floor, 1.3)):
        r = results[name]
        ratio = r["seconds"] / floor
        ok = ratio <= factor and r["peak_mib"] < 1536
        print(f"  {name:<10} {ratio:5.2f}× floor  {'OK' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
