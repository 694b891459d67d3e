"""The roster workbook and PDF, and the visits commands, end to end on the known register."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from visit_register import MONTH, TODAY, idn

from eldercare_desktop.cli import main
from eldercare_desktop.reports.visit_roster import HEADERS
from eldercare_desktop.services.visits import VisitInput, plan_month, record_visit


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


@pytest.fixture
def visited(ctx):
    plan_month(ctx, MONTH)
    record_visit(ctx, idn("A"), VisitInput(MONTH, dt.date(2027, 1, 5), "王芳", "电话", "高",
                                           health="行动不便", problems="独自在家摔倒",
                                           action="转介社区卫生服务站"), today=TODAY)
    return ctx


def test_roster_workbook_has_a_sheet_per_community_visited_rows_filled_others_blank(
        visited, db_path, tmp_path, capsys):
    out = tmp_path / "花名册.xlsx"
    code, stdout, _ = run(capsys, "--db", str(db_path), "visits", "roster",
                          "--month", "2027-01", "--out", str(out))
    assert code == 0 and "2个社区，5人" in stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["东华社区", "新华社区"]
    ws = book["新华社区"]
    assert "新华社区" in ws["A1"].value and "2027年1月" in ws["A1"].value
    assert "A1:L1" in {str(r) for r in ws.merged_cells.ranges}
    assert tuple(c.value for c in ws[2]) == HEADERS
    assert ws.freeze_panes == "A3"
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$2:$2"
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=3)]
    assert [r[1] for r in rows] == ["测试A", "测试B", "测试E", "测试H"]
    a = rows[0]
    assert a[0] == 1 and a[2] == "男" and a[3] == 86 and a[6] == "独居"
    assert a[5] == "139****0001"                                   # phones masked
    assert a[8] == dt.datetime(2027, 1, 5) and a[9] == "电话" and a[11] == "王芳"
    assert "独自在家摔倒" in a[10] and "风险高" in a[10]
    for r in rows[1:]:
        assert r[7:] == (None,) * 5                                # blank for writing by hand
    assert rows[1][6] == "失能（重度失能）"


def test_roster_full_id_shows_phones_and_community_filter(visited, db_path, tmp_path, capsys):
    out = tmp_path / "东华.xlsx"
    code, _, _ = run(capsys, "--db", str(db_path), "visits", "roster", "--month", "2027-01",
                     "--community", "东华社区", "--full-id", "--out", str(out))
    assert code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["东华社区"]
    assert book["东华社区"]["F3"].value == "13912340007"


def test_roster_pdf_is_a4_landscape_with_embedded_font_and_chinese_text(
        visited, db_path, tmp_path, capsys):
    out = tmp_path / "花名册.pdf"
    code, stdout, _ = run(capsys, "--db", str(db_path), "visits", "roster", "--month", "2027-01",
                          "--community", "新华社区", "--out", str(out))
    assert code == 0 and "共1页" in stdout
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "新抚区站前街道新华社区" in text and "2027年1月走访花名册" in text
    assert all(h in text for h in ("序号", "困难类型", "走访方式", "情况记录", "走访人签字"))
    assert "第 1 页，共 1 页" in text and "测试A" in text and "139****0001" in text
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)   # emb column
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True,
                          text=True).stdout
    assert "842 x 595 pts (A4)" in info
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "page")],
                   check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_a_long_roster_repeats_header_and_numbers_pages(ctx, db_path, tmp_path):
    from visit_register import person

    from eldercare_desktop.domain.enums import Living
    from eldercare_desktop.services.residents_import import import_residents

    import_residents(ctx, [person(f"{i}", 100 + i, community="长街社区", living=Living.ALONE)
                           for i in range(700)])
    plan_month(ctx, MONTH)
    out = tmp_path / "长街.pdf"
    # the console tool itself, in its own process: it must also exit cleanly after drawing
    done = subprocess.run([str(Path(sys.executable).with_name("eldercare")), "--db", str(db_path),
                           "visits", "roster", "--month", "2027-01", "--community", "长街社区",
                           "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "700人" in done.stdout
    pages = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) > 2
    for n, page in enumerate(pages, 1):
        assert "长街社区" in page and "2027年1月" in page and "走访人签字" in page
        assert f"第 {n} 页，共 {len(pages)} 页" in page


def test_plan_twice_status_json_and_refusals(ctx, db_path, tmp_path, capsys):
    db = ["--db", str(db_path)]
    code, out, _ = run(capsys, *db, "visits", "plan", "--month", "2026-11")
    assert code == 0 and "新增计划6人" in out
    code, out, _ = run(capsys, *db, "visits", "plan", "--month", "2026-11")
    assert code == 0 and "新增计划0人" in out
    code, out, _ = run(capsys, *db, "visits", "record", "--month", "2026-11", "--id", idn("B"),
                       "--date", "2026-11-10", "--visitor", "王芳", "--risk", "高")
    assert code == 0 and "需再次走访" in out
    code, _, err = run(capsys, *db, "visits", "record", "--month", "2026-11", "--id", idn("A"),
                       "--date", "2026-12-01", "--visitor", "王芳")
    assert code == 1 and "不在2026年11月内" in err
    code, out, _ = run(capsys, *db, "visits", "status", "--month", "2026-11", "--json")
    assert code == 0
    data = json.loads(out)
    total = data["rates"][-1]
    assert (total["level"], total["due"], total["visited"], total["rate"]) == ("合计", 6, 1,
                                                                             "0.1667")
    assert len(data["overdue"]) == 5 and "*" in data["overdue"][0]["id_number"]
    assert [s["name"] for s in data["second_visits"]] == ["测试B"]
    assert len(data["trend"]) == 12
    code, out, _ = run(capsys, *db, "visits", "status", "--month", "2026-11",
                       "--community", "东华社区")
    assert code == 0 and "应访1人，已访0人，探访率0.0%" in out
    code, _, err = run(capsys, *db, "visits", "roster", "--month", "2026-11", "--out",
                       str(tmp_path / "x.csv"))
    assert code == 2 and ".xlsx 或 .pdf" in err
    code, _, err = run(capsys, *db, "visits", "roster", "--month", "2026-10", "--out",
                       str(tmp_path / "x.xlsx"))
    assert code == 1 and "没有应探访的居民" in err and not (tmp_path / "x.xlsx").exists()
