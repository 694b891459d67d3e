"""Months and ages. A month is evaluated on its first day (POLICY.md, terms)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True, order=True, slots=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"月份应在1到12之间：{self.month}")
        if not 1900 <= self.year <= 2999:
            raise ValueError(f"年份不合理：{self.year}")

    @classmethod
    def parse(cls, text: str) -> "Month":
        """Parse YYYY-MM; a ValueError carries a Chinese message."""
        m = _MONTH_RE.match(text or "")
        if not m:
            raise ValueError(f"月份格式应为YYYY-MM（如2026-12），这里是“{text}”")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> "Month":
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> "Month":
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> "Month":
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """2026年12月"""
        return f"{self.year}年{self.month}月"


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years (周岁) on ``day``. Someone born on 29 February reaches a new age on
    1 March in a non-leap year, which this comparison gives naturally."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_in_month(birth: dt.date, month: Month) -> int:
    """Age for month M: full years reached on the first day of M."""
    return age_on(birth, month.first_day)
