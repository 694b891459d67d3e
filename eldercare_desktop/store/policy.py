"""Stored policy periods and the history of loaded files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, select

from .models import PolicyLoadRow, PolicyPeriodRow, utcnow

P = PolicyPeriodRow.__table__
L = PolicyLoadRow.__table__


@dataclass(frozen=True, slots=True)
class StoredPeriod:
    effective_from: dt.date
    values_json: str


def all_periods(conn: Connection) -> list[StoredPeriod]:
    rows = conn.execute(select(P.c.effective_from, P.c.values_json).order_by(P.c.effective_from))
    return [StoredPeriod(r[0], r[1]) for r in rows]


def record_load(conn: Connection, source_name: str, content: str, actor: str,
                periods: list[StoredPeriod]) -> tuple[int, int]:
    """Store a loaded file and its periods; a period on an already stored date replaces it.
    Returns (added, replaced)."""
    now = utcnow()
    load_id = conn.execute(L.insert().values(loaded_at=now, loaded_by=actor,
                                             source_name=source_name, content=content)
                           ).inserted_primary_key[0]
    existing = {r[0]: (r[1], r[2]) for r in conn.execute(
        select(P.c.effective_from, P.c.id, P.c.version))}
    added = replaced = 0
    for p in periods:
        if p.effective_from in existing:
            pk, version = existing[p.effective_from]
            conn.execute(P.update().where(P.c.id == pk).values(
                values_json=p.values_json, load_id=load_id, updated_at=now, updated_by=actor,
                version=version + 1))
            replaced += 1
        else:
            conn.execute(P.insert().values(
                effective_from=p.effective_from, values_json=p.values_json, load_id=load_id,
                created_at=now, updated_at=now, created_by=actor, updated_by=actor, version=1))
            added += 1
    return added, replaced
