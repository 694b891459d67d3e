"""Reading the register: counts, streaming residents, the register table's rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..domain.resident import Resident
from ..store.register_rows import register_table_rows
from .context import ServiceContext

def _repo():  # type: ignore[no-untyped-def]
    """The ORM-backed repository, imported on first use: the window's start-up path (the
    register rows) does not need sqlalchemy.orm and the models."""
    from ..store import residents

    return residents


def resident_count(ctx: ServiceContext) -> int:
    with ctx.db.engine.connect() as conn:
        return _repo().count(conn)


def iter_residents(ctx: ServiceContext, *, county: str | None = None, street: str | None = None,
                   community: str | None = None) -> Iterator[Resident]:
    with ctx.db.engine.connect() as conn:
        yield from _repo().iter_residents(conn, county=county, street=street, community=community)


def register_rows(ctx: ServiceContext) -> list[tuple[Any, ...]]:
    with ctx.db.engine.connect() as conn:
        return register_table_rows(conn)


def find_resident(ctx: ServiceContext, id_number: str) -> Resident | None:
    with ctx.db.engine.connect() as conn:
        found = _repo().get_by_id_number(conn, id_number)
    return found[1] if found else None


def resident_for_edit(ctx: ServiceContext, id_number: str) -> tuple[Resident, int] | None:
    """The resident and the version the form must hand back when saving."""
    with ctx.db.engine.connect() as conn:
        found = _repo().get_by_id_number(conn, id_number)
    return (found[1], found[0].version) if found else None


def save_resident(ctx: ServiceContext, resident: Resident, expected_version: int | None) -> int:
    """Save a new (expected_version None) or edited resident; returns the new version.
    Raises ConcurrentEditError (Chinese message) if someone else saved it meanwhile."""
    with ctx.db.engine.begin() as conn:
        return _repo().save_one(conn, resident, ctx.actor, expected_version)
