"""Visit commands (探访关爱): visits plan / record / status / roster."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from dataclasses import asdict

from ..domain.idnumber import mask_id
from .common import EXIT_OK, Console, Refused, UsageError, open_context, output_path
from .policy_cmds import parse_month


def add_parsers(sub: argparse._SubParsersAction, db_parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("visits", help="探访关爱：生成月度走访计划、登记走访、探访率、走访花名册")
    vsub = p.add_subparsers(dest="visits_command", metavar="操作", required=True)

    q = vsub.add_parser("plan", parents=[db_parent], help="生成某月走访计划（可重复运行，不会重复添加）")
    q.add_argument("--month", required=True, metavar="YYYY-MM")
    q.set_defaults(handler=cmd_plan)

    q = vsub.add_parser("record", parents=[db_parent], help="登记一次走访")
    q.add_argument("--month", required=True, metavar="YYYY-MM", help="走访所属月份")
    q.add_argument("--id", required=True, dest="id_number", metavar="身份证号")
    q.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="走访日期")
    q.add_argument("--visitor", required=True, metavar="姓名", help="走访人")
    q.add_argument("--method", default="入户走访", help="入户走访 / 电话 / 视频 / 其他")
    q.add_argument("--risk", default="低", help="风险等级：低 / 中 / 高")
    for flag, label in (("health", "身体状况"), ("living", "生活状况"), ("safety", "居住安全"),
                        ("mental", "精神状态"), ("needs", "需求"), ("problems", "发现问题"),
                        ("action", "处置或转介"), ("note", "备注")):
        q.add_argument(f"--{flag}", default="", metavar="文字", help=label)
    q.add_argument("--next-date", metavar="YYYY-MM-DD", help="下次走访日期")
    q.set_defaults(handler=cmd_record)

    q = vsub.add_parser("status", parents=[db_parent], help="某月探访率、未探访名单、近12个月趋势")
    q.add_argument("--month", required=True, metavar="YYYY-MM")
    _scope_args(q)
    q.add_argument("--json", action="store_true", help="以JSON输出")
    q.add_argument("--full-id", action="store_true", help="显示完整身份证号和电话")
    q.set_defaults(handler=cmd_status)

    q = vsub.add_parser("roster", parents=[db_parent], help="走访花名册（每个社区一张表，xlsx或pdf）")
    q.add_argument("--month", required=True, metavar="YYYY-MM")
    _scope_args(q)
    q.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.pdf")
    q.add_argument("--full-id", action="store_true", help="显示完整电话号码")
    q.set_defaults(handler=cmd_roster)


def _scope_args(q: argparse.ArgumentParser) -> None:
    q.add_argument("--county", metavar="县区")
    q.add_argument("--street", metavar="街道")
    q.add_argument("--community", metavar="社区")


def _scope(args: argparse.Namespace) -> dict[str, str | None]:
    return {"county": args.county, "street": args.street, "community": args.community}


def _date(text: str | None, what: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{what}格式应为YYYY-MM-DD（如2027-01-15），这里是“{text}”") from None


def cmd_plan(args: argparse.Namespace, con: Console) -> int:
    from ..services.visits import plan_month

    month = parse_month(args.month)
    summary = plan_month(open_context(getattr(args, "db", None)), month)
    con.out(f"走访计划已生成：{summary.text}")
    return EXIT_OK


def cmd_record(args: argparse.Namespace, con: Console) -> int:
    from ..services.visits import VisitInput, VisitRefused, record_visit

    month = parse_month(args.month)
    visit = VisitInput(month, _date(args.date, "走访日期"), args.visitor, args.method, args.risk,
                       args.health, args.living, args.safety, args.mental, args.needs,
                       args.problems, args.action, _date(args.next_date, "下次走访日期"),
                       args.note)
    ctx = open_context(getattr(args, "db", None))
    try:
        row = record_visit(ctx, args.id_number.strip().upper(), visit)
    except VisitRefused as exc:
        raise Refused(f"走访未登记：{exc}") from None
    tail = "（高风险：本月需再次走访）" if row.risk == "高" else ""
    con.out(f"已登记：{row.name} {row.visit_date.isoformat()} {row.method}，"
            f"走访人{row.visitor}{tail}")
    return EXIT_OK


def _rate(r) -> str | None:  # type: ignore[no-untyped-def]
    return None if r.rate is None else str(r.rate)


def status_json(status, full_id: bool) -> dict:  # type: ignore[no-untyped-def]
    from ..reports.visit_roster import mask_phone

    def idn(x: str) -> str:
        return x if full_id else mask_id(x)

    return {
        "month": status.month,
        "rates": [{**asdict(r), "rate": _rate(r)} for r in status.rates],
        "overdue": [{**asdict(o), "id_number": idn(o.id_number),
                     "phone": o.phone if full_id else mask_phone(o.phone),
                     "last_visit": o.last_visit and o.last_visit.isoformat()}
                    for o in status.overdue],
        "second_visits": [{"id_number": idn(v.id_number), "name": v.name,
                           "community": v.community, "visit_date": v.visit_date.isoformat()}
                          for v in status.second_visits],
        "trend": [{"month": t.community, "due": t.due, "visited": t.visited, "rate": _rate(t)}
                  for t in status.trend],
    }


def cmd_status(args: argparse.Namespace, con: Console) -> int:
    from ..services.visits import visit_status

    month = parse_month(args.month)
    status = visit_status(open_context(getattr(args, "db", None)), month, **_scope(args))
    if args.json:
        con.out(json.dumps(status_json(status, args.full_id), ensure_ascii=False))
        return EXIT_OK
    total = status.rates[-1]
    con.out(f"{month.label}探访情况：应访{total.due}人，已访{total.visited}人，"
            f"探访率{total.rate_text}")
    for level in ("社区", "街道", "县区"):
        rows = [r for r in status.rates if r.level == level]
        if rows:
            con.out(f"\n按{level}：")
        for r in rows:
            place = " ".join(x for x in (r.county, r.street, r.community) if x)
            con.out(f"  {place}  应访{r.due}  已访{r.visited}  探访率{r.rate_text}")
    con.out(f"\n本月尚未探访（{len(status.overdue)}人，逾期最久的在前）：")
    for o in status.overdue:
        since = ("从未走访" if o.last_visit is None
                 else f"上次走访{o.last_visit.isoformat()}（已{o.months_since}个月）")
        con.out(f"  {o.name} {o.id_number if args.full_id else mask_id(o.id_number)} "
                f"{o.county}{o.street}{o.community}  {since}")
    if status.second_visits:
        con.out(f"\n高风险待再次走访（{len(status.second_visits)}人）：")
        for v in status.second_visits:
            con.out(f"  {v.name} {v.id_number if args.full_id else mask_id(v.id_number)} "
                    f"{v.community}  {v.visit_date.isoformat()}发现高风险")
    con.out("\n近12个月探访率：")
    for t in status.trend:
        con.out(f"  {t.community}  应访{t.due}  已访{t.visited}  探访率{t.rate_text}")
    return EXIT_OK


def _qt_app():  # type: ignore[no-untyped-def]
    """The Qt application for drawing the PDF; offscreen where there is no display. A full
    QApplication (not QGuiApplication), so that a window opened later in the same process
    (the desktop program, a test) finds the kind of application it needs."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["eldercare"])


def cmd_roster(args: argparse.Namespace, con: Console) -> int:
    from ..services.visits import roster

    month = parse_month(args.month)
    out = output_path(args.out, ".xlsx", ".pdf")
    kind = out.suffix.lower()
    sections = roster(open_context(getattr(args, "db", None)), month, full_id=args.full_id,
                      **_scope(args))
    if not sections:
        where = "".join(x for x in (args.county, args.street, args.community) if x)
        raise Refused(f"{where}{month.label}没有应探访的居民（是否已运行 eldercare visits plan "
                      f"--month {month}？社区名称是否正确？），未生成花名册")
    people = sum(len(s.rows) for s in sections)
    if kind == ".xlsx":
        from ..reports.visit_roster import write_roster_workbook

        write_roster_workbook(sections, out, month)
        con.out(f"已生成走访花名册：{len(sections)}个社区，{people}人 → {out}")
        return EXIT_OK
    app = _qt_app()  # noqa: F841 - must live while the PDF is drawn
    from ..reports.visit_roster_pdf_qt import NoChineseFont, write_roster_pdf

    try:
        pages = write_roster_pdf(sections, out, month)
    except NoChineseFont as exc:
        raise Refused(str(exc)) from None
    con.out(f"已生成走访花名册PDF：{len(sections)}个社区，{people}人，共{pages}页 → {out}")
    return EXIT_OK

