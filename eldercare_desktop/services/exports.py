"""Exporting the register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..reports.residents_export import write_residents_workbook
from .context import ServiceContext
from .register import iter_residents, resident_count


def export_residents(ctx: ServiceContext, out: Path) -> int:
    """The register in the import template's own columns, with full ID numbers and accounts so
    that it re-imports unchanged. Returns the number of residents written."""
    total = resident_count(ctx)
    today = dt.date.today()
    title = f"居民信息台账（导出于{today.year}年{today.month}月{today.day}日，共{total}人）"
    return write_residents_workbook(iter_residents(ctx), out, title=title)
