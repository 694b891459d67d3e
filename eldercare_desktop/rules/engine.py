"""The engine: every item for one resident and one month.

Conditions are checked in this order, and a refusal names the first that failed:
the resident counts in the month (在册 on its first day), is an elder (age ≥ elder_age; item 10
has its own ages by sex), then the item's own conditions in the order of POLICY.md's table.

For a batch, build one :class:`Evaluator` per month and reuse it::

    ev = Evaluator(month, params_in_force(periods, month.first_day))
    for r in residents:
        rows = ev.entitlements(r)
"""

from __future__ import annotations

from ..domain.enums import Economic, Hukou, Pension, Status, Veteran
from ..domain.months import Month
from ..domain.resident import Resident
from .context import MonthContext
from .items_assistance import item_8, item_9, item_10, item_11, item_12, item_13
from .items_money import (
    HARDSHIP,
    item_1,
    item_2,
    item_3,
    item_4,
    item_5,
    item_6,
    item_7_1,
    item_7_2,
)
from .items_services import (
    item_14,
    item_15,
    item_16,
    item_17,
    item_18,
    item_19,
    item_20,
    item_21,
    item_22,
)
from .outcome import CODES, Outcome, cash_total, make
from .params import ParamSet

# One rule per code, in list order (22 items, 7 split into 7.1 and 7.2: 23 codes).
# Item 10 (index 10) is the only one open below the elder age.
RULES = (
    item_1, item_2, item_3, item_4, item_5, item_6, item_7_1, item_7_2, item_8, item_9,
    item_10, item_11, item_12, item_13, item_14, item_15, item_16, item_17, item_18, item_19,
    item_20, item_21, item_22,
)


class Evaluator:
    """Evaluates residents for one month with the parameters in force on its first day."""

    __slots__ = ("month", "context", "_gone", "_candidates")

    def __init__(self, month: Month, params: ParamSet):
        self.month = month
        self.context = MonthContext(month, params)
        self._gone: dict[tuple, list[Outcome]] = {}
        self._candidates: dict[tuple, tuple] = {}

    def _rules_for(self, key: tuple) -> tuple:
        """The rules that can apply at all to an elder with these facts (a shortcut for
        :meth:`entitlements`; each rule still checks everything itself)."""
        rules = self._candidates.get(key)
        if rules is None:
            fushun, economic, old, pension, veteran, family_planning, vagrant = key
            dibao = economic is Economic.DIBAO
            tekun = economic is Economic.TEKUN
            skip = set()
            if not fushun:
                skip |= {item_3, item_4, item_5, item_6, item_7_1, item_7_2, item_10, item_11,
                         item_16}
            if not old:
                skip |= {item_4, item_5}
            if economic not in HARDSHIP:
                skip |= {item_5, item_6}
            if not (dibao or economic is Economic.NEAR_DIBAO):
                skip.add(item_7_1)
            if not tekun:
                skip |= {item_8, item_9, item_10}
            if not dibao:
                skip |= {item_12, item_13, item_15}
            if not (tekun or self.context.extended):
                skip.add(item_16)
            if pension is not Pension.EMPLOYEE:
                skip.add(item_1)
            if pension is not Pension.RESIDENT:
                skip.add(item_2)
            if not veteran:
                skip.add(item_18)
            if not family_planning:
                skip.add(item_19)
            if not vagrant:
                skip.add(item_20)
            rules = self._candidates[key] = tuple(r for r in RULES if r not in skip)
        return rules

    @property
    def warnings(self) -> list[str]:
        """Month-level warnings (city values missing from the parameters)."""
        return list(self.context.warnings)

    def age(self, r: Resident) -> int:
        """Full years on the month's first day, read straight from the ID number."""
        idn = r.id_number
        c = self.context
        return c.year - int(idn[6:10]) - (idn[10:14] > c.mmdd)

    def _not_counted(self, r: Resident) -> list[Outcome]:
        key = (r.status, r.status_date)
        out = self._gone.get(key)
        if out is None:
            d = r.status_date
            reason = (f"{d.year}年{d.month}月{d.day}日已{r.status}，"
                      f"{self.month.label}不在册，不再享受")
            out = self._gone[key] = [make(code, False, None, "", reason) for code in CODES]
        return out

    def evaluate(self, r: Resident) -> list[Outcome]:
        """All 24 outcomes in list order, entitled or not."""
        c = self.context
        sd = r.status_date
        if sd is not None and sd < c.first_day and r.status is not Status.REGISTERED:
            return list(self._not_counted(r))
        age = self.age(r)
        if age < c.elder:
            out = [c.too_young(code, c.elder, age) for code in CODES]
            out[10] = item_10(c, r, age)
            return out
        return [rule(c, r, age) for rule in RULES]

    def outcome(self, r: Resident, code: str) -> Outcome:
        """``evaluate(r)`` for one item alone: the same checks in the same order (在册 on the
        first day, the elder age, then the item's rule), without building the other 22."""
        c = self.context
        sd = r.status_date
        if sd is not None and sd < c.first_day and r.status is not Status.REGISTERED:
            return self._not_counted(r)[CODES.index(code)]
        age = self.age(r)
        if age < c.elder and code != "10":
            return c.too_young(code, c.elder, age)
        return RULES[CODES.index(code)](c, r, age)

    def entitlements(self, r: Resident) -> list[Outcome]:
        """Only the items that apply, in list order."""
        c = self.context
        sd = r.status_date
        if sd is not None and sd < c.first_day and r.status is not Status.REGISTERED:
            return []
        age = self.age(r)
        if age < c.elder:
            o = item_10(c, r, age)
            return [o] if o.applies else []
        out = []
        key = (r.hukou is Hukou.FUSHUN, r.economic, age >= 80, r.pension,
               r.veteran is not Veteran.NONE, r.family_planning_special, r.vagrant)
        for rule in self._rules_for(key):
            o = rule(c, r, age)
            if o.applies:
                out.append(o)
        return out


def evaluate(resident: Resident, month: Month, params: ParamSet) -> list[Outcome]:
    """All 24 outcomes for one resident (build an :class:`Evaluator` for many)."""
    return Evaluator(month, params).evaluate(resident)


def entitlements(resident: Resident, month: Month, params: ParamSet) -> list[Outcome]:
    return Evaluator(month, params).entitlements(resident)


__all__ = ["CODES", "Evaluator", "Outcome", "cash_total", "entitlements", "evaluate"]

if len(RULES) != len(CODES) or CODES[10] != "10":
    raise RuntimeError("one rule per code, in list order")
