"""Resident ↔ plain column dicts, the shape rows have in the ``residents`` table."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from ..domain import enums as E
from ..domain.columns import COLUMNS
from ..domain.resident import RESIDENT_FIELDS, Resident, build_resident

_ENUM_FIELDS: dict[str, type] = {
    "hukou": E.Hukou,
    "hukou_type": E.HukouType,
    "county": E.County,
    "living": E.Living,
    "ability": E.Ability,
    "disability": E.Disability,
    "economic": E.Economic,
    "tekun_mode": E.TekunMode,
    "veteran": E.Veteran,
    "pension": E.Pension,
    "status": E.Status,
}

# the residents table's data columns, in Resident field order
DATA_COLUMNS: tuple[str, ...] = RESIDENT_FIELDS


def resident_to_values(r: Resident) -> dict[str, Any]:
    """Column values for the residents table (enums as their Chinese words)."""
    out: dict[str, Any] = {}
    for name in DATA_COLUMNS:
        v = getattr(r, name)
        out[name] = v.value if isinstance(v, StrEnum) else v
    return out


def resident_to_tuple(r: Resident) -> tuple[Any, ...]:
    """The same values as a tuple in DATA_COLUMNS order (cheap to compare)."""
    return tuple(
        (v.value if isinstance(v, StrEnum) else v)
        for v in (getattr(r, name) for name in DATA_COLUMNS)
    )


def _lookup(enum: type) -> dict[Any, Any]:
    table: dict[Any, Any] = {m.value: m for m in enum}
    table[None] = None
    return table


_BOOL_FIELDS = {c.field for c in COLUMNS if c.kind == "bool"}
_DATE_FIELDS = tuple(DATA_COLUMNS.index(c.field) for c in COLUMNS if c.kind == "date")
# a driver may give booleans as 0/1 (SQLite through its own cursor); 0 and 1 are the same
# dictionary keys as False and True
_BOOLS: dict[Any, Any] = {False: False, True: True}

# per column: None (kept as is) or a table: stored value → enum member or bool
_LOOKUPS: tuple[dict[Any, Any] | None, ...] = tuple(
    _lookup(_ENUM_FIELDS[name]) if name in _ENUM_FIELDS
    else _BOOLS if name in _BOOL_FIELDS else None
    for name in DATA_COLUMNS
)


def resident_from_tuple(values: tuple[Any, ...] | Any) -> Resident:
    """Build a Resident from values in DATA_COLUMNS order (a row of ``select(*data columns)``,
    through SQLAlchemy or straight from the driver: 0/1 booleans and ISO date strings are
    turned into bool and date). Enum members come from prebuilt tables: this runs 200,000
    times for a month."""
    out = [v if t is None else t[v] for v, t in zip(values, _LOOKUPS)]
    for i in _DATE_FIELDS:
        if isinstance(out[i], str):
            out[i] = dt.date.fromisoformat(out[i])
    return build_resident(out)


def resident_from_values(values: Any) -> Resident:
    """Build a Resident from a row mapping (``row._mapping`` or a dict)."""
    return resident_from_tuple([values[name] for name in DATA_COLUMNS])
