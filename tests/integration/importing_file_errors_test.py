"""Files that cannot be imported at all: ImportFileError with a Chinese message, never a traceback."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import openpyxl
import pytest

from eldercare_desktop.importing import ImportFileError, read_import_file

_spec = importlib.util.spec_from_file_location(
    "importing_helpers", Path(__file__).with_name("importing_helpers.py"))
h = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(h)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def message_for(path: Path) -> str:
    with pytest.raises(ImportFileError) as info:
        read_import_file(path)
    message = str(info.value)
    assert path.name in message and "\n" not in message
    return message


def test_text_file_named_xlsx(tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_text("姓名,身份证号\n张三,210402195001011234\n", encoding="utf-8")
    assert "不是Excel表格" in message_for(path)


def test_word_document_renamed(tmp_path):
    path = tmp_path / "说明.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert "Word文档" in message_for(path)


def test_truncated_xlsx(tmp_path):
    good = h.write_xlsx(tmp_path / "good.xlsx", [h.good_row(1)])
    path = tmp_path / "坏.xlsx"
    path.write_bytes(good.read_bytes()[:1500])
    assert "损坏" in message_for(path)


def test_password_protected_xlsx(tmp_path):
    path = tmp_path / "加密.xlsx"
    directory = "EncryptionInfo".encode("utf-16-le") + b"\0" * 40 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(OLE_MAGIC + b"\0" * 504 + directory + b"\0" * 1000)
    assert "文件设置了打开密码，请先在Excel中取消密码后再导入" in message_for(path)


def test_damaged_xls(tmp_path):
    path = tmp_path / "旧表.xls"
    path.write_bytes(OLE_MAGIC + b"\x01" * 3000)
    assert "损坏" in message_for(path)


def test_header_without_data_rows(tmp_path):
    path = h.write_xlsx(tmp_path / "空表.xlsx", [None, None], title="台账")
    assert "第2行" in message_for(path) and "没有任何数据行" in message_for(path)


def test_empty_sheet(tmp_path):
    path = tmp_path / "空白.xlsx"
    openpyxl.Workbook().save(path)
    assert "是空的" in message_for(path)


def test_no_header_in_the_first_ten_rows(tmp_path):
    path = tmp_path / "无表头.xlsx"
    wb = openpyxl.Workbook()
    for i in range(10):
        wb.active.append([f"说明{i}"])
    wb.active.append(["姓名", "身份证号"])
    wb.active.append(["张三", h.make_id(1)])
    wb.save(path)
    message = message_for(path)
    assert "姓名" in message and "身份证号" in message and "前10行" in message


def test_missing_file(tmp_path):
    assert "不存在" in message_for(tmp_path / "没有.xlsx")
