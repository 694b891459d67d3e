"""The visits repository (探访关爱): plan rows and visit records, through SQLAlchemy Core.

Months are stored as 'YYYY-MM' text. "Due in a month" is a plan row whose resident is still 在册
on the month's first day (a death or move dated before it, recorded late, takes the resident
out of the count but keeps the plan row and the visits already recorded).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, update

from ..domain.enums import Status
from ..domain.resident import Resident
from .convert import resident_from_tuple
from .models import ResidentRow, VisitPlanRow, VisitRecordRow, utcnow
from .residents import _DATA, ConcurrentEditError

R = ResidentRow.__table__
P = VisitPlanRow.__table__
V = VisitRecordRow.__table__

# the visit columns a caller writes (besides resident_id and month)
VISIT_FIELDS = ("visit_date", "visitor", "method", "risk", "health", "living", "safety",
                "mental", "needs", "problems", "action", "next_visit_date", "note")
_IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Scope:
    county: str | None = None
    street: str | None = None
    community: str | None = None

    def apply(self, stmt: Any) -> Any:
        if self.county:
            stmt = stmt.where(R.c.county == self.county)
        if self.street:
            stmt = stmt.where(R.c.street == self.street)
        if self.community:
            stmt = stmt.where(R.c.community == self.community)
        return stmt


@dataclass(frozen=True, slots=True)
class Target:
    """What validating a visit needs to know about its resident."""

    pk: int
    id_number: str
    name: str
    status: str
    status_date: dt.date | None
    planned: bool


def _registered_on(first_day: dt.date) -> Any:
    """在册 on ``first_day``: no 死亡/迁出 dated before it."""
    return or_(R.c.status == Status.REGISTERED.value, R.c.status_date.is_(None),
               R.c.status_date >= first_day)


# -- planning ------------------------------------------------------------------------------------
def iter_residents_with_pk(conn: Connection, registered_on: dt.date, *,
                           any_of: Mapping[str, Iterable[object]] | None = None,
                           batch: int = 5000) -> Iterator[tuple[int, Resident]]:
    """(pk, resident) of every resident 在册 on ``registered_on``; with ``any_of`` (field →
    values) only those whose record holds at least one of the facts."""
    stmt = select(R.c.id, *_DATA).where(_registered_on(registered_on))
    if any_of:
        stmt = stmt.where(or_(*(R.c[name].in_([getattr(v, "value", v) for v in values])
                                for name, values in any_of.items())))
    result = conn.execution_options(yield_per=batch).execute(stmt)
    for part in result.partitions():
        for row in part:
            yield row[0], resident_from_tuple(row[1:])


def planned_resident_ids(conn: Connection, month: str) -> set[int]:
    return set(conn.execute(select(P.c.resident_id).where(P.c.month == month)).scalars())


def insert_plans(conn: Connection, month: str, resident_ids: Sequence[int], actor: str) -> int:
    if not resident_ids:
        return 0
    now = utcnow()
    conn.execute(P.insert(), [
        {"month": month, "resident_id": pk, "second_visit_needed": False, "created_at": now,
         "updated_at": now, "created_by": actor, "updated_by": actor, "version": 1}
        for pk in resident_ids])
    return len(resident_ids)


# -- recording -----------------------------------------------------------------------------------
def targets(conn: Connection, month: str, id_numbers: Sequence[str]) -> dict[str, Target]:
    """The residents named (by ID number), and whether each is in the month's plan."""
    out: dict[str, Target] = {}
    unique = list(dict.fromkeys(id_numbers))
    join = R.outerjoin(P, and_(P.c.resident_id == R.c.id, P.c.month == month))
    for i in range(0, len(unique), _IN_CHUNK):
        stmt = (select(R.c.id, R.c.id_number, R.c.name, R.c.status, R.c.status_date, P.c.id)
                .select_from(join).where(R.c.id_number.in_(unique[i:i + _IN_CHUNK])))
        for row in conn.execute(stmt):
            out[row[1]] = Target(row[0], row[1], row[2], row[3], row[4], row[5] is not None)
    return out


def insert_visits(conn: Connection, rows: Sequence[dict[str, Any]], actor: str) -> list[int]:
    """Insert visit rows (resident_id, month and VISIT_FIELDS); their new ids, in order."""
    if not rows:
        return []
    now = utcnow()
    params = [{**r, "created_at": now, "updated_at": now, "created_by": actor,
               "updated_by": actor, "version": 1} for r in rows]
    stmt = V.insert().returning(V.c.id, sort_by_parameter_order=True)
    return [r[0] for r in conn.execute(stmt, params)]


def update_visit(conn: Connection, visit_id: int, expected_version: int,
                 values: dict[str, Any], actor: str) -> None:
    stmt = (update(V).where(V.c.id == visit_id, V.c.version == expected_version)
            .values(**values, version=V.c.version + 1, updated_at=utcnow(), updated_by=actor))
    if conn.execute(stmt).rowcount != 1:
        raise ConcurrentEditError("该走访记录在您编辑期间已被修改或删除，请关闭后重新打开再改")


def refresh_second_visit(conn: Connection, month: str, resident_ids: Sequence[int],
                         actor: str) -> None:
    """Set each plan row's second-visit mark from the month's visits: any 高 risk finding."""
    ids = list(dict.fromkeys(resident_ids))
    for i in range(0, len(ids), _IN_CHUNK):
        chunk = ids[i:i + _IN_CHUNK]
        high = set(conn.execute(
            select(V.c.resident_id).distinct()
            .where(V.c.month == month, V.c.risk == "高", V.c.resident_id.in_(chunk))).scalars())
        for flag, group in ((True, [pk for pk in chunk if pk in high]),
                            (False, [pk for pk in chunk if pk not in high])):
            if not group:
                continue
            conn.execute(
                update(P).where(P.c.month == month, P.c.resident_id.in_(group),
                                P.c.second_visit_needed != flag)
                .values(second_visit_needed=flag, version=P.c.version + 1,
                        updated_at=utcnow(), updated_by=actor))


_VISIT_COLS = (V.c.id, V.c.version, R.c.id_number, R.c.name, R.c.community, V.c.month,
               *(V.c[f] for f in VISIT_FIELDS), V.c.created_by, V.c.updated_by, V.c.resident_id)


def visits_where(conn: Connection, *conditions: Any, scope: Scope = Scope()) -> list[Any]:
    """Visit rows (``_VISIT_COLS``) matching the conditions, by date then id."""
    stmt = select(*_VISIT_COLS).select_from(V.join(R, R.c.id == V.c.resident_id))
    stmt = scope.apply(stmt.where(*conditions)).order_by(V.c.visit_date, V.c.id)
    return list(conn.execute(stmt))


def visits_by_ids(conn: Connection, ids: Sequence[int]) -> list[Any]:
    out: list[Any] = []
    for i in range(0, len(ids), _IN_CHUNK):
        out += visits_where(conn, V.c.id.in_(ids[i:i + _IN_CHUNK]))
    return out


def visit_by_id(conn: Connection, visit_id: int) -> Any | None:
    rows = visits_where(conn, V.c.id == visit_id)
    return rows[0] if rows else None


def month_visits(conn: Connection, month: str, scope: Scope = Scope()) -> list[Any]:
    return visits_where(conn, V.c.month == month, scope=scope)


def resident_visits(conn: Connection, id_number: str, month: str | None = None) -> list[Any]:
    conds = [R.c.id_number == id_number]
    if month is not None:
        conds.append(V.c.month == month)
    return visits_where(conn, *conds)


# -- due, rates, overdue -----------------------------------------------------------------------
def due_residents(conn: Connection, month: str, first_day: dt.date,
                  scope: Scope = Scope()) -> list[tuple[int, Resident, bool]]:
    """(pk, resident, second_visit_needed) of the month's due residents, by place and name."""
    stmt = (select(R.c.id, P.c.second_visit_needed, *_DATA)
            .select_from(P.join(R, R.c.id == P.c.resident_id))
            .where(P.c.month == month, _registered_on(first_day)))
    stmt = scope.apply(stmt).order_by(R.c.county, R.c.street, R.c.community, R.c.id)
    return [(row[0], resident_from_tuple(row[2:]), bool(row[1])) for row in conn.execute(stmt)]


def last_visit_before(conn: Connection, day: dt.date, scope: Scope = Scope()) -> dict[int, dt.date]:
    """Each resident's latest visit date before ``day``."""
    stmt = (select(V.c.resident_id, func.max(V.c.visit_date))
            .select_from(V.join(R, R.c.id == V.c.resident_id))
            .where(V.c.visit_date < day).group_by(V.c.resident_id))
    return {pk: d for pk, d in conn.execute(scope.apply(stmt))}


def rate_counts(conn: Connection, month: str, first_day: dt.date,
                scope: Scope = Scope()) -> list[tuple[str, str, str, int, int]]:
    """(county, street, community, due, visited) for every community with someone due."""
    seen = select(V.c.resident_id).where(V.c.month == month).distinct().subquery()
    stmt = (select(R.c.county, R.c.street, R.c.community, func.count(P.c.id),
                   func.count(seen.c.resident_id))
            .select_from(P.join(R, R.c.id == P.c.resident_id)
                         .outerjoin(seen, seen.c.resident_id == P.c.resident_id))
            .where(P.c.month == month, _registered_on(first_day))
            .group_by(R.c.county, R.c.street, R.c.community)
            .order_by(R.c.county, R.c.street, R.c.community))
    return [tuple(r) for r in conn.execute(scope.apply(stmt))]  # type: ignore[misc]


def unvisited_due(conn: Connection, month: str, first_day: dt.date,
                  scope: Scope = Scope()) -> list[Any]:
    """Due residents with no visit in the month, with their latest earlier visit (or None):
    (id_number, name, county, street, community, address, phone, last_visit)."""
    seen = select(V.c.resident_id).where(V.c.month == month).distinct().subquery()
    last = (select(V.c.resident_id, func.max(V.c.visit_date).label("last"))
            .where(V.c.visit_date < first_day).group_by(V.c.resident_id).subquery())
    stmt = (select(R.c.id_number, R.c.name, R.c.county, R.c.street, R.c.community,
                   R.c.address, R.c.phone, last.c["last"])
            .select_from(P.join(R, R.c.id == P.c.resident_id)
                         .outerjoin(seen, seen.c.resident_id == P.c.resident_id)
                         .outerjoin(last, last.c.resident_id == P.c.resident_id))
            .where(P.c.month == month, _registered_on(first_day), seen.c.resident_id.is_(None)))
    return list(conn.execute(scope.apply(stmt)))


def communities(conn: Connection, month: str) -> list[tuple[str, str, str]]:
    """(county, street, community) with someone planned in the month."""
    stmt = (select(R.c.county, R.c.street, R.c.community).distinct()
            .select_from(P.join(R, R.c.id == P.c.resident_id)).where(P.c.month == month)
            .order_by(R.c.county, R.c.street, R.c.community))
    return [tuple(r) for r in conn.execute(stmt)]  # type: ignore[misc]

