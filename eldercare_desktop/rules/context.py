"""Everything about a month that does not depend on the resident, computed once: the ages and
amounts in force on the month's first day, per county, with the warnings for missing values,
and a cache of the outcomes already built (most residents share their reasons)."""

from __future__ import annotations

from decimal import Decimal

from ..domain.enums import Ability, HukouType, TekunMode
from ..domain.months import Month
from .keys import AGE_DEFAULTS, city_label, county_label
from .outcome import Outcome, make, percent, to_fen, yuan
from .params import ParamSet

CARE_LEVEL: dict[Ability, str] = {
    Ability.INTACT: "全自理",
    Ability.MILD: "全自理",
    Ability.MODERATE: "半自理",
    Ability.SEVERE: "全护理",
    Ability.TOTAL: "全护理",
}

# (amount or None, standard in words, warnings)
Money = tuple[Decimal | None, str, tuple[str, ...]]


class MonthContext:
    """Build once per (month, parameters); reuse for every resident."""

    def __init__(self, month: Month, params: ParamSet):
        self.month = month
        self.params = params
        self.label = month.label
        self.year = month.year
        self.mmdd = f"{month.month:02d}01"
        self.first_day = month.first_day
        self.warnings: list[str] = []  # month-level: values the list fixes, used for missing ages

        self.elder = self._age("elder_age")
        self.female_age = self._age("female_insurance_age")
        self.bus_half = self._age("bus_half_fare_age")
        self.bus_free = self._age("bus_free_age")
        self.health_age = self._age("health_check_age")
        flag = params.city_value("home_adaptation_extended")
        if flag is None:
            self.warnings.append(f"缺少参数：{city_label('home_adaptation_extended')}，按“否”计")
        self.extended = bool(flag)

        self.a90 = self._city_money("allowance_90_99", "90—99周岁")
        self.a100 = self._city_money("allowance_100_plus", "100周岁及以上")
        self.a5 = self._city_money("service_subsidy")
        self.a6 = self._city_money("care_subsidy")
        self.a71 = self._city_money("disability_living_subsidy")
        self.a72 = self._city_money("disability_care_subsidy")
        self._a4: dict[str, Money] = {}
        self._tekun: dict[tuple, Money] = {}
        self._a13: dict[str, Money] = {}
        self.cache: dict[tuple, Outcome] = {}

    # -- parameters -------------------------------------------------------------------
    def _age(self, key: str) -> int:
        value = self.params.city_value(key)
        if value is None:
            value = AGE_DEFAULTS[key]
            self.warnings.append(f"缺少参数：{city_label(key)}，按清单规定{value}周岁计")
        return int(value)

    def _city_money(self, key: str, prefix: str = "") -> Money:
        value = self.params.city_value(key)
        if value is None:
            return None, f"{prefix}标准缺失", (f"缺少参数：{city_label(key)}，金额暂空",)
        amount = to_fen(value)
        return amount, f"{prefix}每人每月{yuan(amount)}元", ()

    def allowance_80_89(self, county: str) -> Money:
        money = self._a4.get(county)
        if money is None:
            value = self.params.county_value(county, "allowance_80_89")
            if value is None:
                money = (None, f"80—89周岁按{county}标准（标准缺失）",
                         (f"缺少参数：{county_label(county, 'allowance_80_89')}，金额暂空",))
            else:
                amount = to_fen(value)
                money = (amount, f"80—89周岁按{county}标准每人每月{yuan(amount)}元", ())
            self._a4[county] = money
        return money

    def tekun(self, mode: TekunMode, county: str, hukou_type: HukouType, level: str) -> Money:
        """Items 8 and 9: factor × county 低保 standard + care share × county minimum wage."""
        key = (mode, county, hukou_type, level)
        money = self._tekun.get(key)
        if money is not None:
            return money
        p = self.params
        dibao_key = "dibao_urban" if hukou_type is HukouType.URBAN else "dibao_rural"
        share_key = ("tekun_care_share_concentrated" if mode is TekunMode.CONCENTRATED
                     else "tekun_care_share_dispersed")
        factor = p.city_value("tekun_basic_factor")
        shares = p.city_value(share_key) or {}
        share = shares.get(level)
        dibao = p.county_value(county, dibao_key)
        wage = p.county_value(county, "min_wage")
        warnings = []
        if factor is None:
            warnings.append(f"缺少参数：{city_label('tekun_basic_factor')}，金额暂空")
        if share is None:
            warnings.append(f"缺少参数：{city_label(share_key)}（{level}），金额暂空")
        if dibao is None:
            warnings.append(f"缺少参数：{county_label(county, dibao_key)}，金额暂空")
        if wage is None:
            warnings.append(f"缺少参数：{county_label(county, 'min_wage')}，金额暂空")

        def show(v, fmt):
            return "？" if v is None else fmt(v)

        standard = (f"基本生活标准{show(factor, str)}×{hukou_type}低保标准{show(dibao, yuan)}元"
                    f"＋照料护理标准（{level}）{show(share, percent)}×月最低工资{show(wage, yuan)}元")
        if warnings:
            money = (None, standard, tuple(warnings))
        else:
            amount = to_fen(factor * dibao + share * wage)
            money = (amount, f"{standard}，每人每月{yuan(amount)}元", ())
        self._tekun[key] = money
        return money

    def custody(self, county: str) -> Money:
        """Item 13: provincial 400 + the county's top-up (missing top-up counts as 0)."""
        money = self._a13.get(county)
        if money is None:
            provincial = self.params.city_value("custody_provincial")
            top_up = self.params.county_value(county, "custody_top_up")
            top_up = Decimal(0) if top_up is None else top_up
            if provincial is None:
                money = (None, f"省补助（标准缺失）＋{county}加发{yuan(top_up)}元",
                         (f"缺少参数：{city_label('custody_provincial')}，金额暂空",))
            else:
                amount = to_fen(provincial + top_up)
                money = (amount, f"省补助{yuan(provincial)}元＋{county}加发{yuan(top_up)}元，"
                         f"每人每月{yuan(amount)}元", ())
            self._a13[county] = money
        return money

    # -- outcomes ---------------------------------------------------------------------
    def born(self, age: int, id_number: str) -> str:
        return f"{self.label}年满{age}周岁（{int(id_number[6:10])}年{int(id_number[10:12])}月出生）"

    def no(self, code: str, reason: str) -> Outcome:
        key = (code, reason)
        o = self.cache.get(key)
        if o is None:
            o = self.cache[key] = make(code, False, None, "", reason)
        return o

    def too_young(self, code: str, threshold: int, age: int, who: str = "") -> Outcome:
        key = (code, "age", threshold, age, who)
        o = self.cache.get(key)
        if o is None:
            reason = f"{who}年龄未满{threshold}周岁（{self.label}为{age}周岁）"
            o = self.cache[key] = make(code, False, None, "", reason)
        return o

    def yes(self, key: tuple, code: str, money: Money | str, reason: str) -> Outcome:
        """An entitlement; ``money`` is (amount, standard, warnings) or the standard in words."""
        if isinstance(money, str):
            o = make(code, True, None, money, reason)
        else:
            o = make(code, True, money[0], money[1], reason, money[2])
        self.cache[key] = o
        return o
