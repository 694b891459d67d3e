"""What a rule returns, and the list's items (code, name, service type) in list order."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

MATERIAL = "物质帮助"
CARE = "照护服务"
CONCERN = "关爱服务"

# code → (item name, service type), types as in the seed's list
ITEMS: dict[str, tuple[str, str]] = {
    "1": ("职工基本养老保险", MATERIAL),
    "2": ("城乡居民基本养老保险", MATERIAL),
    "3": ("老年能力综合评估", CARE),
    "4": ("高龄津贴", MATERIAL),
    "5": ("养老服务补贴", MATERIAL),
    "6": ("养老护理补贴", MATERIAL),
    "7.1": ("困难残疾人生活补贴", MATERIAL),
    "7.2": ("重度残疾人护理补贴", MATERIAL),
    "8": ("特困老年人集中供养", CARE),
    "9": ("特困老年人分散供养", CARE),
    "10": ("意外伤害保险", MATERIAL),
    "11": ("老年人团体意外伤害保险", MATERIAL),
    "12": ("最低生活保障", MATERIAL),
    "13": ("困难家庭常年病老年人托管", CARE),
    "14": ("探访关爱服务", CONCERN),
    "15": ("集中照护服务", CARE),
    "16": ("家庭适老化改造", CARE),
    "17": ("家庭养老支持服务", CARE),
    "18": ("优抚集中供养", CARE),
    "19": ("优先享受公办机构养老服务", CARE),
    "20": ("流浪乞讨救助", MATERIAL),
    "21": ("乘坐城市公共交通工具", CONCERN),
    "22": ("健康体检", CONCERN),
}

CODES: tuple[str, ...] = tuple(ITEMS)

CENT = Decimal("0.01")


def to_fen(value: Decimal) -> Decimal:
    """Round half-up to the fen."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def yuan(value: Decimal) -> str:
    """200.00 → '200', 1349.50 → '1349.50' (for words, not for amounts)."""
    s = f"{value:.2f}"
    return s[:-3] if s.endswith(".00") else s


def percent(share: Decimal) -> str:
    s = f"{share * 100:f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s + "%"


@dataclass(frozen=True, slots=True)
class Outcome:
    code: str
    item: str
    type: str          # 物质帮助 / 照护服务 / 关爱服务
    applies: bool
    amount: Decimal | None
    standard: str
    reason: str        # why it applies, or the first condition that failed
    warnings: tuple[str, ...] = ()


def make(code: str, applies: bool, amount: Decimal | None, standard: str, reason: str,
         warnings: tuple[str, ...] = ()) -> Outcome:
    name, kind = ITEMS[code]
    return Outcome(code, name, kind, applies, amount, standard, reason, warnings)


def cash_total(outcomes: Iterable[Outcome]) -> Decimal:
    """The sum of the amounts of the items that apply (empty amounts are not counted)."""
    total = Decimal("0.00")
    for o in outcomes:
        if o.applies and o.amount is not None:
            total += o.amount
    return total
