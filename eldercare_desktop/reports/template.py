"""The resident import template (resources/居民信息导入模板.xlsx, FORMATS.md §1).

Sheet 1 居民信息: title row, the columns of domain/columns.py, drop-down lists on every
closed-list column and text format on the ID, phone and account columns for rows 3..2000.
Sheet 2 填写说明: every column explained, an example row, and the general rules of an import.
There is no example row in sheet 1: it would be imported as data.

Regenerate the committed file with ``python -m eldercare_desktop.reports.template``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..domain.columns import COLUMNS, Column
from ..paths import resources_dir
from .register_layout import add_choice_lists, choices_of, header_formats, register_spec
from .workbook import FIRST_DATA_ROW, ColumnSpec, ReportWorkbook, SheetSpec

TEMPLATE_NAME = "居民信息导入模板.xlsx"
TEMPLATE_TITLE = "抚顺市居民信息导入模板（第1行为标题，第2行为列名，从第3行起每行填写一位老年人）"
INSTRUCTIONS_SHEET = "填写说明"
LAST_TEMPLATE_ROW = 1999           # zero-based: Excel row 2000
_TEXT_KINDS = ("id", "phone", "account")
_FIXED_CREATED = dt.datetime(2026, 1, 1, 8, 0, 0)   # a fixed date: regenerating gives the same file

# A realistic resident for the 填写说明 sheet (ID check digit valid: 210402195203151228).
EXAMPLE: dict[str, str] = {
    "姓名": "张秀兰",
    "身份证号": "210402195203151228",
    "户籍": "抚顺",
    "户籍类型": "城镇",
    "县区": "新抚区",
    "街道": "站前街道",
    "社区": "和平社区",
    "住址": "新抚区东一路12号3号楼2单元502室",
    "联系电话": "13904131234",
    "开户银行": "抚顺农商银行",
    "银行账号": "6231123456789012345",
    "居住状况": "独居",
    "能力等级": "轻度失能",
    "失智": "否",
    "残疾等级": "无",
    "需长期照护": "否",
    "经济状况": "低保",
    "特困供养方式": "",
    "计划生育特殊家庭": "否",
    "优抚类别": "无",
    "享受定期抚恤补助": "否",
    "有赡养能力的法定赡养人": "是",
    "养老保险": "城乡居民",
    "常年患病": "是",
    "流浪乞讨": "否",
    "自愿入住养老机构": "否",
    "已享受无障碍改造": "否",
    "状态": "在册",
    "状态日期": "",
    "备注": "子女在外地工作",
}

GENERAL_NOTES = (
    "1. 只读取第一个工作表。表头是前10行中第一行同时含有“姓名”和“身份证号”的行，表头上方可以有标题行。",
    "2. 列按列名识别，顺序可以调整；不认识的列会被忽略并给出提示；缺少必填列则无法导入。",
    "3. 空行自动跳过。文字前后的空格会被去掉，全角字母和数字按半角处理。",
    "4. 是/否列填“是”或“否”，也可填Y/N、1/0、√（表示是）；不填按各列的默认值处理。",
    "5. 身份证号、联系电话、银行账号请设为文本格式后再填写（本模板第3至2000行已设好）。"
    "被Excel存成数字的身份证号已丢失末尾数字，导入时会报错，请改为文本后重新填写。",
    "6. 15位老身份证号会自动升为18位（出生年份前补“19”并计算校验位），并给出提示。",
    "7. 导入是“全部或全不”：只要有一个单元格有误，或同一身份证号出现两次，整个文件都不导入，"
    "并列出每个问题所在的行、列、内容和原因，另存一份标出错误单元格的副本。",
    "8. 身份证号是每位居民的唯一标识：文件中的新号码新增居民，已有号码更新该居民的信息；同一文件导入两次，第二次不会有任何变化。",
    "9. 状态为死亡或迁出时必须填写状态日期；日期可填Excel日期，或2026-11-10、2026/11/10、2026.11.10、2026年11月10日。",
    "10. 经济状况为特困时必须填写特困供养方式（集中/分散），其他情况此列必须留空。",
)

_INSTRUCTION_COLUMNS = (
    ColumnSpec("序号", "int", 6),
    ColumnSpec("列名", "text", 20),
    ColumnSpec("是否必填", "text", 9),
    ColumnSpec("可填写的值", "text", 40),
    ColumnSpec("不填时", "text", 12),
    ColumnSpec("说明", "text", 48),
    ColumnSpec("示例", "id", 30),
)


def default_text(column: Column) -> str:
    """What an empty cell means, in words."""
    if column.required:
        return "不可不填"
    if column.kind == "bool":
        return "视为" + ("是" if column.default else "否")
    if column.default is not None:
        return f"视为{column.default}"
    return "留空"


def allowed_text(column: Column) -> str:
    choices = choices_of(column)
    if choices:
        return " / ".join(choices)
    return {
        "id": "18位（末位可为X），或15位老号码",
        "phone": "7至12位数字，可含“-”",
        "account": "10至25位数字",
        "date": "日期",
    }.get(column.kind, "文字")


def _write_register_sheet(book: ReportWorkbook) -> None:
    styles = book.styles
    sheet = book.add_sheet(register_spec(TEMPLATE_TITLE), header_formats=header_formats(styles))
    ws = sheet.ws
    for col, column in enumerate(COLUMNS):
        ws.write_comment(1, col, f"{column.header}：{column.help}",
                         {"x_scale": 2.2, "y_scale": 1.2, "font_name": "宋体"})
        if column.kind in _TEXT_KINDS:
            text = styles.columns["id"]
            for row in range(FIRST_DATA_ROW, LAST_TEMPLATE_ROW + 1):
                ws.write_blank(row, col, None, text)
    add_choice_lists(ws, FIRST_DATA_ROW, LAST_TEMPLATE_ROW)
    ws.activate()


def _write_instructions(book: ReportWorkbook) -> None:
    spec = SheetSpec(INSTRUCTIONS_SHEET, "居民信息导入模板填写说明", _INSTRUCTION_COLUMNS)
    sheet = book.add_sheet(spec)
    ws, wrap = sheet.ws, book.styles.wrap
    for i, column in enumerate(COLUMNS, start=1):
        row = sheet.row
        sheet.write_row((i, column.header, "必填" if column.required else "选填",
                         allowed_text(column), default_text(column), column.help,
                         EXAMPLE[column.header]))
        for col in (3, 5):
            ws.write_string(row, col, (allowed_text(column), column.help)[col == 5], wrap)
    row = sheet.row + 1
    ws.write_string(row, 0, "“示例”一列是一位老人的完整填法，请在“居民信息”工作表中从第3行起按此填写。",
                    book.styles.bold)
    row += 2
    ws.write_string(row, 0, "导入规则：", book.styles.bold)
    for note in GENERAL_NOTES:
        row += 1
        ws.merge_range(row, 0, row, len(_INSTRUCTION_COLUMNS) - 1, note, wrap)
        ws.set_row(row, 30 if len(note) > 60 else 18)


def write_import_template(out: Path) -> Path:
    """Generate the import template at ``out``; the same bytes every time."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with ReportWorkbook(out, constant_memory=False, created=_FIXED_CREATED,
                        doc_title="居民信息导入模板") as book:
        _write_register_sheet(book)
        _write_instructions(book)
    return out


def template_path() -> Path:
    """Where the shipped template lives."""
    return resources_dir() / TEMPLATE_NAME


if __name__ == "__main__":            # pragma: no cover - maintenance entry point
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else template_path()
    print(write_import_template(target))
