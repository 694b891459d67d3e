"""Fixtures for the visit tests; the known register is in visit_register.py."""

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("visit_register",
                                               Path(__file__).with_name("visit_register.py"))
visit_register = importlib.util.module_from_spec(_spec)
sys.modules["visit_register"] = visit_register
_spec.loader.exec_module(visit_register)

from eldercare_desktop.services.context import ServiceContext  # noqa: E402
from eldercare_desktop.services.residents_import import import_residents  # noqa: E402
from eldercare_desktop.store.database import open_database  # noqa: E402


@pytest.fixture
def ctx(db_path) -> ServiceContext:
    context = ServiceContext(open_database(str(db_path)), "走访测试员")
    import_residents(context, list(visit_register.PEOPLE.values()))
    return context
