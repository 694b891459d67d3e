"""A small known register for the visit tests: month 2027-01, "today" 2027-01-20.

新华社区 due: 独居 A, 重度失能 B, 留守 E (died 2027-01-10: 在册 on the first day),
独居 H (moved out 2027-01-01: 在册 on the first day). Not due: C (nothing special), D (died
2026-12-20), F (失智 but 55). 东华社区 due: G (计划生育特殊家庭).
"""

import datetime as dt
from pathlib import Path

from eldercare_desktop.demo.generator import id_check_digit
from eldercare_desktop.domain.enums import Ability, County, Hukou, HukouType, Living, Status
from eldercare_desktop.domain.months import Month
from eldercare_desktop.domain.resident import Resident
from eldercare_desktop.services.context import ServiceContext
from eldercare_desktop.services.residents_import import import_residents
from eldercare_desktop.store.database import open_database

MONTH = Month(2027, 1)
TODAY = dt.date(2027, 1, 20)
POLICY = Path(__file__).resolve().parents[3] / "resources" / "policy-demo.toml"


def make_id(birth: dt.date, seq: int, male: bool = True) -> str:
    order = seq * 2 + (1 if male else 0)
    first17 = f"210402{birth:%Y%m%d}{order:03d}"
    return first17 + id_check_digit(first17)


def person(key: str, seq: int, *, community: str = "新华社区", birth=dt.date(1940, 5, 6),
           **fields) -> Resident:
    base = dict(name=f"测试{key}", id_number=make_id(birth, seq), hukou=Hukou.FUSHUN,
                hukou_type=HukouType.URBAN, county=County.XINFU, street="站前街道",
                community=community, address=f"新抚区站前街道{community}{seq}号",
                phone=f"1391234{seq:04d}")
    base.update(fields)
    return Resident(**base)


PEOPLE = {
    "A": person("A", 1, living=Living.ALONE),
    "B": person("B", 2, ability=Ability.SEVERE),
    "C": person("C", 3),
    "D": person("D", 4, living=Living.EMPTY_NEST, status=Status.DECEASED,
                status_date=dt.date(2026, 12, 20)),
    "E": person("E", 5, living=Living.LEFT_BEHIND, status=Status.DECEASED,
                status_date=dt.date(2027, 1, 10)),
    "F": person("F", 6, dementia=True, birth=dt.date(1971, 3, 3)),
    "G": person("G", 7, community="东华社区", family_planning_special=True),
    "H": person("H", 8, living=Living.ALONE, status=Status.MOVED_OUT,
                status_date=dt.date(2027, 1, 1)),
}
DUE_XINHUA = {"A", "B", "E", "H"}
DUE_ALL = DUE_XINHUA | {"G"}


def idn(key: str) -> str:
    return PEOPLE[key].id_number
