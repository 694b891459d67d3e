"""Table-driven tests of the 22 items: every case in tests/cases/*.toml.

A case gives a resident's facts, a month and the parameters (preset files in
tests/cases/params/, or resources/policy-demo.toml as "demo"), and the expected rows
(code, amount, and optionally parts of the standard, reason and warnings), the codes that must
not appear, refusals with their reason, the exact set of codes and the cash total.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from stdnum.cn import ric

from eldercare_desktop.domain.columns import COLUMNS
from eldercare_desktop.domain.months import Month
from eldercare_desktop.domain.resident import Resident
from eldercare_desktop.rules.engine import CODES, Evaluator, cash_total
from eldercare_desktop.rules.params import parse_policy_toml, params_in_force

ROOT = Path(__file__).resolve().parents[3]
CASES = ROOT / "tests" / "cases"
ENUMS = {c.field: c.enum for c in COLUMNS if c.enum is not None}
COUNTY_PREFIX = {"新抚区": "210402", "东洲区": "210403", "望花区": "210404", "顺城区": "210411",
                 "抚顺县": "210421", "新宾满族自治县": "210422", "清原满族自治县": "210423",
                 "高新区": "210400"}
CASE_KEYS = {"name", "month", "params", "born", "sex", "resident", "expect", "absent",
             "refused", "exact", "total", "note"}
ROW_KEYS = {"code", "amount", "standard", "reason", "warning"}


def _load_cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        defaults = {k: v for k, v in data.items() if k != "case"}
        for case in data["case"]:
            merged = {**defaults, **case}
            merged["resident"] = {**defaults.get("resident", {}), **case.get("resident", {})}
            out.append((f"{path.stem}:{case['name']}", merged))
    return out


ALL_CASES = _load_cases()


def id_number(born: dt.date, sex: str, county: str) -> str:
    body = f"{COUNTY_PREFIX[county]}{born:%Y%m%d}00{'1' if sex == '男' else '2'}"
    return body + ric.calc_check_digit(body + "0")


def make_resident(case: dict) -> Resident:
    facts = dict(case["resident"])
    county = facts.get("county", "新抚区")
    born = case["born"]
    if isinstance(born, str):
        born = dt.date.fromisoformat(born)
    values = {"name": "测试老人", "hukou": "抚顺", "hukou_type": "城镇", "county": county,
              "street": "测试街道", "community": "测试社区",
              "id_number": id_number(born, case.get("sex", "男"), county)}
    values.update(facts)
    for key, value in list(values.items()):
        if key in ENUMS and value is not None:
            values[key] = ENUMS[key](value)
        elif key == "status_date" and isinstance(value, str):
            values[key] = dt.date.fromisoformat(value)
    return Resident(**values)


_PERIODS: dict[str, list] = {}


def periods_of(names) -> list:
    if isinstance(names, str):
        names = [names]
    out = []
    for name in names:
        if name not in _PERIODS:
            path = (ROOT / "resources" / "policy-demo.toml" if name == "demo"
                    else CASES / "params" / f"{name}.toml")
            _PERIODS[name] = parse_policy_toml(path.read_text(encoding="utf-8"))
        out.extend(_PERIODS[name])
    return out


def test_there_are_enough_cases_and_names_are_unique():
    names = [n for n, _ in ALL_CASES]
    assert len(names) >= 150
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("case", [c for _, c in ALL_CASES], ids=[n for n, _ in ALL_CASES])
def test_case(case):
    assert set(case) <= CASE_KEYS, f"unknown case keys: {set(case) - CASE_KEYS}"
    month = Month.parse(case["month"])
    params = params_in_force(periods_of(case.get("params", "demo")), month.first_day)
    resident = make_resident(case)
    evaluator = Evaluator(month, params)
    outcomes = evaluator.evaluate(resident)
    assert [o.code for o in outcomes] == list(CODES)
    by_code = {o.code: o for o in outcomes}
    got = evaluator.entitlements(resident)
    assert got == [o for o in outcomes if o.applies]
    codes = {o.code for o in got}

    for row in case.get("expect", []):
        assert set(row) <= ROW_KEYS, f"unknown row keys: {set(row) - ROW_KEYS}"
        o = by_code[row["code"]]
        assert o.applies, f"item {row['code']} should apply, refused: {o.reason}"
        expected = row.get("amount")
        assert o.amount == (None if expected is None else Decimal(expected)), o
        if expected is not None:
            assert o.amount.as_tuple().exponent == -2  # kept to the fen
        if "standard" in row:
            assert row["standard"] in o.standard, o.standard
        if "reason" in row:
            assert row["reason"] in o.reason, o.reason
        if "warning" in row:
            assert any(row["warning"] in w for w in o.warnings), o.warnings
        elif expected is not None:
            assert o.warnings == ()
    for code in case.get("absent", []):
        assert code not in codes, f"item {code} should not apply: {by_code[code].reason}"
    for row in case.get("refused", []):
        o = by_code[row["code"]]
        assert not o.applies
        assert row["reason"] in o.reason, o.reason
    if "exact" in case:
        assert sorted(codes, key=CODES.index) == case["exact"]
    if "total" in case:
        assert cash_total(got) == Decimal(case["total"])
