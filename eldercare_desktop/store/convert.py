"""Resident ↔ plain column dicts, the shape rows have in the ``residents`` table."""

from __future__ import annotations

from typing import Any

from enum import StrEnum

from ..domain import enums as E
from ..domain.resident import RESIDENT_FIELDS, Resident

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


def resident_from_values(values: Any) -> Resident:
    """Build a Resident from a row mapping (``row._mapping`` or a dict)."""
    kw: dict[str, Any] = {}
    for name in DATA_COLUMNS:
        v = values[name]
        enum = _ENUM_FIELDS.get(name)
        if enum is not None and v is not None:
            v = enum(v)
        kw[name] = v
    return Resident(**kw)
