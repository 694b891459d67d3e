import dataclasses
import datetime as dt

from visit_register import DUE_ALL, MONTH, PEOPLE, TODAY, idn, person

from eldercare_desktop.domain.enums import Living, Status
from eldercare_desktop.services.residents_import import import_residents
from eldercare_desktop.services.visits import (
    VisitInput, overdue, plan_month, roster, visit_rates, visits_of, record_visit,
)


def due_names(ctx, month=MONTH):
    return {row.name for s in roster(ctx, month) for row in s.rows}


def test_plan_adds_item_14_residents_registered_on_the_first_day(ctx):
    summary = plan_month(ctx, MONTH)
    assert (summary.due, summary.added, summary.planned) == (5, 5, 5)
    assert due_names(ctx) == {f"测试{k}" for k in DUE_ALL}


def test_planning_again_adds_nobody_twice(ctx):
    plan_month(ctx, MONTH)
    again = plan_month(ctx, MONTH)
    assert (again.due, again.added, again.planned) == (5, 0, 5)
    assert visit_rates(ctx, MONTH)[-1].due == 5
    assert "本次新增计划0人" in again.text


def test_a_resident_who_became_due_after_planning_is_added_by_the_next_run(ctx):
    plan_month(ctx, MONTH)
    late = person("新", 20, living=Living.EMPTY_NEST)
    import_residents(ctx, [late])
    again = plan_month(ctx, MONTH)
    assert (again.added, again.planned) == (1, 6)
    assert "测试新" in due_names(ctx)


def test_a_death_recorded_late_keeps_the_visits_but_leaves_the_count(ctx):
    plan_month(ctx, MONTH)
    record_visit(ctx, idn("A"), VisitInput(MONTH, dt.date(2027, 1, 3), "李四"), today=TODAY)
    # a death dated before the month, recorded after the visit was entered
    dead = dataclasses.replace(PEOPLE["A"], status=Status.DECEASED,
                               status_date=dt.date(2026, 12, 28))
    import_residents(ctx, [dead])
    again = plan_month(ctx, MONTH)
    assert (again.due, again.added, again.planned) == (4, 0, 5)
    assert [v.visit_date for v in visits_of(ctx, idn("A"))] == [dt.date(2027, 1, 3)]
    total = visit_rates(ctx, MONTH)[-1]
    assert (total.due, total.visited) == (4, 0)
    assert "测试A" not in {o.name for o in overdue(ctx, MONTH)}


def test_a_resident_who_died_during_the_month_is_due_that_month_and_not_the_next(ctx):
    plan_month(ctx, MONTH)
    plan_month(ctx, MONTH.next())
    assert "测试E" in due_names(ctx, MONTH)          # died 2027-01-10
    assert "测试E" not in due_names(ctx, MONTH.next())
    assert "测试H" not in due_names(ctx, MONTH.next())  # moved out 2027-01-01


def test_the_plan_holds_exactly_the_residents_item_14_applies_to(ctx):
    """On a generated register, planning (which fetches only candidate records) agrees with
    evaluating every resident in full."""
    from eldercare_desktop.demo.generator import generate_residents
    from eldercare_desktop.rules.engine import Evaluator
    from eldercare_desktop.services.policy import params_for_month
    from eldercare_desktop.services.register import iter_residents

    import_residents(ctx, list(generate_residents(1500, seed=11, today=TODAY)))
    ev = Evaluator(MONTH, params_for_month(ctx, MONTH))
    expected = {r.id_number for r in iter_residents(ctx)
                if ev.evaluate(r)[ev_index("14")].applies}
    summary = plan_month(ctx, MONTH)
    planned = {row.id_number for s in roster(ctx, MONTH, full_id=True) for row in s.rows}
    assert summary.due == len(expected) > 100
    assert planned == expected


def ev_index(code):
    from eldercare_desktop.rules.engine import CODES

    return CODES.index(code)
