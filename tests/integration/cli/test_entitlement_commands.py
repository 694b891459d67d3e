"""policy load/show, entitlements (--json, --out) and explain, through the console tool."""

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from stdnum.cn import ric

from eldercare_desktop.cli import main
from eldercare_desktop.domain.enums import County, Economic, Hukou, HukouType, TekunMode
from eldercare_desktop.domain.resident import Resident
from eldercare_desktop.services.context import ServiceContext
from eldercare_desktop.services.register import save_resident
from eldercare_desktop.store.database import open_database

POLICY = """
[[period]]
effective_from = 2024-08-28
[period.city]
elder_age = 60
female_insurance_age = 55
allowance_90_99 = 200
allowance_100_plus = 500
service_subsidy = 50
care_subsidy = 50
disability_living_subsidy = 80
disability_care_subsidy = 80
tekun_basic_factor = 1.3
tekun_care_share_concentrated = { "全自理" = 0.10, "半自理" = 0.30, "全护理" = 0.60 }
tekun_care_share_dispersed = { "全自理" = 0.10, "半自理" = 0.20, "全护理" = 0.40 }
custody_provincial = 400
bus_half_fare_age = 60
bus_free_age = 70
health_check_age = 65
home_adaptation_extended = false
[period.county."新抚区"]
allowance_80_89 = 100
dibao_urban = 800
dibao_rural = 600
min_wage = 1910
custody_top_up = 0

[[period]]
effective_from = 2027-01-01
[period.county."新抚区"]
allowance_80_89 = 120
"""


def make_id(birth: str, seq: str = "001") -> str:
    body = "210402" + birth + seq
    return body + ric.calc_check_digit(body + "0")


def resident(name, birth, seq="001", **kw):
    base = dict(name=name, id_number=make_id(birth, seq), hukou=Hukou.FUSHUN,
                hukou_type=HukouType.URBAN, county=County.XINFU, street="站前街道",
                community="站前社区")
    base.update(kw)
    return Resident(**base)


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "r.sqlite3"
    policy = tmp_path / "policy.toml"
    policy.write_text(POLICY, encoding="utf-8")
    assert main(["--db", str(path), "policy", "load", str(policy)]) == 0
    ctx = ServiceContext(open_database(str(path)), "test")
    save_resident(ctx, resident("王秀英", "19461215", "002"), None)        # 79 in Dec, 80 in Jan
    save_resident(ctx, resident("李德胜", "19360601", "011"), None)        # 90: 200
    save_resident(ctx, resident("赵桂芝", "19500301", "022", economic=Economic.TEKUN,
                                tekun_mode=TekunMode.DISPERSED), None)     # item 9
    capsys.readouterr()
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_json_has_exactly_the_contract_shape_with_masked_ids(capsys, db):
    code, out, _ = run(capsys, "--db", str(db), "entitlements", "--month", "2026-12", "--json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"month", "rows", "warnings"} and doc["month"] == "2026-12"
    keys = {"id_number", "name", "county", "street", "community", "age", "code", "item", "type",
            "amount", "standard", "reason", "warnings"}
    assert all(set(r) == keys for r in doc["rows"])
    assert all(r["id_number"][6:14] == "********" for r in doc["rows"])
    allowance = [r for r in doc["rows"] if r["code"] == "4"]
    assert [(r["name"], r["amount"]) for r in allowance] == [("李德胜", "200.00")]
    tekun = next(r for r in doc["rows"] if r["code"] == "9")
    # 1.3 × 800 + 10% × 1910 = 1231.00
    assert tekun["amount"] == "1231.00" and tekun["name"] == "赵桂芝"
    words = next(r for r in doc["rows"] if r["code"] == "21")
    assert words["amount"] is None


def test_full_id_shows_the_whole_number(capsys, db):
    _, out, _ = run(capsys, "--db", str(db), "entitlements", "--month", "2026-12", "--json",
                    "--full-id")
    ids = {r["id_number"] for r in json.loads(out)["rows"]}
    assert make_id("19360601", "011") in ids


def test_a_month_uses_the_values_in_force_on_its_first_day(capsys, db):
    def allowance(month):
        _, out, _ = run(capsys, "--db", str(db), "entitlements", "--month", month, "--json")
        return sorted((r["name"], r["amount"]) for r in json.loads(out)["rows"] if r["code"] == "4")

    assert allowance("2026-12") == [("李德胜", "200.00")]
    # January 2027: 王秀英 turns 80 (born on the 15th of December) and the new period gives 120
    assert allowance("2027-01") == [("李德胜", "200.00"), ("王秀英", "120.00")]


def test_the_workbook_has_the_contract_layout_and_sums(capsys, db, tmp_path):
    out = tmp_path / "测算表.xlsx"
    code, _, _ = run(capsys, "--db", str(db), "entitlements", "--month", "2026-12",
                     "--out", str(out))
    assert code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["待遇明细", "汇总"]
    ws = wb["待遇明细"]
    assert "2026年12月" in ws["A1"].value and "A1:N1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == ["序号", "县区", "街道", "社区", "姓名", "性别", "身份证号",
                                        "年龄", "项目编号", "服务项目", "服务类型", "月标准(元)",
                                        "标准说明", "依据"]
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows in ("2:2", "$2:$2")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_area.endswith(f"$A$1:$N${ws.max_row}")  # the table, not a page of grid
    data = [row for row in ws.iter_rows(min_row=3, values_only=True)]
    total_row = data[-1]
    amounts = [Decimal(str(r[11])) for r in data[:-1] if r[11] is not None]
    assert total_row[0] == "合计" and Decimal(str(total_row[11])) == sum(amounts)
    assert sum(amounts) == Decimal("1431.00")  # 200 + 1231
    money_cell = next(c for c in ws["L"][2:] if c.value is not None)
    assert money_cell.number_format == "#,##0.00"
    assert all("*" in r[6] for r in data[:-1])
    summary = wb["汇总"]
    assert [c.value for c in summary[2]] == ["县区", "项目编号", "服务项目", "服务类型", "人数",
                                             "月金额合计(元)"]
    rows = list(summary.iter_rows(min_row=3, values_only=True))
    assert rows[-1][0] == "合计" and Decimal(str(rows[-1][5])) == Decimal("1431.00")
    city_4 = next(r for r in rows if r[0] == "全市" and r[1] == "4")
    assert city_4[4] == 1 and Decimal(str(city_4[5])) == Decimal("200.00")


def test_explain_names_the_failed_condition(capsys, db, tmp_path):
    out = tmp_path / "说明.xlsx"
    code, text, _ = run(capsys, "--db", str(db), "explain", make_id("19461215", "002"),
                        "--month", "2026-12", "--out", str(out))
    assert code == 0
    assert "年龄未满80周岁（2026年12月为79周岁）" in text
    assert "210402********" in text
    ws = openpyxl.load_workbook(out)["待遇说明"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 24  # 23 codes (item 7 is 7.1 and 7.2) and the cash total
    assert rows[-1][0] == "每月现金合计"


def test_explain_of_an_unknown_resident_is_refused(capsys, db):
    code, _, err = run(capsys, "--db", str(db), "explain", make_id("19400101", "999"),
                       "--month", "2026-12")
    assert code == 1 and "没有身份证号" in err


def test_a_bad_policy_file_stores_nothing(capsys, db, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(POLICY.replace("allowance_80_89 = 120", "allowance_80_89 = -5"),
                   encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "policy", "load", str(bad))
    assert code == 1 and "行" in err
    _, out, _ = run(capsys, "--db", str(db), "policy", "show", "--month", "2027-02")
    assert "120" in out and "-5" not in out


def test_policy_show_names_the_period_each_value_came_from(capsys, db):
    _, out, _ = run(capsys, "--db", str(db), "policy", "show", "--month", "2027-01")
    line = next(ln for ln in out.splitlines() if "allowance_80_89" in ln and "120" in ln)
    assert "2027-01-01" in line
    dibao = next(ln for ln in out.splitlines() if "dibao_urban" in ln and "800" in ln)
    assert "2024-08-28" in dibao


def test_bad_month_is_a_usage_error(capsys, db):
    code, _, err = run(capsys, "--db", str(db), "entitlements", "--month", "2026-13")
    assert code == 2 and "月份" in err
