"""Policy commands: policy load FILE.toml, policy show [--month YYYY-MM]."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..domain.months import Month
from .common import EXIT_OK, Console, UsageError, open_context


def add_parsers(sub: argparse._SubParsersAction, db_parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("policy", help="政策参数：载入参数文件、查看某月执行的参数")
    psub = p.add_subparsers(dest="policy_command", metavar="操作", required=True)
    q = psub.add_parser("load", parents=[db_parent], help="载入参数文件（TOML，全部正确才保存）")
    q.add_argument("file", metavar="FILE.toml")
    q.set_defaults(handler=cmd_load)
    q = psub.add_parser("show", parents=[db_parent], help="查看某月执行的参数及其来源时段")
    q.add_argument("--month", metavar="YYYY-MM", help="默认本月")
    q.set_defaults(handler=cmd_show)


def parse_month(text: str | None) -> Month:
    if text is None:
        return Month.of(dt.date.today())
    try:
        return Month.parse(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def cmd_load(args: argparse.Namespace, con: Console) -> int:
    from ..services.policy import load_policy

    summary = load_policy(open_context(getattr(args, "db", None)), Path(args.file))
    con.out(f"参数文件已载入：{summary.text}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, con: Console) -> int:
    from ..services.policy import param_rows, params_for_month

    month = parse_month(args.month)
    params = params_for_month(open_context(getattr(args, "db", None)), month)
    con.out(f"{month.label}执行的政策参数（按{month.first_day.isoformat()}在效的时段）")
    scope = None
    for row in param_rows(params):
        if row.scope != scope:
            scope = row.scope
            con.out(f"\n[{scope}]")
        if row.source is None:
            con.out(f"  {row.label}（{row.key}）：未设置")
        else:
            con.out(f"  {row.label}（{row.key}）：{row.value}"
                    f"    来自 {row.source.isoformat()} 起执行的时段")
    return EXIT_OK
