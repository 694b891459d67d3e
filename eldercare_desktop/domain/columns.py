"""The import template's columns (FORMATS.md §1): Chinese header ↔ Resident field.

Shared by the importer, the template and the register export, so that the three can never
disagree on a column's name, order, kind or closed list.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .enums import (
    Ability,
    County,
    Disability,
    Economic,
    Hukou,
    HukouType,
    Living,
    Pension,
    Status,
    TekunMode,
    Veteran,
)


@dataclass(frozen=True, slots=True)
class Column:
    header: str                       # the Chinese column name in the sheet
    field: str                        # the Resident attribute
    kind: str                         # "text" | "id" | "phone" | "account" | "enum" | "bool" | "date"
    required: bool = False
    enum: type[StrEnum] | None = None
    default: object = None
    help: str = ""                    # one line for the 填写说明 sheet
    width: int = 12                   # column width in the template and exports

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(e.value for e in self.enum) if self.enum else ()


YES_NO_HELP = "填“是”或“否”（也可填Y/N、1/0、√）；不填视为"

COLUMNS: tuple[Column, ...] = (
    Column("姓名", "name", "text", True, help="必填", width=10),
    Column("身份证号", "id_number", "id", True,
           help="必填；18位，最后一位可为X；须通过校验位；15位老号码自动升为18位。请设为文本格式",
           width=21),
    Column("户籍", "hukou", "enum", True, Hukou, help="必填：抚顺 / 非抚顺", width=8),
    Column("户籍类型", "hukou_type", "enum", True, HukouType, help="必填：城镇 / 农村", width=9),
    Column("县区", "county", "enum", True, County, help="必填：抚顺市八个县区之一", width=15),
    Column("街道", "street", "text", True, help="必填：街道或乡镇", width=12),
    Column("社区", "community", "text", True, help="必填：社区或村", width=12),
    Column("住址", "address", "text", help="选填", width=28),
    Column("联系电话", "phone", "phone", help="选填：7至12位数字，可含“-”", width=14),
    Column("开户银行", "bank_name", "text", help="选填：现金类待遇的发放银行", width=14),
    Column("银行账号", "bank_account", "account",
           help="选填：10至25位数字，请设为文本格式", width=24),
    Column("居住状况", "living", "enum", False, Living, Living.WITH_FAMILY,
           help="独居 / 空巢 / 留守 / 与家人同住 / 入住养老机构；不填视为与家人同住", width=13),
    Column("能力等级", "ability", "enum", False, Ability, Ability.INTACT,
           help="能力完好 / 轻度失能 / 中度失能 / 重度失能 / 完全失能；不填视为能力完好", width=11),
    Column("失智", "dementia", "bool", False, default=False, help=YES_NO_HELP + "否", width=6),
    Column("残疾等级", "disability", "enum", False, Disability, Disability.NONE,
           help="无 / 一级 / 二级 / 三级 / 四级；不填视为无", width=9),
    Column("需长期照护", "long_term_care", "bool", False, default=False,
           help=YES_NO_HELP + "否", width=10),
    Column("经济状况", "economic", "enum", False, Economic, Economic.ORDINARY,
           help="一般 / 经济困难 / 低保边缘 / 低保 / 特困；不填视为一般", width=10),
    Column("特困供养方式", "tekun_mode", "enum", False, TekunMode,
           help="集中 / 分散；经济状况为特困时必填，否则必须为空", width=12),
    Column("计划生育特殊家庭", "family_planning_special", "bool", False, default=False,
           help=YES_NO_HELP + "否", width=15),
    Column("优抚类别", "veteran", "enum", False, Veteran, Veteran.NONE,
           help="无 / 烈士遗属 / 因公牺牲军人遗属 / 病故军人遗属 / 残疾军人 / 复员军人 / 退伍军人；不填视为无",
           width=16),
    Column("享受定期抚恤补助", "periodic_pension", "bool", False, default=False,
           help=YES_NO_HELP + "否", width=15),
    Column("有赡养能力的法定赡养人", "has_supporter", "bool", False, default=True,
           help=YES_NO_HELP + "是", width=20),
    Column("养老保险", "pension", "enum", False, Pension, Pension.NONE,
           help="职工 / 城乡居民 / 无；不填视为无", width=10),
    Column("常年患病", "chronic_illness", "bool", False, default=False,
           help=YES_NO_HELP + "否", width=9),
    Column("流浪乞讨", "vagrant", "bool", False, default=False, help=YES_NO_HELP + "否", width=9),
    Column("自愿入住养老机构", "voluntary_institution", "bool", False, default=False,
           help=YES_NO_HELP + "否", width=15),
    Column("已享受无障碍改造", "barrier_free_done", "bool", False, default=False,
           help=YES_NO_HELP + "否", width=15),
    Column("状态", "status", "enum", False, Status, Status.REGISTERED,
           help="在册 / 死亡 / 迁出；不填视为在册", width=7),
    Column("状态日期", "status_date", "date", False,
           help="状态为死亡或迁出时必填：如2026-11-10、2026/11/10、2026年11月10日", width=12),
    Column("备注", "note", "text", help="选填", width=20),
)

COLUMN_BY_HEADER: dict[str, Column] = {c.header: c for c in COLUMNS}
COLUMN_BY_FIELD: dict[str, Column] = {c.field: c for c in COLUMNS}
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
