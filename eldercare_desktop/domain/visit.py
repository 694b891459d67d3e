"""Visits (探访关爱): what a visit record holds, and the plain rows of plans, rates and overdue
lists. Pure Python: the services fill these, the window, the console tool and the rosters read
them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .idnumber import mask_id
from .months import Month

METHODS = ("入户走访", "电话", "视频", "其他")
RISKS = ("低", "中", "高")
FINDINGS = (("health", "身体状况"), ("living", "生活状况"), ("safety", "居住安全"),
            ("mental", "精神状态"), ("needs", "需求"))


class VisitRefused(ValueError):
    """A visit that cannot be recorded; ``str(err)`` is the Chinese message."""


class VisitBatchRefused(VisitRefused):
    """A batch with bad visits: nothing was recorded. ``problems`` is (index, ID number, message)."""

    def __init__(self, problems: list[tuple[int, str, str]]):
        self.problems = problems
        lines = [f"第{i + 1}条（{mask_id(idn)}）：{msg}" for i, idn, msg in problems[:20]]
        more = f"\n……共{len(problems)}条有问题" if len(problems) > 20 else ""
        super().__init__(f"有{len(problems)}条走访记录未通过检查，全部未保存：\n"
                         + "\n".join(lines) + more)


@dataclass(frozen=True, slots=True)
class VisitInput:
    """What the visit form (or a script) hands in. ``month`` is the month the visit is for."""

    month: Month
    visit_date: dt.date
    visitor: str
    method: str = "入户走访"
    risk: str = "低"
    health: str = ""       # 身体状况
    living: str = ""       # 生活状况
    safety: str = ""       # 居住安全
    mental: str = ""       # 精神状态
    needs: str = ""        # 需求
    problems: str = ""     # 发现问题
    action: str = ""       # 处置或转介
    next_visit_date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: int
    version: int
    id_number: str
    name: str
    community: str
    month: str
    visit_date: dt.date
    visitor: str
    method: str
    risk: str
    health: str
    living: str
    safety: str
    mental: str
    needs: str
    problems: str
    action: str
    next_visit_date: dt.date | None
    note: str
    created_by: str
    updated_by: str

    @property
    def summary(self) -> str:
        """情况记录: risk, findings, problems and what was done, in one line."""
        parts = [f"风险{self.risk}"]
        parts += [f"{label}：{getattr(self, key)}" for key, label in FINDINGS if getattr(self, key)]
        if self.problems:
            parts.append(f"发现问题：{self.problems}")
        if self.action:
            parts.append(f"处置或转介：{self.action}")
        return "；".join(parts)


@dataclass(frozen=True, slots=True)
class PlanSummary:
    month: str
    due: int       # item 14 and 在册 on the first day, now
    added: int     # planned by this run
    planned: int   # plan rows of the month after this run

    @property
    def text(self) -> str:
        return (f"{Month.parse(self.month).label}应探访{self.due}人，本次新增计划{self.added}人，"
                f"本月计划共{self.planned}人")


@dataclass(frozen=True, slots=True)
class RateRow:
    level: str             # 社区 / 街道 / 县区 / 合计
    county: str
    street: str
    community: str
    due: int
    visited: int

    @property
    def rate(self) -> Decimal | None:
        """visited ÷ due, to four places (0.9500); None when nobody is due."""
        if not self.due:
            return None
        return (Decimal(self.visited) / Decimal(self.due)).quantize(Decimal("0.0001"),
                                                                    rounding=ROUND_HALF_UP)

    @property
    def rate_text(self) -> str:
        r = self.rate
        return "—" if r is None else f"{r * 100:.1f}%"


@dataclass(frozen=True, slots=True)
class OverdueRow:
    id_number: str
    name: str
    county: str
    street: str
    community: str
    address: str
    phone: str
    last_visit: dt.date | None
    months_since: int | None   # whole months from the last visit's month; None: never visited


@dataclass(frozen=True, slots=True)
class VisitStatus:
    month: str
    rates: list[RateRow]
    overdue: list[OverdueRow]
    second_visits: list[VisitRow] = field(default_factory=list)  # the 高 visits not followed up
    trend: list[RateRow] = field(default_factory=list)           # level 月份, community = month
