"""The parameter keys of the policy file (FORMATS.md §2): their kind and their Chinese label.

One table, read by the validator, by the rules (to name a missing parameter) and by whoever
shows the parameters to a user.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.enums import County

# kinds
AMOUNT = "amount"      # yuan, non-negative decimal
FACTOR = "factor"      # non-negative decimal multiplier
AGE = "age"            # whole years
FLAG = "flag"          # true / false
SHARES = "shares"      # inline table 全自理/半自理/全护理 → share between 0 and 1

CARE_LEVELS: tuple[str, ...] = ("全自理", "半自理", "全护理")


@dataclass(frozen=True, slots=True)
class Key:
    name: str
    kind: str
    label: str


CITY_KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("elder_age", AGE, "老年人年龄"),
        Key("female_insurance_age", AGE, "女性意外伤害保险年龄"),
        Key("allowance_90_99", AMOUNT, "90—99周岁高龄津贴标准"),
        Key("allowance_100_plus", AMOUNT, "100周岁及以上高龄津贴标准"),
        Key("service_subsidy", AMOUNT, "养老服务补贴标准"),
        Key("care_subsidy", AMOUNT, "养老护理补贴标准"),
        Key("disability_living_subsidy", AMOUNT, "困难残疾人生活补贴标准"),
        Key("disability_care_subsidy", AMOUNT, "重度残疾人护理补贴标准"),
        Key("tekun_basic_factor", FACTOR, "特困基本生活标准倍数"),
        Key("tekun_care_share_concentrated", SHARES, "集中供养照料护理比例"),
        Key("tekun_care_share_dispersed", SHARES, "分散供养照料护理比例"),
        Key("custody_provincial", AMOUNT, "托管省补助标准"),
        Key("bus_half_fare_age", AGE, "公交半价年龄"),
        Key("bus_free_age", AGE, "公交免费年龄"),
        Key("health_check_age", AGE, "免费体检年龄"),
        Key("home_adaptation_extended", FLAG, "适老化改造扩大范围"),
    )
}

COUNTY_KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("allowance_80_89", AMOUNT, "80—89周岁高龄津贴标准"),
        Key("dibao_urban", AMOUNT, "低保标准（城镇）"),
        Key("dibao_rural", AMOUNT, "低保标准（农村）"),
        Key("min_wage", AMOUNT, "月最低工资标准"),
        Key("custody_top_up", AMOUNT, "托管补助县区加发标准"),
    )
}

COUNTY_NAMES: tuple[str, ...] = tuple(c.value for c in County)

# What the list itself fixes for the ages, used when a file leaves them out.
AGE_DEFAULTS: dict[str, int] = {
    "elder_age": 60,
    "female_insurance_age": 55,
    "bus_half_fare_age": 60,
    "bus_free_age": 70,
    "health_check_age": 65,
}


def city_label(key: str) -> str:
    k = CITY_KEYS.get(key)
    return f"全市 {k.label if k else ''}{key}"


def county_label(county: str, key: str) -> str:
    k = COUNTY_KEYS.get(key)
    return f"{county} {k.label if k else ''}{key}"
