import datetime as dt

import pytest
from visit_register import MONTH, TODAY, idn

from eldercare_desktop.services.visits import (
    VisitBatchRefused, VisitInput, VisitRefused, get_visit, pending_second_visits, plan_month,
    record_visit, record_visits, update_visit, visit_rates, visits_of,
)
from eldercare_desktop.store.residents import ConcurrentEditError


@pytest.fixture
def planned(ctx):
    plan_month(ctx, MONTH)
    return ctx


def visit(day, **kw):
    return VisitInput(MONTH, dt.date(2027, 1, day) if isinstance(day, int) else day,
                      kw.pop("visitor", "李四"), **kw)


def test_a_visit_is_stored_with_everything_the_form_gives(planned):
    v = record_visit(planned, idn("A"), visit(5, method="电话", risk="中", health="血压偏高",
                                               living="能自理", safety="燃气灶老旧",
                                               mental="情绪稳定", needs="助餐",
                                               problems="燃气灶老旧", action="转介燃气公司检修",
                                               next_visit_date=dt.date(2027, 2, 5),
                                               note="女儿在外地"), today=TODAY)
    assert (v.name, v.month, v.method, v.risk, v.visitor) == ("测试A", "2027-01", "电话", "中",
                                                              "李四")
    assert v.created_by == "走访测试员"
    assert visits_of(planned, idn("A"), MONTH) == [v]
    assert "燃气灶老旧" in v.summary and "转介燃气公司检修" in v.summary


@pytest.mark.parametrize("key, bad, message", [
    ("A", visit(dt.date(2027, 2, 1)), "不在2027年1月内"),
    ("A", visit(dt.date(2026, 12, 31)), "不在2027年1月内"),
    ("A", visit(21), "晚于今天"),
    ("E", visit(11), "已于2027-01-10死亡"),
    ("A", visit(5, visitor="  "), "请填写走访人"),
    ("A", visit(5, method="上门"), "走访方式应为入户走访、电话、视频、其他之一"),
    ("A", visit(5, risk="极高"), "风险等级应为低、中、高之一"),
    ("A", visit(5, next_visit_date=dt.date(2027, 1, 5)), "下次走访日期应晚于本次走访日期"),
    ("C", visit(5), "不在2027年1月的走访计划中"),
])
def test_a_bad_visit_is_refused_in_chinese_and_nothing_is_stored(planned, key, bad, message):
    with pytest.raises(VisitRefused, match=message):
        record_visit(planned, idn(key), bad, today=TODAY)
    assert visits_of(planned, idn(key)) == []


def test_a_visit_before_the_residents_birth_is_refused(planned):
    from visit_register import person

    from eldercare_desktop.domain.enums import Living
    from eldercare_desktop.domain.months import Month
    from eldercare_desktop.services.residents_import import import_residents

    # a resident born on 1940-05-06, visited "in May 1940" (a typo in the year)
    may = Month(1940, 5)
    import_residents(planned, [person("Z", 30, living=Living.ALONE, birth=dt.date(1940, 5, 6))])
    from eldercare_desktop.store.visits import P, R
    from sqlalchemy import select

    with planned.db.engine.begin() as conn:  # plan rows for a month long ago
        pk = conn.execute(select(R.c.id).where(R.c.name == "测试Z")).scalar_one()
        conn.execute(P.insert().values(month="1940-05", resident_id=pk, second_visit_needed=False,
                                       created_by="t", updated_by="t", version=1))
    with pytest.raises(VisitRefused, match="早于该居民的出生日期"):
        record_visit(planned, person("Z", 30, birth=dt.date(1940, 5, 6)).id_number,
                     VisitInput(may, dt.date(1940, 5, 2), "李四"), today=TODAY)


def test_an_unknown_id_number_is_refused(planned):
    with pytest.raises(VisitRefused, match="台账中没有该身份证号"):
        record_visit(planned, "110101199003074514", visit(5), today=TODAY)


def test_a_batch_with_one_bad_visit_records_nothing_and_names_every_problem(planned):
    batch = [(idn("A"), visit(5)), (idn("B"), visit(25)), (idn("G"), visit(6, risk="x"))]
    with pytest.raises(VisitBatchRefused) as err:
        record_visits(planned, batch, today=TODAY)
    assert [i for i, _, _ in err.value.problems] == [1, 2]
    assert "全部未保存" in str(err.value)
    assert visits_of(planned, idn("A")) == []


def test_several_visits_in_a_month_count_once(planned):
    rows = record_visits(planned, [(idn("A"), visit(3)), (idn("A"), visit(15)),
                                   (idn("B"), visit(4))], today=TODAY)
    assert [r.name for r in rows] == ["测试A", "测试A", "测试B"]
    total = visit_rates(planned, MONTH)[-1]
    assert (total.due, total.visited) == (5, 2)


def test_a_high_risk_finding_asks_for_a_second_visit_until_there_is_one(planned):
    record_visit(planned, idn("A"), visit(3, risk="高", problems="独自在家摔倒"), today=TODAY)
    assert [v.name for v in pending_second_visits(planned, MONTH)] == ["测试A"]
    record_visit(planned, idn("A"), visit(10, risk="中"), today=TODAY)
    assert pending_second_visits(planned, MONTH) == []


def test_editing_a_visit_checks_it_again_and_detects_a_concurrent_edit(planned):
    v = record_visit(planned, idn("A"), visit(3), today=TODAY)
    changed = update_visit(planned, v.id, v.version, visit(4, risk="高"), today=TODAY)
    assert (changed.visit_date, changed.risk, changed.version) == (dt.date(2027, 1, 4), "高", 2)
    assert [p.name for p in pending_second_visits(planned, MONTH)] == ["测试A"]
    with pytest.raises(VisitRefused, match="晚于今天"):
        update_visit(planned, v.id, 2, visit(25), today=TODAY)
    with pytest.raises(ConcurrentEditError):
        update_visit(planned, v.id, 1, visit(5), today=TODAY)
    assert get_visit(planned, v.id).visit_date == dt.date(2027, 1, 4)
