"""The resident record: every field of the import template (FORMATS.md §1) as typed values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from .enums import (
    Ability,
    County,
    Disability,
    Economic,
    Hukou,
    HukouType,
    Living,
    Pension,
    Sex,
    Status,
    TekunMode,
    Veteran,
)
from .idnumber import birth_date_of, sex_of
from .months import Month, age_in_month


@dataclass(frozen=True, slots=True)
class Resident:
    """One elderly resident. ``id_number`` is the 18-character key, already validated."""

    name: str
    id_number: str
    hukou: Hukou
    hukou_type: HukouType
    county: County
    street: str
    community: str
    address: str = ""
    phone: str = ""
    note: str = ""
    bank_name: str = ""
    bank_account: str = ""
    living: Living = Living.WITH_FAMILY
    ability: Ability = Ability.INTACT
    dementia: bool = False
    disability: Disability = Disability.NONE
    long_term_care: bool = False
    economic: Economic = Economic.ORDINARY
    tekun_mode: TekunMode | None = None
    family_planning_special: bool = False
    veteran: Veteran = Veteran.NONE
    periodic_pension: bool = False
    has_supporter: bool = True
    pension: Pension = Pension.NONE
    chronic_illness: bool = False
    vagrant: bool = False
    voluntary_institution: bool = False
    barrier_free_done: bool = False
    status: Status = Status.REGISTERED
    status_date: dt.date | None = None

    # -- derived facts: one place only -------------------------------------------------
    @property
    def birth_date(self) -> dt.date:
        return birth_date_of(self.id_number)

    @property
    def sex(self) -> Sex:
        return sex_of(self.id_number)

    def age(self, month: Month) -> int:
        return age_in_month(self.birth_date, month)

    def registered_on(self, day: dt.date) -> bool:
        """在册 on ``day`` unless a 死亡 or 迁出 is dated before that day."""
        if self.status is Status.REGISTERED or self.status_date is None:
            return True
        return not self.status_date < day

    def counts_in(self, month: Month) -> bool:
        """A month counts for a resident who is 在册 on its first day."""
        return self.registered_on(month.first_day)


RESIDENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Resident))
