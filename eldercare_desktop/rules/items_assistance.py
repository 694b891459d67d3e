"""Items 8–13: 特困 support (concentrated and dispersed), insurance, 低保 and custody.

Items 8, 9, 12 and 13 apply whatever the 户籍; 10 and 11 require 抚顺户籍. Item 10 is the one
item open below the elder age (women from ``female_insurance_age``), so it is called for every
resident who counts in the month and checks the age itself.
"""

from __future__ import annotations

from ..domain.enums import Ability, Economic, Hukou, HukouType, TekunMode
from ..domain.resident import Resident
from .context import CARE_LEVEL, MonthContext
from .items_money import NOT_FUSHUN
from .outcome import Outcome

DISABLED = frozenset({Ability.SEVERE, Ability.TOTAL})


def _tekun(c: MonthContext, r: Resident, age: int, code: str, mode: TekunMode) -> Outcome:
    if r.economic is not Economic.TEKUN:
        return c.no(code, f"经济状况为{r.economic}，不是特困人员")
    if r.tekun_mode is not mode:
        return c.no(code, f"特困供养方式为{r.tekun_mode or '空'}，不是{mode}供养")
    level = CARE_LEVEL[r.ability]
    key = (code, r.county, r.hukou_type, r.ability)
    if (o := c.cache.get(key)) is None:
        o = c.yes(key, code, c.tekun(mode, r.county, r.hukou_type, level),
                  f"特困人员{mode}供养，能力等级{r.ability}（{level}），"
                  f"{r.county}{r.hukou_type}低保标准")
    return o


def item_8(c: MonthContext, r: Resident, age: int) -> Outcome:
    return _tekun(c, r, age, "8", TekunMode.CONCENTRATED)


def item_9(c: MonthContext, r: Resident, age: int) -> Outcome:
    return _tekun(c, r, age, "9", TekunMode.DISPERSED)


def item_10(c: MonthContext, r: Resident, age: int) -> Outcome:
    """Men from elder_age, women from female_insurance_age; the sex is in the ID number."""
    female = r.id_number[16] in "02468"
    if female:
        threshold, who = c.female_age, "女性"
    else:
        threshold, who = c.elder, "男性"
    if age < threshold:
        return c.too_young("10", threshold, age, who)
    if r.hukou is not Hukou.FUSHUN:
        return c.no("10", NOT_FUSHUN)
    if r.economic is not Economic.TEKUN:
        return c.no("10", f"经济状况为{r.economic}，不是特困人员")
    if r.tekun_mode is not TekunMode.DISPERSED:
        return c.no("10", f"特困供养方式为{r.tekun_mode or '空'}，不是分散供养")
    idn = r.id_number
    key = ("10", who, age, idn[6:12])
    return c.cache.get(key) or c.yes(
        key, "10", "每人至少一份",
        f"抚顺户籍，特困人员分散供养，{who}，{c.born(age, idn)}（{who}{threshold}周岁及以上）")


def item_11(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.hukou is not Hukou.FUSHUN:
        return c.no("11", NOT_FUSHUN)
    key = ("11", age)
    return c.cache.get(key) or c.yes(key, "11", "市财政负担保费，办理团体意外伤害保险",
                                     f"抚顺户籍，年满{age}周岁")


def item_12(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.economic is not Economic.DIBAO:
        return c.no("12", f"经济状况为{r.economic}，不是低保对象")
    key = ("12", age)
    return c.cache.get(key) or c.yes(key, "12", "按时足额发放低保金",
                                     f"低保对象，年满{age}周岁")


def item_13(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.hukou_type is not HukouType.RURAL:
        return c.no("13", f"户籍类型为{r.hukou_type}，不是农村")
    if r.economic is not Economic.DIBAO:
        return c.no("13", f"经济状况为{r.economic}，不是低保对象")
    if r.ability not in DISABLED:
        return c.no("13", f"能力等级为{r.ability}，不属于生活不能自理（重度失能、完全失能）")
    if not r.chronic_illness:
        return c.no("13", "未登记常年患病")
    key = ("13", r.county, r.ability)
    return c.cache.get(key) or c.yes(
        key, "13", c.custody(r.county),
        f"农村低保对象，能力等级{r.ability}（生活不能自理），常年患病")
