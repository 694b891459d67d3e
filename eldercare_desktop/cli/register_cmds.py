"""Register commands: import, export residents, backup, demo."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .common import EXIT_OK, EXIT_REFUSED, Console, UsageError, open_context, output_path


def add_parsers(sub: argparse._SubParsersAction, db_parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[db_parent], help="导入居民信息Excel（全部正确才写入）")
    p.add_argument("file", help="Excel文件（.xlsx，也可为.xls或.ods）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告将新增/更新多少人，不写入")
    p.add_argument("--errors-out", metavar="FILE.xlsx", help="把有问题的单元格标红并加批注，另存为此文件")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", parents=[db_parent], help="导出台账")
    p.add_argument("what", choices=["residents"], help="residents：居民台账（导入模板的列）")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("backup", parents=[db_parent], help="备份数据库并检查备份完整性")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("demo", parents=[db_parent], help="生成演示数据")
    p.add_argument("--residents", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(handler=cmd_demo)


def _format_problem(p) -> str:  # type: ignore[no-untyped-def]
    where = f"第{p.row}行" if p.row else "文件"
    col = f"【{p.column}】" if p.column else ""
    value = f"“{p.value}”" if p.value != "" else "（空）"
    return f"{where}{col}{value}：{p.message}" if p.column else f"{where}：{p.message}"


def cmd_import(args: argparse.Namespace, con: Console) -> int:
    from ..importing import read_import_file, write_errors_workbook
    from ..services.residents_import import import_residents

    source = Path(args.file)
    errors_out = output_path(args.errors_out, ".xlsx") if args.errors_out else None
    ctx = open_context(args.db)  # refuse a bad database before reading a large file
    result = read_import_file(source)
    for w in result.warnings:
        con.err("提示：" + _format_problem(w))
    if result.problems:
        for p in result.problems:
            con.err(_format_problem(p))
        con.err(f"文件有 {len(result.problems)} 处问题，未导入任何记录。请改正后重新导入。")
        if errors_out is not None:
            write_errors_workbook(source, result, errors_out)
            con.err(f"已把有问题的单元格标红并加批注，保存为：{errors_out}")
        return EXIT_REFUSED
    summary = import_residents(ctx, [r.resident for r in result.rows], dry_run=args.dry_run)
    if args.dry_run:
        con.out(f"检查通过（未写入）：{summary.text}")
    else:
        con.out(f"导入完成：{summary.text}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, con: Console) -> int:
    from ..services.exports import export_residents

    out = output_path(args.out, ".xlsx")
    n = export_residents(open_context(args.db), out)
    con.out(f"已导出 {n} 人到：{out}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, con: Console) -> int:
    from ..services.backups import backup_database

    out = output_path(args.out)
    backup_database(open_context(args.db), out)
    con.out(f"备份完成并已通过完整性检查：{out}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, con: Console) -> int:
    from ..services.demo import load_demo

    if not 1 <= args.residents <= 1_000_000:
        raise UsageError("--residents 应在1到1000000之间")
    ctx = open_context(args.db)
    summary = load_demo(ctx, args.residents, seed=args.seed, today=dt.date.today())
    con.out(f"演示数据已载入：{summary}")
    return EXIT_OK
