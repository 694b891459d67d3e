"""Properties over random residents and months (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from eldercare_desktop.domain.enums import (
    Ability, County, Disability, Economic, Hukou, HukouType, Living, Pension, Status, TekunMode,
    Veteran,
)
from eldercare_desktop.domain.months import Month
from eldercare_desktop.domain.resident import Resident
from eldercare_desktop.rules.engine import CODES, Evaluator, cash_total, entitlements, evaluate
from eldercare_desktop.rules.params import parse_policy_toml, params_in_force

DEMO = parse_policy_toml(
    (Path(__file__).resolve().parents[3] / "resources" / "policy-demo.toml").read_text("utf-8"))
FORMAT_CODES = {str(n) for n in range(1, 23)} | {"7.1", "7.2"}


@st.composite
def residents(draw):
    born = draw(st.dates(dt.date(1915, 1, 1), dt.date(1985, 12, 31)))
    body = f"210402{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    economic = draw(st.sampled_from(Economic))
    status = draw(st.sampled_from(Status))
    return Resident(
        name="随机", id_number=body + ric.calc_check_digit(body + "0"),
        hukou=draw(st.sampled_from(Hukou)), hukou_type=draw(st.sampled_from(HukouType)),
        county=draw(st.sampled_from(County)), street="街道", community="社区",
        living=draw(st.sampled_from(Living)), ability=draw(st.sampled_from(Ability)),
        dementia=draw(st.booleans()), disability=draw(st.sampled_from(Disability)),
        long_term_care=draw(st.booleans()), economic=economic,
        tekun_mode=draw(st.sampled_from(TekunMode)) if economic is Economic.TEKUN else None,
        family_planning_special=draw(st.booleans()), veteran=draw(st.sampled_from(Veteran)),
        periodic_pension=draw(st.booleans()), has_supporter=draw(st.booleans()),
        pension=draw(st.sampled_from(Pension)), chronic_illness=draw(st.booleans()),
        vagrant=draw(st.booleans()), voluntary_institution=draw(st.booleans()),
        barrier_free_done=draw(st.booleans()), status=status,
        status_date=None if status is Status.REGISTERED else draw(
            st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31))),
    )


months = st.builds(Month, st.integers(2023, 2028), st.integers(1, 12))


@settings(max_examples=400, deadline=None)
@given(residents(), months)
def test_properties_of_every_evaluation(r, month):
    params = params_in_force(DEMO, month.first_day)
    outcomes = evaluate(r, month, params)
    got = entitlements(r, month, params)
    assert [o.code for o in outcomes] == list(CODES)
    assert got == [o for o in outcomes if o.applies]
    assert {o.code for o in outcomes} <= FORMAT_CODES
    # the cash total is the sum of the amounts
    assert cash_total(got) == sum((o.amount for o in got if o.amount is not None), Decimal(0))
    for o in got:
        assert o.amount is None or (o.amount >= 0 and o.amount.as_tuple().exponent == -2)
        assert o.type in ("物质帮助", "照护服务", "关爱服务") and o.standard and o.reason
    for o in outcomes:
        assert o.reason
    # age as POLICY.md defines it, also in the fast path
    assert Evaluator(month, params).age(r) == r.age(month)
    if not r.counts_in(month):
        assert got == []
    elif r.age(month) < 60:
        assert {o.code for o in got} <= {"10"}
        if got:
            assert r.sex == "女" and r.age(month) >= 55


@settings(max_examples=200, deadline=None)
@given(st.lists(residents(), min_size=1, max_size=30), months)
def test_shared_evaluator_gives_the_same_as_fresh_ones(rs, month):
    params = params_in_force(DEMO, month.first_day)
    shared = Evaluator(month, params)
    for r in rs:
        assert shared.evaluate(r) == evaluate(r, month, params)
        assert shared.entitlements(r) == entitlements(r, month, params)


@settings(max_examples=200, deadline=None)
@given(residents(), months)
def test_without_county_values_amounts_are_empty_never_zero(r, month):
    city_only = [type(p)(p.effective_from, {"city": p.values["city"]}) for p in DEMO]
    for o in entitlements(r, month, params_in_force(city_only, month.first_day)):
        if o.code in ("8", "9") or (o.code == "4" and r.age(month) < 90):
            assert o.amount is None and any("缺少参数" in w for w in o.warnings)
        assert o.amount != Decimal(0)


@settings(max_examples=300, deadline=None)
@given(residents(), months, st.sampled_from(CODES))
def test_one_item_alone_gives_what_the_full_evaluation_gives(r, month, code):
    ev = Evaluator(month, params_in_force(DEMO, month.first_day))
    assert ev.outcome(r, code) == ev.evaluate(r)[CODES.index(code)]
