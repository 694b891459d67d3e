"""What every service needs: the database, and who acts."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from ..store.database import Database


def current_user() -> str:
    """The operating-system user, until logins arrive."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (service accounts)
        return "unknown"


@dataclass(frozen=True, slots=True)
class ServiceContext:
    db: Database
    actor: str
