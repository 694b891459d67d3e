"""Policy parameters: loading a file into the stored history, the values in force for a month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..domain.months import Month
from ..rules.keys import CITY_KEYS, COUNTY_KEYS, COUNTY_NAMES
from ..rules.params import (
    ParamSet,
    Period,
    PolicyFileError,
    params_in_force,
    parse_policy_toml,
    period_from_json,
    period_to_json,
)
from ..store import policy as repo
from .context import ServiceContext


@dataclass(frozen=True, slots=True)
class LoadSummary:
    periods: int
    added: int
    replaced: int

    @property
    def text(self) -> str:
        return (f"读入 {self.periods} 个时段：新增 {self.added} 个，"
                f"替换同一生效日期的 {self.replaced} 个")


@dataclass(frozen=True, slots=True)
class ParamRow:
    """One value in force, for display: scope (全市 or a county), key, label, value, source."""

    scope: str
    key: str
    label: str
    value: str
    source: dt.date | None  # effective_from of the period it came from; None: not set


def read_policy_file(path: Path) -> tuple[str, list[Period]]:
    """Read and validate a policy file; raises PolicyFileError (every problem with its line)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PolicyFileError([(None, f"找不到参数文件：{path}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PolicyFileError([(None, "参数文件不是UTF-8编码的文本，请用记事本另存为UTF-8")]) from None
    return text, parse_policy_toml(text)


def load_policy(ctx: ServiceContext, path: Path) -> LoadSummary:
    """Validate the whole file, then store it and its periods in one transaction."""
    text, periods = read_policy_file(path)
    stored = [repo.StoredPeriod(p.effective_from, period_to_json(p)) for p in periods]
    with ctx.db.engine.begin() as conn:
        added, replaced = repo.record_load(conn, path.name, text, ctx.actor, stored)
    return LoadSummary(len(periods), added, replaced)


def stored_periods(ctx: ServiceContext) -> list[Period]:
    with ctx.db.engine.connect() as conn:
        return [period_from_json(p.effective_from, p.values_json) for p in repo.all_periods(conn)]


def params_for_month(ctx: ServiceContext, month: Month) -> ParamSet:
    """The values in force on the month's first day."""
    return params_in_force(stored_periods(ctx), month.first_day)


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return "，".join(f"{k} {_show(v)}" for k, v in value.items())
    return str(value)


def param_rows(params: ParamSet) -> list[ParamRow]:
    """Every known parameter, city first then each county, set or not."""
    rows: list[ParamRow] = []
    for key, spec in CITY_KEYS.items():
        pv = params.city.get(key)
        rows.append(ParamRow("全市", key, spec.label, _show(pv.value) if pv else "",
                             pv.source if pv else None))
    for county in COUNTY_NAMES:
        table = params.counties.get(county, {})
        for key, spec in COUNTY_KEYS.items():
            pv = table.get(key)
            rows.append(ParamRow(county, key, spec.label, _show(pv.value) if pv else "",
                                 pv.source if pv else None))
    return rows
