"""Test-wide setup: Qt offscreen, a private data folder, GUI tests auto-marked."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the user's real data folder or database."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("ELDERCARE_DATA_DIR", str(data))
    monkeypatch.delenv("ELDERCARE_DB", raising=False)
    return data


def pytest_collection_modifyitems(items):
    for item in items:
        if f"{os.sep}gui{os.sep}" in str(item.fspath):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "register.sqlite3"
