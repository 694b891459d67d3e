"""Items 1–7.2: pensions, assessment, and the monthly allowances and subsidies.

Every rule here is called only for a resident who counts in the month and is an elder
(age ≥ elder_age); it checks its own conditions in the order of POLICY.md's table and returns
an entitlement, or a refusal naming the first condition that failed.
"""

from __future__ import annotations

from ..domain.enums import Ability, Disability, Economic, Hukou, Pension
from ..domain.resident import Resident
from .context import MonthContext
from .outcome import Outcome

NOT_FUSHUN = "非抚顺户籍（本项要求抚顺户籍）"
HARDSHIP = frozenset({Economic.HARDSHIP, Economic.NEAR_DIBAO, Economic.DIBAO, Economic.TEKUN})
DISABLED_OR_HALF = frozenset({Ability.MODERATE, Ability.SEVERE, Ability.TOTAL})
SEVERE_DISABILITY = frozenset({Disability.GRADE_1, Disability.GRADE_2})


def item_1(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.pension is not Pension.EMPLOYEE:
        return c.no("1", f"未参加职工基本养老保险（养老保险为{r.pension}）")
    key = ("1", age)
    return c.cache.get(key) or c.yes(key, "1", "按时足额发放基本养老金",
                                     f"参加职工基本养老保险，年满{age}周岁")


def item_2(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.pension is not Pension.RESIDENT:
        return c.no("2", f"未参加城乡居民基本养老保险（养老保险为{r.pension}）")
    key = ("2", age)
    return c.cache.get(key) or c.yes(key, "2", "按时足额发放基础养老金和个人账户养老金",
                                     f"参加城乡居民基本养老保险，年满{age}周岁")


def item_3(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.hukou is not Hukou.FUSHUN:
        return c.no("3", NOT_FUSHUN)
    key = ("3", age)
    return c.cache.get(key) or c.yes(key, "3", "自愿申请，免费评估", f"抚顺户籍，年满{age}周岁")


def item_4(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.hukou is not Hukou.FUSHUN:
        return c.no("4", NOT_FUSHUN)
    if age < 80:
        return c.too_young("4", 80, age)
    idn = r.id_number
    key = ("4", r.county, age, idn[6:12])
    o = c.cache.get(key)
    if o is None:
        if age >= 100:
            money = c.a100
        elif age >= 90:
            money = c.a90
        else:
            money = c.allowance_80_89(r.county)
        o = c.yes(key, "4", money, f"抚顺户籍，{c.born(age, idn)}")
    return o


def item_5(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.hukou is not Hukou.FUSHUN:
        return c.no("5", NOT_FUSHUN)
    if age < 80:
        return c.too_young("5", 80, age)
    if r.economic not in HARDSHIP:
        return c.no("5", f"经济状况为{r.economic}，不属于经济困难")
    idn = r.id_number
    key = ("5", r.economic, age, idn[6:12])
    return c.cache.get(key) or c.yes(
        key, "5", c.a5, f"抚顺户籍，{c.born(age, idn)}，经济状况为{r.economic}（经济困难）")


def item_6(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.hukou is not Hukou.FUSHUN:
        return c.no("6", NOT_FUSHUN)
    if r.economic not in HARDSHIP:
        return c.no("6", f"经济状况为{r.economic}，不属于经济困难")
    if r.ability not in DISABLED_OR_HALF:
        return c.no("6", f"能力等级为{r.ability}，不属于失能或半失能")
    key = ("6", r.economic, r.ability)
    if (o := c.cache.get(key)) is None:
        kind = "半失能" if r.ability is Ability.MODERATE else "失能"
        o = c.yes(key, "6", c.a6, f"抚顺户籍，经济状况为{r.economic}（经济困难），"
                                  f"能力等级为{r.ability}（{kind}）")
    return o


def item_7_1(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.hukou is not Hukou.FUSHUN:
        return c.no("7.1", NOT_FUSHUN)
    economic, grade = r.economic, r.disability
    if economic is Economic.DIBAO:
        if grade is Disability.NONE:
            return c.no("7.1", "低保对象，但没有残疾等级")
    elif economic is Economic.NEAR_DIBAO:
        if grade not in SEVERE_DISABILITY:
            return c.no("7.1", f"低保边缘户，但残疾等级为{grade}，不属于重残（一级、二级）")
    else:
        return c.no("7.1", f"经济状况为{economic}，不是低保或低保边缘户")
    key = ("7.1", economic, grade)
    if (o := c.cache.get(key)) is None:
        what = "低保对象" if economic is Economic.DIBAO else "低保边缘户"
        o = c.yes(key, "7.1", c.a71, f"抚顺户籍，{what}，残疾等级{grade}")
    return o


def item_7_2(c: MonthContext, r: Resident, age: int) -> Outcome:
    if r.hukou is not Hukou.FUSHUN:
        return c.no("7.2", NOT_FUSHUN)
    if r.disability not in SEVERE_DISABILITY:
        return c.no("7.2", f"残疾等级为{r.disability}，不属于重残（一级、二级）")
    if not r.long_term_care:
        return c.no("7.2", "不需长期照护")
    key = ("7.2", r.disability)
    return c.cache.get(key) or c.yes(
        key, "7.2", c.a72, f"抚顺户籍，残疾等级{r.disability}（重残），需长期照护")
