"""The 待遇测算表 (FORMATS.md §4): sheet 待遇明细 with every entitlement row, sheet 汇总 with
persons and amounts per item and county; and one resident's explanation sheet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from ..domain.enums import County
from ..domain.entitlement import EntitlementRow
from ..domain.idnumber import mask_id
from .workbook import ColumnSpec, ReportWorkbook, SheetSpec

EXCEL_MAX_ROWS = 1_048_576
# title + header + totals leave this many data rows on one sheet
MAX_DATA_ROWS = EXCEL_MAX_ROWS - 3
PROGRESS_EVERY = 5000

DETAIL_COLUMNS = (
    ColumnSpec("序号", "int", 8), ColumnSpec("县区", "text", 15), ColumnSpec("街道", "text", 12),
    ColumnSpec("社区", "text", 14), ColumnSpec("姓名", "text", 9), ColumnSpec("性别", "code", 6),
    ColumnSpec("身份证号", "id", 21), ColumnSpec("年龄", "int", 6), ColumnSpec("项目编号", "code", 9),
    ColumnSpec("服务项目", "text", 24), ColumnSpec("服务类型", "text", 10),
    ColumnSpec("月标准(元)", "money", 12), ColumnSpec("标准说明", "text", 30),
    ColumnSpec("依据", "text", 50),
)
SUMMARY_COLUMNS = (
    ColumnSpec("县区", "text", 16), ColumnSpec("项目编号", "code", 9),
    ColumnSpec("服务项目", "text", 26), ColumnSpec("服务类型", "text", 10),
    ColumnSpec("人数", "int", 10), ColumnSpec("月金额合计(元)", "money", 18),
)
EXPLAIN_COLUMNS = (
    ColumnSpec("项目编号", "code", 9), ColumnSpec("服务项目", "text", 24),
    ColumnSpec("服务类型", "text", 10), ColumnSpec("是否享受", "code", 9),
    ColumnSpec("月标准(元)", "money", 12), ColumnSpec("标准说明", "text", 30),
    ColumnSpec("依据或未享受的原因", "text", 60),
)


def _code_key(code: str) -> tuple[int, int]:
    major, _, minor = code.partition(".")
    return int(major), int(minor or 0)


def write_month_workbook(rows: Sequence[EntitlementRow], out: Path, *, title: str,
                         full_id: bool = False,
                         progress: Callable[[int, int], object] | None = None) -> Path:
    """Write the 待遇测算表. ``title`` names what, where and which month. A sheet holds at most
    Excel's row limit; a larger area continues on 待遇明细(2), 待遇明细(3)…"""
    book = ReportWorkbook(out, doc_title=title)
    try:
        _write_detail(book, rows, title, full_id, progress)
        _write_summary(book, rows, title)
    except BaseException:
        book.close()
        Path(out).unlink(missing_ok=True)
        raise
    book.close()
    return Path(out)


def _write_detail(book: ReportWorkbook, rows: Sequence[EntitlementRow], title: str,
                  full_id: bool, progress: Callable[[int, int], object] | None) -> None:
    total = len(rows)
    parts = max(1, -(-total // MAX_DATA_ROWS))
    money = Decimal("0.00")
    n = 0
    for part in range(parts):
        name = "待遇明细" if part == 0 else f"待遇明细({part + 1})"
        sheet = book.add_sheet(SheetSpec(name, f"{title} 待遇明细", DETAIL_COLUMNS))
        write = sheet.ws.write_row
        r = sheet.row
        for row in rows[part * MAX_DATA_ROWS:(part + 1) * MAX_DATA_ROWS]:
            n += 1
            amount = row.amount
            if amount is not None:
                money += amount
            write(r, 0, (n, row.county, row.street, row.community, row.name, row.sex,
                         row.id_number if full_id else mask_id(row.id_number), row.age,
                         row.code, row.item, row.type,
                         None if amount is None else float(amount), row.standard, row.reason))
            r += 1
            if progress is not None and n % PROGRESS_EVERY == 0:
                progress(n, total)
        sheet.row = r
        if part == parts - 1:
            sheet._total[DETAIL_COLUMNS.index(_money_col(DETAIL_COLUMNS))] = money
            sheet.data_rows = n
            sheet.write_total("合计", label_col=0)
    if progress is not None:
        progress(total, total)


def _money_col(columns: Sequence[ColumnSpec]) -> ColumnSpec:
    return next(c for c in columns if c.kind == "money")


def summarise(rows: Iterable[EntitlementRow]) -> dict[tuple[str, str], tuple[str, str, int, Decimal]]:
    """(county, code) → (item, type, persons, amount)."""
    acc: dict[tuple[str, str], list] = defaultdict(lambda: ["", "", 0, Decimal("0.00")])
    for row in rows:
        a = acc[(row.county, row.code)]
        a[0], a[1] = row.item, row.type
        a[2] += 1
        if row.amount is not None:
            a[3] += row.amount
    return {k: (v[0], v[1], v[2], v[3]) for k, v in acc.items()}


def _write_summary(book: ReportWorkbook, rows: Sequence[EntitlementRow], title: str) -> None:
    sums = summarise(rows)
    sheet = book.add_sheet(SheetSpec("汇总", f"{title} 汇总", SUMMARY_COLUMNS))
    order = {c.value: i for i, c in enumerate(County)}
    counties = sorted({k[0] for k in sums}, key=lambda c: order.get(c, 99))
    city: dict[str, list] = {}
    for county in counties:
        codes = sorted((k[1] for k in sums if k[0] == county), key=_code_key)
        for code in codes:
            item, kind, persons, amount = sums[(county, code)]
            sheet.write_row((county, code, item, kind, persons, amount))
            c = city.setdefault(code, [item, kind, 0, Decimal("0.00")])
            c[2] += persons
            c[3] += amount
        sheet.write_subtotal(f"{county}小计")
    for code in sorted(city, key=_code_key):
        item, kind, persons, amount = city[code]
        sheet.write_row(("全市", code, item, kind, persons, amount))
    grand = sum((c[3] for c in city.values()), Decimal("0.00"))
    sheet._total = {5: grand}
    sheet.write_total("合计")


def write_explanation_workbook(outcomes: Sequence, out: Path, *, title: str) -> Path:
    """One resident's sheet for a month: every item, applies or not, amount, standard, and the
    reason or the failed condition; the monthly cash total below."""
    with ReportWorkbook(out, constant_memory=False, doc_title=title) as book:
        sheet = book.add_sheet(SheetSpec("待遇说明", title, EXPLAIN_COLUMNS))
        for o in outcomes:
            text = o.reason + ("；" + "；".join(o.warnings) if o.warnings else "")
            sheet.write_row((o.code, o.item, o.type, "享受" if o.applies else "不享受",
                             o.amount if o.applies else None,
                             o.standard if o.applies else "", text))
        sheet.write_total("每月现金合计", label_col=0)
        sheet.ws.set_column(6, 6, 60, book.styles.wrap)
    return Path(out)
