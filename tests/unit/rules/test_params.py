"""The policy parameter file: validation (whole file, every problem with its line), storage
as JSON, and the values in force on a day (inheritance key by key)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from eldercare_desktop.domain.months import Month
from eldercare_desktop.rules.engine import Evaluator
from eldercare_desktop.rules.keys import CITY_KEYS, COUNTY_KEYS, COUNTY_NAMES
from eldercare_desktop.rules.params import (
    PolicyFileError,
    parse_policy_toml,
    period_from_json,
    period_to_json,
    params_in_force,
)

DEMO = Path(__file__).resolve().parents[3] / "resources" / "policy-demo.toml"

BASE = """\
[[period]]
effective_from = 2024-08-28
[period.city]
allowance_90_99 = 200
tekun_care_share_concentrated = { "全自理" = 0.10, "半自理" = 0.30, "全护理" = 0.60 }
[period.county."新抚区"]
allowance_80_89 = 100
dibao_urban = 800
dibao_rural = 600
"""


def problems_of(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(PolicyFileError) as info:
        parse_policy_toml(text)
    return info.value.problems


def test_demo_file_has_every_key_for_all_eight_counties():
    periods = parse_policy_toml(DEMO.read_text(encoding="utf-8"))
    assert len(periods) == 1 and periods[0].effective_from == dt.date(2024, 8, 28)
    values = periods[0].values
    assert set(values["city"]) == set(CITY_KEYS)
    assert set(values["county"]) == set(COUNTY_NAMES) and len(COUNTY_NAMES) == 8
    for table in values["county"].values():
        assert set(table) == set(COUNTY_KEYS)
    assert values["city"]["tekun_basic_factor"] == Decimal("1.3")
    assert "演示" in DEMO.read_text(encoding="utf-8")


def test_numbers_are_exact_decimals_and_ages_whole_years():
    city = parse_policy_toml(DEMO.read_text(encoding="utf-8"))[0].values["city"]
    assert city["tekun_care_share_dispersed"]["半自理"] == Decimal("0.20")
    assert isinstance(city["allowance_90_99"], Decimal)
    assert city["elder_age"] == 60 and isinstance(city["elder_age"], int)
    assert city["home_adaptation_extended"] is False


@pytest.mark.parametrize("line_no, text, needle", [
    (5, BASE.replace("allowance_90_99 = 200", "allowance_90_99 = 200\nfoo = 1"), "未知的全市参数“foo”"),
    (4, BASE.replace("allowance_90_99 = 200", "allowance_90_99 = -200"), "不能为负数"),
    (10, BASE + "min_wage = -1\n", "不能为负数"),
    (5, BASE.replace("0.30", "1.30"), "“半自理”的比例应在0到1之间"),
    (5, BASE.replace("0.30", "-0.30"), "比例应在0到1之间"),
    (5, BASE.replace('"全自理" = 0.10', '"自理" = 0.10'), "未知的护理等级“自理”"),
    (6, BASE.replace('county."新抚区"', 'county."抚顺市"'), "未知的县区“抚顺市”"),
    (10, BASE + "pension = 5\n", "未知的县区参数“pension”"),
    (2, BASE.replace("2024-08-28", "2024-02-30"), "日期无效"),
    (2, BASE.replace("2024-08-28", '"2024-08-28"'), "effective_from 应为日期"),
    (2, BASE.replace("2024-08-28", "2024-08-28T10:00:00"), "effective_from 应为日期"),
    (4, BASE.replace("allowance_90_99 = 200", 'allowance_90_99 = "200"'), "应为数字"),
    (4, BASE.replace("allowance_90_99 = 200", "elder_age = 60.5"), "整数周岁"),
    (4, BASE.replace("allowance_90_99 = 200", "home_adaptation_extended = 1"), "true 或 false"),
    (3, BASE.replace("[period.city]", "[period.cty]"), "未知的键“cty”"),
    (1, "version = 2\n" + BASE, "未知的键“version”"),
])
def test_each_rejection_names_its_line(line_no, text, needle):
    problems = problems_of(text)
    assert any(line == line_no and needle in msg for line, msg in problems), problems
    with pytest.raises(PolicyFileError) as info:
        parse_policy_toml(text)
    assert f"第{line_no}行" in str(info.value)


def test_two_periods_on_one_day_names_both_lines():
    text = BASE + "\n[[period]]\neffective_from = 2024-08-28\n"
    problems = problems_of(text)
    assert problems == [(12, "两个时段的生效日期相同：2024-08-28（另一个在第2行）")]


def test_every_problem_is_reported_not_just_the_first():
    text = BASE.replace("allowance_90_99 = 200", "allowance_90_99 = -1\nbogus = 3") + "min_wage = -5\n"
    lines = [line for line, _ in problems_of(text)]
    assert lines == [4, 5, 11]


def test_missing_effective_from_and_empty_file():
    assert "缺少 effective_from" in problems_of("[[period]]\n[period.city]\nelder_age = 60\n")[0][1]
    assert problems_of("") == [(None, "文件中没有任何 [[period]]")]


def test_json_round_trip_keeps_decimals_exact():
    for period in parse_policy_toml(DEMO.read_text(encoding="utf-8") + BASE.replace("2024-08-28", "2026-01-01")):
        text = period_to_json(period)
        assert '"1.3"' in text or period.effective_from.year == 2026
        back = period_from_json(period.effective_from, text)
        assert back == period


def test_later_period_keeps_county_values_it_does_not_name():
    text = BASE + """
[[period]]
effective_from = 2026-01-01
[period.county."新抚区"]
allowance_80_89 = 120
"""
    periods = parse_policy_toml(text)
    before = params_in_force(periods, dt.date(2025, 12, 31))
    after = params_in_force(list(reversed(periods)), dt.date(2026, 1, 1))
    assert before.county_value("新抚区", "allowance_80_89") == Decimal("100")
    assert after.county_value("新抚区", "allowance_80_89") == Decimal("120")
    assert after.county_value("新抚区", "dibao_urban") == Decimal("800")
    assert after.counties["新抚区"]["dibao_urban"].source == dt.date(2024, 8, 28)
    assert after.counties["新抚区"]["allowance_80_89"].source == dt.date(2026, 1, 1)
    assert after.city_value("allowance_90_99") == Decimal("200")
    assert after.county_value("东洲区", "dibao_urban") is None


def test_share_table_inherits_level_by_level():
    text = BASE + """
[[period]]
effective_from = 2026-01-01
[period.city]
tekun_care_share_concentrated = { "半自理" = 0.35 }
"""
    shares = params_in_force(parse_policy_toml(text), dt.date(2026, 6, 1)).city_value(
        "tekun_care_share_concentrated")
    assert shares == {"全自理": Decimal("0.10"), "半自理": Decimal("0.35"), "全护理": Decimal("0.60")}


def test_nothing_in_force_gives_empty_values():
    p = params_in_force(parse_policy_toml(BASE), dt.date(2024, 8, 27))
    assert p.city == {} and p.counties == {}
    assert p.city_value("allowance_90_99") is None
    assert p.county_value("新抚区", "dibao_urban") is None


def test_period_change_on_the_first_of_a_month():
    text = BASE + """
[[period]]
effective_from = 2026-02-01
[period.county."新抚区"]
allowance_80_89 = 130
"""
    periods = parse_policy_toml(text)
    jan = params_in_force(periods, Month(2026, 1).first_day)
    feb = params_in_force(periods, Month(2026, 2).first_day)
    assert jan.county_value("新抚区", "allowance_80_89") == Decimal("100")
    assert feb.county_value("新抚区", "allowance_80_89") == Decimal("130")


def test_missing_ages_fall_back_to_the_list_with_a_month_warning():
    ev = Evaluator(Month(2026, 12), params_in_force([], dt.date(2026, 12, 1)))
    assert any("elder_age" in w and "60周岁" in w for w in ev.warnings)
    assert any("home_adaptation_extended" in w for w in ev.warnings)
    full = Evaluator(Month(2026, 12), params_in_force(
        parse_policy_toml(DEMO.read_text(encoding="utf-8")), dt.date(2026, 12, 1)))
    assert full.warnings == []
