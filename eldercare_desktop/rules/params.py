"""Dated policy parameters (FORMATS.md §2): read and validate the TOML file, store a period as
JSON, and find the values in force on a day (inheritance key by key, also inside tables)."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

from .keys import AGE, AMOUNT, CARE_LEVELS, CITY_KEYS, COUNTY_KEYS, COUNTY_NAMES, FLAG, SHARES
from .toml_errors import chinese_toml_error, toml_error_line


class PolicyFileError(Exception):
    """A policy file refused whole. ``problems`` is [(line or None, Chinese message)]."""

    def __init__(self, problems: list[tuple[int | None, str]]):
        self.problems = problems
        super().__init__(
            "\n".join(f"第{line}行：{msg}" if line else msg for line, msg in problems)
        )


@dataclass(frozen=True)
class Period:
    """One [[period]]: the values as the file gives them, numbers as Decimal (ages as int)."""

    effective_from: dt.date
    values: dict = field(default_factory=dict)  # {"city": {...}, "county": {"新抚区": {...}}}


@dataclass(frozen=True)
class ParamValue:
    value: Decimal | int | bool | dict
    source: dt.date  # effective_from of the period that gave it


@dataclass(frozen=True)
class ParamSet:
    """The values in force on ``day``."""

    day: dt.date | None
    city: dict[str, ParamValue] = field(default_factory=dict)
    counties: dict[str, dict[str, ParamValue]] = field(default_factory=dict)

    def city_value(self, key: str) -> Any:
        pv = self.city.get(key)
        return None if pv is None else pv.value

    def county_value(self, county: str, key: str) -> Any:
        table = self.counties.get(str(county))
        if table is None:
            return None
        pv = table.get(key)
        return None if pv is None else pv.value


# -- reading the file ------------------------------------------------------------------------

_KEY_PART = re.compile(r'\s*(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_\-]+))\s*')


def _parse_dotted(text: str) -> tuple[str, ...] | None:
    """'period.county."新抚区"' → ('period', 'county', '新抚区'); None if not a key."""
    parts: list[str] = []
    pos = 0
    while True:
        m = _KEY_PART.match(text, pos)
        if not m or m.end() == pos:
            return None
        parts.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
        if pos == len(text):
            return tuple(parts)
        if text[pos] != ".":
            return None
        pos += 1


def _split_key(line: str) -> str | None:
    """The key part left of the first '=' outside quotes."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "=":
            return line[:i]
        elif ch == "#":
            return None
    return None


def _line_map(text: str) -> dict[tuple, int]:
    """(period index, *key path inside the period) → line number, for naming lines in messages."""
    lines: dict[tuple, int] = {}
    period = -1
    prefix: tuple[str, ...] = ()
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            end = line.find("]]")
            path = _parse_dotted(line[2:end]) if end > 0 else None
            if path == ("period",):
                period += 1
                prefix = ()
                lines.setdefault((period,), no)
            else:
                prefix = ("?",)
            continue
        if line.startswith("["):
            end = line.find("]")
            path = _parse_dotted(line[1:end]) if end > 0 else None
            if path and path[0] == "period" and period >= 0:
                prefix = path[1:]
                lines.setdefault((period, *prefix), no)
            else:
                prefix = ("?",)
                lines.setdefault(("top", *(path or ())), no)
            continue
        key = _split_key(line)
        path = _parse_dotted(key) if key is not None else None
        if path:
            if period < 0:
                lines.setdefault(("top", *path), no)
            else:
                full = (period, *prefix, *path)
                for i in range(2, len(full) + 1):
                    lines.setdefault(full[:i], no)
    return lines


def _line_of(lines: dict[tuple, int], path: tuple) -> int | None:
    for i in range(len(path), 0, -1):
        if path[:i] in lines:
            return lines[path[:i]]
    return None


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    return Decimal(value)


def _check_value(key: str, kind: str, value: Any, where: str, err) -> Any:
    """Return the value as stored, or report a problem through ``err`` and return None."""
    if kind == FLAG:
        if not isinstance(value, bool):
            err(f"{where}{key} 应为 true 或 false，这里是“{value}”")
            return None
        return value
    if kind == AGE:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 150:
            err(f"{where}{key} 应为0到150之间的整数周岁，这里是“{value}”")
            return None
        return value
    if kind == SHARES:
        if not isinstance(value, dict):
            err(f"{where}{key} 应为表，如 {{ \"全自理\" = 0.10, \"半自理\" = 0.30, \"全护理\" = 0.60 }}")
            return None
        out: dict[str, Decimal] = {}
        for level, share in value.items():
            if level not in CARE_LEVELS:
                err(f"{where}{key} 中有未知的护理等级“{level}”（应为全自理、半自理、全护理）")
                continue
            num = _number(share)
            if num is None or not Decimal(0) <= num <= Decimal(1):
                err(f"{where}{key} 中“{level}”的比例应在0到1之间，这里是“{share}”")
                continue
            out[level] = num
        return out
    num = _number(value)
    if num is None:
        err(f"{where}{key} 应为数字，这里是“{value}”")
        return None
    if num < 0 or not num.is_finite():
        what = "金额" if kind == AMOUNT else "倍数"
        err(f"{where}{key} 的{what}不能为负数，这里是{value}")
        return None
    return num


def parse_policy_toml(text: str) -> list[Period]:
    """Read a whole policy file; every problem is collected and raised together."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        line = toml_error_line(msg)
        lines = text.splitlines()
        if line and line <= len(lines) and "effective_from" in lines[line - 1]:
            detail = "effective_from 日期无效或格式不对（应为真实日期，如 2024-08-28）"
        else:
            detail = chinese_toml_error(msg)
        raise PolicyFileError([(line, f"TOML格式错误：{detail}")]) from None
    lines = _line_map(text)
    problems: list[tuple[int | None, str]] = []

    for key in data:
        if key != "period":
            problems.append((_line_of(lines, ("top", key)), f"未知的键“{key}”（只允许 [[period]]）"))
    raw_periods = data.get("period")
    if raw_periods is None:
        problems.append((None, "文件中没有任何 [[period]]"))
        raw_periods = []
    elif not isinstance(raw_periods, list):
        problems.append((_line_of(lines, ("top", "period")), "period 应写作 [[period]] 表数组"))
        raw_periods = []

    periods: list[Period] = []
    seen: dict[dt.date, int | None] = {}
    for index, raw in enumerate(raw_periods):
        def err(msg: str, *path: str, _i=index) -> None:
            problems.append((_line_of(lines, (_i, *path)), msg))

        values: dict[str, Any] = {}
        start = raw.get("effective_from")
        if start is None:
            err(f"第{index + 1}个 [[period]] 缺少 effective_from")
        elif isinstance(start, dt.datetime) or not isinstance(start, dt.date):
            err(f"effective_from 应为日期（如 2024-08-28，不加引号），这里是“{start}”", "effective_from")
            start = None
        elif start in seen:
            first = seen[start]
            err(f"两个时段的生效日期相同：{start.isoformat()}"
                + (f"（另一个在第{first}行）" if first else ""), "effective_from")
        else:
            seen[start] = _line_of(lines, (index, "effective_from"))
        for key, value in raw.items():
            if key == "effective_from":
                continue
            if key == "city":
                if not isinstance(value, dict):
                    err("city 应为表 [period.city]", "city")
                    continue
                city: dict[str, Any] = {}
                for k, v in value.items():
                    spec = CITY_KEYS.get(k)
                    if spec is None:
                        err(f"未知的全市参数“{k}”", "city", k)
                        continue
                    checked = _check_value(k, spec.kind, v, "全市参数 ",
                                           lambda m, _k=k: err(m, "city", _k))
                    if checked is not None:
                        city[k] = checked
                values["city"] = city
            elif key == "county":
                if not isinstance(value, dict):
                    err("county 应为表 [period.county.\"县区名\"]", "county")
                    continue
                counties: dict[str, dict[str, Any]] = {}
                for name, table in value.items():
                    if name not in COUNTY_NAMES:
                        err(f"未知的县区“{name}”（应为：{'、'.join(COUNTY_NAMES)}）", "county", name)
                        continue
                    if not isinstance(table, dict):
                        err(f"县区“{name}”应为表 [period.county.\"{name}\"]", "county", name)
                        continue
                    ctab: dict[str, Any] = {}
                    for k, v in table.items():
                        spec = COUNTY_KEYS.get(k)
                        if spec is None:
                            err(f"{name} 未知的县区参数“{k}”", "county", name, k)
                            continue
                        checked = _check_value(k, spec.kind, v, f"{name} ",
                                               lambda m, _n=name, _k=k: err(m, "county", _n, _k))
                        if checked is not None:
                            ctab[k] = checked
                    counties[name] = ctab
                values["county"] = counties
            else:
                err(f"未知的键“{key}”（时段内只允许 effective_from、city、county）", key)
        if start is not None:
            periods.append(Period(start, values))
    if problems:
        problems.sort(key=lambda p: (p[0] is None, p[0] or 0))
        raise PolicyFileError(problems)
    return sorted(periods, key=lambda p: p.effective_from)


# -- storage -------------------------------------------------------------------------------

def _to_jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    return value


def _from_jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _from_jsonable(v) for k, v in value.items()}
    if isinstance(value, str):
        return Decimal(value)
    return value


def period_to_json(p: Period) -> str:
    """The period's values as JSON; Decimals become strings, ages stay integers."""
    return json.dumps(_to_jsonable(p.values), ensure_ascii=False, sort_keys=True)


def period_from_json(effective_from: dt.date, text: str) -> Period:
    return Period(effective_from, _from_jsonable(json.loads(text)))


# -- values in force -----------------------------------------------------------------------

def _merge(into: dict[str, ParamValue], table: dict[str, Any], source: dt.date) -> None:
    for key, value in table.items():
        if isinstance(value, dict):
            old = into.get(key)
            merged = dict(old.value) if old is not None and isinstance(old.value, dict) else {}
            merged.update(value)
            into[key] = ParamValue(merged, source)
        else:
            into[key] = ParamValue(value, source)


def params_in_force(periods: Iterable[Period], day: dt.date) -> ParamSet:
    """Values in force on ``day``: every period from on or before it, oldest first, each
    overriding only the keys it names."""
    city: dict[str, ParamValue] = {}
    counties: dict[str, dict[str, ParamValue]] = {}
    for p in sorted((p for p in periods if p.effective_from <= day), key=lambda p: p.effective_from):
        _merge(city, p.values.get("city", {}), p.effective_from)
        for name, table in p.values.get("county", {}).items():
            _merge(counties.setdefault(name, {}), table, p.effective_from)
    return ParamSet(day, city, counties)
