"""Where things live: the user data folder, the log file, the shipped resources and migrations."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "EldercareDesktop"
DB_FILENAME = "eldercare.sqlite3"


def data_dir() -> Path:
    """The user data folder (created on first use). ELDERCARE_DATA_DIR overrides it."""
    override = os.environ.get("ELDERCARE_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def log_path() -> Path:
    return data_dir() / "eldercare.log"


def project_root() -> Path:
    """The folder holding ``db/`` and ``resources/``: the checkout, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    return project_root() / "db"


def resources_dir() -> Path:
    return project_root() / "resources"
