"""The residents repository: bulk reads and writes through SQLAlchemy Core (never 200k ORM objects).

Every write names who acts (``actor``) and bumps the row's version.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from unicodedata import normalize

from sqlalchemy import Connection, bindparam, func, select, update

from ..domain.resident import Resident
from .convert import DATA_COLUMNS, resident_from_tuple, resident_from_values, resident_to_values
from .models import ResidentRow, utcnow

T = ResidentRow.__table__
_DATA = [T.c[name] for name in DATA_COLUMNS]


class ConcurrentEditError(Exception):
    """Someone else changed the row since it was read; ``str(err)`` is the Chinese message."""


@dataclass(frozen=True, slots=True)
class StoredKey:
    pk: int
    version: int
    values: tuple[Any, ...]  # DATA_COLUMNS order


def count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(T)).scalar_one()


def existing_by_id_number(conn: Connection) -> dict[str, StoredKey]:
    """Every stored resident's data tuple by ID number, for comparing an import against."""
    out: dict[str, StoredKey] = {}
    idx = DATA_COLUMNS.index("id_number")
    for row in conn.execute(select(T.c.id, T.c.version, *_DATA)):
        values = tuple(row[2:])
        out[values[idx]] = StoredKey(row[0], row[1], values)
    return out


def _write_values(r: Resident, actor: str, now: Any) -> dict[str, Any]:
    # Text is stored trimmed and NFKC-normalised, as the importer reads it (FORMATS.md §1), so
    # that a record typed in the form exports and re-imports unchanged.
    values = {k: (normalize("NFKC", v).strip() if isinstance(v, str) else v)
              for k, v in resident_to_values(r).items()}
    from .search_keys import search_keys   # pypinyin: 0.3 s to import, not needed at start

    values["search_initials"], values["search_pinyin"] = search_keys(r.name)
    values["updated_at"] = now
    values["updated_by"] = actor
    return values


def insert_many(conn: Connection, residents: Iterable[Resident], actor: str,
                chunk: int = 5000) -> int:
    now = utcnow()
    n = 0
    batch: list[dict[str, Any]] = []
    for r in residents:
        values = _write_values(r, actor, now)
        values["created_at"] = now
        values["created_by"] = actor
        values["version"] = 1
        batch.append(values)
        if len(batch) >= chunk:
            conn.execute(T.insert(), batch)
            n += len(batch)
            batch = []
    if batch:
        conn.execute(T.insert(), batch)
        n += len(batch)
    return n


def update_many(conn: Connection, changes: Sequence[tuple[StoredKey, Resident]],
                actor: str) -> int:
    """Overwrite stored rows; each must still have the version that was read."""
    if not changes:
        return 0
    now = utcnow()
    stmt = (
        update(T)
        .where(T.c.id == bindparam("b_pk"), T.c.version == bindparam("b_version"))
        .values(version=T.c.version + 1)
    )
    params = []
    for key, r in changes:
        values = _write_values(r, actor, now)
        values["b_pk"] = key.pk
        values["b_version"] = key.version
        params.append(values)
    result = conn.execute(stmt, params)
    if result.rowcount != len(params):
        raise ConcurrentEditError("有记录在此期间被其他人修改，本次未保存任何更改，请重新操作")
    return len(params)


def iter_residents(conn: Connection, *, batch: int = 5000, county: str | None = None,
                   street: str | None = None, community: str | None = None) -> Iterator[Resident]:
    """Stream residents (ordered by county, street, community, id) as domain objects.

    A month reads every resident, so the rows come straight from the driver's cursor (the
    statement is still built by SQLAlchemy, for any dialect): resident_from_tuple turns the
    driver's own booleans and dates into Python ones."""
    stmt = select(*_DATA)
    if county:
        stmt = stmt.where(T.c.county == county)
    if street:
        stmt = stmt.where(T.c.street == street)
    if community:
        stmt = stmt.where(T.c.community == community)
    stmt = stmt.order_by(T.c.county, T.c.street, T.c.community, T.c.id)
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(batch):
            for row in rows:
                yield resident_from_tuple(row)
    finally:
        cursor.close()


def get_by_id_number(conn: Connection, id_number: str) -> tuple[StoredKey, Resident] | None:
    row = conn.execute(select(T.c.id, T.c.version, *_DATA).where(T.c.id_number == id_number)).first()
    if row is None:
        return None
    return StoredKey(row[0], row[1], tuple(row[2:])), resident_from_values(row._mapping)


def save_one(conn: Connection, r: Resident, actor: str, expected_version: int | None) -> int:
    """Insert (expected_version None) or update one resident; returns the new version.
    An update whose row changed since it was read raises ConcurrentEditError."""
    found = get_by_id_number(conn, r.id_number)
    if expected_version is None:
        if found is not None:
            raise ConcurrentEditError(f"身份证号{r.id_number}已在台账中，不能重复新增")
        insert_many(conn, [r], actor)
        return 1
    if found is None or found[0].version != expected_version:
        raise ConcurrentEditError("该居民的记录在您编辑期间已被修改或删除，请关闭后重新打开再改")
    update_many(conn, [(found[0], r)], actor)
    return expected_version + 1
