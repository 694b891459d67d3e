"""Loading generated demo residents (and, once entitlements exist, the demo policy values)."""

from __future__ import annotations

import datetime as dt

from ..demo.generator import generate_residents
from .context import ServiceContext
from .residents_import import import_residents


def load_demo(ctx: ServiceContext, n: int, *, seed: int = 1, today: dt.date | None = None) -> str:
    residents = list(generate_residents(n, seed=seed, today=today))
    summary = import_residents(ctx, residents)
    return summary.text
