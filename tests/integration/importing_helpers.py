"""Builders of real import files for the importing tests (xlsx with openpyxl, a minimal .ods)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
from stdnum.cn import ric

from eldercare_desktop.domain.columns import HEADERS


def make_id(n: int, birth: str = "19500101") -> str:
    """A valid 18-character ID number, distinct for each ``n``."""
    body = "210402" + birth + f"{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def good_row(n: int = 1, **overrides: Any) -> dict[str, Any]:
    """A valid row keyed by header; ``overrides`` replace cells by header."""
    row: dict[str, Any] = {
        "姓名": f"张桂兰{n}", "身份证号": make_id(n), "户籍": "抚顺", "户籍类型": "城镇",
        "县区": "新抚区", "街道": "永安台街道", "社区": "榆林社区", "住址": "东一路3号",
        "联系电话": "13812345678", "开户银行": "中国农业银行", "银行账号": "6228480012345678901",
        "居住状况": "独居", "能力等级": "轻度失能", "失智": "否", "残疾等级": "无",
        "需长期照护": "否", "经济状况": "一般", "特困供养方式": "", "计划生育特殊家庭": "否",
        "优抚类别": "无", "享受定期抚恤补助": "否", "有赡养能力的法定赡养人": "是",
        "养老保险": "职工", "常年患病": "否", "流浪乞讨": "否", "自愿入住养老机构": "否",
        "已享受无障碍改造": "否", "状态": "在册", "状态日期": "", "备注": "",
    }
    row.update(overrides)
    return row


def write_xlsx(path: Path, rows: list[dict[str, Any] | None], *, headers=HEADERS,
               title: str | None = None) -> Path:
    """One sheet: optional title row, the header row, then ``rows`` (None = a blank row)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "居民台账"
    if title is not None:
        ws.append([title])
    ws.append(list(headers))
    for row in rows:
        ws.append([] if row is None else [_cell(row.get(h, "")) for h in headers])
    wb.save(path)
    return path


def _cell(value: Any) -> Any:
    return None if value == "" else value


def write_ods(path: Path, grid: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet holding ``grid`` as text cells."""
    table_rows = []
    for cells in grid:
        tds = "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
            f"</table:table-cell>" if v else "<table:table-cell/>"
            for v in cells
        )
        table_rows.append(f"<table:table-row>{tds}</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="居民台账">'
        + "".join(table_rows)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path
