"""Month benchmark (issue 3): 200,000 demo residents; compute one month for all, then write the
待遇测算表.

    .venv/bin/python benchmarks/month.py [--residents 200000] [--workdir DIR] [--month 2026-12]

Floors in the same run: a SQLAlchemy Core select of the same columns plus a plain Python loop
of ifs over the same residents (month floor), and the same cells written with XlsxWriter alone
(workbook floor). Each step runs in a fresh process (peak memory = max RSS).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import Timer, child_report, run_step  # noqa: E402

TODAY = dt.date(2026, 12, 4)


def _ctx(db: Path):  # type: ignore[no-untyped-def]
    from eldercare_desktop.services.context import ServiceContext
    from eldercare_desktop.store.database import open_database

    return ServiceContext(open_database(str(db)), "benchmark")


def step_setup(n: int, db: Path) -> None:
    from eldercare_desktop.paths import resources_dir
    from eldercare_desktop.services.demo import load_demo
    from eldercare_desktop.services.policy import load_policy

    ctx = _ctx(db)
    with Timer() as t:
        load_demo(ctx, n, seed=3, today=TODAY)
        load_policy(ctx, resources_dir() / "policy-demo.toml")
    child_report(t.seconds)


def step_month(db: Path, month: str, rows_out: Path) -> None:
    from eldercare_desktop.domain.months import Month
    from eldercare_desktop.services.entitlements import compute_month

    ctx = _ctx(db)
    with Timer() as t:
        result = compute_month(ctx, Month.parse(month))
    child_report(t.seconds, residents=result.residents, rows=len(result.rows),
                 cash_total=str(result.cash_total))
    with rows_out.open("wb") as fh:
        pickle.dump(result.rows, fh, protocol=pickle.HIGHEST_PROTOCOL)


def step_workbook(rows_in: Path, out: Path, month: str) -> None:
    from eldercare_desktop.reports.entitlements_workbook import write_month_workbook

    with rows_in.open("rb") as fh:
        rows = pickle.load(fh)
    with Timer() as t:
        write_month_workbook(rows, out, title=f"全市 {month} 待遇测算表")
    child_report(t.seconds, rows=len(rows))


def step_month_floor(db: Path) -> None:
    """Core select of the same columns + ~25 conditions and 5 Decimal amounts per resident."""
    from sqlalchemy import create_engine, select

    from eldercare_desktop.store.convert import DATA_COLUMNS
    from eldercare_desktop.store.models import ResidentRow

    table = ResidentRow.__table__
    engine = create_engine(f"sqlite:///{db}")
    d50, d80, d200 = Decimal("50"), Decimal("80"), Decimal("200")
    with Timer() as t:
        with engine.connect() as conn:
            rows = conn.execute(select(*[table.c[c] for c in DATA_COLUMNS])).all()
        total = Decimal(0)
        n = 0
        for r in rows:
            (name, idn, hukou, htype, county, street, community, address, phone, note, bank,
             account, living, ability, dementia, disability, ltc, economic, mode, fps, veteran,
             periodic, supporter, pension, chronic, vagrant, voluntary, barrier, status,
             sdate) = r
            age = 2026 - int(idn[6:10]) - (idn[10:14] > "1201")
            if status != "在册" and sdate is not None:
                continue
            fushun = hukou == "抚顺"
            if age < 60:
                continue
            if fushun and age >= 80:
                total += d200 if age >= 90 else d50
                n += 1
            if fushun and economic in ("经济困难", "低保边缘", "低保", "特困") and age >= 80:
                total += d50
            if fushun and ability in ("重度失能", "完全失能", "中度失能") and economic != "一般":
                total += d50
            if fushun and disability in ("一级", "二级") and ltc:
                total += d80
            if economic == "特困":
                total += (Decimal("1.3") * Decimal(800) + Decimal("0.1") * Decimal(1910)
                          ).quantize(Decimal("0.01"))
            if living in ("独居", "空巢", "留守") or dementia or fps:
                n += 1
            if pension == "职工" or pension == "城乡居民":
                n += 1
            if veteran != "无" and periodic and not supporter:
                n += 1
            if vagrant or voluntary or barrier or chronic:
                n += 1
            if htype == "农村" and economic == "低保" and chronic:
                n += 1
            if age >= 65:
                n += 1
            if age >= 70:
                n += 1
    child_report(t.seconds, rows=len(rows))


def step_workbook_floor(rows_in: Path, out: Path) -> None:
    import xlsxwriter

    from eldercare_desktop.domain.idnumber import mask_id

    with rows_in.open("rb") as fh:
        rows = pickle.load(fh)
    cells = [(i, r.county, r.street, r.community, r.name, r.sex, mask_id(r.id_number), r.age,
              r.code, r.item, r.type, None if r.amount is None else float(r.amount),
              r.standard, r.reason) for i, r in enumerate(rows, 1)]
    del rows
    with Timer() as t:
        wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
        ws = wb.add_worksheet()
        for i, row in enumerate(cells):
            ws.write_row(i, 0, row)
        wb.close()
    child_report(t.seconds)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--residents", type=int, default=200_000)
    p.add_argument("--workdir")
    p.add_argument("--month", default="2026-12")
    p.add_argument("--step")
    p.add_argument("--db")
    p.add_argument("--rows")
    p.add_argument("--out")
    a = p.parse_args()
    if a.step == "setup":
        return step_setup(a.residents, Path(a.db))
    if a.step == "month":
        return step_month(Path(a.db), a.month, Path(a.rows))
    if a.step == "workbook":
        return step_workbook(Path(a.rows), Path(a.out), a.month)
    if a.step == "month_floor":
        return step_month_floor(Path(a.db))
    if a.step == "workbook_floor":
        return step_workbook_floor(Path(a.rows), Path(a.out))
    work = Path(a.workdir or tempfile.mkdtemp(prefix="eldercare-month-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ELDERCARE_DATA_DIR", str(work / "data"))
    me = Path(__file__).resolve()
    db, rows = work / "month.sqlite3", work / "rows.pickle"
    if not db.exists():
        s = run_step(me, "setup", "--residents", str(a.residents), "--db", str(db))
        print(f"  (loading {a.residents} demo residents: {s['seconds']} s)")
    res = {
        "month": run_step(me, "month", "--db", str(db), "--month", a.month, "--rows", str(rows)),
        "month floor": run_step(me, "month_floor", "--db", str(db)),
        "workbook": run_step(me, "workbook", "--rows", str(rows), "--out",
                             str(work / "测算表.xlsx"), "--month", a.month),
        "workbook floor": run_step(me, "workbook_floor", "--rows", str(rows), "--out",
                                   str(work / "floor.xlsx")),
    }
    for name, r in res.items():
        extra = {k: v for k, v in r.items() if k not in ("seconds", "peak_mib")}
        print(f"  {name:<15} {r['seconds']:7.2f} s  peak {r['peak_mib']:5d} MiB  {extra or ''}")
    m = res["month"]["seconds"] / res["month floor"]["seconds"]
    w = res["workbook"]["seconds"] / res["workbook floor"]["seconds"]
    peak = max(res["month"]["peak_mib"], res["workbook"]["peak_mib"])
    print(f"month {m:.2f}× floor (target ≤ 3), workbook {w:.2f}× floor (target ≤ 1.3), "
          f"peak {peak} MiB (target < 2048)")


if __name__ == "__main__":
    main()
