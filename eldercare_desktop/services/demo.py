"""Loading generated demo residents and the demo policy values."""

from __future__ import annotations

import datetime as dt

from ..demo.generator import generate_residents
from ..paths import resources_dir
from .context import ServiceContext
from .policy import load_policy, stored_periods
from .residents_import import import_residents

DEMO_POLICY = "policy-demo.toml"


def load_demo(ctx: ServiceContext, n: int, *, seed: int = 1, today: dt.date | None = None) -> str:
    """Add ``n`` generated residents; load the demo parameters unless parameters are stored
    already (a database with real figures keeps them)."""
    residents = list(generate_residents(n, seed=seed, today=today))
    summary = import_residents(ctx, residents)
    text = summary.text
    if not stored_periods(ctx):
        load_policy(ctx, resources_dir() / DEMO_POLICY)
        text += "；已载入演示政策参数（示例数值，非正式公布标准）"
    else:
        text += "；数据库中已有政策参数，未载入演示参数"
    return text
