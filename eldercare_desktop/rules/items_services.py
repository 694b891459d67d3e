"""Items 14–22: visits, care services, home adaptation, veterans, transport and health checks."""

from __future__ import annotations

from ..domain.enums import Ability, Disability, Economic, Hukou, Living, TekunMode, Veteran
from ..domain.resident import Resident
from .context import MonthContext
from .items_assistance import DISABLED
from .items_money import NOT_FUSHUN, SEVERE_DISABILITY
from .outcome import Outcome

LEFT_ALONE = frozenset({Living.ALONE, Living.EMPTY_NEST, Living.LEFT_BEHIND})

# The record facts of which any one can make an elder 特殊困难老年人 (item 14), as plain data:
# a caller that plans visits for a whole district may fetch only the records holding one of
# them, and then let item_14 decide. Field name → the values that count.
SPECIAL_HARDSHIP_FACTS: dict[str, frozenset] = {
    "living": LEFT_ALONE,
    "ability": DISABLED,
    "dementia": frozenset({True}),
    "disability": SEVERE_DISABILITY,
    "family_planning_special": frozenset({True}),
}


def item_14(c: MonthContext, r: Resident, age: int) -> Outcome:
    """特殊困难老年人: 独居/空巢/留守, 失能, 失智, 重残, 计划生育特殊家庭."""
    living = r.living if r.living in LEFT_ALONE else None
    disabled = r.ability if r.ability in DISABLED else None
    grade = r.disability if r.disability in SEVERE_DISABILITY else None
    key = ("14", living, disabled, r.dementia, grade, r.family_planning_special)
    o = c.cache.get(key)
    if o is None:
        facts = []
        if living is not None:
            facts.append(str(living))
        if disabled is not None:
            facts.append(f"失能（{disabled}）")
        if r.dementia:
            facts.append("失智")
        if grade is not None:
            facts.append(f"重残（残疾等级{grade}）")
        if r.family_planning_special:
            facts.append("计划生育特殊家庭")
        if facts:
            o = c.yes(key, "14", "每月探访", "特殊困难老年人：" + "、".join(facts))
        else:
            o = c.cache[key] = c.no(
                "14", "不属于特殊困难老年人（非独居、空巢、留守，未失能、失智、重残，非计划生育特殊家庭）")
    return o


def item_15(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.economic is not Economic.DIBAO:
        return c.no("15", f"经济状况为{r.economic}，不是低保对象")
    if r.ability is not Ability.TOTAL:
        return c.no("15", f"能力等级为{r.ability}，不是完全失能")
    if not r.voluntary_institution:
        return c.no("15", "未登记自愿入住养老机构")
    key = ("15", age)
    return c.cache.get(key) or c.yes(key, "15", "入住养老服务机构，实行集中照护",
                                     f"低保对象，完全失能，自愿入住养老机构，年满{age}周岁")


def item_16(c: MonthContext, r: Resident, age: int) -> Outcome:
    """Dispersed 特困 who are 高龄, 失能 or disabled; with home_adaptation_extended also 低保
    elders who are 高龄, 失能, 留守, 空巢 or disabled, and 计划生育特殊家庭 elders."""
    if r.hukou is not Hukou.FUSHUN:
        return c.no("16", NOT_FUSHUN)
    old = age >= 80
    disabled = r.ability in DISABLED
    handicapped = r.disability is not Disability.NONE
    dispersed = r.economic is Economic.TEKUN and r.tekun_mode is TekunMode.DISPERSED
    extended = c.extended
    facts: list[str] = []
    if dispersed and (old or disabled or handicapped):
        group = "特困人员分散供养"
    elif extended and r.economic is Economic.DIBAO and (
            old or disabled or handicapped or r.living in (Living.LEFT_BEHIND, Living.EMPTY_NEST)):
        group = "低保对象（扩大改造范围）"
        if r.living in (Living.LEFT_BEHIND, Living.EMPTY_NEST):
            facts.append(str(r.living))
    elif extended and r.family_planning_special:
        group = "计划生育特殊家庭（扩大改造范围）"
    elif dispersed:
        return c.no("16", "特困人员分散供养，但不属于高龄、失能或残疾老年人")
    elif extended and r.economic is Economic.DIBAO:
        return c.no("16", "低保对象，但不属于高龄、失能、留守、空巢或残疾老年人")
    elif extended:
        return c.no("16", "不是分散供养特困人员、低保对象，也不是计划生育特殊家庭")
    else:
        return c.no("16", "不是分散供养特困人员（未开启扩大改造范围）")
    if r.barrier_free_done:
        return c.no("16", "已享受残疾人家庭无障碍改造，不再进行适老化改造")
    if old:
        facts.insert(0, f"高龄（{age}周岁）")
    if disabled:
        facts.append(f"失能（{r.ability}）")
    if handicapped:
        facts.append(f"残疾（{r.disability}）")
    reason = f"抚顺户籍，{group}" + ("，" + "、".join(facts) if facts else "")
    key = ("16", reason)
    return c.cache.get(key) or c.yes(key, "16", "实施居家适老化改造，配备辅助器具",
                                     reason + "，未享受残疾人家庭无障碍改造")


def item_17(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.living is Living.INSTITUTION:
        return c.no("17", "入住养老机构，不属于居家")
    if r.ability not in DISABLED:
        return c.no("17", f"能力等级为{r.ability}，不属于生活不能自理（重度失能、完全失能）")
    key = ("17", r.living, r.ability)
    return c.cache.get(key) or c.yes(
        key, "17", "家庭成员照护培训补贴",
        f"居家（{r.living}），能力等级{r.ability}（生活不能自理）")


def item_18(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.veteran is Veteran.NONE:
        return c.no("18", "不是优抚对象")
    if not r.periodic_pension:
        return c.no("18", f"优抚对象（{r.veteran}），但未享受定期抚恤补助")
    if r.has_supporter:
        return c.no("18", f"优抚对象（{r.veteran}），有有赡养能力的法定赡养人")
    key = ("18", r.veteran)
    return c.cache.get(key) or c.yes(
        key, "18", "由光荣院提供集中供养、医疗等保障",
        f"优抚对象（{r.veteran}），享受定期抚恤补助，无有赡养能力的法定赡养人")


def item_19(c: MonthContext, r: Resident, age: int) -> Outcome:
    if not r.family_planning_special:
        return c.no("19", "不是计划生育特殊家庭")
    key = ("19",)
    return c.cache.get(key) or c.yes(key, "19", "同等条件下优先入住公办养老机构",
                                     "计划生育特殊家庭老年人")


def item_20(c: MonthContext, r: Resident, age: int) -> Outcome:
    if not r.vagrant:
        return c.no("20", "未登记为流浪乞讨人员")
    key = ("20",)
    return c.cache.get(key) or c.yes(key, "20", "救助管理站给予食宿等生活照料",
                                     "生活无着的流浪乞讨老年人")


def item_21(c: MonthContext, r: Resident, age: int) -> Outcome:
    if age < c.bus_half:
        return c.too_young("21", c.bus_half, age)
    idn = r.id_number
    key = ("21", age, idn[6:12])
    o = c.cache.get(key)
    if o is None:
        if age >= c.bus_free:
            o = c.yes(key, "21", "免费", f"{c.born(age, idn)}，{c.bus_free}周岁及以上免除乘车费用")
        else:
            o = c.yes(key, "21", "半价", f"{c.born(age, idn)}，{c.bus_half}—{c.bus_free - 1}周岁"
                                        "减半支付乘车费用")
    return o


def item_22(c: MonthContext, r: Resident, age: int) -> Outcome:
    if age < c.health_age:
        return c.too_young("22", c.health_age, age)
    idn = r.id_number
    key = ("22", age, idn[6:12])
    return c.cache.get(key) or c.yes(key, "22", "每年一次免费体检", c.born(age, idn))
