"""Entitlement commands: entitlements --month (summary, --json, --out), explain ID --month."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from decimal import Decimal

from ..domain.enums import County
from ..domain.idnumber import IdNumberError, mask_account, mask_id, parse_id_number
from .common import EXIT_OK, Console, Refused, UsageError, open_context, output_path
from .policy_cmds import parse_month


def add_parsers(sub: argparse._SubParsersAction, db_parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("entitlements", parents=[db_parent], help="测算某月全部居民的待遇")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--county", metavar="县区")
    p.add_argument("--street", metavar="街道")
    p.add_argument("--community", metavar="社区")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="以JSON输出全部待遇行")
    out.add_argument("--out", metavar="FILE.xlsx", help="写出待遇测算表")
    p.add_argument("--full-id", action="store_true", help="显示完整身份证号（默认打码）")
    p.set_defaults(handler=cmd_entitlements)

    p = sub.add_parser("explain", parents=[db_parent], help="某位居民某月每一项待遇的说明")
    p.add_argument("id_number", metavar="身份证号")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--out", metavar="FILE.xlsx", help="写出待遇说明表")
    p.add_argument("--full-id", action="store_true", help="显示完整身份证号（默认打码）")
    p.set_defaults(handler=cmd_explain)


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def area_label(county: str | None, street: str | None, community: str | None) -> str:
    return "".join(x for x in (county, street, community) if x) or "全市"


def cmd_entitlements(args: argparse.Namespace, con: Console) -> int:
    from ..services.entitlements import compute_month, month_title, write_month_rows

    month = parse_month(args.month)
    if args.county and args.county not in {c.value for c in County}:
        raise UsageError(f"没有“{args.county}”这个县区；可选：{'、'.join(c.value for c in County)}")
    out = output_path(args.out, ".xlsx") if args.out else None
    ctx = open_context(getattr(args, "db", None))
    result = compute_month(ctx, month, county=args.county, street=args.street,
                           community=args.community)
    if args.json:
        rows = [{
            "id_number": r.id_number if args.full_id else mask_id(r.id_number),
            "name": r.name, "county": r.county, "street": r.street, "community": r.community,
            "age": r.age, "code": r.code, "item": r.item, "type": r.type,
            "amount": _money(r.amount), "standard": r.standard, "reason": r.reason,
            "warnings": list(r.warnings),
        } for r in result.rows]
        con.out(json.dumps({"month": str(month), "rows": rows, "warnings": result.warnings},
                           ensure_ascii=False))
        return EXIT_OK
    for w in result.warnings:
        con.err(f"提示：{w}")
    area = area_label(args.county, args.street, args.community)
    if out is not None:
        write_month_rows(result, out, title=month_title(month, args.county, args.street,
                                                        args.community), full_id=args.full_id)
        con.out(f"已写出待遇测算表：{out}（{result.residents}人，{len(result.rows)}条待遇）")
        return EXIT_OK
    con.out(f"{area} {month.label}：在册 {result.residents} 人，待遇 {len(result.rows)} 条，"
            f"每月现金合计 {result.cash_total:,.2f} 元")
    counts = Counter((r.code, r.item) for r in result.rows)
    money: dict[str, Decimal] = {}
    for r in result.rows:
        if r.amount is not None:
            money[r.code] = money.get(r.code, Decimal(0)) + r.amount
    for (code, item), n in sorted(counts.items(), key=lambda kv: _code_key(kv[0][0])):
        amount = f"  {money[code]:,.2f} 元" if code in money else ""
        con.out(f"  {code:>4} {item}：{n} 人{amount}")
    return EXIT_OK


def _code_key(code: str) -> tuple[int, int]:
    major, _, minor = code.partition(".")
    return int(major), int(minor or 0)


def cmd_explain(args: argparse.Namespace, con: Console) -> int:
    from ..reports.entitlements_workbook import write_explanation_workbook
    from ..rules.outcome import cash_total
    from ..services.entitlements import evaluate_resident, explanation_title
    from ..services.register import find_resident

    month = parse_month(args.month)
    try:
        number = parse_id_number(args.id_number).number
    except IdNumberError as exc:
        raise UsageError(f"身份证号有误：{exc}") from None
    out = output_path(args.out, ".xlsx") if args.out else None
    ctx = open_context(getattr(args, "db", None))
    resident = find_resident(ctx, number)
    shown = number if args.full_id else mask_id(number)
    if resident is None:
        raise Refused(f"台账中没有身份证号为 {shown} 的居民")
    outcomes = evaluate_resident(ctx, resident, month)
    title = explanation_title(resident, month, full_id=args.full_id)
    con.out(title)
    con.out(f"{resident.county}{resident.street}{resident.community}；"
            f"户籍：{resident.hukou}{resident.hukou_type}；经济状况：{resident.economic}；"
            f"能力等级：{resident.ability}；居住状况：{resident.living}")
    if resident.bank_account:
        account = resident.bank_account if args.full_id else mask_account(resident.bank_account)
        con.out(f"发放账户：{resident.bank_name} {account}")
    for o in outcomes:
        if o.applies:
            amount = f"{o.amount:.2f}元" if o.amount is not None else "—"
            con.out(f"  ✔ {o.code:>4} {o.item}｜{o.type}｜{amount}｜{o.standard}｜{o.reason}")
        else:
            con.out(f"  ✘ {o.code:>4} {o.item}｜不享受｜{o.reason}")
        for w in o.warnings:
            con.out(f"         提示：{w}")
    con.out(f"每月现金合计：{cash_total(outcomes):.2f} 元")
    if out is not None:
        write_explanation_workbook(outcomes, out, title=title)
        con.out(f"已写出待遇说明表：{out}")
    return EXIT_OK
