"""Reading the register: counts, streaming residents, the register table's rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..domain.resident import Resident
from ..store import residents as repo
from .context import ServiceContext


def resident_count(ctx: ServiceContext) -> int:
    with ctx.db.engine.connect() as conn:
        return repo.count(conn)


def iter_residents(ctx: ServiceContext, *, county: str | None = None, street: str | None = None,
                   community: str | None = None) -> Iterator[Resident]:
    with ctx.db.engine.connect() as conn:
        yield from repo.iter_residents(conn, county=county, street=street, community=community)


def register_rows(ctx: ServiceContext) -> list[tuple[Any, ...]]:
    with ctx.db.engine.connect() as conn:
        return repo.register_table_rows(conn)


def find_resident(ctx: ServiceContext, id_number: str) -> Resident | None:
    with ctx.db.engine.connect() as conn:
        found = repo.get_by_id_number(conn, id_number)
    return found[1] if found else None
