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


def resident_for_edit(ctx: ServiceContext, id_number: str) -> tuple[Resident, int] | None:
    """The resident and the version the form must hand back when saving."""
    with ctx.db.engine.connect() as conn:
        found = repo.get_by_id_number(conn, id_number)
    return (found[1], found[0].version) if found else None


def save_resident(ctx: ServiceContext, resident: Resident, expected_version: int | None) -> int:
    """Save a new (expected_version None) or edited resident; returns the new version.
    Raises ConcurrentEditError (Chinese message) if someone else saved it meanwhile."""
    with ctx.db.engine.begin() as conn:
        return repo.save_one(conn, resident, ctx.actor, expected_version)
