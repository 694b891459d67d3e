"""Computing a month's entitlements for an area, and one resident's explanation.

Returns plain rows; reads residents in batches and never holds ORM objects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..bulk import gc_paused
from ..domain.entitlement import EntitlementRow
from ..domain.idnumber import mask_id, sex_of
from ..domain.months import Month
from ..domain.resident import Resident
from ..reports.entitlements_workbook import write_explanation_workbook
from ..reports.entitlements_workbook import write_month_workbook as write_month_workbook_file
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
    with gc_paused():
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
            head = (idn, r.name, sex, r.county, r.street, r.community, age)
            for o in outcomes:
                if o.warnings:
                    missing.update(o.warnings)
                rows.append(EntitlementRow(*head, o.code, o.item, o.type, o.amount, o.standard,
                                           o.reason, o.warnings))
    if progress is not None:
        progress(seen, seen)
    warnings = list(evaluator.warnings)
    warnings += [f"{w}（涉及{n}项待遇）" for w, n in sorted(missing.items())]
    return MonthResult(month, rows, warnings, counted)


def evaluate_resident(ctx: ServiceContext, resident: Resident, month: Month) -> list[Outcome]:
    """All outcomes (applies or not) for one resident — also for an unsaved record in the form."""
    return Evaluator(month, params_for_month(ctx, month)).evaluate(resident)


def month_title(month: Month, county: str | None = None, street: str | None = None,
                community: str | None = None) -> str:
    area = "".join(x for x in (county, street, community) if x) or "全市"
    return f"{area} {month.label} 待遇测算表"


def write_month_workbook(ctx: ServiceContext, month: Month, out: Path, *,
                         county: str | None = None, street: str | None = None,
                         community: str | None = None, full_id: bool = False,
                         progress: Callable[[int, int], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> Path:
    """Compute the month for the area and write the 待遇测算表 (FORMATS.md §4)."""
    result = compute_month(ctx, month, county=county, street=street, community=community,
                           progress=progress, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise Cancelled
    return write_month_rows(result, out, title=month_title(month, county, street, community),
                            full_id=full_id)


def write_month_rows(result: MonthResult, out: Path, *, title: str,
                     full_id: bool = False) -> Path:
    """Write an already computed month (the window computes once, shows it, then exports)."""
    return write_month_workbook_file(result.rows, out, title=title, full_id=full_id)


def explanation_title(resident: Resident, month: Month, *, full_id: bool = False) -> str:
    shown = resident.id_number if full_id else mask_id(resident.id_number)
    return (f"{resident.name}（{shown}，{resident.age(month)}周岁）"
            f"{month.label}基本养老服务待遇说明")


def write_explanation(ctx: ServiceContext, resident: Resident, month: Month, out: Path, *,
                      full_id: bool = False) -> Path:
    """One resident's explanation sheet for the month (also for an unsaved record)."""
    outcomes = evaluate_resident(ctx, resident, month)
    return write_explanation_workbook(outcomes, out,
                                      title=explanation_title(resident, month, full_id=full_id))
