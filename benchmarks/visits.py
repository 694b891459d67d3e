"""Visits benchmark (issue 5): 200,000 demo residents.

    .venv/bin/python benchmarks/visits.py [--residents 200000] [--workdir DIR]

Steps, each in a fresh process, with seconds and peak memory (max RSS): plan a month; record
visits for 90% of those due in one batch; compute the rates of every community (and the
12-month trend); write the roster workbook and the PDF of the largest community, and a PDF of
exactly 300 rows (the largest communities' rows together). Targets: planning and rates each
under 5 s, the 300-row PDF under 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import Timer, child_report, run_step  # noqa: E402

TODAY = dt.date(2026, 12, 4)
MONTH = "2026-11"
POLICY = Path(__file__).resolve().parents[1] / "resources" / "policy-demo.toml"


def _ctx(db: Path):  # type: ignore[no-untyped-def]
    from eldercare_desktop.services.context import ServiceContext
    from eldercare_desktop.store.database import open_database

    return ServiceContext(open_database(str(db)), "benchmark")


def _month():  # type: ignore[no-untyped-def]
    from eldercare_desktop.domain.months import Month

    return Month.parse(MONTH)


def step_setup(n: int, db: Path) -> None:
    from eldercare_desktop.services.demo import load_demo
    from eldercare_desktop.services.policy import load_policy

    ctx = _ctx(db)
    with Timer() as t:
        load_demo(ctx, n, seed=7, today=TODAY)
        load_policy(ctx, POLICY)
    child_report(t.seconds)


def step_plan(db: Path) -> None:
    from eldercare_desktop.services.visits import plan_month

    ctx = _ctx(db)
    with Timer() as t:
        s = plan_month(ctx, _month())
    child_report(t.seconds, due=s.due, added=s.added)


def step_record(db: Path) -> None:
    from eldercare_desktop.services.visits import METHODS, VisitInput, overdue, record_visits

    ctx, month = _ctx(db), _month()
    due = overdue(ctx, month)                       # nobody visited yet: everyone due
    rnd = random.Random(5)
    batch = []
    for o in due[: len(due) * 9 // 10]:
        day = month.first_day + dt.timedelta(days=rnd.randrange(28))
        risk = "高" if rnd.random() < 0.03 else ("中" if rnd.random() < 0.2 else "低")
        batch.append((o.id_number, VisitInput(month, day, f"社工{rnd.randrange(40)}",
                                              rnd.choice(METHODS), risk, health="身体尚可",
                                              needs="无")))
    from eldercare_desktop.services.visits import VisitBatchRefused

    try:    # a few residents died during the month before their random visit date
        record_visits(ctx, batch, today=month.last_day)
        refused: set[int] = set()
    except VisitBatchRefused as exc:
        refused = {i for i, _, _ in exc.problems}
    batch = [b for i, b in enumerate(batch) if i not in refused]
    with Timer() as t:
        rows = record_visits(ctx, batch, today=month.last_day)
    child_report(t.seconds, due=len(due), recorded=len(rows), refused_first=len(refused))


def step_rates(db: Path) -> None:
    from eldercare_desktop.services.visits import rate_trend, visit_rates

    ctx, month = _ctx(db), _month()
    with Timer() as t:
        rates = visit_rates(ctx, month)
    with Timer() as t2:
        trend = rate_trend(ctx, month)
    total = rates[-1]
    child_report(t.seconds, communities=sum(r.level == "社区" for r in rates),
                 rate=total.rate_text, trend_seconds=round(t2.seconds, 2), trend=len(trend))


def _largest(ctx, month):  # type: ignore[no-untyped-def]
    from eldercare_desktop.services.visits import visit_rates

    rows = sorted((r for r in visit_rates(ctx, month) if r.level == "社区"), key=lambda r: -r.due)
    return rows


def step_roster_xlsx(db: Path, out: Path) -> None:
    from eldercare_desktop.reports.visit_roster import write_roster_workbook
    from eldercare_desktop.services.visits import roster

    ctx, month = _ctx(db), _month()
    big = _largest(ctx, month)[0]
    with Timer() as t:
        sections = roster(ctx, month, county=big.county, street=big.street,
                          community=big.community)
        n = write_roster_workbook(sections, out, month)
    child_report(t.seconds, rows=n, community=big.community)


def step_roster_pdf(db: Path, out: Path, rows300: bool) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from eldercare_desktop.reports.visit_roster import RosterSection
    from eldercare_desktop.reports.visit_roster_pdf_qt import write_roster_pdf
    from eldercare_desktop.services.visits import roster

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    ctx, month = _ctx(db), _month()
    communities = _largest(ctx, month)
    with Timer() as t:
        if rows300:   # the largest communities' rows as one 300-row table
            rows: list = []
            for c in communities:
                for s in roster(ctx, month, county=c.county, street=c.street,
                                community=c.community):
                    rows += s.rows
                if len(rows) >= 300:
                    break
            first = communities[0]
            sections = [RosterSection(first.county, first.street, first.community, month,
                                      tuple(rows[:300]))]
        else:
            big = communities[0]
            sections = roster(ctx, month, county=big.county, street=big.street,
                              community=big.community)
        pages = write_roster_pdf(sections, out, month)
    child_report(t.seconds, rows=sum(len(s.rows) for s in sections), pages=pages)


STEPS = {
    "setup": lambda a: step_setup(a.residents, Path(a.db)),
    "plan": lambda a: step_plan(Path(a.db)),
    "record": lambda a: step_record(Path(a.db)),
    "rates": lambda a: step_rates(Path(a.db)),
    "roster_xlsx": lambda a: step_roster_xlsx(Path(a.db), Path(a.out)),
    "roster_pdf": lambda a: step_roster_pdf(Path(a.db), Path(a.out), False),
    "roster_pdf_300": lambda a: step_roster_pdf(Path(a.db), Path(a.out), True),
}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--residents", type=int, default=200_000)
    p.add_argument("--workdir", default=None)
    p.add_argument("--step", choices=STEPS)
    p.add_argument("--db")
    p.add_argument("--out")
    a = p.parse_args()
    if a.step:
        STEPS[a.step](a)
        return
    work = Path(a.workdir or tempfile.mkdtemp(prefix="eldercare-visits-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ELDERCARE_DATA_DIR", str(work / "data"))
    me, db = Path(__file__).resolve(), work / "visits-bench.sqlite3"
    for f in work.glob("visits-bench.sqlite3*"):
        f.unlink()
    print(f"{a.residents} residents, month {MONTH}, work folder {work}")
    made = run_step(me, "setup", "--residents", str(a.residents), "--db", str(db))
    print(f"  (demo residents and policy: {made['seconds']} s)")
    results = {
        "plan": run_step(me, "plan", "--db", str(db)),
        "plan again": run_step(me, "plan", "--db", str(db)),
        "record 90%": run_step(me, "record", "--db", str(db)),
        "rates": run_step(me, "rates", "--db", str(db)),
        "roster xlsx": run_step(me, "roster_xlsx", "--db", str(db),
                                "--out", str(work / "roster.xlsx")),
        "roster pdf": run_step(me, "roster_pdf", "--db", str(db),
                               "--out", str(work / "roster.pdf")),
        "pdf 300 rows": run_step(me, "roster_pdf_300", "--db", str(db),
                                 "--out", str(work / "roster-300.pdf")),
    }
    for name, r in results.items():
        extra = {k: v for k, v in r.items() if k not in ("seconds", "peak_mib")}
        print(f"  {name:<13} {r['seconds']:7.2f} s  peak {r['peak_mib']:5d} MiB  {extra}")
    print("targets: plan < 5 s, rates < 5 s, 300-row PDF < 3 s")
    for name, limit in (("plan", 5), ("plan again", 5), ("rates", 5), ("pdf 300 rows", 3)):
        s = results[name]["seconds"]
        print(f"  {name:<13} {s:6.2f} s  {'OK' if s < limit else 'MISSED'}")


if __name__ == "__main__":
    main()
