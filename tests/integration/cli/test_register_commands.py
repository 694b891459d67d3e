"""The console tool end to end, as a clerk or a script uses it: real files, a real database."""

import importlib.util
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from eldercare_desktop.cli import main

_spec = importlib.util.spec_from_file_location(
    "importing_helpers", Path(__file__).resolve().parents[1] / "importing_helpers.py")
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def snapshot(db: Path):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id_number, name, phone, version FROM residents ORDER BY id_number").fetchall()
    finally:
        con.close()


@pytest.fixture
def good_file(tmp_path):
    rows = [helpers.good_row(i) for i in range(1, 6)]
    return helpers.write_xlsx(tmp_path / "台账.xlsx", rows, title="永安台街道老年人台账")


def test_import_then_reimport_changes_nothing(capsys, tmp_path, good_file):
    db = tmp_path / "r.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "import", str(good_file))
    assert code == 0 and "新增 5 人" in out
    before = snapshot(db)
    code, out, _ = run(capsys, "import", str(good_file), "--db", str(db))
    assert code == 0 and "无变化 5 人" in out
    assert snapshot(db) == before  # not even a version bump


def test_a_changed_row_is_updated_and_its_version_bumped(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    f1 = helpers.write_xlsx(tmp_path / "a.xlsx", [helpers.good_row(1), helpers.good_row(2)])
    run(capsys, "--db", str(db), "import", str(f1))
    f2 = helpers.write_xlsx(tmp_path / "b.xlsx", [helpers.good_row(1, 联系电话="024-5555666"),
                                                  helpers.good_row(2)])
    code, out, _ = run(capsys, "--db", str(db), "import", str(f2))
    assert code == 0 and "更新 1 人" in out and "无变化 1 人" in out
    rows = {r[0]: r for r in snapshot(db)}
    assert rows[helpers.make_id(1)][2:] == ("024-5555666", 2)
    assert rows[helpers.make_id(2)][3] == 1


def test_dry_run_reports_and_writes_nothing(capsys, tmp_path, good_file):
    db = tmp_path / "r.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "import", str(good_file), "--dry-run")
    assert code == 0 and "将新增 5 人" in out
    assert snapshot(db) == []


def test_one_bad_cell_rejects_the_whole_file_and_names_row_and_column(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    rows = [helpers.good_row(1), helpers.good_row(2, 经济状况="低保户"), helpers.good_row(3)]
    bad = helpers.write_xlsx(tmp_path / "bad.xlsx", rows, title="标题")
    errors = tmp_path / "标注.xlsx"
    code, _, err = run(capsys, "--db", str(db), "import", str(bad), "--errors-out", str(errors))
    assert code == 1
    # title on row 1, header on row 2, the bad resident is the second data row: Excel row 4
    assert "第4行【经济状况】“低保户”" in err
    assert snapshot(db) == []
    ws = openpyxl.load_workbook(errors).active
    headers = [c.value for c in ws[2]]
    cell = ws.cell(row=4, column=headers.index("经济状况") + 1)
    assert cell.comment is not None and "低保" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("FF0000")


def test_an_id_stored_as_a_number_is_refused_with_the_reason(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    row = helpers.good_row(1, 身份证号=210402195001010011)
    bad = helpers.write_xlsx(tmp_path / "num.xlsx", [row])
    code, _, err = run(capsys, "--db", str(db), "import", str(bad))
    assert code == 1 and "第2行【身份证号】" in err and "数字" in err
    assert snapshot(db) == []


def test_a_file_that_is_not_a_spreadsheet_exits_2_with_a_chinese_message(capsys, tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("这不是表格", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "r.sqlite3"), "import", str(fake))
    assert code == 2 and "fake.xlsx" in err


def test_a_database_that_is_not_a_database_exits_2_and_is_left_alone(capsys, tmp_path, good_file):
    notdb = tmp_path / "notes.txt"
    notdb.write_text("shopping list", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(notdb), "import", str(good_file))
    assert code == 2 and str(notdb) in err
    assert notdb.read_text(encoding="utf-8") == "shopping list"


def test_export_reimports_unchanged(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    code, _, _ = run(capsys, "--db", str(db), "demo", "--residents", "300", "--seed", "5")
    assert code == 0
    out = tmp_path / "导出.xlsx"
    code, text, _ = run(capsys, "--db", str(db), "export", "residents", "--out", str(out))
    assert code == 0 and "300" in text
    before = snapshot(db)
    code, text, _ = run(capsys, "--db", str(db), "import", str(out))
    assert code == 0 and "无变化 300 人" in text
    assert snapshot(db) == before
    fresh = tmp_path / "fresh.sqlite3"
    code, text, _ = run(capsys, "--db", str(fresh), "import", str(out))
    assert code == 0 and "新增 300 人" in text


def test_text_typed_with_full_width_punctuation_round_trips(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    row = helpers.good_row(1, 备注="行动不便，需电话预约（上午）")
    f = helpers.write_xlsx(tmp_path / "a.xlsx", [row])
    run(capsys, "--db", str(db), "import", str(f))
    out = tmp_path / "e.xlsx"
    run(capsys, "--db", str(db), "export", "residents", "--out", str(out))
    code, text, _ = run(capsys, "--db", str(db), "import", str(out))
    assert "无变化 1 人" in text


def test_demo_is_deterministic_for_a_seed(capsys, tmp_path):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    run(capsys, "--db", str(a), "demo", "--residents", "50", "--seed", "9")
    run(capsys, "--db", str(b), "demo", "--residents", "50", "--seed", "9")
    assert [r[:3] for r in snapshot(a)] == [r[:3] for r in snapshot(b)]


def test_backup_is_verified_and_usable(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    run(capsys, "--db", str(db), "demo", "--residents", "20")
    out = tmp_path / "backup.sqlite3"
    code, text, _ = run(capsys, "--db", str(db), "backup", "--out", str(out))
    assert code == 0 and "完整性检查" in text
    assert len(snapshot(out)) == 20


def test_usage_errors_exit_2_in_chinese(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["import"])
    assert exit_.value.code == 2
    assert "缺少必需的参数" in capsys.readouterr().err


def test_an_unexpected_error_is_logged_not_shown(capsys, tmp_path, monkeypatch, private_data_dir):
    import eldercare_desktop.services.backups as backups

    def boom(*a, **k):
        raise RuntimeError("internal detail")

    monkeypatch.setattr(backups, "backup_sqlite", boom)
    db = tmp_path / "r.sqlite3"
    run(capsys, "--db", str(db), "demo", "--residents", "3")
    code, _, err = run(capsys, "--db", str(db), "backup", "--out", str(tmp_path / "b"))
    assert code == 1
    assert "程序内部错误" in err and "internal detail" not in err


def test_an_import_that_fails_half_way_leaves_the_database_as_it_was(capsys, tmp_path,
                                                                     monkeypatch):
    db = tmp_path / "r.sqlite3"
    first = helpers.write_xlsx(tmp_path / "a.xlsx", [helpers.good_row(1)])
    run(capsys, "--db", str(db), "import", str(first))
    before = snapshot(db)
    from eldercare_desktop.store import residents as repo

    def die(*a, **k):  # the inserts of the new rows have run; then the process "dies"
        raise KeyboardInterrupt

    monkeypatch.setattr(repo, "update_many", die)
    second = helpers.write_xlsx(tmp_path / "b.xlsx", [helpers.good_row(1, 联系电话="024-1234567"),
                                                      helpers.good_row(2), helpers.good_row(3)])
    code, _, err = run(capsys, "--db", str(db), "import", str(second))
    assert code == 1 and "未" in err
    assert snapshot(db) == before


def test_a_killed_import_leaves_all_or_nothing(tmp_path):
    """Kill the process while it imports: whenever that happens, the file holds either none
    or all of the rows, and is a sound database."""
    import datetime as dt
    import os
    import signal
    import subprocess
    import sys
    import time

    from eldercare_desktop.demo.generator import generate_residents
    from eldercare_desktop.reports.residents_export import write_residents_workbook

    source = tmp_path / "big.xlsx"
    write_residents_workbook(generate_residents(4000, seed=2, today=dt.date(2026, 12, 1)),
                             source, title="t")
    db = tmp_path / "r.sqlite3"
    code = ("import sys; from eldercare_desktop.cli import main; "
            "sys.exit(main(['--db', sys.argv[1], 'import', sys.argv[2]]))")
    for delay in (0.6, 1.2, 1.8):
        proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(source)],
                                env={**os.environ})
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            con = sqlite3.connect(db)
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            if "residents" in tables:
                assert con.execute("SELECT count(*) FROM residents").fetchone()[0] in (0, 4000)
            con.close()


def test_demo_loads_the_demo_policy_only_into_a_database_without_parameters(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "demo", "--residents", "10")
    assert code == 0 and "已载入演示政策参数" in out
    _, shown, _ = run(capsys, "--db", str(db), "policy", "show", "--month", "2026-12")
    assert "allowance_80_89" in shown and "未设置" not in shown
    code, out, _ = run(capsys, "--db", str(db), "demo", "--residents", "10", "--seed", "2")
    assert "未载入演示参数" in out


def test_an_output_folder_that_does_not_exist_is_a_usage_error(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    run(capsys, "--db", str(db), "demo", "--residents", "5")
    for argv in (["export", "residents", "--out", str(tmp_path / "nope" / "a.xlsx")],
                 ["entitlements", "--month", "2026-12", "--out", str(tmp_path / "nope" / "b.xlsx")],
                 ["backup", "--out", str(tmp_path / "nope" / "c.sqlite3")]):
        code, _, err = run(capsys, "--db", str(db), *argv)
        assert code == 2 and "文件夹不存在" in err


def test_an_export_over_a_file_open_elsewhere_gets_a_chinese_message(capsys, tmp_path):
    db = tmp_path / "r.sqlite3"
    run(capsys, "--db", str(db), "demo", "--residents", "5")
    locked = tmp_path / "locked"
    locked.mkdir()
    target = locked / "a.xlsx"
    target.mkdir()  # a folder where the file should go: the write fails like a locked file
    code, _, err = run(capsys, "--db", str(db), "export", "residents", "--out", str(target))
    assert code == 2 and "a.xlsx" in err
