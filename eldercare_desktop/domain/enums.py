"""The closed lists of the import template (FORMATS.md §1), as enums whose values are the
Chinese words users read and type."""

from __future__ import annotations

from enum import StrEnum


class Hukou(StrEnum):
    FUSHUN = "抚顺"
    OTHER = "非抚顺"


class HukouType(StrEnum):
    URBAN = "城镇"
    RURAL = "农村"


class County(StrEnum):
    XINFU = "新抚区"
    DONGZHOU = "东洲区"
    WANGHUA = "望花区"
    SHUNCHENG = "顺城区"
    FUSHUN_COUNTY = "抚顺县"
    XINBIN = "新宾满族自治县"
    QINGYUAN = "清原满族自治县"
    HIGH_TECH = "高新区"


class Living(StrEnum):
    ALONE = "独居"
    EMPTY_NEST = "空巢"
    LEFT_BEHIND = "留守"
    WITH_FAMILY = "与家人同住"
    INSTITUTION = "入住养老机构"


class Ability(StrEnum):
    """Capacity levels of GB/T 42195-2022."""

    INTACT = "能力完好"
    MILD = "轻度失能"
    MODERATE = "中度失能"
    SEVERE = "重度失能"
    TOTAL = "完全失能"


class Disability(StrEnum):
    NONE = "无"
    GRADE_1 = "一级"
    GRADE_2 = "二级"
    GRADE_3 = "三级"
    GRADE_4 = "四级"


class Economic(StrEnum):
    ORDINARY = "一般"
    HARDSHIP = "经济困难"
    NEAR_DIBAO = "低保边缘"
    DIBAO = "低保"
    TEKUN = "特困"


class TekunMode(StrEnum):
    CONCENTRATED = "集中"
    DISPERSED = "分散"


class Veteran(StrEnum):
    NONE = "无"
    MARTYR_FAMILY = "烈士遗属"
    DUTY_DEATH_FAMILY = "因公牺牲军人遗属"
    ILLNESS_DEATH_FAMILY = "病故军人遗属"
    DISABLED_SOLDIER = "残疾军人"
    DEMOBILIZED = "复员军人"
    RETIRED_SOLDIER = "退伍军人"


class Pension(StrEnum):
    EMPLOYEE = "职工"
    RESIDENT = "城乡居民"
    NONE = "无"


class Status(StrEnum):
    REGISTERED = "在册"
    DECEASED = "死亡"
    MOVED_OUT = "迁出"


class Sex(StrEnum):
    MALE = "男"
    FEMALE = "女"
