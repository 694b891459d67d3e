import datetime as dt
from decimal import Decimal

from visit_register import MONTH, TODAY, idn

from eldercare_desktop.domain.months import Month
from eldercare_desktop.services.visits import (
    VisitInput, overdue, plan_month, rate_trend, record_visit, visit_rates,
)

NOV, DEC = Month(2026, 11), Month(2026, 12)


def visit(ctx, key, month, day):
    record_visit(ctx, idn(key), VisitInput(month, dt.date(month.year, month.month, day), "李四"),
                 today=TODAY)


def by_level(rows):
    return {(r.level, r.community or r.street or r.county or "合计"): (r.due, r.visited, r.rate)
            for r in rows}


def test_rate_is_visited_over_due_per_community_street_county(ctx):
    plan_month(ctx, MONTH)
    visit(ctx, "A", MONTH, 5)
    visit(ctx, "A", MONTH, 18)   # twice: counts once
    visit(ctx, "E", MONTH, 8)    # died on the 10th: the visit before it counts
    rates = by_level(visit_rates(ctx, MONTH))
    assert rates[("社区", "新华社区")] == (4, 2, Decimal("0.5000"))
    assert rates[("社区", "东华社区")] == (1, 0, Decimal("0.0000"))
    assert rates[("街道", "站前街道")] == (5, 2, Decimal("0.4000"))
    assert rates[("县区", "新抚区")] == (5, 2, Decimal("0.4000"))
    assert rates[("合计", "合计")] == (5, 2, Decimal("0.4000"))
    only = by_level(visit_rates(ctx, MONTH, community="东华社区"))
    assert only[("合计", "合计")] == (1, 0, Decimal("0.0000"))


def test_a_month_nobody_is_due_has_no_rate(ctx):
    total = visit_rates(ctx, MONTH)[-1]
    assert (total.due, total.visited, total.rate, total.rate_text) == (0, 0, None, "—")


def test_overdue_lists_the_unvisited_most_overdue_first_and_the_trend_has_12_months(ctx):
    for m in (NOV, DEC, MONTH):
        plan_month(ctx, m)
    visit(ctx, "B", NOV, 10)
    visit(ctx, "H", DEC, 5)
    visit(ctx, "A", DEC, 6)
    visit(ctx, "A", MONTH, 4)
    rows = overdue(ctx, MONTH)
    assert [o.name for o in rows] == ["测试G", "测试E", "测试B", "测试H"]
    assert [o.months_since for o in rows] == [None, None, 2, 1]
    assert rows[2].last_visit == dt.date(2026, 11, 10)
    trend = rate_trend(ctx, MONTH)
    assert len(trend) == 12 and trend[0].community == "2026-02" and trend[-1].community == "2027-01"
    assert [(t.due, t.visited) for t in trend[-3:]] == [(6, 1), (6, 2), (5, 1)]
    assert trend[0].rate is None
