"""探访关爱 (issue 5): who is due a visit, the visits, who is overdue, the rates, the roster rows.

Every resident to whom item 14 applies and who is 在册 on a month's first day is due that month
(POLICY.md, Visits). Planning only adds: running it again adds nobody twice, adds whoever became
due since, and never drops a resident (nor the visits) already planned. The rate counts the
planned residents still 在册 on the first day; a month counts as visited once however many visits.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..domain.enums import Status
from ..domain.idnumber import mask_id
from ..domain.months import Month
from ..domain.visit import (  # noqa: F401  (re-exported: the service's public API)
    FINDINGS,
    METHODS,
    RISKS,
    OverdueRow,
    PlanSummary,
    RateRow,
    VisitBatchRefused,
    VisitInput,
    VisitRefused,
    VisitRow,
    VisitStatus,
)
from ..reports.visit_roster import RosterRow, RosterSection, mask_phone
from ..rules.engine import Evaluator
from ..rules.items_services import SPECIAL_HARDSHIP_FACTS
from ..store import visits as repo
from ..store.visits import Scope
from .context import ServiceContext
from .policy import params_for_month

_REASON_PREFIX = "特殊困难老年人："


def _months_between(earlier: dt.date, month: Month) -> int:
    return (month.year - earlier.year) * 12 + month.month - earlier.month


# -- planning -----------------------------------------------------------------------------------
def plan_month(ctx: ServiceContext, month: Month, *,
               progress: Callable[[int], object] | None = None) -> PlanSummary:
    """Plan the month's visits: add every resident now due and not yet planned (idempotent)."""
    ev = Evaluator(month, params_for_month(ctx, month))
    key = str(month)
    with ctx.db.engine.begin() as conn:
        planned = repo.planned_resident_ids(conn, key)
        due, new = 0, []
        # only records holding a 特殊困难 fact can be due; item 14 itself decides for each
        candidates = repo.iter_residents_with_pk(conn, month.first_day,
                                                 any_of=SPECIAL_HARDSHIP_FACTS)
        for n, (pk, r) in enumerate(candidates, 1):
            if r.counts_in(month) and ev.outcome(r, "14").applies:
                due += 1
                if pk not in planned:
                    new.append(pk)
            if progress is not None and n % 10000 == 0:
                progress(n)
        repo.insert_plans(conn, key, new, ctx.actor)
    return PlanSummary(key, due, len(new), len(planned) + len(new))


# -- recording ----------------------------------------------------------------------------------
def _problem(target: repo.Target | None, v: VisitInput, today: dt.date) -> str | None:
    if target is None:
        return "台账中没有该身份证号的居民"
    d, m = v.visit_date, v.month
    if not isinstance(d, dt.date) or not (m.first_day <= d <= m.last_day):
        return f"走访日期{d}不在{m.label}内，请核对走访日期或所属月份"
    if d > today:
        return f"走访日期{d.isoformat()}晚于今天，不能登记未来的走访"
    from ..domain.idnumber import birth_date_of

    if d < birth_date_of(target.id_number):
        return f"走访日期{d.isoformat()}早于该居民的出生日期，请核对"
    if target.status == Status.DECEASED.value and target.status_date and d > target.status_date:
        return f"该居民已于{target.status_date.isoformat()}死亡，走访日期{d.isoformat()}在其后，请核对"
    if not target.planned:
        return f"该居民不在{m.label}的走访计划中（请先生成走访计划，或核对所属月份）"
    if not v.visitor.strip():
        return "请填写走访人"
    if v.method not in METHODS:
        return f"走访方式应为{'、'.join(METHODS)}之一，这里是“{v.method}”"
    if v.risk not in RISKS:
        return f"风险等级应为{'、'.join(RISKS)}之一，这里是“{v.risk}”"
    if v.next_visit_date is not None and v.next_visit_date <= d:
        return "下次走访日期应晚于本次走访日期"
    return None


def _values(v: VisitInput) -> dict:
    values = {f: getattr(v, f) for f in repo.VISIT_FIELDS}
    for f in values:
        if isinstance(values[f], str):
            values[f] = values[f].strip()
    return values


def _row(r) -> VisitRow:  # type: ignore[no-untyped-def]
    return VisitRow(*r[:-1])


def record_visits(ctx: ServiceContext, visits: Sequence[tuple[str, VisitInput]], *,
                  today: dt.date | None = None) -> list[VisitRow]:
    """Record (ID number, visit) pairs in one transaction, all or nothing.
    Raises VisitBatchRefused (Chinese messages, every bad visit) and records nothing."""
    today = today or dt.date.today()
    by_month: dict[str, list[str]] = defaultdict(list)
    for idn, v in visits:
        by_month[str(v.month)].append(idn)
    with ctx.db.engine.begin() as conn:
        found = {m: repo.targets(conn, m, ids) for m, ids in by_month.items()}
        problems, rows = [], []
        for i, (idn, v) in enumerate(visits):
            target = found[str(v.month)].get(idn)
            msg = _problem(target, v, today)
            if msg is not None:
                problems.append((i, idn, msg))
            elif not problems:
                rows.append({"resident_id": target.pk, "month": str(v.month), **_values(v)})
        if problems:
            raise VisitBatchRefused(problems)
        ids = repo.insert_visits(conn, rows, ctx.actor)
        for m in by_month:
            high = [r["resident_id"] for r in rows if r["month"] == m and r["risk"] == "高"]
            repo.refresh_second_visit(conn, m, high, ctx.actor)
        stored = {r[0]: r for r in repo.visits_by_ids(conn, ids)}
    return [_row(stored[i]) for i in ids]


def record_visit(ctx: ServiceContext, id_number: str, visit: VisitInput, *,
                 today: dt.date | None = None) -> VisitRow:
    """Record one visit; raises VisitRefused with the Chinese reason."""
    try:
        return record_visits(ctx, [(id_number, visit)], today=today)[0]
    except VisitBatchRefused as exc:
        raise VisitRefused(exc.problems[0][2]) from None


def update_visit(ctx: ServiceContext, visit_id: int, expected_version: int, visit: VisitInput,
                 *, today: dt.date | None = None) -> VisitRow:
    """Correct a recorded visit (same resident). Raises VisitRefused, or ConcurrentEditError
    when someone else changed it since it was read."""
    today = today or dt.date.today()
    with ctx.db.engine.begin() as conn:
        old = repo.visit_by_id(conn, visit_id)
        if old is None:
            raise VisitRefused("该走访记录已被删除")
        target = repo.targets(conn, str(visit.month), [old.id_number]).get(old.id_number)
        msg = _problem(target, visit, today)
        if msg is not None:
            raise VisitRefused(msg)
        repo.update_visit(conn, visit_id, expected_version,
                          {"month": str(visit.month), **_values(visit)}, ctx.actor)
        for m in {old.month, str(visit.month)}:
            repo.refresh_second_visit(conn, m, [target.pk], ctx.actor)
        return _row(repo.visit_by_id(conn, visit_id))


def get_visit(ctx: ServiceContext, visit_id: int) -> VisitRow:
    with ctx.db.engine.connect() as conn:
        row = repo.visit_by_id(conn, visit_id)
    if row is None:
        raise VisitRefused("该走访记录已被删除")
    return _row(row)


def visits_of(ctx: ServiceContext, id_number: str, month: Month | None = None) -> list[VisitRow]:
    """A resident's visits (of one month, or all), oldest first."""
    with ctx.db.engine.connect() as conn:
        rows = repo.resident_visits(conn, id_number, None if month is None else str(month))
    return [_row(r) for r in rows]


# -- rates, overdue, second visits --------------------------------------------------------------
def visit_rates(ctx: ServiceContext, month: Month, *, county: str | None = None,
                street: str | None = None, community: str | None = None) -> list[RateRow]:
    """Rows per community, then per street, per county and the total (level 合计)."""
    with ctx.db.engine.connect() as conn:
        counts = repo.rate_counts(conn, str(month), month.first_day,
                                  Scope(county, street, community))
    rows = [RateRow("社区", c, s, x, due, seen) for c, s, x, due, seen in counts]
    streets: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    counties: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    total = [0, 0]
    for r in rows:
        for acc in (streets[(r.county, r.street)], counties[r.county], total):
            acc[0] += r.due
            acc[1] += r.visited
    rows += [RateRow("街道", c, s, "", d, v) for (c, s), (d, v) in streets.items()]
    rows += [RateRow("县区", c, "", "", d, v) for c, (d, v) in counties.items()]
    rows.append(RateRow("合计", "", "", "", total[0], total[1]))
    return rows


def rate_trend(ctx: ServiceContext, month: Month, months: int = 12, *,
               county: str | None = None, street: str | None = None,
               community: str | None = None) -> list[RateRow]:
    """The rate of each of the ``months`` months ending with ``month`` (level 月份; the month
    'YYYY-MM' is in ``community``), oldest first."""
    ms = [month]
    while len(ms) < months:
        ms.insert(0, ms[0].previous())
    out = []
    with ctx.db.engine.connect() as conn:
        for m in ms:
            counts = repo.rate_counts(conn, str(m), m.first_day, Scope(county, street, community))
            out.append(RateRow("月份", county or "", street or "", str(m),
                               sum(c[3] for c in counts), sum(c[4] for c in counts)))
    return out


def overdue(ctx: ServiceContext, month: Month, *, county: str | None = None,
            street: str | None = None, community: str | None = None) -> list[OverdueRow]:
    """Due and not yet visited this month, most overdue first: never visited, then the
    longest since the last visit."""
    with ctx.db.engine.connect() as conn:
        rows = repo.unvisited_due(conn, str(month), month.first_day,
                                  Scope(county, street, community))
    out = [OverdueRow(*r[:7], r[7], None if r[7] is None else _months_between(r[7], month))
           for r in rows]
    out.sort(key=lambda o: (o.last_visit is not None, o.last_visit or dt.date.min,
                            o.county, o.street, o.community, o.name))
    return out


def pending_second_visits(ctx: ServiceContext, month: Month, *, county: str | None = None,
                          street: str | None = None,
                          community: str | None = None) -> list[VisitRow]:
    """The 高 risk visits of the month not yet followed by another visit that month."""
    with ctx.db.engine.connect() as conn:
        rows = [_row(r) for r in repo.month_visits(conn, str(month),
                                                   Scope(county, street, community))]
    by_resident: dict[str, list[VisitRow]] = defaultdict(list)
    for r in rows:
        by_resident[r.id_number].append(r)
    out = []
    for vs in by_resident.values():
        high = next((v for v in vs if v.risk == "高"), None)
        if high is not None and vs[-1] is high:
            out.append(high)
    return out


def visit_status(ctx: ServiceContext, month: Month, *, county: str | None = None,
                 street: str | None = None, community: str | None = None) -> VisitStatus:
    scope = {"county": county, "street": street, "community": community}
    return VisitStatus(str(month), visit_rates(ctx, month, **scope), overdue(ctx, month, **scope),
                       pending_second_visits(ctx, month, **scope),
                       rate_trend(ctx, month, **scope))


# -- roster -------------------------------------------------------------------------------------
def roster(ctx: ServiceContext, month: Month, *, county: str | None = None,
           street: str | None = None, community: str | None = None,
           full_id: bool = False) -> list[RosterSection]:
    """走访花名册 rows, one section per community: every due resident; the visit columns filled
    from the month's latest visit, empty where not yet visited. Phones (and the ID numbers
    carried for the window) are masked unless ``full_id``."""
    scope = Scope(county, street, community)
    key = str(month)
    with ctx.db.engine.connect() as conn:
        due = repo.due_residents(conn, key, month.first_day, scope)
        last = repo.last_visit_before(conn, month.first_day, scope)
        visits: dict[str, list[VisitRow]] = defaultdict(list)
        for r in repo.month_visits(conn, key, scope):
            visits[r.id_number].append(_row(r))
    ev = Evaluator(month, params_for_month(ctx, month))
    sections: dict[tuple[str, str, str], list[RosterRow]] = {}
    for pk, r, _second in due:
        rows = sections.setdefault((str(r.county), r.street, r.community), [])
        reason = ev.outcome(r, "14").reason
        mine = visits.get(r.id_number, [])
        latest = mine[-1] if mine else None
        record = ""
        if latest is not None:
            record = latest.summary + (f"（本月共走访{len(mine)}次）" if len(mine) > 1 else "")
        rows.append(RosterRow(
            len(rows) + 1, r.name, str(r.sex), r.age(month), r.address,
            r.phone if full_id else mask_phone(r.phone),
            reason.removeprefix(_REASON_PREFIX), last.get(pk),
            latest and latest.visit_date, latest.method if latest else "", record,
            latest.visitor if latest else "", r.id_number if full_id else mask_id(r.id_number)))
    return [RosterSection(c, s, x, month, tuple(rows)) for (c, s, x), rows in sections.items()]
