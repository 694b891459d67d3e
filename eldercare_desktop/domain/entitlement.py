"""One resident's entitlement to one item in one month, as a plain row (what every report,
the window and the JSON output read)."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class EntitlementRow(NamedTuple):
    """Immutable; a NamedTuple because a whole district makes a million of them."""

    id_number: str
    name: str
    sex: str
    county: str
    street: str
    community: str
    age: int
    code: str
    item: str
    type: str
    amount: Decimal | None
    standard: str
    reason: str
    warnings: tuple[str, ...]
