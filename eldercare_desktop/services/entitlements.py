"""Computing a month's entitlements for an area, and one resident's explanation.

Returns plain rows; reads residents in batches and never holds ORM objects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..domain.entitlement import EntitlementRow
from ..domain.idnumber import sex_of
from ..domain.months import Month
from ..domain.resident import Resident
from ..rules.engine import Evaluator
from ..rules.outcome import Outcome
from .context import ServiceContext
from .policy import params_for_month
from .register import iter_residents, resident_count

PROGRESS_EVERY = 2000
# the 17th digit of an ID number: odd for men, even for women (domain.idnumber.sex_of)
SEX_BY_DIGIT = {str(d): sex_of("0" * 16 + str(d)).value for d in range(10)}


class Cancelled(Exception):
    """The user cancelled the computation."""


@dataclass(frozen=True, slots=True)
class MonthResult:
    month: Month
    rows: list[EntitlementRow]
    warnings: list[str]        # month-level, and each missing parameter once with a count
    residents: int             # residents evaluated (those 在册 on the first day, in the area)

    @property
    def cash_total(self) -> Decimal:
        return sum((r.amount for r in self.rows if r.amount is not None), Decimal("0.00"))


def compute_month(ctx: ServiceContext, month: Month, *, county: str | None = None,
                  street: str | None = None, community: str | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> MonthResult:
    """Every entitlement of every resident in the area for ``month``."""
    evaluator = Evaluator(month, params_for_month(ctx, month))
    total = resident_count(ctx) if progress is not None else 0
    rows: list[EntitlementRow] = []
    missing: Counter[str] = Counter()
    counted = 0
    seen = 0
    first_day = month.first_day
    for r in iter_residents(ctx, county=county, street=street, community=community):
        seen += 1
        if seen % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Cancelled
            if progress is not None:
                progress(seen, total)
        if not r.registered_on(first_day):
            continue
        counted += 1
        outcomes = evaluator.entitlements(r)
        if not outcomes:
            continue
        idn = r.id_number
        sex = SEX_BY_DIGIT[idn[16]]
        age = evaluator.age(r)
        name, county, street, community = r.name, r.county, r.street, r.community
        for o in outcomes:
            if o.warnings:
                missing.update(o.warnings)
            rows.append(EntitlementRow(idn, name, sex, county, street, community, age, o.code,
                                       o.item, o.type, o.amount, o.standard, o.reason,
                                       o.warnings))
    if progress is not None:
        progress(seen, seen)
    warnings = list(evaluator.warnings)
    warnings += [f"{w}（涉及{n}项待遇）" for w, n in sorted(missing.items())]
    return MonthResult(month, rows, warnings, counted)


def evaluate_resident(ctx: ServiceContext, resident: Resident, month: Month) -> list[Outcome]:
    """All outcomes (applies or not) for one resident — also for an unsaved record in the form."""
    return Evaluator(month, params_for_month(ctx, month)).evaluate(resident)
