"""Reading the register: counts, streaming residents, the register table's rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..domain.resident import Resident
from ..store.register_rows import (  # the rows' layout, for the window
    ABILITY,
    COMMUNITY,
    COUNTY,
    DEMENTIA,
    DISABILITY,
    ECONOMIC,
    FAMILY_PLANNING,
    ID,
    LIVING,
    NAME,
    PHONE,
    PK,
    SEARCH,
    SEARCH_INITIALS,
    SEARCH_PINYIN,
    SEARCH_SEPARATOR,
    STATUS,
    STREET,
    area_labels,
    code,
    label,
    register_table_rows,
)

if TYPE_CHECKING:
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
    """The register table's rows: plain tuples, positions in store.register_rows."""
    with ctx.db.engine.connect() as conn:
        return register_table_rows(conn)


def register_rows_at_start(path_or_url: str, reading: Callable[[], None] | None = None,
                           ) -> list[tuple[Any, ...]] | None:
    """The same rows read before the database is opened (the program's start), when the
    database allows it (an up-to-date SQLite file); None: open it, then use register_rows.
    ``reading`` is called once it is known that the rows can be read this way."""
    from ..store.sqlite_start import read_register_file

    return read_register_file(path_or_url, reading)


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


__all__ = ["ABILITY", "COMMUNITY", "COUNTY", "DEMENTIA", "DISABILITY", "ECONOMIC",
           "FAMILY_PLANNING", "ID", "LIVING", "NAME", "PHONE", "PK", "SEARCH", "SEARCH_INITIALS",
           "SEARCH_PINYIN",
           "SEARCH_SEPARATOR", "STATUS", "STREET", "area_labels", "code", "find_resident",
           "iter_residents", "label", "register_rows", "register_rows_at_start",
           "resident_count", "resident_for_edit", "save_resident"]
