"""The start-up read straight from a SQLite file: the same rows as through the engine when the
file is up to date, and nothing at all (the ordinary path decides) in every other case —
without ever creating or changing a file."""

import sqlite3
import subprocess
import sys

from stdnum.cn import ric

from eldercare_desktop.domain.enums import County, Hukou, HukouType
from eldercare_desktop.domain.resident import Resident
from eldercare_desktop.services.context import ServiceContext
from eldercare_desktop.services.register import PHONE, register_rows
from eldercare_desktop.services.residents_import import import_residents
from eldercare_desktop.store.database import open_database
from eldercare_desktop.store.sqlite_start import read_register_file, sqlite_file


def person(name: str, birth: str, seq: str, community: str) -> Resident:
    body = "210402" + birth + seq
    return Resident(name=name, id_number=body + ric.calc_check_digit(body + "0"),
                    hukou=Hukou.FUSHUN, hukou_type=HukouType.URBAN, county=County.XINFU,
                    street="永安台街道", community=community)


def filled(db_path):
    ctx = ServiceContext(open_database(str(db_path)), "tester")
    import_residents(ctx, [person("张三", "19400315", "131", "站前社区"),
                           person("李四", "19500101", "242", "东公园社区"),
                           person("王五", "19600620", "352", "站前社区")])
    return ctx


def test_an_up_to_date_file_gives_the_same_rows_as_the_engine(db_path):
    ctx = filled(db_path)
    early = read_register_file(str(db_path))
    assert early is not None and len(early) == 3
    assert early == register_rows(ctx)
    assert read_register_file(f"sqlite:///{db_path}") == early


def test_a_missing_file_is_left_to_the_ordinary_path_and_not_created(tmp_path):
    missing = tmp_path / "新建.sqlite3"
    assert read_register_file(str(missing)) is None
    assert not missing.exists()


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path):
    other = tmp_path / "台账.xlsx"
    other.write_bytes(b"PK\x03\x04 not a database at all")
    assert read_register_file(str(other)) is None
    assert other.read_bytes() == b"PK\x03\x04 not a database at all"


def test_a_database_that_needs_a_migration_is_not_read_early(db_path):
    filled(db_path).db.engine.dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0002'")
    con.commit()
    con.close()
    assert read_register_file(str(db_path)) is None


def test_only_sqlite_files_take_the_early_path():
    assert sqlite_file("postgresql://user@server/eldercare") is None
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("sqlite:///x.db?mode=ro") is None
    assert sqlite_file("sqlite:////data/台账.sqlite3").name == "台账.sqlite3"


def test_the_window_and_the_early_read_load_no_sqlalchemy():
    """What the register needs at start-up imports neither SQLAlchemy nor the heavy readers
    and writers: they load after the register is on screen."""
    code = ("import sys; import eldercare_desktop.app, eldercare_desktop.ui.main_window, "
            "eldercare_desktop.ui.style, eldercare_desktop.store.sqlite_start; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic', "
            "'openpyxl', 'xlsxwriter', 'python_calamine', 'pypinyin', 'stdnum'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.stdout.strip() == "[]"


def test_a_write_ahead_log_left_by_a_crash_is_not_folded_into_the_file(db_path, tmp_path):
    """The early read only reads: the file keeps every byte, the log stays for the engine."""
    import shutil

    filled(db_path).db.engine.dispose()
    live = sqlite3.connect(db_path)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    live.execute("UPDATE residents SET phone = '13900000000' WHERE name = '李四'")
    live.commit()
    crashed = tmp_path / "crashed.sqlite3"
    for suffix in ("", "-wal", "-shm"):        # the files as a crash would leave them
        shutil.copyfile(f"{db_path}{suffix}", f"{crashed}{suffix}")
    live.close()
    before = crashed.read_bytes()
    rows = read_register_file(str(crashed))
    assert rows is not None
    assert "13900000000" in {r[PHONE] for r in rows}        # the logged change is read
    assert crashed.read_bytes() == before
    assert (tmp_path / "crashed.sqlite3-wal").stat().st_size > 0
