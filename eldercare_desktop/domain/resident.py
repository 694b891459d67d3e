"""The resident record: every field of the import template (FORMATS.md §1) as typed values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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


def _twin_class() -> type:
    """A plain class with exactly Resident's slots and an ``__init__`` that stores each field
    directly: filling one and then turning it into a Resident skips the per-field cost of a
    frozen dataclass's ``__init__`` (7× cheaper; a month reads 200,000 residents)."""
    names = Resident.__slots__
    source = (f"def __init__(self, {', '.join(names)}):\n"
              + "".join(f"    self.{n} = {n}\n" for n in names))
    namespace: dict[str, object] = {}
    exec(source, namespace)  # noqa: S102 - generated from the dataclass's own field names
    return type("_ResidentTwin", (), {"__slots__": names, "__init__": namespace["__init__"]})


_Twin = _twin_class()


def build_resident(values: Sequence[object]) -> Resident:
    """A Resident from every field's value in field order (RESIDENT_FIELDS), already typed.
    The result is an ordinary frozen Resident, equal to ``Resident(*values)``."""
    obj = _Twin(*values)
    obj.__class__ = Resident
    return obj  # type: ignore[return-value]
