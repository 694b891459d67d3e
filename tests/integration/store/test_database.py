import sqlite3

import pytest
from sqlalchemy import inspect, text

from eldercare_desktop.store.backup import BackupError, backup_sqlite, integrity_ok
from eldercare_desktop.store.database import DatabaseError, open_database
from eldercare_desktop.store.migrations import current_revision, head_revision


def test_migrations_build_the_schema_from_an_empty_file(db_path):
    db = open_database(str(db_path))
    assert current_revision(db) == head_revision()
    columns = {c["name"] for c in inspect(db.engine).get_columns("residents")}
    assert {"id_number", "version", "created_at", "updated_by", "search_initials"} <= columns


def test_sqlite_runs_with_wal_foreign_keys_and_full_sync(db_path):
    db = open_database(str(db_path))
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    bogus = tmp_path / "台账.xlsx"
    bogus.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 10)
    before = bogus.read_bytes()
    with pytest.raises(DatabaseError, match="不是本程序的数据库文件") as err:
        open_database(str(bogus))
    assert str(bogus) in str(err.value)
    assert bogus.read_bytes() == before
    assert not (tmp_path / "台账.xlsx-wal").exists()


def test_opening_again_applies_nothing_and_makes_no_backup(db_path):
    open_database(str(db_path)).engine.dispose()
    open_database(str(db_path)).engine.dispose()
    assert not list(db_path.parent.glob("*.before-migration.bak"))


def test_an_older_schema_is_backed_up_before_it_is_migrated(db_path):
    db = open_database(str(db_path))
    with db.engine.begin() as conn:  # pretend the file was made by an older version
        conn.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    db.engine.dispose()
    with pytest.raises(DatabaseError):
        open_database(str(db_path))  # an unknown revision is refused, not guessed
    backups = list(db_path.parent.glob("*.before-migration.bak"))
    assert len(backups) == 1 and integrity_ok(backups[0])[0]


def test_backup_is_a_verified_copy_of_a_live_database(db_path, tmp_path):
    db = open_database(str(db_path))
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE probe (x INTEGER)"))
        conn.execute(text("INSERT INTO probe VALUES (42)"))
    out = tmp_path / "备份.sqlite3"
    backup_sqlite(db_path, out)  # while the engine still holds the file open
    con = sqlite3.connect(out)
    assert con.execute("SELECT x FROM probe").fetchone() == (42,)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_backup_into_a_missing_folder_fails_with_a_chinese_message(db_path, tmp_path):
    open_database(str(db_path))
    with pytest.raises(BackupError, match="文件夹不存在"):
        backup_sqlite(db_path, tmp_path / "nope" / "b.sqlite3")


def test_the_known_newest_revision_is_alembics_head():
    from eldercare_desktop.store.migrations import HEAD_REVISION

    assert HEAD_REVISION == head_revision()  # a new migration must update HEAD_REVISION


def test_an_up_to_date_database_opens_without_loading_alembic(db_path):
    import subprocess
    import sys

    open_database(str(db_path)).engine.dispose()
    code = ("import sys; from eldercare_desktop.store.database import open_database; "
            "open_database(sys.argv[1]); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"
